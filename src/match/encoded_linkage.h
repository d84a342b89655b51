// Linking two sets of privacy-preserving encodings by Dice similarity, with
// blocking over the encodings themselves (Hamming locality-sensitive
// hashing): each band samples `bits_per_band` fixed bit positions, and two
// encodings become candidates when all sampled bits of some band agree.
// Encodings of one person agree on most bits, so they share a band with high
// probability, while unrelated encodings rarely do. The positions derive from
// a seed both sides use (the encoding fingerprint by default), so no
// plaintext is needed for blocking either.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "match/dice_kernel.h"

namespace trm::match {

// Defaults measured on FEBRL4 (bench/match/RESULTS.md): 64 bands of 14 bits
// keep 96% of true pairs while comparing under 2% of all pairs.
struct LshOptions {
  int bands = 64;
  int bits_per_band = 14;
  std::string seed = "trm-lsh";
};

struct EncodedLink {
  uint32_t a, b;
  float dice;
};

struct EncodedLinkStats {
  uint64_t candidates = 0;  // Dice comparisons made
  double seconds_blocking = 0, seconds_dice = 0;
};

// Links `a` to `b`: pairs with Dice >= threshold among the LSH candidates
// (or among all pairs when `lsh` is null), sorted by descending Dice; with
// `one_to_one`, each encoding keeps at most its best link.
std::vector<EncodedLink> LinkEncodings(const EncodingStore& a, const EncodingStore& b,
                                       float threshold, const LshOptions* lsh, bool one_to_one,
                                       int threads, EncodedLinkStats* stats);

}  // namespace trm::match
