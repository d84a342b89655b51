// The comparable form of a record: everything the scorer needs, precomputed
// once per record so that comparing a pair does no text processing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "match/partial_date.h"
#include "match/vocabulary.h"

namespace trm::match {

// Romanised name tokens stored compactly (one string, fixed small arrays).
struct PreparedName {
  static constexpr int kMaxTokens = 8;

  std::string text;  // tokens separated by single spaces
  uint8_t count = 0;
  uint8_t start[kMaxTokens] = {};
  uint8_t length[kMaxTokens] = {};
  uint32_t token_hash[kMaxTokens] = {};
  uint32_t phonetic_hash[kMaxTokens] = {};
  uint32_t optional_mask = 0;
  int8_t family_index = -1;
  uint64_t original_hash = 0;  // of the name as written (normalised), 0 if empty
  uint64_t bag_hash = 0;       // order-free hash of the required tokens; 0 if none

  bool empty() const { return count == 0; }
  std::string_view token(int i) const { return std::string_view(text).substr(start[i], length[i]); }
  bool optional(int i) const { return (optional_mask >> i) & 1u; }
};

struct PreparedRecord {
  PreparedName name;
  PartialDate birth;
  Sex sex = Sex::kUnknown;
  uint32_t citizenship = 0;  // hash of the ISO code (or normalised text); 0 if missing
  std::string place;         // romanised, spaces removed; "" if missing
  uint32_t place_hash = 0;
  std::string phone;     // the last 9 digits, "" if fewer than 6 digits
  std::string document;  // upper-case letters and digits, "" if missing
  uint32_t document_hash = 0;
};

}  // namespace trm::match
