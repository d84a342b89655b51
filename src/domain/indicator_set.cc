#include "domain/indicator_set.h"

#include <algorithm>

#include "domain/enum_table.h"

namespace trm::domain {
namespace {

constexpr EnumTable<SetKind, 2> kKinds{{
    {SetKind::kDimensions, "dimensions"},
    {SetKind::kList, "list"},
}};

constexpr EnumTable<Grade, 3> kGrades{{
    {Grade::kStrong, "strong"},
    {Grade::kMedium, "medium"},
    {Grade::kWeak, "weak"},
}};

constexpr EnumTable<PersonGroup, 2> kGroups{{
    {PersonGroup::kAdult, "adult"},
    {PersonGroup::kChild, "child"},
}};

}  // namespace

std::string_view Name(SetKind v) { return EnumName(kKinds, v); }
std::string_view Name(Grade v) { return EnumName(kGrades, v); }
std::string_view Name(PersonGroup v) { return EnumName(kGroups, v); }
std::optional<SetKind> ParseSetKind(std::string_view s) { return EnumParse(kKinds, s); }
std::optional<Grade> ParseGrade(std::string_view s) { return EnumParse(kGrades, s); }
std::optional<PersonGroup> ParsePersonGroup(std::string_view s) { return EnumParse(kGroups, s); }

const std::string& Label::In(std::string_view lang) const {
  auto it = translations.find(lang);
  return it == translations.end() ? en : it->second;
}

bool Label::Has(std::string_view lang) const {
  return lang == "en" ? !en.empty() : translations.contains(lang);
}

std::string Name(GradeSet v) {
  if (v == GradeSet::Any()) return "any";
  std::string out;
  for (const auto& [g, name] : kGrades) {
    if (!v.Contains(g)) continue;
    if (!out.empty()) out += "-or-";
    out += name;
  }
  return out;
}

std::string Describe(const Clause& c) {
  std::string out;
  for (const ClauseTerm& t : c.terms) {
    if (!out.empty()) out += " + ";
    out += std::to_string(t.count) + " " + Name(t.grades);
  }
  return out;
}

const Indicator* IndicatorSet::FindIndicator(std::string_view indicator_id) const {
  auto it = std::find_if(indicators.begin(), indicators.end(),
                         [&](const Indicator& i) { return i.id == indicator_id; });
  return it == indicators.end() ? nullptr : &*it;
}

const Dimension* IndicatorSet::FindDimension(std::string_view dimension_id) const {
  auto it = std::find_if(dimensions.begin(), dimensions.end(),
                         [&](const Dimension& d) { return d.id == dimension_id; });
  return it == dimensions.end() ? nullptr : &*it;
}

bool IndicatorSet::HasVictimRule(PersonGroup group) const {
  return std::any_of(victim_rule.begin(), victim_rule.end(),
                     [&](const Requirement& r) { return r.group == group; });
}

size_t IndicatorSet::CountIn(std::string_view dimension_id) const {
  return std::count_if(indicators.begin(), indicators.end(),
                       [&](const Indicator& i) { return i.dimension_id == dimension_id; });
}

}  // namespace trm::domain
