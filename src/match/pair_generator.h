// Candidate pairs from blocking rules, each pair produced exactly once.
//
// Keys of every rule are computed for all records and sorted; records sharing
// a key form a block, and every pair within a block is a candidate unless an
// earlier rule, or a smaller key of the same rule, already produced it.
// Blocks larger than `max_block_size` are skipped (their keys are too common
// to be useful, e.g. a frequent family name with a common birth year) and
// counted in the stats. In link mode only pairs across the two sides count.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "match/blocking.h"
#include "match/prepared_record.h"

namespace trm::match {

struct PairGeneratorOptions {
  size_t max_block_size = 2000;
  // Empty for deduplication; otherwise side[i] (0 or 1) of every record, and
  // only pairs with different sides are produced.
  std::vector<uint8_t> sides;
};

struct BlockStats {
  BlockingRule rule;
  uint64_t blocks = 0;
  uint64_t oversize_blocks = 0;   // skipped
  uint64_t oversize_records = 0;  // record-key entries in skipped blocks
  uint64_t pairs = 0;             // candidate pairs first produced by this rule
};

class PairGenerator {
 public:
  // `records` must outlive the generator.
  PairGenerator(const std::vector<PreparedRecord>& records, std::vector<BlockingRule> rules,
                PairGeneratorOptions options, int threads);

  // Calls fn(thread, i, j) with i < j for every candidate pair, on `threads`
  // threads (thread in [0, threads)). fn must be safe to call concurrently
  // for different thread indexes.
  void ForEachPair(const std::function<void(int, uint32_t, uint32_t)>& fn) const;

  // Exact number of candidate pairs (runs the enumeration without scoring).
  uint64_t CountPairs() const;

  const std::vector<BlockStats>& stats() const { return stats_; }
  int threads() const { return threads_; }

 private:
  struct Block {
    uint32_t rule_index;
    uint32_t begin, end;  // range in entries_[rule_index]
  };
  struct Entry {
    uint64_t key;
    uint32_t record;
  };

  // True when i and j share a usable key under an earlier rule, or a smaller
  // usable key under rule `rule_index`.
  bool SeenBefore(uint32_t i, uint32_t j, uint32_t rule_index, uint64_t key) const;

  const std::vector<PreparedRecord>& records_;
  std::vector<BlockingRule> rules_;
  PairGeneratorOptions options_;
  int threads_;
  std::vector<std::vector<Entry>> entries_;  // per rule, sorted by key
  std::vector<Block> blocks_;
  // Usable keys of each record under each rule: keys_[offsets_[i*R + r] ..
  // offsets_[i*R + r + 1]), sorted.
  std::vector<uint64_t> keys_;
  std::vector<uint64_t> offsets_;
  mutable std::vector<BlockStats> stats_;
};

}  // namespace trm::match
