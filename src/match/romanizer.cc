#include "match/romanizer.h"

#include "match/utf8.h"

namespace trm::match {

std::string CleanLatin(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char raw : text) {
    char c = raw;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!keep) {
      if (c != '\'') pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

Result<std::unique_ptr<Romanizer>> Romanizer::Load(const std::string& data_dir) {
  std::unique_ptr<Romanizer> r(new Romanizer());
  const std::string dir = data_dir + "/translit/";
  ASSIGN_OR_RETURN(r->thai_, LoadTranslitTable(dir + "thai.tsv"));
  ASSIGN_OR_RETURN(r->lao_, LoadTranslitTable(dir + "lao.tsv"));
  ASSIGN_OR_RETURN(r->khmer_, LoadTranslitTable(dir + "khmer.tsv"));
  ASSIGN_OR_RETURN(r->myanmar_, LoadTranslitTable(dir + "myanmar.tsv"));
  r->thai_r_ = std::make_unique<SyllableRomanizer>(&r->thai_);
  r->lao_r_ = std::make_unique<SyllableRomanizer>(&r->lao_);
  r->khmer_r_ = std::make_unique<SyllableRomanizer>(&r->khmer_);
  r->myanmar_r_ = std::make_unique<SyllableRomanizer>(&r->myanmar_);
  ASSIGN_OR_RETURN(r->latin_, IcuTransform::Create("Any-NFD; [:Nonspacing Mark:] Remove; "
                                                   "Any-NFC; Latin-ASCII"));
  ASSIGN_OR_RETURN(r->han_, IcuTransform::Create("Han-Latin/Names; Any-NFD; "
                                                 "[:Nonspacing Mark:] Remove; Latin-ASCII"));
  ASSIGN_OR_RETURN(r->other_, IcuTransform::Create("Any-Latin; Any-NFD; "
                                                   "[:Nonspacing Mark:] Remove; Latin-ASCII"));
  return r;
}

std::string Romanizer::RomanizeRun(Script script, std::string_view text) const {
  auto syllables = [&](const SyllableRomanizer& r, bool spaced) {
    auto decoded = DecodeUtf8(text);
    if (!decoded.ok()) return std::string();
    return CleanLatin(r.Romanize(*decoded, spaced));
  };
  switch (script) {
    case Script::kUnknown:
      return CleanLatin(text);
    case Script::kLatin:
      return IsAscii(text) ? CleanLatin(text) : CleanLatin(latin_->Apply(text));
    case Script::kThai:
      return syllables(*thai_r_, false);
    case Script::kLao:
      return syllables(*lao_r_, false);
    case Script::kKhmer:
      return syllables(*khmer_r_, false);
    case Script::kMyanmar:
      return syllables(*myanmar_r_, true);
    case Script::kHan:
      return CleanLatin(han_->Apply(text));
    case Script::kOther:
      return CleanLatin(other_->Apply(text));
  }
  return std::string();
}

std::vector<RomanizedRun> Romanizer::RomanizeRuns(std::string_view normalized) const {
  std::vector<RomanizedRun> out;
  if (IsAscii(normalized)) {
    out.push_back({Script::kLatin, CleanLatin(normalized)});
    return out;
  }
  for (const ScriptRun& run : SplitScriptRuns(normalized)) {
    out.push_back({run.script, RomanizeRun(run.script, run.text)});
  }
  return out;
}

std::string Romanizer::Romanize(std::string_view normalized) const {
  std::string out;
  for (const RomanizedRun& run : RomanizeRuns(normalized)) {
    if (run.latin.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += run.latin;
  }
  return out;
}

}  // namespace trm::match
