// Field comparisons: each turns two prepared values into a comparison level
// (fields.h). Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>

#include "match/fields.h"
#include "match/prepared_record.h"

namespace trm::match {

struct NameComparison {
  uint8_t level = name_level::kNull;
  uint32_t exact_a = 0;  // bit i: token i of `a` matched a token of `b` exactly
  uint32_t fuzzy_a = 0;  // bit i: token i of `a` matched nearly (typo, phonetic, JW)
  uint32_t exact_b = 0;  // the same for the tokens of `b`
  uint32_t fuzzy_b = 0;
};

// Compares two names token by token: order-free, with optional tokens
// (titles, Vietnamese middle names) ignored when unmatched and a token allowed
// to match two adjacent tokens written apart ("xiaoming" / "xiao ming").
NameComparison CompareNames(const PreparedName& a, const PreparedName& b);

// A name level read as a decision on names alone: kSame for exact,
// romanised exact, typo and phonetic; kReview for Jaro-Winkler and subset;
// kDifferent otherwise (null included). Used by the declarative name cases.
enum class NameVerdict { kSame, kReview, kDifferent };
NameVerdict VerdictOf(uint8_t name_level);
const char* NameVerdictName(NameVerdict v);

uint8_t CompareDates(const PartialDate& a, const PartialDate& b);
uint8_t CompareSex(Sex a, Sex b);
uint8_t CompareCodes(uint32_t a, uint32_t b);  // citizenship hashes
uint8_t ComparePlaces(const PreparedRecord& a, const PreparedRecord& b);
uint8_t ComparePhones(const std::string& a, const std::string& b);
uint8_t CompareDocuments(const PreparedRecord& a, const PreparedRecord& b);

// The levels of every field for one pair, plus what the name-frequency
// adjustment needs to know.
struct ComparisonVector {
  std::array<uint8_t, kFieldCount> level{};
  uint32_t name_exact_a = 0;
  uint32_t name_fuzzy_a = 0;
  uint32_t name_exact_b = 0;
  uint32_t name_fuzzy_b = 0;

  // The levels packed 4 bits per field, to count identical patterns.
  uint32_t PatternKey() const {
    uint32_t k = 0;
    for (int f = 0; f < kFieldCount; ++f) k |= static_cast<uint32_t>(level[f]) << (4 * f);
    return k;
  }
  static ComparisonVector FromPatternKey(uint32_t key) {
    ComparisonVector v;
    for (int f = 0; f < kFieldCount; ++f) v.level[f] = (key >> (4 * f)) & 0xF;
    return v;
  }
};

ComparisonVector Compare(const PreparedRecord& a, const PreparedRecord& b);

}  // namespace trm::match
