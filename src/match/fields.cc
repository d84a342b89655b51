#include "match/fields.h"

namespace trm::match {

const FieldInfo& InfoOf(Field field) {
  static const FieldInfo kInfo[kFieldCount] = {
      {"name",
       name_level::kCount,
       {"null", "exact", "romanised_exact", "typo", "phonetic", "jaro_winkler_0.88", "subset",
        "partial", "different"}},
      {"birth_date",
       date_level::kCount,
       {"null", "exact", "consistent", "typo_or_swap", "same_year", "within_1_year",
        "within_3_years", "within_5_years", "different"}},
      {"sex", simple_level::kCount, {"null", "same", "different"}},
      {"citizenship", simple_level::kCount, {"null", "same", "different"}},
      {"place", place_level::kCount, {"null", "exact", "similar", "different"}},
      {"phone", id_level::kCount, {"null", "exact", "one_edit", "different"}},
      {"document_number", id_level::kCount, {"null", "exact", "one_edit", "different"}},
  };
  return kInfo[static_cast<int>(field)];
}

}  // namespace trm::match
