// Words that only say that a name is a company's: "Co., Ltd.", "บริษัท ...
// จำกัด", "有限公司", "Công ty TNHH", "ကုမ္ပဏီ လီမိတက်". Register names are
// compared across scripts without them (service/register_names.h), so that
// two companies never match by their legal form alone, and "Siam Raeng Ngan
// Co Ltd" is compared with "บริษัท สยามแรงงาน จำกัด" by what is left.
//
// The words are a data file a network edits (data/match/company_words.txt),
// with the conventions of domain/line_file.h:
//
//   before: บริษัท | công ty | ក្រុមហ៊ុន     # words that open a company name
//   after: จำกัด | co | ltd | 有限公司      # words that close it
//
// Words are compared after NFKC case folding. A word that begins or ends in
// Latin letters (English, Vietnamese) is cut only as a whole word ("co" is
// not cut from "coco"); words of Thai, Lao, Khmer, Burmese and Chinese, which
// write words together, are cut wherever a name begins or ends with them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace trm::domain {

class CompanyWords {
 public:
  struct Word {
    std::string folded;
    bool whole_word = false;  // must be followed (before) or preceded (after) by a non-letter
  };

  // REQUIRES: each list holds folded, distinct, non-empty words.
  CompanyWords(std::vector<Word> before, std::vector<Word> after);
  CompanyWords() = default;

  // `name` folded and trimmed of spaces and punctuation, without the company
  // words at its start and end (cut again and again, with the spaces and
  // punctuation around them). A word is cut only when something is left, so
  // a name made of company words alone keeps its last. REQUIRES: valid UTF-8.
  std::string Strip(std::string_view name) const;

  size_t size() const { return before_.size() + after_.size(); }

 private:
  std::vector<Word> before_;  // longest first, so that a longer form is cut whole
  std::vector<Word> after_;
};

// Parses the file's text; `source` names it in errors. InvalidArgument
// "<source>:<line>: <reason>" for a line that is not UTF-8 or not
// "keyword: value", a keyword other than before and after, an empty word, a
// word without any letter, a word over 60 characters, a word given twice
// (after folding) in one list, or a file without any word (line 1).
Result<CompanyWords> ParseCompanyWords(std::string_view text, std::string_view source);

// Reads and parses a file; errors name it by its file name. NotFound when the
// file cannot be read.
Result<CompanyWords> LoadCompanyWords(const std::filesystem::path& path);

}  // namespace trm::domain
