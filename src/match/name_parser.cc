#include "match/name_parser.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "match/text_normalize.h"
#include "match/utf8.h"

namespace trm::match {
namespace {

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, size_t from, size_t to,
                 std::string_view sep) {
  std::string out;
  for (size_t i = from; i < to && i < parts.size(); ++i) {
    if (!out.empty()) out += sep;
    out += parts[i];
  }
  return out;
}

// Letters used only in Vietnamese among Latin scripts: a-breve, circumflexes,
// d-stroke, horns, and the Latin Extended Additional block of toned vowels.
bool LooksVietnamese(std::string_view normalized) {
  auto decoded = DecodeUtf8(normalized);
  if (!decoded.ok()) return false;
  for (char32_t cp : *decoded) {
    if (cp == 0x103 || cp == 0xE2 || cp == 0x111 || cp == 0xEA || cp == 0xF4 || cp == 0x1A1 ||
        cp == 0x1B0 || (cp >= 0x1EA0 && cp <= 0x1EF9)) {
      return true;
    }
  }
  return false;
}

// Hyphens join parts of one name ("Chan-o-cha", "Xiao-ming"); dropping them
// lets the comparison see one token, as the name is usually written.
std::string RemoveHyphens(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-') continue;
    // U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN: E2 80 90 / E2 80 91.
    if (i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80' &&
        (text[i + 2] == '\x90' || text[i + 2] == '\x91')) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

Result<std::vector<std::string>> ReadWordList(const std::string& path);

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Result<std::vector<std::string>> ReadWordList(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    words.push_back(line);
  }
  return words;
}

}  // namespace

std::string ParsedName::Family() const {
  return family_index >= 0 ? tokens[family_index] : std::string();
}

std::string ParsedName::Given() const {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (static_cast<int>(i) == family_index) continue;
    if (!out.empty()) out += ' ';
    out += tokens[i];
  }
  return out;
}

Result<std::unique_ptr<NameParser>> NameParser::Load(const std::string& data_dir,
                                                     const Romanizer* romanizer) {
  std::unique_ptr<NameParser> p(new NameParser(romanizer));
  ASSIGN_OR_RETURN(std::string text, ReadFile(data_dir + "/honorifics.tsv"));
  std::istringstream in(text);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      return Status::InvalidArgument("honorifics.tsv:" + std::to_string(line_no) +
                                     ": expected form<TAB>kind");
    }
    const std::string form = NormalizeText(line.substr(0, tab));
    std::string kind = line.substr(tab + 1);
    while (!kind.empty() && (kind.back() == ' ' || kind.back() == '\t')) kind.pop_back();
    if (kind == "prefix") {
      p->prefixes_.push_back(form);
    } else if (kind == "suffix") {
      p->suffixes_.push_back(form);
    } else if (kind == "title") {
      p->romanized_titles_[form] = TitleKind::kTitle;
    } else if (kind == "optional") {
      p->romanized_titles_[form] = TitleKind::kOptional;
    } else {
      return Status::InvalidArgument("honorifics.tsv:" + std::to_string(line_no) +
                                     ": unknown kind " + kind);
    }
  }
  auto longest_first = [](const std::string& a, const std::string& b) {
    return a.size() > b.size();
  };
  std::sort(p->prefixes_.begin(), p->prefixes_.end(), longest_first);
  std::sort(p->suffixes_.begin(), p->suffixes_.end(), longest_first);

  ASSIGN_OR_RETURN(p->han_compound_surnames_,
                   ReadWordList(data_dir + "/han_compound_surnames.txt"));
  ASSIGN_OR_RETURN(std::vector<std::string> viet,
                   ReadWordList(data_dir + "/vietnamese_surnames.txt"));
  p->vietnamese_surnames_.insert(viet.begin(), viet.end());
  return p;
}

std::string NameParser::StripNativeTitles(std::string s, std::vector<std::string>* titles) const {
  bool changed = true;
  while (changed) {
    changed = false;
    for (const std::string& prefix : prefixes_) {
      if (s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0) {
        titles->push_back(romanizer_->Romanize(prefix));
        s.erase(0, prefix.size());
        while (!s.empty() && s[0] == ' ') s.erase(0, 1);
        changed = !s.empty();
        break;
      }
    }
  }
  for (const std::string& suffix : suffixes_) {
    if (s.size() > suffix.size() &&
        s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      titles->push_back(romanizer_->Romanize(suffix));
      s.erase(s.size() - suffix.size());
      while (!s.empty() && s.back() == ' ') s.pop_back();
      break;
    }
  }
  return s;
}

void NameParser::AppendHan(std::string_view word, bool first_word, Piece* piece) const {
  std::vector<std::string> syl = SplitSpaces(romanizer_->RomanizeRun(Script::kHan, word));
  if (syl.empty()) return;
  if (!first_word) {
    piece->tokens.push_back(Join(syl, 0, syl.size(), ""));
    return;
  }
  piece->han_family_first = true;
  if (syl.size() == 1) {  // "王" alone (as in "王先生") is a family name
    piece->tokens.push_back(syl[0]);
    return;
  }
  size_t family_len = 1;
  if (syl.size() >= 3) {
    const std::string two = syl[0] + syl[1];
    if (std::find(han_compound_surnames_.begin(), han_compound_surnames_.end(), two) !=
        han_compound_surnames_.end()) {
      family_len = 2;
    }
  }
  piece->tokens.push_back(Join(syl, 0, family_len, ""));
  piece->tokens.push_back(Join(syl, family_len, syl.size(), ""));
}

NameParser::Piece NameParser::Tokenize(std::string_view normalized, bool full_name) const {
  Piece piece;
  piece.script = DominantScript(normalized);
  piece.vietnamese = piece.script == Script::kLatin && LooksVietnamese(normalized);
  bool name_start = true;
  for (const ScriptRun& run : SplitScriptRuns(normalized)) {
    if (run.script == Script::kHan) {
      for (const std::string& word : SplitSpaces(run.text)) {
        AppendHan(word, full_name && name_start && piece.tokens.empty(), &piece);
      }
    } else {
      for (std::string& t : SplitSpaces(romanizer_->RomanizeRun(run.script, run.text))) {
        piece.tokens.push_back(std::move(t));
      }
    }
    name_start = false;
  }
  // Leading romanised titles: removed, or kept as optional tokens.
  size_t i = 0;
  while (i < piece.tokens.size() && piece.tokens.size() - piece.titles.size() > 1) {
    auto it = romanized_titles_.find(piece.tokens[i]);
    if (it == romanized_titles_.end()) break;
    if (it->second == TitleKind::kTitle) {
      piece.titles.push_back(piece.tokens[i]);
      piece.tokens.erase(piece.tokens.begin() + static_cast<long>(i));
      continue;
    }
    piece.optional_mask |= 1u << i;
    ++i;
  }
  if (piece.tokens.size() > static_cast<size_t>(kMaxNameTokens)) {
    piece.tokens.resize(kMaxNameTokens);
  }
  if (piece.script == Script::kLatin && piece.tokens.size() >= 3 && !piece.optional_mask &&
      vietnamese_surnames_.count(piece.tokens[0])) {
    piece.vietnamese = true;
  }
  if (piece.vietnamese && piece.tokens.size() >= 3) {
    for (size_t k = 1; k + 1 < piece.tokens.size(); ++k) {
      if (piece.tokens[k] == "van" || piece.tokens[k] == "thi") piece.optional_mask |= 1u << k;
    }
  }
  return piece;
}

ParsedName NameParser::Parse(std::string_view full_name) const {
  ParsedName out;
  out.normalized = NormalizeText(RemoveHyphens(full_name));
  const std::string stripped = StripNativeTitles(out.normalized, &out.titles);
  Piece piece = Tokenize(stripped, /*full_name=*/true);
  out.script = piece.script;
  out.tokens = std::move(piece.tokens);
  out.optional_mask = piece.optional_mask;
  out.titles.insert(out.titles.end(), piece.titles.begin(), piece.titles.end());
  if (out.tokens.size() == 1 && piece.han_family_first) {
    out.family_index = 0;
  } else if (out.tokens.size() >= 2) {
    const bool family_first =
        piece.han_family_first || piece.vietnamese || out.script == Script::kKhmer;
    if (out.script != Script::kMyanmar) {
      out.family_index = family_first ? 0 : static_cast<int>(out.tokens.size()) - 1;
    }
  }
  return out;
}

ParsedName NameParser::ParseParts(std::string_view given, std::string_view family) const {
  ParsedName out;
  const std::string g = NormalizeText(RemoveHyphens(given));
  const std::string f = NormalizeText(RemoveHyphens(family));
  out.normalized = g.empty() ? f : (f.empty() ? g : g + " " + f);
  Piece gp = Tokenize(StripNativeTitles(g, &out.titles), /*full_name=*/false);
  // A family part is one name: its Han syllables stay together.
  Piece fp;
  fp.script = DominantScript(f);
  for (const ScriptRun& run : SplitScriptRuns(f)) {
    for (std::string& t : SplitSpaces(romanizer_->RomanizeRun(run.script, run.text))) {
      fp.tokens.push_back(std::move(t));
    }
  }
  if (fp.tokens.size() > 1 && fp.script == Script::kHan) {
    fp.tokens = {Join(fp.tokens, 0, fp.tokens.size(), "")};
  }
  out.script = gp.tokens.empty() ? fp.script : gp.script;
  out.titles.insert(out.titles.end(), gp.titles.begin(), gp.titles.end());
  out.tokens = std::move(gp.tokens);
  out.optional_mask = gp.optional_mask;
  if (!fp.tokens.empty() && out.tokens.size() < static_cast<size_t>(kMaxNameTokens)) {
    out.family_index = static_cast<int>(out.tokens.size());
    for (std::string& t : fp.tokens) {
      if (out.tokens.size() >= static_cast<size_t>(kMaxNameTokens)) break;
      out.tokens.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace trm::match
