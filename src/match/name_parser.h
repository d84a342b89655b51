// Name parsing: a full name (or given and family parts) in any script becomes
// romanised tokens with titles removed and the family name located.
//
// Titles come from data/match/honorifics.tsv: native-script prefixes are cut
// even when written without a space (Thai "นางสาวสมศรี"), romanised titles are
// removed where they lead the name ("Mr", Burmese "U", "Daw"), and words that
// are often titles but can be names (Burmese "Maung", "Ma", "Ko") are kept as
// optional tokens. Vietnamese middle names "Van" and "Thi" are optional too.
//
// Family-name position follows the script: Chinese, Vietnamese and Khmer
// names put it first, Thai, Lao and Latin last; Burmese names have none. A
// Chinese given name is one token ("王小明" -> "wang" "xiaoming"), as it is
// usually written in Latin.
//
// Thread-safe after Load.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/status.h"
#include "match/romanizer.h"
#include "match/script.h"

namespace trm::match {

inline constexpr int kMaxNameTokens = 8;

struct ParsedName {
  std::string normalized;            // the name as written, NFKC-casefolded, titles kept
  Script script = Script::kUnknown;  // dominant script of the name
  std::vector<std::string> tokens;   // romanised, in written order, titles removed
  uint32_t optional_mask = 0;        // bit i: tokens[i] may be absent on the other side
  std::vector<std::string> titles;   // romanised titles that were removed
  int family_index = -1;             // index of the family name in tokens, or -1

  bool empty() const { return tokens.empty(); }
  bool IsOptional(size_t i) const { return (optional_mask >> i) & 1u; }
  std::string Family() const;
  std::string Given() const;  // the other tokens, space-separated
};

class NameParser {
 public:
  // Reads `data_dir`/honorifics.tsv. `romanizer` must outlive the parser.
  // Returns NotFound or InvalidArgument when the file is missing or malformed.
  static Result<std::unique_ptr<NameParser>> Load(const std::string& data_dir,
                                                  const Romanizer* romanizer);

  // Parses a full name written in any order and script.
  ParsedName Parse(std::string_view full_name) const;

  // Parses a name given as separate parts; either may be empty.
  ParsedName ParseParts(std::string_view given, std::string_view family) const;

 private:
  enum class TitleKind { kPrefix, kSuffix, kTitle, kOptional };
  struct Piece {
    std::vector<std::string> tokens;
    uint32_t optional_mask = 0;
    std::vector<std::string> titles;
    Script script = Script::kUnknown;
    bool vietnamese = false;
    bool han_family_first = false;  // the first token is a Han family name
  };

  explicit NameParser(const Romanizer* romanizer) : romanizer_(romanizer) {}
  std::string StripNativeTitles(std::string normalized, std::vector<std::string>* titles) const;
  // With `full_name`, a leading Han word is split into family and given names.
  Piece Tokenize(std::string_view normalized, bool full_name) const;
  void AppendHan(std::string_view word, bool first_word, Piece* piece) const;

  const Romanizer* romanizer_;
  std::vector<std::string> prefixes_;  // longest first
  std::vector<std::string> suffixes_;
  std::unordered_map<std::string, TitleKind> romanized_titles_;
  std::vector<std::string> han_compound_surnames_;
  std::unordered_set<std::string> vietnamese_surnames_;
};

}  // namespace trm::match
