// Romanisation of names in any script into one comparable Latin form.
//
// Thai, Lao, Khmer and Burmese go through our syllable tables
// (data/match/translit/*.tsv); Chinese through ICU's Han-Latin/Names (pinyin,
// surname readings) with tones dropped; Latin (Vietnamese included) has its
// diacritics folded ("Nguyễn" -> "nguyen", "đ" -> "d"); any other script goes
// through ICU Any-Latin. The output is lower-case ASCII letters and digits in
// words separated by single spaces. The original text is never changed; the
// caller keeps it beside the romanised form.
//
// Thread-safe after Load.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "match/icu_transform.h"
#include "match/script.h"
#include "match/syllable_romanizer.h"
#include "match/translit_table.h"

namespace trm::match {

struct RomanizedRun {
  Script script;
  std::string latin;  // lower-case ASCII words separated by spaces
};

class Romanizer {
 public:
  // Loads the tables under `data_dir`/translit/. Returns NotFound or
  // InvalidArgument if a table is missing or malformed, NotFound if ICU lacks
  // a required transform.
  static Result<std::unique_ptr<Romanizer>> Load(const std::string& data_dir);

  // REQUIRES: `normalized` is the output of NormalizeText.
  std::vector<RomanizedRun> RomanizeRuns(std::string_view normalized) const;

  // The runs' Latin forms joined by spaces.
  std::string Romanize(std::string_view normalized) const;

  // Romanises one run of a known script.
  std::string RomanizeRun(Script script, std::string_view text) const;

 private:
  Romanizer() = default;

  TranslitTable thai_, lao_, khmer_, myanmar_;
  std::unique_ptr<SyllableRomanizer> thai_r_, lao_r_, khmer_r_, myanmar_r_;
  std::unique_ptr<IcuTransform> latin_, han_, other_;
};

// Keeps [a-z0-9] and turns everything else into single spaces.
std::string CleanLatin(std::string_view text);

}  // namespace trm::match
