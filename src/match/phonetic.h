// Phonetic keys for romanised South-East and East Asian names.
//
// Romanisations of one name differ in predictable ways: aspiration and
// digraphs (ph/p, th/t, kh/k, hs/s, ht/t), palatals (ch/j/c/zh/q), Lao x and
// French-style ou, ny/nh/gn, v/w, r/l and a silent post-vocalic r ("porn" for
// "phon"), final voicing (d/t, b/p), a silent French final e ("Phone"), and
// vowel spellings (ee/i/y, ae/e, aw/o). The key keeps the consonant skeleton,
// marks each run of vowels with a single 'a', and collapses doubled letters,
// so "Suphaphon", "Supaporn" and "Suphaporn" share the key "sapapan".
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace trm::match {

// REQUIRES: `token` is one lower-case ASCII word (romaniser output).
// Returns an empty key for an empty token.
std::string PhoneticKey(std::string_view token);

// 32-bit FNV-1a hash, used to store keys compactly.
uint32_t Hash32(std::string_view s);
uint64_t Hash64(std::string_view s);

}  // namespace trm::match
