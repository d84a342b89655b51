// Unicode normalisation shared by every comparable field.
//
// NormalizeText is the first step for names, places and free-text fields:
// NFKC with case folding (ICU's nfkc_cf, which also drops default-ignorable
// code points such as zero-width joiners), punctuation and symbols turned into
// single spaces, apostrophes removed ("O'Brien" -> "obrien"), whitespace
// collapsed and trimmed. Letters and combining marks of every script are kept,
// so Thai vowels and Burmese medials survive for romanisation.
//
// All functions are thread-safe and take and return UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace trm::match {

// REQUIRES: `text` is valid UTF-8 (invalid bytes are dropped).
std::string NormalizeText(std::string_view text);

// Keeps only decimal digits, mapped to ASCII from any script (Thai "๐๘๑" ->
// "081"). Used for phone numbers.
std::string DigitsOnly(std::string_view text);

// Keeps letters and digits, digits mapped to ASCII and letters upper-cased and
// folded to ASCII where possible; used for document numbers ("ab 12-34" -> "AB1234").
std::string AlnumUpper(std::string_view text);

}  // namespace trm::match
