#include "domain/indicator_loader.h"

#include <unistd.h>

#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "domain/indicator_test_data.h"
#include "domain/line_file_testing.h"

namespace trm::domain {
namespace {

// A small valid dimensions set; tests below break one line of it at a time.
constexpr std::string_view kToy =
    "set: toy\n"                                               // 1
    "kind: dimensions\n"                                       // 2
    "title: Toy set\n"                                         // 3
    "dimension: rec | Recruitment\n"                           // 4
    "dimension: exp | Exploitation\n"                          // 5
    "positive: 2 strong\n"                                     // 6
    "positive: 1 strong + 1 medium-or-weak\n"                  // 7
    "requires: adult | recruitment | rec\n"                    // 8
    "requires: adult | exploitation | exp\n"                   // 9
    "indicator: r1 | rec | strong | Deceived about the job\n"  // 10
    "indicator: e1 | exp | medium | Low pay\n";                // 11

using testing::Replace;

// Expects `text` to be rejected as "t.txt:<line>: ..." with `reason` in it.
void ExpectRejected(std::string_view text, int line, std::string_view reason) {
  testing::ExpectLineError(ParseIndicatorSet(text, "t.txt").status(), "t.txt", line, reason);
}

TEST(IndicatorLoader, ReadsADimensionsSet) {
  auto r = ParseIndicatorSet(kToy, "toy.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const IndicatorSet& s = *r;
  EXPECT_EQ(s.id, "toy");
  EXPECT_EQ(s.kind, SetKind::kDimensions);
  EXPECT_EQ(s.title.en, "Toy set");
  ASSERT_EQ(s.dimensions.size(), 2u);
  EXPECT_EQ(s.dimensions[1].id, "exp");
  ASSERT_EQ(s.indicators.size(), 2u);
  EXPECT_EQ(s.indicators[0].dimension_id, "rec");
  EXPECT_EQ(s.indicators[0].grade, Grade::kStrong);
  EXPECT_EQ(s.indicators[1].label.en, "Low pay");
  ASSERT_EQ(s.positive_rule.size(), 2u);
  EXPECT_EQ(Describe(s.positive_rule[1]), "1 strong + 1 medium-or-weak");
  ASSERT_EQ(s.victim_rule.size(), 2u);
  EXPECT_EQ(s.victim_rule[0].name, "recruitment");
  EXPECT_EQ(s.victim_rule[0].dimension_ids, std::vector<std::string>{"rec"});
  EXPECT_TRUE(s.HasVictimRule(PersonGroup::kAdult));
  EXPECT_FALSE(s.HasVictimRule(PersonGroup::kChild));
  EXPECT_EQ(s.languages, std::vector<std::string>{"en"});
}

TEST(IndicatorLoader, ReadsAListSetWithTranslationsCommentsAndWindowsLineEnds) {
  const std::string text =
      "\xEF\xBB\xBF# a list\r\n"
      "set: flat\r\n"
      "kind: list\r\n"
      "title: Flat list   # a trailing comment\r\n"
      "  th: รายการ\r\n"
      "languages: en th\r\n"
      "\r\n"
      "indicator: a | Deception\r\n"
      "  th: การหลอกลวง\r\n"
      "  zh: 欺骗\r\n"
      "indicator: b | Debt bondage\r\n"
      "  th: แรงงานขัดหนี้\r\n"
      "indicator: c | Item#3 keeps its hash\r\n"
      "  th: ข้อ 3\r\n";
  auto r = ParseIndicatorSet(text, "flat.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->kind, SetKind::kList);
  EXPECT_EQ(r->title.en, "Flat list");
  EXPECT_EQ(r->title.In("th"), "รายการ");
  ASSERT_EQ(r->indicators.size(), 3u);
  EXPECT_FALSE(r->indicators[0].grade.has_value());
  EXPECT_EQ(r->indicators[0].label.In("zh"), "欺骗");
  EXPECT_EQ(r->indicators[1].label.In("zh"), "Debt bondage") << "falls back to English";
  EXPECT_EQ(r->indicators[2].label.en, "Item#3 keeps its hash");
  EXPECT_EQ(r->languages, (std::vector<std::string>{"en", "th"}));
}

TEST(IndicatorLoader, ClauseGradesAndDimensionsMayComeInAnyOrder) {
  // Dimensions named before they are declared; "any" and three-way grade sets.
  const std::string text =
      Replace(Replace(kToy, "dimension: rec | Recruitment\n", ""), "indicator: e1",
              "positive: 2 any + 1 strong-or-medium-or-weak\n"
              "dimension: rec | Recruitment\nindicator: e1");
  auto r = ParseIndicatorSet(text, "t.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(Describe(r->positive_rule.back()), "2 any + 1 any");
}

TEST(IndicatorLoader, RejectsUnknownGrade) {
  ExpectRejected(Replace(kToy, "| strong |", "| stong |"), 10, "unknown grade 'stong'");
  ExpectRejected(Replace(kToy, "1 medium-or-weak", "1 medium-or-weeak"), 7,
                 "unknown grade 'weeak'");
}

TEST(IndicatorLoader, RejectsUnknownDimension) {
  ExpectRejected(Replace(kToy, "| exp | medium", "| expl | medium"), 11,
                 "unknown dimension 'expl' (declared: rec, exp)");
  ExpectRejected(Replace(kToy, "exploitation | exp\n", "exploitation | exp or dest\n"), 9,
                 "unknown dimension 'dest'");
}

TEST(IndicatorLoader, RejectsDuplicateIds) {
  ExpectRejected(Replace(kToy, "indicator: e1", "indicator: r1"), 11,
                 "duplicate indicator 'r1' (first on line 10)");
  ExpectRejected(Replace(kToy, "dimension: exp", "dimension: rec"), 5,
                 "duplicate dimension 'rec' (first on line 4)");
}

TEST(IndicatorLoader, RejectsMissingOrMisplacedHeaderFields) {
  ExpectRejected(Replace(kToy, "title: Toy set\n", ""), 3, "missing header field 'title:'");
  ExpectRejected(Replace(kToy, "set: toy\n", ""), 3, "missing header field 'set:'");
  ExpectRejected("set: toy\nkind: list\n", 2, "missing header field 'title:'");
  ExpectRejected(std::string(kToy) + "source: late\n", 12, "is a header field");
  ExpectRejected(Replace(kToy, "title: Toy set\n", "title: Toy set\nset: again\n"), 4,
                 "'set:' given twice (first on line 1)");
  ExpectRejected(Replace(kToy, "kind: dimensions", "kind: delphi"), 2, "unknown kind 'delphi'");
  ExpectRejected(Replace(kToy, "set: toy", "set: Toy Set"), 1, "set id 'Toy Set'");
  ExpectRejected(Replace(kToy, "title: Toy set", "title:"), 3, "'title:' has no value");
}

TEST(IndicatorLoader, RejectsInvalidUtf8WithItsLine) {
  ExpectRejected(Replace(kToy, "Low pay", "Low \xE0\xB8 pay"), 11, "not valid UTF-8");
  ExpectRejected(Replace(kToy, "Recruitment\n", "Recruitment\xC0\xAF\n"), 4, "not valid UTF-8");
}

TEST(IndicatorLoader, RejectsAnEmptySet) {
  ExpectRejected("", 1, "missing header field 'set:'");
  ExpectRejected("# only a comment\n", 1, "missing header field 'set:'");
  ExpectRejected("set: x\nkind: list\ntitle: X\n# nothing else\n", 4, "empty set: no indicators");
}

TEST(IndicatorLoader, RejectsADimensionWithNoIndicators) {
  ExpectRejected(Replace(kToy, "dimension: exp | Exploitation\n",
                         "dimension: exp | Exploitation\ndimension: dest | Destination\n"),
                 6, "dimension 'dest' has no indicators");
}

TEST(IndicatorLoader, RejectsMalformedRules) {
  ExpectRejected(Replace(kToy, "positive: 2 strong", "positive: two strong"), 6,
                 "count 'two' must be a whole number from 1 to 99");
  ExpectRejected(Replace(kToy, "positive: 2 strong", "positive: 0 strong"), 6, "count '0'");
  ExpectRejected(Replace(kToy, "positive: 2 strong", "positive: 2strong"), 6,
                 "expected terms '<count> <grades>'");
  ExpectRejected(Replace(kToy, "positive: 2 strong", "positive: 1 strong +"), 6,
                 "expected terms '<count> <grades>'");
  ExpectRejected(Replace(kToy, "positive: 2 strong", "positive: 1 strong-or-strong"), 6,
                 "named twice");
  ExpectRejected(Replace(kToy, "requires: adult", "requires: elder"), 8, "unknown group 'elder'");
  ExpectRejected(Replace(kToy, "exploitation | exp\n", "exploitation | exp rec\n"), 9,
                 "joined by 'or'");
  ExpectRejected(Replace(kToy, "exploitation | exp\n", "exploitation | exp or\n"), 9,
                 "one or more dimensions");
  ExpectRejected(Replace(kToy, "exploitation | exp\n", "exploitation | exp or exp\n"), 9,
                 "named twice");
  ExpectRejected(Replace(kToy, "recruitment | rec\n", "rec\n"), 8, "expected 'requires:");
}

TEST(IndicatorLoader, RejectsADimensionsSetWithoutRules) {
  ExpectRejected(Replace(Replace(kToy, "positive: 2 strong\n", ""),
                         "positive: 1 strong + 1 medium-or-weak\n", ""),
                 9, "no 'positive:' line");
  ExpectRejected(Replace(Replace(kToy, "requires: adult | recruitment | rec\n", ""),
                         "requires: adult | exploitation | exp\n", ""),
                 9, "no 'requires:' line");
}

TEST(IndicatorLoader, RejectsRulesAndGradesInAListSet) {
  const std::string list = "set: l\nkind: list\ntitle: L\nindicator: a | A\n";
  ExpectRejected(list + "dimension: d | D\n", 5, "a list set has no dimensions");
  ExpectRejected(list + "positive: 2 strong\n", 5, "a list set has no positive rule");
  ExpectRejected(list + "requires: adult | x | d\n", 5, "a list set has no victim rule");
  ExpectRejected(list + "indicator: b | d | strong | B\n", 5,
                 "expected 'indicator: <id> | <English label>'");
}

TEST(IndicatorLoader, RejectsMalformedLines) {
  ExpectRejected(
      Replace(kToy, "indicator: e1 | exp | medium | Low pay", "indicator: e1 | exp | Low pay"), 11,
      "expected 'indicator: <id> | <dimension> | <grade>");
  ExpectRejected(Replace(kToy, "indicator: e1", "indicator: E1"), 11, "indicator id 'E1'");
  ExpectRejected(Replace(kToy, "indicator: e1", "indcator: e1"), 11, "unknown keyword 'indcator'");
  ExpectRejected(Replace(kToy, "dimension: exp | Exploitation", "dimension exp"), 5,
                 "expected 'keyword: value'");
  ExpectRejected(Replace(kToy, "| Low pay", "|   "), 11, "empty label");
  ExpectRejected(Replace(kToy, "Low pay", "Low\x01pay"), 11, "control character");
  ExpectRejected(Replace(kToy, "dimension: exp | Exploitation", "dimension: exp | A | B"), 5,
                 "expected 'dimension: <id> | <English label>'");
}

TEST(IndicatorLoader, RejectsMisplacedOrMissingTranslations) {
  ExpectRejected(Replace(kToy, "positive: 2 strong\n", "positive: 2 strong\nth: สอง\n"), 7,
                 "a translation follows the title, dimension or indicator line");
  ExpectRejected(std::string(kToy) + "th: ค่าจ้างต่ำ\nth: ซ้ำ\n", 13, "a second 'th' label");
  ExpectRejected(std::string(kToy) + "en: Low pay\n", 12, "belongs on the line itself");
  ExpectRejected(std::string(kToy) + "fr: Salaire bas\n", 12, "unknown keyword 'fr'");
  // "languages: en th" makes Thai labels required everywhere.
  const std::string thai = Replace(kToy, "title: Toy set\n",
                                   "title: Toy set\nth: ชุดทดลอง\n"
                                   "languages: en th\n");
  ExpectRejected(thai, 6, "dimension 'rec' has no 'th' label");
  ExpectRejected(Replace(kToy, "title: Toy set\n", "title: Toy set\nlanguages: en xx\n"), 4,
                 "unknown language 'xx'");
}

TEST(IndicatorLoader, FilesAndDirectories) {
  auto missing = LoadIndicatorSetFile("/nonexistent/set.txt");
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  EXPECT_EQ(LoadIndicatorSets("/nonexistent-dir").status().code(), Code::kNotFound);

  // Two files defining one set id: the second is named, with the first.
  const auto dir =
      std::filesystem::temp_directory_path() / ("trm-indicators-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.txt") << kToy;
  std::ofstream(dir / "b.txt") << kToy;
  std::ofstream(dir / "readme.md") << "not a set";
  auto dup = LoadIndicatorSets(dir);
  EXPECT_EQ(dup.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(dup.status().message(), "b.txt: set id 'toy' is already defined in a.txt");
  std::ofstream(dir / "b.txt") << Replace(kToy, "set: toy", "set: network-own");
  auto two = LoadIndicatorSets(dir);
  ASSERT_TRUE(two.ok()) << two.status().message();
  ASSERT_EQ(two->size(), 2u);
  EXPECT_EQ((*two)[1].id, "network-own");
  std::ofstream(dir / "c.txt") << Replace(kToy, "| strong |", "| huge |");
  auto bad = LoadIndicatorSets(dir);
  EXPECT_EQ(bad.status().message().rfind("c.txt:10: unknown grade 'huge'", 0), 0u)
      << bad.status().message();
  std::filesystem::remove_all(dir);
}

// Every file shipped in data/indicators/ loads, with the counts its header claims.
TEST(IndicatorData, EveryShippedSetLoads) {
  auto sets = LoadIndicatorSets(testing::IndicatorDataDir());
  ASSERT_TRUE(sets.ok()) << sets.status().message();
  std::map<std::string, const IndicatorSet*> by_id;
  for (const IndicatorSet& s : *sets) by_id[s.id] = &s;
  EXPECT_EQ(by_id.size(), 5u);
  for (const char* id : {"ilo-forced-labour-11", "ilo-ec-adults-labour", "ilo-ec-children-labour",
                         "ilo-ec-adults-sexual", "ilo-ec-children-sexual"})
    EXPECT_TRUE(by_id.contains(id)) << id;
}

TEST(IndicatorData, IloElevenHasAllSevenLanguages) {
  auto s = LoadIndicatorSetFile(testing::IndicatorDataDir() / "ilo-forced-labour-11.txt");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->kind, SetKind::kList);
  ASSERT_EQ(s->indicators.size(), 11u);
  EXPECT_EQ(s->indicators[0].label.en, "Abuse of vulnerability");
  EXPECT_EQ(s->indicators[10].label.en, "Excessive overtime");
  EXPECT_EQ(s->languages, (std::vector<std::string>{"en", "th", "km", "lo", "my", "vi", "zh"}));
  for (const Indicator& i : s->indicators)
    for (std::string_view lang : kLabelLanguages) EXPECT_TRUE(i.label.Has(lang)) << i.id << lang;
}

TEST(IndicatorData, AdultsLabourHasThePublishedCounts) {
  auto s = LoadIndicatorSetFile(testing::IndicatorDataDir() / "ilo-ec-adults-labour.txt");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->indicators.size(), 67u);
  const std::vector<std::pair<std::string, size_t>> counts = {
      {"deceptive-recruitment", 10},     {"coercive-recruitment", 10},
      {"vulnerability-recruitment", 16}, {"exploitation", 9},
      {"coercion-destination", 15},      {"vulnerability-destination", 7}};
  ASSERT_EQ(s->dimensions.size(), counts.size());
  for (size_t i = 0; i < counts.size(); ++i) {
    EXPECT_EQ(s->dimensions[i].id, counts[i].first);
    EXPECT_EQ(s->CountIn(counts[i].first), counts[i].second) << counts[i].first;
  }
  // The strong indicators named in the project's indicator notes.
  for (const char* id : {"dr-job-nature", "cr-violence", "ex-excessive-hours", "cd-documents",
                         "cd-debt-bondage", "cd-isolation"}) {
    const Indicator* i = s->FindIndicator(id);
    ASSERT_NE(i, nullptr) << id;
    EXPECT_EQ(i->grade, Grade::kStrong) << id;
  }
  EXPECT_EQ(s->positive_rule.size(), 4u);
  EXPECT_TRUE(s->HasVictimRule(PersonGroup::kAdult));
  EXPECT_FALSE(s->HasVictimRule(PersonGroup::kChild)) << "children have their own lists";
}

TEST(IndicatorData, OtherListsHaveTheirStatedCoverage) {
  const std::map<std::string, std::pair<size_t, PersonGroup>> expected = {
      {"ilo-ec-children-labour.txt", {65, PersonGroup::kChild}},
      {"ilo-ec-adults-sexual.txt", {31, PersonGroup::kAdult}},
      {"ilo-ec-children-sexual.txt", {27, PersonGroup::kChild}},
  };
  for (const auto& [file, want] : expected) {
    auto s = LoadIndicatorSetFile(testing::IndicatorDataDir() / file);
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_EQ(s->indicators.size(), want.first) << file;
    EXPECT_EQ(s->dimensions.size(), 6u) << file;
    EXPECT_TRUE(s->HasVictimRule(want.second)) << file;
    EXPECT_EQ(s->positive_rule.size(), 4u) << file;
  }
}

}  // namespace
}  // namespace trm::domain
