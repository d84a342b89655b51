// A closed value set's wire names as one table, and the two lookups every enum
// needs. Adding a value means adding a row.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace trm::domain {

template <typename E, size_t N>
using EnumTable = std::array<std::pair<E, std::string_view>, N>;

// The wire name of `v` ("?" for a value missing from the table: a bug).
template <typename E, size_t N>
constexpr std::string_view EnumName(const EnumTable<E, N>& table, E v) {
  for (const auto& [e, name] : table)
    if (e == v) return name;
  return "?";
}

// The value named `s`, or nullopt for an unknown name (to be reported).
template <typename E, size_t N>
constexpr std::optional<E> EnumParse(const EnumTable<E, N>& table, std::string_view s) {
  for (const auto& [e, name] : table)
    if (name == s) return e;
  return std::nullopt;
}

}  // namespace trm::domain
