#include "domain/indicator_loader.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/line_file.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr size_t kMaxFileBytes = 1 << 20;
constexpr size_t kMaxIdChars = 64;
constexpr size_t kMaxLabelChars = 300;
constexpr size_t kMaxTextChars = 1000;
constexpr int kMaxClauseCount = 99;

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

bool IsId(std::string_view s) {
  if (s.empty() || s.size() > kMaxIdChars || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IsLabelLanguage(std::string_view s) {
  return std::find(std::begin(kLabelLanguages), std::end(kLabelLanguages), s) !=
         std::end(kLabelLanguages);
}

constexpr std::string_view kHeaderKeys[] = {"set", "kind", "title", "source", "note", "languages"};

bool IsHeaderKey(std::string_view key) {
  return std::find(std::begin(kHeaderKeys), std::end(kHeaderKeys), key) != std::end(kHeaderKeys);
}

// What a translation line ("th: ...") attaches to: the last labelled line.
struct Target {
  enum class What { kNone, kTitle, kDimension, kIndicator } what = What::kNone;
  size_t index = 0;
};

class Parser {
 public:
  explicit Parser(std::string_view source) : source_(source) {}

  Result<IndicatorSet> Parse(std::string_view text) {
    // Checked here for its own message; ForEachStatement's limit never bites.
    if (text.size() > kMaxFileBytes)
      return Status::InvalidArgument(source_ + ": larger than 1 MiB; is this an indicator set?");
    ASSIGN_OR_RETURN(int lines, ForEachStatement(text, source_, kMaxFileBytes,
                                                 [this](const Statement& s) { return Line(s); }));
    RETURN_IF_ERROR(Finish(std::max(lines, 1)));
    return std::move(set_);
  }

 private:
  Status Error(int line, std::string_view reason) const { return LineError(source_, line, reason); }

  Status Line(const Statement& s) {
    const int line = s.line;
    const std::string_view key = s.key;
    const std::string_view value = s.value;
    if (IsHeaderKey(key)) {
      if (in_body_)
        return Error(line, Quoted(std::string(key) + ":") +
                               " is a header field: move it above the first dimension, "
                               "rule or indicator");
      target_ = {};
      return Header(line, key, value);
    }
    if (IsLabelLanguage(key)) return Translation(line, key, value);
    if (key == "en")
      return Error(line, "the English label belongs on the line itself, not on an 'en:' line");
    if (key != "dimension" && key != "positive" && key != "requires" && key != "indicator")
      return Error(line, "unknown keyword " + Quoted(key) +
                             " (set, kind, title, source, note, languages, dimension, "
                             "positive, requires, indicator, or a language: th, km, lo, "
                             "my, vi, zh)");
    if (!in_body_) RETURN_IF_ERROR(StartBody(line));
    target_ = {};
    if (key == "dimension") return DimensionLine(line, value);
    if (key == "positive") return PositiveLine(line, value);
    if (key == "requires") return RequiresLine(line, value);
    return IndicatorLine(line, value);
  }

  Status Header(int line, std::string_view key, std::string_view value) {
    if (key != "note") {
      auto [it, fresh] = header_lines_.emplace(std::string(key), line);
      if (!fresh)
        return Error(line, Quoted(std::string(key) + ":") + " given twice (first on line " +
                               std::to_string(it->second) + ")");
    }
    if (value.empty()) return Error(line, Quoted(std::string(key) + ":") + " has no value");
    if (key == "set") {
      if (!IsId(value))
        return Error(line, "set id " + Quoted(value) +
                               " must be lower-case letters, digits and '-', at most 64");
      set_.id = value;
    } else if (key == "kind") {
      auto kind = ParseSetKind(value);
      if (!kind) return Error(line, "unknown kind " + Quoted(value) + " (dimensions or list)");
      set_.kind = *kind;
    } else if (key == "title") {
      RETURN_IF_ERROR(CheckLabel(line, value));
      set_.title.en = value;
      target_ = {Target::What::kTitle, 0};
    } else if (key == "source" || key == "note") {
      Status s = CheckText(value, key, kMaxTextChars);
      if (!s.ok()) return Error(line, s.message());
      if (key == "source") set_.source = value;
      if (key == "note") set_.notes.emplace_back(value);
    } else {  // languages
      set_.languages = {"en"};
      for (std::string_view lang : Words(value)) {
        if (lang != "en" && !IsLabelLanguage(lang))
          return Error(line, "unknown language " + Quoted(lang) + " (en, th, km, lo, my, vi, zh)");
        if (std::count(set_.languages.begin(), set_.languages.end(), lang) && lang != "en")
          return Error(line, "language " + Quoted(lang) + " listed twice");
        if (lang != "en") set_.languages.emplace_back(lang);
      }
    }
    return Status::Ok();
  }

  Status StartBody(int line) {
    in_body_ = true;
    for (std::string_view key : {"set", "kind", "title"})
      if (!header_lines_.contains(std::string(key)))
        return Error(line, "missing header field " + Quoted(std::string(key) + ":") +
                               " (set, kind and title come before the first dimension, "
                               "rule or indicator)");
    if (set_.languages.empty()) set_.languages = {"en"};
    return Status::Ok();
  }

  Status DimensionLine(int line, std::string_view value) {
    if (set_.kind == SetKind::kList)
      return Error(line, "a list set has no dimensions (kind: dimensions has)");
    auto cols = SplitColumns(value, '|');
    if (cols.size() != 2) return Error(line, "expected 'dimension: <id> | <English label>'");
    if (!IsId(cols[0]))
      return Error(line, "dimension id " + Quoted(cols[0]) +
                             " must be lower-case letters, digits and '-', at most 64");
    if (const Dimension* d = set_.FindDimension(cols[0]))
      return Error(line, "duplicate dimension " + Quoted(cols[0]) + " (first on line " +
                             std::to_string(dimension_lines_[d - set_.dimensions.data()]) + ")");
    RETURN_IF_ERROR(CheckLabel(line, cols[1]));
    set_.dimensions.push_back({std::string(cols[0]), Label{std::string(cols[1]), {}}});
    dimension_lines_.push_back(line);
    target_ = {Target::What::kDimension, set_.dimensions.size() - 1};
    return Status::Ok();
  }

  Status PositiveLine(int line, std::string_view value) {
    if (set_.kind == SetKind::kList)
      return Error(line,
                   "a list set has no positive rule: its result is the list of "
                   "observed indicators");
    Clause clause;
    for (std::string_view term : SplitColumns(value, '+')) {
      auto words = Words(term);
      if (words.size() != 2)
        return Error(line,
                     "expected terms '<count> <grades>' joined by '+', e.g. "
                     "'1 strong + 1 medium-or-weak'; found " +
                         Quoted(term));
      int count = 0;
      for (char c : words[0]) {
        if (c < '0' || c > '9' || count > kMaxClauseCount) {
          count = -1;
          break;
        }
        count = count * 10 + (c - '0');
      }
      if (count < 1 || count > kMaxClauseCount)
        return Error(line, "count " + Quoted(words[0]) + " must be a whole number from 1 to 99");
      GradeSet grades;
      if (words[1] == "any") {
        grades = GradeSet::Any();
      } else {
        size_t start = 0;
        while (true) {
          const size_t at = words[1].find("-or-", start);
          const std::string_view name = words[1].substr(
              start, at == std::string_view::npos ? std::string_view::npos : at - start);
          auto grade = ParseGrade(name);
          if (!grade)
            return Error(line, "unknown grade " + Quoted(name) +
                                   " (strong, medium, weak, joined by '-or-', or any)");
          if (grades.Contains(*grade))
            return Error(line, "grade " + Quoted(name) + " named twice in " + Quoted(words[1]));
          grades = grades | GradeSet::Of(*grade);
          if (at == std::string_view::npos) break;
          start = at + 4;
        }
      }
      clause.terms.push_back({count, grades});
    }
    set_.positive_rule.push_back(std::move(clause));
    return Status::Ok();
  }

  Status RequiresLine(int line, std::string_view value) {
    if (set_.kind == SetKind::kList)
      return Error(line,
                   "a list set has no victim rule: its result is the list of "
                   "observed indicators");
    auto cols = SplitColumns(value, '|');
    if (cols.size() != 3)
      return Error(line,
                   "expected 'requires: <adult|child> | <what it stands for> | "
                   "<dimension> or <dimension> ...'");
    auto group = ParsePersonGroup(cols[0]);
    if (!group) return Error(line, "unknown group " + Quoted(cols[0]) + " (adult or child)");
    RETURN_IF_ERROR(CheckLabel(line, cols[1]));
    Requirement r{*group, std::string(cols[1]), {}};
    auto words = Words(cols[2]);
    for (size_t i = 0; i < words.size(); ++i) {
      if (i % 2 == 1) {
        if (words[i] != "or")
          return Error(line, "dimensions are joined by 'or'; found " + Quoted(words[i]));
        continue;
      }
      if (std::count(r.dimension_ids.begin(), r.dimension_ids.end(), words[i]))
        return Error(line, "dimension " + Quoted(words[i]) + " named twice");
      r.dimension_ids.emplace_back(words[i]);
    }
    if (r.dimension_ids.empty() || words.size() % 2 == 0)
      return Error(line, "a requirement names one or more dimensions joined by 'or'");
    set_.victim_rule.push_back(std::move(r));
    requirement_lines_.push_back(line);
    return Status::Ok();
  }

  Status IndicatorLine(int line, std::string_view value) {
    auto cols = SplitColumns(value, '|');
    const bool graded = set_.kind == SetKind::kDimensions;
    if (graded && cols.size() != 4)
      return Error(line,
                   "expected 'indicator: <id> | <dimension> | <grade> | "
                   "<English label>' (this set's kind is dimensions)");
    if (!graded && cols.size() != 2)
      return Error(line,
                   "expected 'indicator: <id> | <English label>' (this set's kind "
                   "is list: no dimension or grade)");
    if (!IsId(cols[0]))
      return Error(line, "indicator id " + Quoted(cols[0]) +
                             " must be lower-case letters, digits and '-', at most 64");
    if (const Indicator* i = set_.FindIndicator(cols[0]))
      return Error(line, "duplicate indicator " + Quoted(cols[0]) + " (first on line " +
                             std::to_string(indicator_lines_[i - set_.indicators.data()]) + ")");
    Indicator ind;
    ind.id = cols[0];
    if (graded) {
      if (!IsId(cols[1])) return Error(line, "malformed dimension id " + Quoted(cols[1]));
      ind.dimension_id = cols[1];
      ind.grade = ParseGrade(cols[2]);
      if (!ind.grade)
        return Error(line, "unknown grade " + Quoted(cols[2]) + " (strong, medium or weak)");
    }
    const std::string_view label = graded ? cols[3] : cols[1];
    RETURN_IF_ERROR(CheckLabel(line, label));
    ind.label.en = label;
    set_.indicators.push_back(std::move(ind));
    indicator_lines_.push_back(line);
    target_ = {Target::What::kIndicator, set_.indicators.size() - 1};
    return Status::Ok();
  }

  Status Translation(int line, std::string_view lang, std::string_view value) {
    Label* label = nullptr;
    switch (target_.what) {
      case Target::What::kNone:
        return Error(line,
                     "a translation follows the title, dimension or indicator line "
                     "it translates");
      case Target::What::kTitle:
        label = &set_.title;
        break;
      case Target::What::kDimension:
        label = &set_.dimensions[target_.index].label;
        break;
      case Target::What::kIndicator:
        label = &set_.indicators[target_.index].label;
        break;
    }
    if (label->Has(lang)) return Error(line, "a second " + Quoted(lang) + " label for one item");
    RETURN_IF_ERROR(CheckLabel(line, value));
    label->translations.emplace(std::string(lang), std::string(value));
    return Status::Ok();
  }

  Status CheckLabel(int line, std::string_view value) const {
    if (IsBlank(value)) return Error(line, "empty label");
    Status s = CheckText(value, "label", kMaxLabelChars);
    return s.ok() ? s : Error(line, s.message());
  }

  Status Finish(int last_line) {
    if (!in_body_) {
      for (std::string_view key : {"set", "kind", "title"})
        if (!header_lines_.contains(std::string(key)))
          return Error(last_line, "missing header field " + Quoted(std::string(key) + ":"));
      return Error(last_line, "empty set: no indicators");
    }
    if (set_.indicators.empty()) return Error(last_line, "empty set: no indicators");
    const bool graded = set_.kind == SetKind::kDimensions;
    if (graded) {
      std::string declared;
      for (const Dimension& d : set_.dimensions) declared += (declared.empty() ? "" : ", ") + d.id;
      if (declared.empty()) declared = "none";
      for (size_t i = 0; i < set_.indicators.size(); ++i)
        if (!set_.FindDimension(set_.indicators[i].dimension_id))
          return Error(indicator_lines_[i], "unknown dimension " +
                                                Quoted(set_.indicators[i].dimension_id) +
                                                " (declared: " + declared + ")");
      for (size_t i = 0; i < set_.victim_rule.size(); ++i)
        for (const std::string& id : set_.victim_rule[i].dimension_ids)
          if (!set_.FindDimension(id))
            return Error(requirement_lines_[i],
                         "unknown dimension " + Quoted(id) + " (declared: " + declared + ")");
      for (size_t i = 0; i < set_.dimensions.size(); ++i)
        if (set_.CountIn(set_.dimensions[i].id) == 0)
          return Error(dimension_lines_[i],
                       "dimension " + Quoted(set_.dimensions[i].id) + " has no indicators");
      if (set_.positive_rule.empty())
        return Error(last_line,
                     "no 'positive:' line: the set must say when a dimension "
                     "is positive");
      if (set_.victim_rule.empty())
        return Error(last_line,
                     "no 'requires:' line: the set must say which dimensions "
                     "must be positive");
    }
    for (const std::string& lang : set_.languages) {
      if (lang == "en") continue;
      const std::string why = " label (the header's 'languages:' lists " + lang + ")";
      if (!set_.title.Has(lang))
        return Error(header_lines_.at("title"), "the title has no " + Quoted(lang) + why);
      for (size_t i = 0; i < set_.dimensions.size(); ++i)
        if (!set_.dimensions[i].label.Has(lang))
          return Error(dimension_lines_[i], "dimension " + Quoted(set_.dimensions[i].id) +
                                                " has no " + Quoted(lang) + why);
      for (size_t i = 0; i < set_.indicators.size(); ++i)
        if (!set_.indicators[i].label.Has(lang))
          return Error(indicator_lines_[i], "indicator " + Quoted(set_.indicators[i].id) +
                                                " has no " + Quoted(lang) + why);
    }
    return Status::Ok();
  }

  std::string source_;
  IndicatorSet set_;
  bool in_body_ = false;
  Target target_;
  std::map<std::string, int, std::less<>> header_lines_;  // field -> line
  std::vector<int> dimension_lines_;                      // parallel to set_.dimensions
  std::vector<int> indicator_lines_;                      // parallel to set_.indicators
  std::vector<int> requirement_lines_;                    // parallel to set_.victim_rule
};

}  // namespace

Result<IndicatorSet> ParseIndicatorSet(std::string_view text, std::string_view source_name) {
  return Parser(source_name).Parse(text);
}

Result<IndicatorSet> LoadIndicatorSetFile(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(std::string text, ReadDataFile(path, "indicator set"));
  return ParseIndicatorSet(text, path.filename().string());
}

Result<std::vector<IndicatorSet>> LoadIndicatorSets(const std::filesystem::path& dir) {
  ASSIGN_OR_RETURN(std::vector<std::filesystem::path> files,
                   ListDataFiles(dir, "indicator set"));
  std::vector<IndicatorSet> sets;
  std::map<std::string, std::string, std::less<>> file_of;  // set id -> file name
  for (const auto& file : files) {
    ASSIGN_OR_RETURN(IndicatorSet set, LoadIndicatorSetFile(file));
    auto [it, fresh] = file_of.emplace(set.id, file.filename().string());
    if (!fresh)
      return Status::InvalidArgument(file.filename().string() + ": set id '" + set.id +
                                     "' is already defined in " + it->second);
    sets.push_back(std::move(set));
  }
  return sets;
}

}  // namespace trm::domain
