#include "domain/company_words.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>

#include "domain/line_file.h"
#include "domain/register_match.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr size_t kMaxFileBytes = 64 * 1024;
constexpr size_t kMaxWordChars = 60;

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 LastCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(p, 0, i, c);
  return c;
}

bool IsMark(UChar32 c) {
  const int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

// Letters, marks and digits belong to a name; spaces, punctuation and
// symbols only separate its words.
bool InName(UChar32 c) { return c >= 0 && (u_isalnum(c) || IsMark(c)); }

bool IsLatin(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return c >= 0 && uscript_getScript(c, &status) == USCRIPT_LATIN && U_SUCCESS(status);
}

std::string_view TrimSeparators(std::string_view s) {
  while (!s.empty() && !InName(FirstCodePoint(s))) {
    const UChar32 c = FirstCodePoint(s);
    s.remove_prefix(c < 0 ? 1 : static_cast<size_t>(U8_LENGTH(c)));
  }
  while (!s.empty() && !InName(LastCodePoint(s))) {
    const UChar32 c = LastCodePoint(s);
    s.remove_suffix(c < 0 ? 1 : static_cast<size_t>(U8_LENGTH(c)));
  }
  return s;
}

// `s` without `w` at its start, or nullopt when it does not start with the
// word (a whole word for Latin; never in the middle of a letter's marks).
std::optional<std::string_view> CutBefore(std::string_view s, const CompanyWords::Word& w) {
  if (!s.starts_with(w.folded)) return std::nullopt;
  const std::string_view rest = s.substr(w.folded.size());
  const UChar32 next = FirstCodePoint(rest);
  if (!rest.empty() && (IsMark(next) || (w.whole_word && InName(next)))) return std::nullopt;
  return TrimSeparators(rest);
}

std::optional<std::string_view> CutAfter(std::string_view s, const CompanyWords::Word& w) {
  if (!s.ends_with(w.folded)) return std::nullopt;
  const std::string_view rest = s.substr(0, s.size() - w.folded.size());
  if (!rest.empty() && IsMark(FirstCodePoint(w.folded))) return std::nullopt;
  if (!rest.empty() && w.whole_word && InName(LastCodePoint(rest))) return std::nullopt;
  return TrimSeparators(rest);
}

void LongestFirst(std::vector<CompanyWords::Word>& words) {
  std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
    return a.folded.size() > b.folded.size();
  });
}

}  // namespace

CompanyWords::CompanyWords(std::vector<Word> before, std::vector<Word> after)
    : before_(std::move(before)), after_(std::move(after)) {
  LongestFirst(before_);
  LongestFirst(after_);
}

std::string CompanyWords::Strip(std::string_view name) const {
  const std::string folded = FoldText(name);
  std::string_view s = TrimSeparators(folded);
  for (bool cut = true; cut;) {
    cut = false;
    for (const Word& w : before_) {
      auto rest = CutBefore(s, w);
      if (rest && !rest->empty()) {
        s = *rest;
        cut = true;
        break;
      }
    }
    for (const Word& w : after_) {
      auto rest = CutAfter(s, w);
      if (rest && !rest->empty()) {
        s = *rest;
        cut = true;
        break;
      }
    }
  }
  return std::string(s);
}

Result<CompanyWords> ParseCompanyWords(std::string_view text, std::string_view source) {
  std::vector<CompanyWords::Word> before, after;
  auto read = [&](const Statement& st) -> Status {
    const bool is_before = st.key == "before";
    if (!is_before && st.key != "after")
      return LineError(source, st.line, "unknown keyword " + Quoted(st.key) + " (before or after)");
    std::vector<CompanyWords::Word>& list = is_before ? before : after;
    for (std::string_view raw : SplitColumns(st.value, '|')) {
      if (raw.empty()) return LineError(source, st.line, "empty word");
      if (CodePointCount(raw) > kMaxWordChars)
        return LineError(source, st.line, "word longer than 60 characters: " + Quoted(raw));
      const std::string folded = FoldText(raw);
      if (TrimSeparators(folded) != folded || folded.empty())
        return LineError(source, st.line, "a word must begin and end with a letter: " + Quoted(raw));
      const bool seen = std::any_of(list.begin(), list.end(),
                                    [&](const CompanyWords::Word& w) { return w.folded == folded; });
      if (seen) return LineError(source, st.line, "word given twice: " + Quoted(raw));
      // Which end of the word touches the rest of the name.
      const UChar32 edge = is_before ? LastCodePoint(folded) : FirstCodePoint(folded);
      list.push_back({folded, IsLatin(edge)});
    }
    return Status::Ok();
  };
  RETURN_IF_ERROR(ForEachStatement(text, source, kMaxFileBytes, read).status());
  if (before.empty() && after.empty()) return LineError(source, 1, "no company words");
  return CompanyWords(std::move(before), std::move(after));
}

Result<CompanyWords> LoadCompanyWords(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(std::string text, ReadDataFile(path, "company words"));
  return ParseCompanyWords(text, path.filename().string());
}

}  // namespace trm::domain
