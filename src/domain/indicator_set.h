// Indicator sets for screening: the types a set file is read into.
//
// A set is data, not code (data/indicators/*.txt, format in indicator_loader.h),
// so that a network can adopt its own regional list without a release. Two kinds:
//
//   kDimensions  the ILO/EC operational indicators (Delphi survey, 2009) and lists
//                built like them: each indicator belongs to a dimension and has a
//                grade; the set's positive rule says when a dimension is positive
//                and its victim rule which dimensions must be positive, per group.
//   kList        a flat list such as the ILO's 11 indicators of forced labour: no
//                dimensions, no grades; the result is the explained list of what
//                was observed, because one indicator may in some cases imply
//                forced labour and in others several together point to it.
//
// The rules themselves are evaluated in indicator_rules.h. Values only; an
// IndicatorSet is immutable once loaded and safe to share between threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trm::domain {

enum class SetKind { kDimensions, kList };

enum class Grade { kStrong, kMedium, kWeak };

// Whom a screening is about. For children the "means" are not required
// (Palermo Protocol art. 3(c)); each set says so in its own victim rule.
enum class PersonGroup { kAdult, kChild };

// File words: "dimensions"/"list", "strong"/"medium"/"weak", "adult"/"child".
std::string_view Name(SetKind v);
std::string_view Name(Grade v);
std::string_view Name(PersonGroup v);
std::optional<SetKind> ParseSetKind(std::string_view s);
std::optional<Grade> ParseGrade(std::string_view s);
std::optional<PersonGroup> ParsePersonGroup(std::string_view s);

// The languages a label may be given in besides English (ISO 639-1): Thai,
// Khmer, Lao, Burmese, Vietnamese, Chinese.
inline constexpr std::string_view kLabelLanguages[] = {"th", "km", "lo", "my", "vi", "zh"};

// A label in English, with translations keyed by language code.
struct Label {
  std::string en;
  std::map<std::string, std::string, std::less<>> translations;

  // The label in `lang`, or the English one when there is no translation.
  const std::string& In(std::string_view lang) const;
  bool Has(std::string_view lang) const;
};

struct Dimension {
  std::string id;  // "coercion-destination"
  Label label;
};

struct Indicator {
  std::string id;              // unique within the set: "cd-documents"
  std::string dimension_id;    // empty in a kList set
  std::optional<Grade> grade;  // set in a kDimensions set, absent in a kList set
  Label label;
};

// A set of grades, for rule terms such as "medium-or-weak" or "any".
class GradeSet {
 public:
  GradeSet() = default;
  static GradeSet Of(Grade g) { return GradeSet(Bit(g)); }
  static GradeSet Any() { return GradeSet(0b111); }
  GradeSet operator|(GradeSet o) const { return GradeSet(bits_ | o.bits_); }
  bool Contains(Grade g) const { return (bits_ & Bit(g)) != 0; }
  bool IsSubsetOf(GradeSet o) const { return (bits_ & ~o.bits_) == 0; }
  bool empty() const { return bits_ == 0; }
  uint8_t bits() const { return bits_; }
  static GradeSet FromBits(uint8_t bits) { return GradeSet(bits & 0b111); }
  bool operator==(const GradeSet&) const = default;

 private:
  explicit GradeSet(uint8_t bits) : bits_(bits) {}
  static uint8_t Bit(Grade g) { return static_cast<uint8_t>(1u << static_cast<int>(g)); }
  uint8_t bits_ = 0;
};

// "strong", "medium-or-weak", "any" (every grade).
std::string Name(GradeSet v);

// "2 medium": at least `count` observed indicators whose grade is in `grades`.
struct ClauseTerm {
  int count = 0;
  GradeSet grades;
};

// One clause of the positive rule, e.g. "2 medium + 1 weak". It holds when
// distinct observed indicators of the dimension can be given to its terms: one
// indicator counts for one term only, for its own grade.
struct Clause {
  std::vector<ClauseTerm> terms;
};

// "2 medium + 1 weak", as a set file writes it.
std::string Describe(const Clause& c);

// One line of the victim rule: for `group`, at least one of `dimension_ids`
// must be positive. `name` says what the line stands for ("recruitment").
struct Requirement {
  PersonGroup group = PersonGroup::kAdult;
  std::string name;
  std::vector<std::string> dimension_ids;
};

struct IndicatorSet {
  std::string id;  // "ilo-ec-adults-labour"
  SetKind kind = SetKind::kList;
  Label title;
  std::string source;                  // where the list comes from, as written
  std::vector<std::string> notes;      // caveats shown with the set ("draft", ...)
  std::vector<std::string> languages;  // labels every indicator has; "en" first
  std::vector<Dimension> dimensions;   // kDimensions only, in file order
  std::vector<Indicator> indicators;   // in file order
  // kDimensions only: a dimension is positive when any clause holds.
  std::vector<Clause> positive_rule;
  // kDimensions only: a person of a group is indicated when every requirement
  // of that group is met. A group without requirements cannot be screened.
  std::vector<Requirement> victim_rule;

  // nullptr when absent.
  const Indicator* FindIndicator(std::string_view indicator_id) const;
  const Dimension* FindDimension(std::string_view dimension_id) const;
  bool HasVictimRule(PersonGroup group) const;
  size_t CountIn(std::string_view dimension_id) const;
};

}  // namespace trm::domain
