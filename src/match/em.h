// Expectation-maximisation for the Fellegi-Sunter model.
//
// Input is the distinct comparison patterns of a set of pairs with their
// counts. Each iteration computes, per pattern, the probability that its pairs
// are matches (E step), then re-estimates lambda (the share of matches among
// these pairs) and m per field and level from those probabilities (M step);
// u is re-estimated too unless fixed. Fields marked `excluded` are ignored
// entirely (the pairs were blocked on them, so they say nothing here), as
// Splink does when training one blocking rule at a time. Fields marked
// `passive` do not vote in the E step but get their m (and u) from its
// result: fields such as citizenship and place agree far more often among
// people who share a name than among random pairs, and letting them vote
// would make EM mistake namesakes for matches.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "match/comparison.h"
#include "match/model.h"

namespace trm::match {

struct PatternCount {
  uint32_t pattern;  // ComparisonVector::PatternKey
  double count;
};

// Aggregates comparison vectors by pattern.
class PatternCounter {
 public:
  void Add(const ComparisonVector& v, double weight = 1.0);
  void Merge(const PatternCounter& other);
  std::vector<PatternCount> Patterns() const;
  double total() const { return total_; }

 private:
  std::vector<std::pair<uint32_t, double>> flat_;  // open addressing, key+1 (0 = empty)
  size_t used_ = 0;
  double total_ = 0;
  void Grow();
};

struct EmOptions {
  int max_iterations = 100;
  double tolerance = 1e-6;  // largest change of any m (or u) between iterations
  bool fix_u = true;
  std::array<bool, kFieldCount> excluded{};
  std::array<bool, kFieldCount> passive{};
};

struct EmResult {
  double lambda = 0;  // share of matches among the pairs
  int iterations = 0;
  bool converged = false;
};

// Runs EM from the model's current m, u and `lambda`; writes the estimated m
// (and u unless fixed) of non-excluded fields back into `model` (normalised).
// REQUIRES: 0 < initial lambda < 1; `patterns` not empty.
EmResult RunEm(const std::vector<PatternCount>& patterns, const EmOptions& options,
               double initial_lambda, Model* model);

}  // namespace trm::match
