#include "match/script.h"

#include <unicode/uscript.h>

#include <array>

#include "match/utf8.h"

namespace trm::match {

const char* ScriptName(Script script) {
  switch (script) {
    case Script::kUnknown:
      return "unknown";
    case Script::kLatin:
      return "latin";
    case Script::kThai:
      return "thai";
    case Script::kLao:
      return "lao";
    case Script::kKhmer:
      return "khmer";
    case Script::kMyanmar:
      return "myanmar";
    case Script::kHan:
      return "han";
    case Script::kOther:
      return "other";
  }
  return "unknown";
}

Script ScriptOf(char32_t cp) {
  if (cp < 0x80) {
    const bool letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return letter ? Script::kLatin : Script::kUnknown;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode code = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_FAILURE(status)) return Script::kUnknown;
  switch (code) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_THAI:
      return Script::kThai;
    case USCRIPT_LAO:
      return Script::kLao;
    case USCRIPT_KHMER:
      return Script::kKhmer;
    case USCRIPT_MYANMAR:
      return Script::kMyanmar;
    case USCRIPT_HAN:
      return Script::kHan;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
      return Script::kUnknown;
    default:
      return Script::kOther;
  }
}

std::vector<ScriptRun> SplitScriptRuns(std::string_view text) {
  std::vector<ScriptRun> runs;
  auto decoded = DecodeUtf8(text);
  if (!decoded.ok()) return runs;
  Script current = Script::kUnknown;
  std::string pending;  // common characters before the first real script
  for (char32_t cp : *decoded) {
    const Script s = ScriptOf(cp);
    if (s == Script::kUnknown || s == current) {
      if (runs.empty()) {
        AppendUtf8(cp, &pending);
      } else {
        AppendUtf8(cp, &runs.back().text);
      }
      continue;
    }
    runs.push_back({s, std::move(pending)});
    pending.clear();
    AppendUtf8(cp, &runs.back().text);
    current = s;
  }
  if (runs.empty() && !pending.empty()) runs.push_back({Script::kUnknown, std::move(pending)});
  return runs;
}

Script DominantScript(std::string_view text) {
  std::array<int, 8> counts{};
  auto decoded = DecodeUtf8(text);
  if (!decoded.ok()) return Script::kUnknown;
  for (char32_t cp : *decoded) ++counts[static_cast<int>(ScriptOf(cp))];
  int best = 0;
  for (int i = 1; i < static_cast<int>(counts.size()); ++i) {
    if (counts[i] > counts[best] || (best == 0 && counts[i] > 0)) best = i;
  }
  return counts[best] > 0 && best != 0 ? static_cast<Script>(best) : Script::kUnknown;
}

}  // namespace trm::match
