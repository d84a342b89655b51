// Fast Dice similarity over many 1024-bit encodings.
//
// Encodings are stored contiguously and 64-byte aligned (one cache-line pair
// each) with their popcounts, so that a scan streams memory and does one AND
// and one popcount per 64-bit word. On CPUs with AVX-512 VPOPCNTDQ the scan
// uses 512-bit vectors (chosen at run time); elsewhere the POPCNT instruction.
//
// An EncodingStore is not thread-safe while adding; scans of a store that is
// not being changed may run concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "match/bloom_encoding.h"

namespace trm::match {

class EncodingStore {
 public:
  EncodingStore() = default;
  EncodingStore(EncodingStore&&) = default;
  EncodingStore& operator=(EncodingStore&&) = default;

  void Reserve(size_t n);
  void Add(const Encoding& e);
  size_t size() const { return size_; }
  const uint64_t* words(size_t i) const { return words_.get() + i * kEncodingWords; }
  int popcount(size_t i) const { return pops_[i]; }
  const uint16_t* popcounts() const { return pops_.data(); }

 private:
  struct Free {
    void operator()(uint64_t* p) const { std::free(p); }
  };
  std::unique_ptr<uint64_t[], Free> words_;
  size_t size_ = 0, capacity_ = 0;
  std::vector<uint16_t> pops_;
};

// Writes Dice(query, store[i]) to out[i - begin] for i in [begin, end).
void DiceRange(const Encoding& query, const EncodingStore& store, size_t begin, size_t end,
               float* out);

// Appends (i, dice) for every i in [begin, end) with dice >= threshold.
void DiceAbove(const Encoding& query, const EncodingStore& store, size_t begin, size_t end,
               float threshold, std::vector<std::pair<uint32_t, float>>* hits);

// Dice of one query against a list of candidate indexes (blocked comparisons).
void DiceCandidates(const Encoding& query, const EncodingStore& store, const uint32_t* candidates,
                    size_t n, float* out);

// Total popcount of all stored words: a bare loop over the same memory,
// the ceiling for a scan (used by the benchmark).
uint64_t PopcountAll(const EncodingStore& store);

// "avx512-vpopcntdq" or "popcnt": the kernel chosen on this CPU.
const char* DiceKernelName();

}  // namespace trm::match
