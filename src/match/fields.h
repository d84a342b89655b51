// The fields compared by the model and their comparison levels.
//
// This is the one place that says which levels exist; adding a field or a
// level means adding it here and in comparison.cc. Level 0 of every field is
// "null": one side is missing, and the field then carries no weight. The
// other levels run from strongest agreement to disagreement (the last level).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace trm::match {

enum class Field : uint8_t {
  kName,
  kBirthDate,
  kSex,
  kCitizenship,
  kPlace,
  kPhone,
  kDocument,
};
inline constexpr int kFieldCount = 7;
inline constexpr int kMaxLevels = 9;

namespace name_level {
enum : uint8_t {
  kNull,
  kExact,      // same name as written
  kRomanized,  // same tokens after romanisation (any order, spacing)
  kClose,      // every token matched, the weakest within a typo (one edit, JW >= 0.96)
  kPhonetic,   // every token matched, the weakest by phonetic key
  kSimilar,    // every token matched, the weakest by Jaro-Winkler >= 0.88
  kSubset,     // the shorter name's tokens all match (phonetic or better); the longer has more
  kPartial,    // some token matches phonetically or better
  kDifferent,
  kCount
};
}  // namespace name_level

namespace date_level {
enum : uint8_t {
  kNull,
  kExact,       // same full date
  kConsistent,  // equal at the precision both have, month or finer
  kTypo,        // day and month swapped, or one digit different
  kSameYear,    // same year, or year-only on one side and consistent
  kWithin1,     // years differ by at most 1 (approximate ages land here)
  kWithin3,
  kWithin5,
  kDifferent,
  kCount
};
}  // namespace date_level

namespace simple_level {  // sex, citizenship
enum : uint8_t { kNull, kSame, kDifferent, kCount };
}  // namespace simple_level

namespace place_level {
enum : uint8_t { kNull, kExact, kSimilar, kDifferent, kCount };
}  // namespace place_level

namespace id_level {  // phone, document number
enum : uint8_t { kNull, kExact, kOneEdit, kDifferent, kCount };
}  // namespace id_level

struct FieldInfo {
  std::string_view name;
  int level_count;
  std::array<std::string_view, kMaxLevels> level_names;
};

const FieldInfo& InfoOf(Field field);
inline const FieldInfo& InfoOf(int field) { return InfoOf(static_cast<Field>(field)); }

}  // namespace trm::match
