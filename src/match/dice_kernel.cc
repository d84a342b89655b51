#include "match/dice_kernel.h"

#include <immintrin.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

// GCC 12 reports its own AVX-512 unpack intrinsics as reading an
// uninitialised value (a known false positive in the header's masked form).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace trm::match {
namespace {

bool HasAvx512Popcount() {
  static const bool has =
      __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vpopcntdq");
  return has;
}

__attribute__((target("popcnt"))) int AndPopcountScalar(const uint64_t* a, const uint64_t* b) {
  int n = 0;
  for (int w = 0; w < kEncodingWords; ++w) n += __builtin_popcountll(a[w] & b[w]);
  return n;
}

__attribute__((target("popcnt"))) int PopcountScalar(const uint64_t* a) {
  int n = 0;
  for (int w = 0; w < kEncodingWords; ++w) n += __builtin_popcountll(a[w]);
  return n;
}

// Popcounts of (q & e) for 8 encodings, returned in one vector of 8 lanes:
// the per-encoding vectors are summed pairwise so that one final step yields
// all eight totals instead of eight horizontal reductions.
__attribute__((target("avx512f,avx512vpopcntdq"))) inline __m512i AndPopcount8(__m512i q0,
                                                                               __m512i q1,
                                                                               const uint64_t* p) {
  __m512i c[8];
  for (int k = 0; k < 8; ++k) {
    const uint64_t* e = p + k * kEncodingWords;
    c[k] = _mm512_add_epi64(_mm512_popcnt_epi64(_mm512_and_si512(q0, _mm512_load_si512(e))),
                            _mm512_popcnt_epi64(_mm512_and_si512(q1, _mm512_load_si512(e + 8))));
  }
  // Transpose-and-add: lane k of the result is the sum of c[k]'s lanes.
  // Step 1: pairs (k, k+1): interleave 64-bit lanes and add.
  __m512i s01 =
      _mm512_add_epi64(_mm512_unpacklo_epi64(c[0], c[1]), _mm512_unpackhi_epi64(c[0], c[1]));
  __m512i s23 =
      _mm512_add_epi64(_mm512_unpacklo_epi64(c[2], c[3]), _mm512_unpackhi_epi64(c[2], c[3]));
  __m512i s45 =
      _mm512_add_epi64(_mm512_unpacklo_epi64(c[4], c[5]), _mm512_unpackhi_epi64(c[4], c[5]));
  __m512i s67 =
      _mm512_add_epi64(_mm512_unpacklo_epi64(c[6], c[7]), _mm512_unpackhi_epi64(c[6], c[7]));
  // Each sXY now holds, per 128-bit block, (partial X, partial Y); 4 blocks.
  // Step 2: combine 128-bit blocks across the pairs.
  const __m512i lo_idx = _mm512_setr_epi64(0, 1, 8, 9, 4, 5, 12, 13);
  const __m512i hi_idx = _mm512_setr_epi64(2, 3, 10, 11, 6, 7, 14, 15);
  __m512i s0123 = _mm512_add_epi64(_mm512_permutex2var_epi64(s01, lo_idx, s23),
                                   _mm512_permutex2var_epi64(s01, hi_idx, s23));
  __m512i s4567 = _mm512_add_epi64(_mm512_permutex2var_epi64(s45, lo_idx, s67),
                                   _mm512_permutex2var_epi64(s45, hi_idx, s67));
  // s0123 lanes: (0,1,2,3 from block A, 0,1,2,3 from block B); same for s4567.
  const __m512i lo2 = _mm512_setr_epi64(0, 1, 2, 3, 8, 9, 10, 11);
  const __m512i hi2 = _mm512_setr_epi64(4, 5, 6, 7, 12, 13, 14, 15);
  return _mm512_add_epi64(_mm512_permutex2var_epi64(s0123, lo2, s4567),
                          _mm512_permutex2var_epi64(s0123, hi2, s4567));
}

__attribute__((target("avx512f,avx512vpopcntdq"))) void DiceRangeAvx512(const Encoding& query,
                                                                        const EncodingStore& store,
                                                                        size_t begin, size_t end,
                                                                        float* out) {
  const __m512i q0 = _mm512_load_si512(query.words.data());
  const __m512i q1 = _mm512_load_si512(query.words.data() + 8);
  const float qpop = static_cast<float>(query.Popcount());
  const uint16_t* pops = store.popcounts();
  size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    const __m512i both = AndPopcount8(q0, q1, store.words(i));
    const __m256 both_f = _mm256_cvtepi32_ps(_mm512_cvtepi64_epi32(both));
    const __m256 pop_f = _mm256_cvtepi32_ps(
        _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(pops + i))));
    const __m256 denom = _mm256_add_ps(pop_f, _mm256_set1_ps(qpop));
    const __m256 dice =
        _mm256_div_ps(_mm256_add_ps(both_f, both_f), _mm256_max_ps(denom, _mm256_set1_ps(1.0f)));
    _mm256_storeu_ps(out + (i - begin), dice);
  }
  for (; i < end; ++i) {
    const int both = AndPopcountScalar(query.words.data(), store.words(i));
    const float denom = qpop + pops[i];
    out[i - begin] = denom > 0 ? 2.0f * both / denom : 0.0f;
  }
}

__attribute__((target("popcnt"))) void DiceRangeScalar(const Encoding& query,
                                                       const EncodingStore& store, size_t begin,
                                                       size_t end, float* out) {
  const float qpop = static_cast<float>(query.Popcount());
  for (size_t i = begin; i < end; ++i) {
    const int both = AndPopcountScalar(query.words.data(), store.words(i));
    const float denom = qpop + store.popcount(i);
    out[i - begin] = denom > 0 ? 2.0f * both / denom : 0.0f;
  }
}

__attribute__((target("avx512f,avx512vpopcntdq"))) uint64_t PopcountAllAvx512(
    const EncodingStore& store) {
  __m512i acc = _mm512_setzero_si512();
  const uint64_t* p = store.words(0);
  const size_t words = store.size() * kEncodingWords;
  for (size_t w = 0; w < words; w += 8) {
    acc = _mm512_add_epi64(acc, _mm512_popcnt_epi64(_mm512_load_si512(p + w)));
  }
  return static_cast<uint64_t>(_mm512_reduce_add_epi64(acc));
}

}  // namespace

void EncodingStore::Reserve(size_t n) {
  if (n <= capacity_) return;
  const size_t bytes = n * kEncodingWords * sizeof(uint64_t);
  auto* fresh = static_cast<uint64_t*>(std::aligned_alloc(64, bytes));
  if (size_) std::memcpy(fresh, words_.get(), size_ * kEncodingWords * sizeof(uint64_t));
  words_.reset(fresh);
  capacity_ = n;
  pops_.reserve(n);
}

void EncodingStore::Add(const Encoding& e) {
  if (size_ == capacity_) Reserve(std::max<size_t>(1024, capacity_ * 2));
  std::memcpy(words_.get() + size_ * kEncodingWords, e.words.data(), sizeof(e.words));
  pops_.push_back(static_cast<uint16_t>(PopcountScalar(e.words.data())));
  ++size_;
}

void DiceRange(const Encoding& query, const EncodingStore& store, size_t begin, size_t end,
               float* out) {
  if (HasAvx512Popcount()) {
    DiceRangeAvx512(query, store, begin, end, out);
  } else {
    DiceRangeScalar(query, store, begin, end, out);
  }
}

void DiceAbove(const Encoding& query, const EncodingStore& store, size_t begin, size_t end,
               float threshold, std::vector<std::pair<uint32_t, float>>* hits) {
  constexpr size_t kChunk = 1024;
  float scores[kChunk];
  for (size_t b = begin; b < end; b += kChunk) {
    const size_t e = std::min(end, b + kChunk);
    DiceRange(query, store, b, e, scores);
    for (size_t i = b; i < e; ++i) {
      if (scores[i - b] >= threshold) hits->push_back({static_cast<uint32_t>(i), scores[i - b]});
    }
  }
}

void DiceCandidates(const Encoding& query, const EncodingStore& store, const uint32_t* candidates,
                    size_t n, float* out) {
  const float qpop = static_cast<float>(query.Popcount());
  for (size_t k = 0; k < n; ++k) {
    const int both = AndPopcountScalar(query.words.data(), store.words(candidates[k]));
    const float denom = qpop + store.popcount(candidates[k]);
    out[k] = denom > 0 ? 2.0f * both / denom : 0.0f;
  }
}

uint64_t PopcountAll(const EncodingStore& store) {
  if (store.size() == 0) return 0;
  if (HasAvx512Popcount()) return PopcountAllAvx512(store);
  uint64_t n = 0;
  for (size_t i = 0; i < store.size(); ++i) n += PopcountScalar(store.words(i));
  return n;
}

const char* DiceKernelName() { return HasAvx512Popcount() ? "avx512-vpopcntdq" : "popcnt"; }

}  // namespace trm::match
