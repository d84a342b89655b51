// The Fellegi-Sunter model: for every field and comparison level, m (the
// probability of that level among true matches) and u (among non-matches),
// a prior (the probability that two random records match), and the
// thresholds that turn a match probability into a decision.
//
// A pair's match weight is log2(prior / (1 - prior)) plus, per field,
// log2(m / u) of its level (0 for a missing field), plus the name
// term-frequency adjustment: at every agreeing name level u is replaced by how
// common the agreeing name (or its agreeing tokens) is, so agreement on a rare
// name counts for more than on a common one. Probability = 2^w / (1 + 2^w).
//
// A Model is a value; reads are thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "match/comparison.h"
#include "match/fields.h"
#include "match/term_frequency.h"

namespace trm::match {

enum class Decision : uint8_t { kDifferent, kReview, kSame };
const char* DecisionName(Decision d);

struct FieldContribution {
  Field field;
  uint8_t level;
  double weight;         // log2(m/u) of the level
  double tf_adjustment;  // name frequency adjustment (0 for other fields)
};

struct Explanation {
  double prior_weight = 0.0;
  std::vector<FieldContribution> fields;  // every field, in Field order
  double total_weight = 0.0;
  double probability = 0.0;
  Decision decision = Decision::kDifferent;

  // One line per field: "name: romanised_exact +12.31 (tf -1.20)".
  std::string ToString() const;
};

class Model {
 public:
  // Plausible starting values for any data set (used before training and as
  // the starting point of EM).
  static Model Default();

  // Reads the text form written by Serialize. Returns InvalidArgument naming
  // the line for unknown fields or levels, probabilities outside (0, 1], and
  // thresholds out of order.
  static Result<Model> Parse(std::string_view text);
  static Result<Model> Load(const std::string& path);
  std::string Serialize() const;

  double m(int field, int level) const { return m_[field][level]; }
  double u(int field, int level) const { return u_[field][level]; }
  double prior() const { return prior_; }
  double threshold_same() const { return threshold_same_; }
  double threshold_review() const { return threshold_review_; }
  bool name_tf() const { return name_tf_; }

  // Setters keep the cached weights current. Probabilities are clamped to
  // [1e-9, 1]. Each field's m and u are renormalised over its non-null levels.
  void SetM(int field, int level, double m);
  void SetU(int field, int level, double u);
  void SetPrior(double prior);
  // REQUIRES: 0 < review <= same < 1.
  void SetThresholds(double same, double review);
  void SetNameTf(bool on) { name_tf_ = on; }
  void Normalize();

  // log2(m/u) of a level; 0 for the null level. A weaker level never
  // weighs more than a stronger one of the same field (a typo never counts
  // for more than an exact match): such inversions are clamped.
  double Weight(int field, int level) const { return weight_[field][level]; }
  double PriorWeight() const { return prior_weight_; }

  // The name term-frequency adjustment for a pair of names `a` and `b`
  // compared as `v`. 0 when `tf` is null or adjustment is off. Typo, phonetic
  // and Jaro-Winkler levels are only adjusted downwards (their u is too rare
  // among random pairs to measure, so a rare name cannot be judged against it).
  double NameTfAdjustment(const ComparisonVector& v, const PreparedName& a, const PreparedName& b,
                          const TermFrequencies* tf) const;

  // Total match weight of a pair.
  double ScoreWeight(const ComparisonVector& v, const PreparedName& a, const PreparedName& b,
                     const TermFrequencies* tf) const;
  Explanation Explain(const ComparisonVector& v, const PreparedName& a, const PreparedName& b,
                      const TermFrequencies* tf) const;

  Decision Decide(double probability) const;
  static double Probability(double weight);

 private:
  void Recompute();

  std::array<std::array<double, kMaxLevels>, kFieldCount> m_{};
  std::array<std::array<double, kMaxLevels>, kFieldCount> u_{};
  std::array<std::array<double, kMaxLevels>, kFieldCount> weight_{};
  double prior_ = 1e-5;
  double prior_weight_ = 0.0;
  double threshold_same_ = 0.95;
  double threshold_review_ = 0.50;
  bool name_tf_ = true;
};

}  // namespace trm::match
