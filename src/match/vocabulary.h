// Controlled values for sex and citizenship, read from data/match/sex.tsv and
// data/match/countries.tsv, so that "F", "หญิง" and "女" compare equal and
// "Thailand", "THA" and "ไทย" all become "TH".
//
// Thread-safe after Load.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

namespace trm::match {

enum class Sex : uint8_t { kUnknown, kMale, kFemale, kOther };

class Vocabulary {
 public:
  // Returns NotFound or InvalidArgument when a file is missing or malformed.
  static Result<std::unique_ptr<Vocabulary>> Load(const std::string& data_dir);

  // "" -> kUnknown. Returns InvalidArgument for a word not in sex.tsv, so a
  // mis-mapped column is reported rather than read as unknown.
  Result<Sex> ParseSex(std::string_view text) const;

  // ISO code for a known country; otherwise the normalised text itself, so
  // unlisted values still compare equal to themselves. "" for empty input.
  std::string CountryCode(std::string_view text) const;

 private:
  Vocabulary() = default;
  std::unordered_map<std::string, Sex> sex_;
  std::unordered_map<std::string, std::string> countries_;
};

}  // namespace trm::match
