// Batch matching of whole data sets: deduplication (records of one set
// grouped into persons) and linkage (records of set A paired with set B).
//
// Both run the same steps: count name frequencies, train the model on the
// data (training.h) unless a model is given, generate candidate pairs
// (pair_generator.h), score them on all threads, and then cluster (dedupe) or
// select pairs (link). Human decisions are respected: a pair decided
// "different" is never linked, and one decided "same" always is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "match/cluster.h"
#include "match/model.h"
#include "match/pair_generator.h"
#include "match/prepared_record.h"
#include "match/training.h"

namespace trm::match {

struct BatchOptions {
  int threads = 2;
  // Use this model as is; when absent the model is trained on the data,
  // starting from Model::Default().
  std::optional<Model> model;
  TrainingOptions training;
  size_t max_block_size = 300;
  std::vector<BlockingRule> rules = PredictionRules();
  // Overrides of the model's thresholds (match probability).
  std::optional<double> threshold_same;
  std::optional<double> threshold_review;
  // Link only: keep at most one link per record on each side, best first
  // (for two sets that are each free of duplicates).
  bool one_to_one = false;
};

struct BatchStats {
  uint64_t candidate_pairs = 0;
  std::vector<BlockStats> blocks;
  double seconds_train = 0, seconds_pairs = 0, seconds_cluster = 0;
};

struct DedupeResult {
  std::vector<uint32_t> cluster_of;  // smallest record index of each record's cluster
  std::vector<ScoredPair> pairs;     // scored pairs at or above the review threshold
  Model model;
  TrainingReport training;
  BatchStats stats;
  uint64_t refused_merges = 0;
};

struct LinkedPair {
  uint32_t a;  // index into set A
  uint32_t b;  // index into set B
  double probability;
  Decision decision;   // kSame or kReview
  bool human = false;  // decided by a person
};

struct LinkResult {
  std::vector<LinkedPair> pairs;  // sorted by a, then descending probability
  Model model;
  TrainingReport training;
  BatchStats stats;
};

// `decisions` use record indexes. Returns InvalidArgument when training is
// requested on fewer than two records.
Result<DedupeResult> Dedupe(const std::vector<PreparedRecord>& records,
                            const std::vector<HumanDecision>& decisions,
                            const BatchOptions& options);

// `decisions` use a = index in `a`, b = index in `b`.
Result<LinkResult> Link(const std::vector<PreparedRecord>& a, const std::vector<PreparedRecord>& b,
                        const std::vector<HumanDecision>& decisions, const BatchOptions& options);

}  // namespace trm::match
