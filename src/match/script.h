// Writing-system detection for names.
//
// The romaniser and the name parser behave differently per script (Thai
// syllables, Chinese family-name-first order, Burmese honorifics), so text is
// split into runs of one script. Common characters (digits, spaces) and
// combining marks join the run they sit in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trm::match {

enum class Script {
  kUnknown,  // empty text or only digits and spaces
  kLatin,    // includes Vietnamese
  kThai,
  kLao,
  kKhmer,
  kMyanmar,
  kHan,
  kOther,  // any other script (Cyrillic, Hangul, Kana...): ICU Any-Latin
};

const char* ScriptName(Script script);

Script ScriptOf(char32_t cp);

struct ScriptRun {
  Script script;
  std::string text;  // UTF-8
};

// Splits UTF-8 `text` into maximal runs of one script. Common and inherited
// characters attach to the preceding run (or the following one at the start).
std::vector<ScriptRun> SplitScriptRuns(std::string_view text);

// The script of most letters in `text`; kUnknown when it has none.
Script DominantScript(std::string_view text);

}  // namespace trm::match
