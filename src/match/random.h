// Small deterministic pseudo-random generator (SplitMix64) for sampling
// pairs reproducibly from a seed.
#pragma once

#include <cstdint>

namespace trm::match {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n). REQUIRES: n > 0.
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<__uint128_t>(Next()) * n) >> 64);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

// A stateless hash of a pair and a seed, uniform in [0, 1).
inline double PairUnit(uint32_t i, uint32_t j, uint64_t seed) {
  SplitMix64 g(seed ^ (static_cast<uint64_t>(i) << 32 | j));
  return g.Unit();
}

}  // namespace trm::match
