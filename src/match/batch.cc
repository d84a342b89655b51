#include "match/batch.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>

#include "match/term_frequency.h"

namespace trm::match {
namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

uint64_t PairKey(uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return static_cast<uint64_t>(a) << 32 | b;
}

Result<Model> ModelFor(const std::vector<PreparedRecord>& records,
                       const std::vector<uint8_t>& sides, const BatchOptions& options,
                       TrainingReport* report) {
  Model model;
  if (options.model.has_value()) {
    model = *options.model;
  } else {
    TrainingOptions t = options.training;
    t.threads = options.threads;
    t.max_block_size = options.max_block_size;
    ASSIGN_OR_RETURN(model, Train(records, sides, Model::Default(), t, report));
  }
  const double same = options.threshold_same.value_or(model.threshold_same());
  const double review = std::min(same, options.threshold_review.value_or(model.threshold_review()));
  model.SetThresholds(same, review);
  return model;
}

// Scores every candidate pair; returns those at or above `keep` probability.
std::vector<ScoredPair> ScoreCandidates(const std::vector<PreparedRecord>& records,
                                        const std::vector<uint8_t>& sides, const Model& model,
                                        const TermFrequencies& tf, const BatchOptions& options,
                                        double keep, BatchStats* stats) {
  PairGeneratorOptions gen_options;
  gen_options.max_block_size = options.max_block_size;
  gen_options.sides = sides;
  PairGenerator gen(records, options.rules, gen_options, options.threads);
  std::vector<std::vector<ScoredPair>> found(gen.threads());
  std::vector<uint64_t> counted(gen.threads(), 0);
  // Comparing the weight avoids an exp per pair.
  const double keep_weight = std::log2(keep / (1.0 - keep));
  gen.ForEachPair([&](int t, uint32_t i, uint32_t j) {
    ++counted[t];
    const ComparisonVector v = Compare(records[i], records[j]);
    const double w = model.ScoreWeight(v, records[i].name, records[j].name, &tf);
    if (w < keep_weight) return;
    found[t].push_back({i, j, static_cast<float>(w), static_cast<float>(Model::Probability(w))});
  });
  std::vector<ScoredPair> all;
  for (auto& f : found) all.insert(all.end(), f.begin(), f.end());
  for (uint64_t c : counted) stats->candidate_pairs += c;
  stats->blocks = gen.stats();
  return all;
}

}  // namespace

Result<DedupeResult> Dedupe(const std::vector<PreparedRecord>& records,
                            const std::vector<HumanDecision>& decisions,
                            const BatchOptions& options) {
  DedupeResult result;
  auto start = std::chrono::steady_clock::now();
  TermFrequencies tf;
  for (const PreparedRecord& r : records) tf.Add(r.name);
  if (records.size() < 2) {
    result.cluster_of.resize(records.size(), 0);
    result.model = options.model.value_or(Model::Default());
    return result;
  }
  ASSIGN_OR_RETURN(result.model, ModelFor(records, {}, options, &result.training));
  result.stats.seconds_train = Seconds(start);

  start = std::chrono::steady_clock::now();
  result.pairs = ScoreCandidates(records, {}, result.model, tf, options,
                                 result.model.threshold_review(), &result.stats);
  result.stats.seconds_pairs = Seconds(start);

  start = std::chrono::steady_clock::now();
  ClusterResult clusters =
      ClusterRecords(records.size(), result.pairs, result.model.threshold_same(), decisions);
  result.cluster_of = std::move(clusters.cluster_of);
  result.refused_merges = clusters.refused_merges;
  result.stats.seconds_cluster = Seconds(start);
  return result;
}

Result<LinkResult> Link(const std::vector<PreparedRecord>& a, const std::vector<PreparedRecord>& b,
                        const std::vector<HumanDecision>& decisions, const BatchOptions& options) {
  LinkResult result;
  std::vector<PreparedRecord> all;
  all.reserve(a.size() + b.size());
  all.insert(all.end(), a.begin(), a.end());
  all.insert(all.end(), b.begin(), b.end());
  std::vector<uint8_t> sides(all.size(), 0);
  std::fill(sides.begin() + static_cast<long>(a.size()), sides.end(), 1);
  if (a.empty() || b.empty()) {
    result.model = options.model.value_or(Model::Default());
    return result;
  }
  auto start = std::chrono::steady_clock::now();
  TermFrequencies tf;
  for (const PreparedRecord& r : all) tf.Add(r.name);
  ASSIGN_OR_RETURN(result.model, ModelFor(all, sides, options, &result.training));
  result.stats.seconds_train = Seconds(start);

  start = std::chrono::steady_clock::now();
  std::vector<ScoredPair> scored = ScoreCandidates(all, sides, result.model, tf, options,
                                                   result.model.threshold_review(), &result.stats);
  result.stats.seconds_pairs = Seconds(start);

  const uint32_t na = static_cast<uint32_t>(a.size());
  std::unordered_map<uint64_t, Decision> human;
  for (const HumanDecision& d : decisions) {
    if (d.a < a.size() && d.b < b.size()) human[PairKey(d.a, d.b + na)] = d.decision;
  }
  std::vector<LinkedPair> pairs;
  for (const ScoredPair& p : scored) {
    const uint32_t ia = p.a < na ? p.a : p.b;
    const uint32_t ib = (p.a < na ? p.b : p.a) - na;
    auto it = human.find(PairKey(ia, ib + na));
    if (it != human.end()) continue;  // added below as decided
    pairs.push_back({ia, ib, p.probability, result.model.Decide(p.probability), false});
  }
  for (const auto& [key, decision] : human) {
    if (decision != Decision::kSame) continue;
    pairs.push_back({static_cast<uint32_t>(key >> 32),
                     static_cast<uint32_t>(key & 0xFFFFFFFFu) - na, 1.0, Decision::kSame, true});
  }
  std::sort(pairs.begin(), pairs.end(), [](const LinkedPair& x, const LinkedPair& y) {
    if (x.human != y.human) return x.human;
    return x.probability > y.probability;
  });
  if (options.one_to_one) {
    std::vector<bool> used_a(a.size()), used_b(b.size());
    std::vector<LinkedPair> kept;
    for (const LinkedPair& p : pairs) {
      if (used_a[p.a] || used_b[p.b]) continue;
      used_a[p.a] = used_b[p.b] = true;
      kept.push_back(p);
    }
    pairs = std::move(kept);
  }
  std::sort(pairs.begin(), pairs.end(), [](const LinkedPair& x, const LinkedPair& y) {
    return x.a != y.a ? x.a < y.a : x.probability > y.probability;
  });
  result.pairs = std::move(pairs);
  return result;
}

}  // namespace trm::match
