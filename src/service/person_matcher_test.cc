// How a case's person becomes the matching engine's record: names joined the
// way the engine reads them, a stated age carried to the reference year, the
// gender read as the engine's sex, the first citizenship.
#include "service/person_matcher.h"

#include <gtest/gtest.h>

namespace trm::service {
namespace {

domain::Person Someone() {
  domain::Person p;
  p.first_name = "Siri";
  p.middle_name = "Porn";
  p.second_name = "Kaeomani";
  p.gender = domain::Gender::kFeminine;
  p.citizenship = {"TH", "LA"};
  return p;
}

TEST(PersonMatcherRecordOf, JoinsTheMiddleNameToTheGivenName) {
  match::Record r = PersonMatcher::RecordOf("7", Someone(), 2026, 2026);
  EXPECT_EQ(r.id, "7");
  EXPECT_EQ(r.given_name, "Siri Porn");
  EXPECT_EQ(r.family_name, "Kaeomani");
  EXPECT_TRUE(r.full_name.empty());

  domain::Person only_middle = Someone();
  only_middle.first_name = "";
  EXPECT_EQ(PersonMatcher::RecordOf("7", only_middle, 2026, 2026).given_name, "Porn");
  domain::Person no_middle = Someone();
  no_middle.middle_name = "";
  EXPECT_EQ(PersonMatcher::RecordOf("7", no_middle, 2026, 2026).given_name, "Siri");
}

TEST(PersonMatcherRecordOf, CarriesAStatedAgeToTheReferenceYear) {
  domain::Person p = Someone();
  p.approximate_age = 30;
  match::Record r = PersonMatcher::RecordOf("1", p, 2023, 2026);
  EXPECT_EQ(r.age, 33) << "30 when recorded in 2023 is 33 in 2026";
  EXPECT_TRUE(r.birth_date.empty());
  EXPECT_EQ(PersonMatcher::RecordOf("1", p, 2026, 2026).age, 30);
  // A case dated after the reference year (clock skew) never makes anyone younger.
  EXPECT_EQ(PersonMatcher::RecordOf("1", p, 2028, 2026).age, 30);
  // An age that would pass 130 is no evidence at all.
  p.approximate_age = 120;
  EXPECT_FALSE(PersonMatcher::RecordOf("1", p, 2000, 2026).age.has_value());
}

TEST(PersonMatcherRecordOf, ABirthDateWinsOverAnAge) {
  domain::Person p = Someone();
  p.birth_date = "1995-03-02";
  p.approximate_age = 30;
  match::Record r = PersonMatcher::RecordOf("1", p, 2020, 2026);
  EXPECT_EQ(r.birth_date, "1995-03-02");
  EXPECT_FALSE(r.age.has_value());
}

TEST(PersonMatcherRecordOf, MapsTheGenderToTheEnginesSex) {
  using domain::Gender;
  const std::pair<Gender, const char*> cases[] = {
      {Gender::kFeminine, "f"},        {Gender::kTransgenderFeminine, "f"},
      {Gender::kMasculine, "m"},       {Gender::kTransgenderMasculine, "m"},
      {Gender::kNonConforming, ""},    {Gender::kNonSpecifiedUnknown, ""},
  };
  for (const auto& [gender, sex] : cases) {
    domain::Person p = Someone();
    p.gender = gender;
    EXPECT_EQ(PersonMatcher::RecordOf("1", p, 2026, 2026).sex, sex) << domain::Name(gender);
  }
}

TEST(PersonMatcherRecordOf, TakesTheFirstCitizenshipOrNone) {
  EXPECT_EQ(PersonMatcher::RecordOf("1", Someone(), 2026, 2026).citizenship, "TH");
  domain::Person p = Someone();
  p.citizenship.clear();
  EXPECT_EQ(PersonMatcher::RecordOf("1", p, 2026, 2026).citizenship, "");
}

TEST(PersonMatcherYearOf, IsTheUtcCalendarYear) {
  EXPECT_EQ(YearOf(0), 1970);
  EXPECT_EQ(YearOf(1'800'000'000'000), 2027);  // 2027-01-15
  EXPECT_EQ(YearOf(1'798'761'599'999), 2026);  // 2026-12-31T23:59:59.999Z
}

}  // namespace
}  // namespace trm::service
