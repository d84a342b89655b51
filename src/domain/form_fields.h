// Shorthands for writing the case entry forms (case_forms.cc, legal_forms.cc):
// one call per field, naming only what differs from the defaults.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "domain/case_form.h"
#include "domain/money.h"

// The shorthands name only the members they set; the rest keep their defaults.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace trm::domain::form_fields {

using FT = FieldType;
using SV = std::string_view;

inline constexpr size_t kLineMax = 200;
inline constexpr size_t kTextMax = 10000;

inline constexpr FormField Line(SV name, bool required = false) {
  return {name, FT::kLine, required, {}, {}, 0, kLineMax};
}
inline constexpr FormField Text(SV name, bool required = false) {
  return {name, FT::kText, required, {}, {}, 0, kTextMax};
}
inline constexpr FormField Date(SV name, bool required = false) { return {name, FT::kDate, required}; }
inline constexpr FormField Flag(SV name) { return {name, FT::kBool}; }
inline constexpr FormField Of(FT type, SV name, bool required = false) { return {name, type, required}; }
template <size_t N>
constexpr FormField Choice(SV name, SV list, const SV (&options)[N], bool required = false) {
  return {name, FT::kChoice, required, std::span<const SV>(options, N), list};
}
template <size_t N>
constexpr FormField Choices(SV name, SV list, const SV (&options)[N], bool required = false) {
  return {name, FT::kChoices, required, std::span<const SV>(options, N), list};
}
inline constexpr FormField Number(SV name, double min, double max, bool required = false) {
  return {name, FT::kNumber, required, {}, {}, min, max};
}
inline constexpr FormField Integer(SV name, double min, double max, bool required = false) {
  return {name, FT::kInteger, required, {}, {}, min, max};
}
inline constexpr FormField EntryRef(SV name, SV kind, bool required = false) {
  return {name, FT::kEntry, required, {}, {}, 0, 0, kind};
}

// An amount in minor units, counted in the currency field `currency`.
inline constexpr FormField Amount(SV name, SV currency, bool required = false) {
  return {name, FT::kAmount, required, {}, {}, 0, static_cast<double>(kMaxAmountMinor), {}, currency};
}
inline constexpr FormField CurrencyCode(SV name, bool required = false) {
  return {name, FT::kCurrency, required};
}

}  // namespace trm::domain::form_fields

#pragma GCC diagnostic pop
