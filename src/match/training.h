// Estimating a model from the data itself, as Splink does:
//  - u from random pairs (nearly all non-matches);
//  - m by EM over pairs blocked on one rule at a time, leaving out the field
//    the rule blocks on (exact birth date, then identical name tokens), so
//    that each field's m comes from pairs not selected by that field;
//  - the prior from how many matches the birth-date run finds, scaled by the
//    share of matches that agree on birth date (m of its exact level).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "match/blocking.h"
#include "match/model.h"
#include "match/prepared_record.h"

namespace trm::match {

struct TrainingOptions {
  uint64_t u_pairs = 1'000'000;   // random pairs sampled for u
  uint64_t em_pairs = 1'000'000;  // largest sample of blocked pairs per EM run
  size_t max_block_size = 2000;
  int threads = 2;
  uint64_t seed = 20250101;
};

struct TrainingRun {
  BlockingRule rule;
  uint64_t pairs = 0;    // pairs the rule produces
  uint64_t sampled = 0;  // pairs used
  double lambda = 0;
  int iterations = 0;
  bool converged = false;
  bool used = false;  // false when too few pairs, or too few estimated matches, to train on
  // Set when the run had enough matches but learned an implausible m (see
  // training.cc); such a run is not used either.
  bool implausible = false;
};

struct TrainingReport {
  uint64_t u_pairs = 0;
  std::vector<TrainingRun> runs;
  double prior = 0;
  std::string ToString() const;
};

// Trains on `records`. `sides` is empty for deduplication, or gives each
// record's side (0 or 1) for linking two sets. `start` supplies starting m
// values, thresholds and the fallback prior.
// Returns InvalidArgument when there are fewer than 2 records (or an empty side).
Result<Model> Train(const std::vector<PreparedRecord>& records, const std::vector<uint8_t>& sides,
                    const Model& start, const TrainingOptions& options, TrainingReport* report);

// u estimated from `pairs` random pairs (or all pairs, when there are fewer);
// returns the number of pairs compared. Exposed for tests.
uint64_t EstimateU(const std::vector<PreparedRecord>& records, const std::vector<uint8_t>& sides,
                   uint64_t pairs, uint64_t seed, int threads, Model* model);

}  // namespace trm::match
