// Name pools for the synthetic benchmark data: each entry is a name as
// written in its own script and as commonly written in Latin letters.
#pragma once

#include <span>

namespace trm::match::bench {

struct NameForm {
  const char* native;
  const char* latin;
};

enum class PoolScript { kThai, kLao, kKhmer, kMyanmar, kChinese, kVietnamese, kCount };

struct ScriptPools {
  std::span<const NameForm> given;
  std::span<const NameForm> family;  // empty for Burmese (names are syllables)
  std::span<const NameForm> places;
  std::span<const NameForm> male_titles;
  std::span<const NameForm> female_titles;
  const char* country;
  bool family_first;
};

const ScriptPools& PoolsFor(PoolScript script);

}  // namespace trm::match::bench
