// Dates of birth that may be partial ("1990", "1990-05") or only approximate
// (derived from a stated age).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trm::match {

struct PartialDate {
  int16_t year = 0;          // 0: unknown
  int8_t month = 0;          // 0: unknown
  int8_t day = 0;            // 0: unknown
  bool approximate = false;  // year estimated from an age, +-1

  bool known() const { return year != 0; }
  std::string ToString() const;  // "1990-05-17", "1990-05", "1990", "~1990", ""
};

// Parses "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" (unknown).
// Returns InvalidArgument for any other shape, a month or day out of range
// (leap years checked), or a year outside 1850..2100.
Result<PartialDate> ParsePartialDate(std::string_view text);

// The approximate birth year of someone `age` years old in `reference_year`.
// Returns InvalidArgument for an age outside 0..130.
Result<PartialDate> DateFromAge(int age, int reference_year);

}  // namespace trm::match
