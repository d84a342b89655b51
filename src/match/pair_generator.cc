#include "match/pair_generator.h"

#include <algorithm>
#include <atomic>
#include <mutex>

#include "match/parallel.h"

namespace trm::match {
namespace {

bool ShareKeyBelow(const uint64_t* a, const uint64_t* a_end, const uint64_t* b,
                   const uint64_t* b_end, uint64_t limit) {
  while (a != a_end && b != b_end) {
    if (*a >= limit || *b >= limit) return false;
    if (*a == *b) return true;
    if (*a < *b) {
      ++a;
    } else {
      ++b;
    }
  }
  return false;
}

}  // namespace

PairGenerator::PairGenerator(const std::vector<PreparedRecord>& records,
                             std::vector<BlockingRule> rules, PairGeneratorOptions options,
                             int threads)
    : records_(records),
      rules_(std::move(rules)),
      options_(std::move(options)),
      threads_(std::max(1, threads)) {
  const size_t n = records_.size();
  const size_t nrules = rules_.size();
  entries_.resize(nrules);
  stats_.resize(nrules);
  // 1. Keys of every record under every rule, computed in parallel chunks.
  std::mutex mu;
  ParallelChunks(n, threads_, 4096, [&](int, size_t begin, size_t end) {
    std::vector<std::vector<Entry>> local(nrules);
    std::vector<uint64_t> keys;
    for (size_t i = begin; i < end; ++i) {
      for (size_t r = 0; r < nrules; ++r) {
        keys.clear();
        AppendBlockingKeys(rules_[r], records_[i], &keys);
        for (uint64_t k : keys) local[r].push_back({k, static_cast<uint32_t>(i)});
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    for (size_t r = 0; r < nrules; ++r) {
      entries_[r].insert(entries_[r].end(), local[r].begin(), local[r].end());
    }
  });
  // 2. Sort each rule's entries (rules in parallel) and find usable blocks.
  ParallelChunks(nrules, threads_, 1, [&](int, size_t begin, size_t end) {
    for (size_t r = begin; r < end; ++r) {
      std::sort(entries_[r].begin(), entries_[r].end(), [](const Entry& a, const Entry& b) {
        return a.key != b.key ? a.key < b.key : a.record < b.record;
      });
    }
  });
  std::vector<uint32_t> counts(n * nrules + 1, 0);
  for (size_t r = 0; r < nrules; ++r) {
    stats_[r].rule = rules_[r];
    const auto& e = entries_[r];
    size_t x = 0;
    while (x < e.size()) {
      size_t y = x + 1;
      while (y < e.size() && e[y].key == e[x].key) ++y;
      const size_t size = y - x;
      if (size >= 2) {
        if (size > options_.max_block_size) {
          ++stats_[r].oversize_blocks;
          stats_[r].oversize_records += size;
        } else {
          ++stats_[r].blocks;
          blocks_.push_back(
              {static_cast<uint32_t>(r), static_cast<uint32_t>(x), static_cast<uint32_t>(y)});
          for (size_t k = x; k < y; ++k) ++counts[e[k].record * nrules + r];
        }
      }
      x = y;
    }
  }
  // 3. Usable keys per record and rule (CSR), in key order.
  offsets_.assign(n * nrules + 1, 0);
  for (size_t s = 0; s < n * nrules; ++s) offsets_[s + 1] = offsets_[s] + counts[s];
  keys_.resize(offsets_.back());
  std::vector<uint64_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (const Block& b : blocks_) {
    const auto& e = entries_[b.rule_index];
    for (uint32_t k = b.begin; k < b.end; ++k) {
      keys_[fill[e[k].record * nrules + b.rule_index]++] = e[k].key;
    }
  }
  // Largest blocks first, so that the threads finish together.
  std::sort(blocks_.begin(), blocks_.end(),
            [](const Block& a, const Block& b) { return (a.end - a.begin) > (b.end - b.begin); });
}

bool PairGenerator::SeenBefore(uint32_t i, uint32_t j, uint32_t rule_index, uint64_t key) const {
  const size_t nrules = rules_.size();
  for (uint32_t r = 0; r <= rule_index; ++r) {
    const uint64_t limit = r < rule_index ? ~0ull : key;
    const uint64_t* a = keys_.data() + offsets_[i * nrules + r];
    const uint64_t* a_end = keys_.data() + offsets_[i * nrules + r + 1];
    const uint64_t* b = keys_.data() + offsets_[j * nrules + r];
    const uint64_t* b_end = keys_.data() + offsets_[j * nrules + r + 1];
    if (ShareKeyBelow(a, a_end, b, b_end, limit)) return true;
  }
  return false;
}

void PairGenerator::ForEachPair(const std::function<void(int, uint32_t, uint32_t)>& fn) const {
  const bool link = !options_.sides.empty();
  std::vector<std::vector<uint64_t>> pair_counts(threads_, std::vector<uint64_t>(rules_.size()));
  ParallelChunks(blocks_.size(), threads_, 16, [&](int t, size_t begin, size_t end) {
    for (size_t bi = begin; bi < end; ++bi) {
      const Block& b = blocks_[bi];
      const auto& e = entries_[b.rule_index];
      for (uint32_t x = b.begin; x < b.end; ++x) {
        const uint32_t i = e[x].record;
        for (uint32_t y = x + 1; y < b.end; ++y) {
          const uint32_t j = e[y].record;
          if (link && options_.sides[i] == options_.sides[j]) continue;
          if (SeenBefore(i, j, b.rule_index, e[x].key)) continue;
          ++pair_counts[t][b.rule_index];
          fn(t, i, j);
        }
      }
    }
  });
  for (size_t r = 0; r < rules_.size(); ++r) {
    stats_[r].pairs = 0;
    for (int t = 0; t < threads_; ++t) stats_[r].pairs += pair_counts[t][r];
  }
}

uint64_t PairGenerator::CountPairs() const {
  ForEachPair([](int, uint32_t, uint32_t) {});
  uint64_t total = 0;
  for (const BlockStats& s : stats_) total += s.pairs;
  return total;
}

}  // namespace trm::match
