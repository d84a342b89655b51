// Money: ISO 4217 currencies and amounts kept as whole numbers of the
// currency's minor unit (satang, cents; a VND amount has no minor unit), so
// that sums are exact and an amount never changes on its way through JSON.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "common/status.h"

namespace trm::domain {

struct Currency {
  std::string_view code;  // ISO 4217 alphabetic code, upper case ("THB")
  int minor_digits = 2;   // ISO 4217 minor unit: 0, 2 or 3
};

// The currencies in circulation (ISO 4217, without fund codes and metals).
std::span<const Currency> Currencies();
// nullptr for a code that is not in Currencies().
const Currency* FindCurrency(std::string_view code);

// The largest amount accepted, in minor units (10^15: far above any award,
// well inside a double's exact integers for the web app).
inline constexpr int64_t kMaxAmountMinor = 1'000'000'000'000'000;

// InvalidArgument naming `field` unless `code` is in Currencies().
Status CheckCurrency(std::string_view code, std::string_view field);

// InvalidArgument naming `field` unless 0 <= amount <= kMaxAmountMinor (and
// amount > 0 when `positive`).
Status CheckAmount(int64_t amount_minor, std::string_view field, bool positive);

}  // namespace trm::domain
