#include "match/translit_table.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "match/utf8.h"

namespace trm::match {
namespace {

enum class Section {
  kNone,
  kConsonants,
  kClusters,
  kMedials,
  kVowels,
  kIndependent,
  kImplicit,
  kIgnore,
  kKiller,
  kKillerPairs,
  kSyllabicEndings,
  kFinalMarker,
  kExplicitFinal,
  kPreVowels,
  kShifters,
  kCoeng,
  kFlags,
};

Section SectionNamed(std::string_view s) {
  if (s == "consonants") return Section::kConsonants;
  if (s == "clusters") return Section::kClusters;
  if (s == "medials") return Section::kMedials;
  if (s == "vowels") return Section::kVowels;
  if (s == "independent") return Section::kIndependent;
  if (s == "implicit") return Section::kImplicit;
  if (s == "ignore") return Section::kIgnore;
  if (s == "killer") return Section::kKiller;
  if (s == "killer_pairs") return Section::kKillerPairs;
  if (s == "syllabic_endings") return Section::kSyllabicEndings;
  if (s == "final_marker") return Section::kFinalMarker;
  if (s == "explicit_final") return Section::kExplicitFinal;
  if (s == "pre_vowels") return Section::kPreVowels;
  if (s == "shifters") return Section::kShifters;
  if (s == "coeng") return Section::kCoeng;
  if (s == "flags") return Section::kFlags;
  return Section::kNone;
}

std::vector<std::string> SplitColumns(std::string_view line) {
  std::vector<std::string> cols;
  std::string cur;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r') {
      if (!cur.empty()) cols.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) cols.push_back(std::move(cur));
  return cols;
}

std::string Value(const std::string& col) { return col == "-" ? std::string() : col; }

SeriesValue ParseSeriesValue(const std::string& col) {
  const size_t bar = col.find('|');
  if (bar == std::string::npos) return {Value(col), Value(col)};
  return {Value(col.substr(0, bar)), Value(col.substr(bar + 1))};
}

}  // namespace

Result<TranslitTable> ParseTranslitTable(std::string_view text, std::string_view name) {
  TranslitTable table;
  table.name = std::string(name);
  Section section = Section::kNone;
  std::istringstream in{std::string(text)};
  std::string line;
  int line_no = 0;
  auto error = [&](const std::string& why) {
    return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line_no) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++line_no;
    const std::vector<std::string> cols = SplitColumns(line);
    if (cols.empty() || cols[0][0] == '#') continue;
    if (cols[0].front() == '[' && cols[0].back() == ']') {
      section = SectionNamed(std::string_view(cols[0]).substr(1, cols[0].size() - 2));
      if (section == Section::kNone) return error("unknown section " + cols[0]);
      continue;
    }
    auto letters = DecodeUtf8(cols[0]);
    if (!letters.ok()) return error(letters.status().message());
    const std::u32string& key = *letters;
    auto need = [&](size_t n) { return cols.size() >= n; };
    switch (section) {
      case Section::kNone:
        return error("line outside a section");
      case Section::kConsonants: {
        if (!need(2) || key.size() != 1) return error("expected: letter initial [final [series]]");
        TableConsonant c;
        c.initial = Value(cols[1]);
        if (cols.size() >= 3) {
          c.can_be_final = true;
          c.final_value = Value(cols[2]);
        }
        if (cols.size() >= 4) c.series = cols[3] == "2" ? 1 : 0;
        table.consonants[key[0]] = c;
        break;
      }
      case Section::kClusters:
        if (!need(2) || key.size() < 2) return error("expected: letters value");
        table.clusters[key] = Value(cols[1]);
        table.max_cluster_len = std::max(table.max_cluster_len, key.size());
        break;
      case Section::kMedials:
        if (!need(2) || key.size() != 1) return error("expected: letter value [prefix]");
        table.medials[key[0]] = {Value(cols[1]), cols.size() >= 3 && cols[2] == "prefix"};
        break;
      case Section::kVowels: {
        if (!need(2)) return error("expected: pattern value");
        VowelPattern p;
        bool has_initial = false;
        for (char32_t cp : key) {
          if (cp == 'C') {
            p.shape.push_back(kInitialSlot);
            has_initial = true;
          } else if (cp == 'F') {
            p.shape.push_back(kFinalSlot);
            p.has_final = true;
          } else {
            p.shape.push_back(cp);
            ++p.literal_count;
          }
        }
        if (!has_initial) return error("pattern without C: " + cols[0]);
        p.value = ParseSeriesValue(cols[1]);
        table.patterns.push_back(std::move(p));
        break;
      }
      case Section::kIndependent:
        if (!need(2)) return error("expected: letters value");
        table.independents[key] = Value(cols[1]);
        table.max_independent_len = std::max(table.max_independent_len, key.size());
        break;
      case Section::kImplicit:
        if (!need(2)) return error("expected: open|closed value");
        if (cols[0] == "open") {
          table.implicit_open = ParseSeriesValue(cols[1]);
        } else if (cols[0] == "closed") {
          table.implicit_closed = ParseSeriesValue(cols[1]);
        } else {
          return error("implicit must be open or closed");
        }
        break;
      case Section::kSyllabicEndings:
        for (const std::string& col : cols) {
          auto cps = DecodeUtf8(col);
          if (!cps.ok() || cps->size() != 2) return error("expected two-letter endings");
          table.syllabic_endings.insert(*cps);
        }
        break;
      case Section::kIgnore:
      case Section::kKiller:
      case Section::kKillerPairs:
      case Section::kFinalMarker:
      case Section::kExplicitFinal:
      case Section::kPreVowels: {
        auto& set = section == Section::kIgnore          ? table.ignored
                    : section == Section::kKiller        ? table.killers
                    : section == Section::kKillerPairs   ? table.killer_pairs
                    : section == Section::kFinalMarker   ? table.final_markers
                    : section == Section::kExplicitFinal ? table.explicit_finals
                                                         : table.pre_vowels;
        for (const std::string& col : cols) {
          auto cps = DecodeUtf8(col);
          if (!cps.ok()) return error(cps.status().message());
          for (char32_t cp : *cps) set.insert(cp);
        }
        break;
      }
      case Section::kShifters:
        if (!need(2) || key.size() != 1) return error("expected: letter series");
        table.shifters[key[0]] = cols[1] == "2" ? 1 : 0;
        break;
      case Section::kFlags:
        for (const std::string& col : cols) {
          if (col == "strict_finals") {
            table.strict_finals = true;
          } else if (col == "silent_lone_final") {
            table.silent_lone_final = true;
          } else if (col == "silent_final_subscript") {
            table.silent_final_subscript = true;
          } else {
            return error("unknown flag " + col);
          }
        }
        break;
      case Section::kCoeng:
        if (key.size() != 1) return error("expected one letter");
        table.coeng = key[0];
        break;
    }
  }
  if (table.consonants.empty()) return Status::InvalidArgument(table.name + ": no consonants");
  return table;
}

Result<TranslitTable> LoadTranslitTable(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read romanisation table " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParseTranslitTable(buf.str(), path);
}

}  // namespace trm::match
