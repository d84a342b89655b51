// Input checks shared by every use case. Each returns InvalidArgument naming
// the field, with a message a person can act on.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace trm::domain {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Number of Unicode code points in valid UTF-8 `s`.
size_t CodePointCount(std::string_view s);

// True for a calendar date "YYYY-MM-DD" that exists (leap years included),
// years 1900..2200.
bool IsValidDate(std::string_view s);

enum class TextKind {
  kLine,       // names, titles: no control characters at all
  kMultiline,  // notes, reasons: newline and tab allowed
};

// A text field: valid UTF-8, no control characters (C0, DEL or C1; kMultiline
// allows tab and newline), at most `max_chars` code points.
Status CheckText(std::string_view value, std::string_view field, size_t max_chars,
                 TextKind kind = TextKind::kLine);

// True when `s` is empty or only spaces (ASCII or Unicode spaces common in names).
bool IsBlank(std::string_view s);

}  // namespace trm::domain
