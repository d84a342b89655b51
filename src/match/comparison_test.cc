#include "match/comparison.h"

#include <gtest/gtest.h>

#include "match/test_data.h"

namespace trm::match {
namespace {

PreparedRecord Prep(Record r) {
  auto p = testing::SharedPreparer().Prepare(r);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return *p;
}

PreparedRecord Named(const std::string& name) {
  Record r;
  r.full_name = name;
  return Prep(r);
}

uint8_t NameLevel(const std::string& a, const std::string& b) {
  return CompareNames(Named(a).name, Named(b).name).level;
}

PartialDate Date(const char* s) { return *ParsePartialDate(s); }

TEST(CompareNamesTest, EachLevel) {
  EXPECT_EQ(NameLevel("", "Somchai"), name_level::kNull);
  EXPECT_EQ(NameLevel("Somchai Jaidee", "SOMCHAI  jaidee"), name_level::kExact);
  EXPECT_EQ(NameLevel("Somchai Jaidee", "Jaidee Somchai"), name_level::kRomanized);
  EXPECT_EQ(NameLevel("王小明", "Wang Xiaoming"), name_level::kRomanized);
  EXPECT_EQ(NameLevel("Somchai Jaidee", "Somchay Jaidee"), name_level::kClose);
  EXPECT_EQ(NameLevel("สมชาย ใจดี", "Somchai Jaidee"), name_level::kPhonetic);
  EXPECT_EQ(NameLevel("Wang Xiaoming", "Wang Xiaohong"), name_level::kSimilar);
  EXPECT_EQ(NameLevel("Somchai Jaidee", "Somchai"), name_level::kSubset);
  EXPECT_EQ(NameLevel("Somchai Jaidee", "Somchai Wongsawat"), name_level::kPartial);
  EXPECT_EQ(NameLevel("Somchai Jaidee", "Malee Srisuk"), name_level::kDifferent);
}

TEST(CompareNamesTest, OptionalTokensAreIgnoredWhenUnmatched) {
  EXPECT_EQ(NameLevel("Maung Kyaw Zaw", "Kyaw Zaw"), name_level::kRomanized);
  EXPECT_EQ(NameLevel("Nguyễn Văn An", "Nguyen An"), name_level::kRomanized);
}

TEST(CompareNamesTest, ReportsWhichTokensAgreed) {
  const NameComparison c =
      CompareNames(Named("Somchai Jaidee").name, Named("Somchai Wongsawat").name);
  EXPECT_EQ(c.exact_a, 1u);  // "somchai" is token 0
}

TEST(CompareDatesTest, EachLevel) {
  EXPECT_EQ(CompareDates(Date(""), Date("1990-05-17")), date_level::kNull);
  EXPECT_EQ(CompareDates(Date("1990-05-17"), Date("1990-05-17")), date_level::kExact);
  EXPECT_EQ(CompareDates(Date("1990-05"), Date("1990-05-17")), date_level::kConsistent);
  EXPECT_EQ(CompareDates(Date("1990-05-07"), Date("1990-07-05")), date_level::kTypo);
  EXPECT_EQ(CompareDates(Date("1990-05-17"), Date("1990-05-18")), date_level::kTypo);
  EXPECT_EQ(CompareDates(Date("1990-05-17"), Date("1909-05-17")), date_level::kTypo);
  EXPECT_EQ(CompareDates(Date("1990"), Date("1990-05-17")), date_level::kSameYear);
  EXPECT_EQ(CompareDates(Date("1990-01-17"), Date("1990-11-28")), date_level::kSameYear);
  EXPECT_EQ(CompareDates(Date("1991-03-17"), Date("1990-11-28")), date_level::kWithin1);
  EXPECT_EQ(CompareDates(Date("1993"), Date("1990")), date_level::kWithin3);
  EXPECT_EQ(CompareDates(Date("1995"), Date("1990")), date_level::kWithin5);
  EXPECT_EQ(CompareDates(Date("1960"), Date("1990")), date_level::kDifferent);
}

TEST(CompareDatesTest, ApproximateAgesNeverAgreeExactly) {
  const PartialDate from_age = *DateFromAge(35, 2025);  // ~1990
  EXPECT_EQ(CompareDates(from_age, Date("1990-05-17")), date_level::kWithin1);
  EXPECT_EQ(CompareDates(from_age, Date("1989")), date_level::kWithin1);
  EXPECT_EQ(CompareDates(from_age, Date("1987")), date_level::kWithin3);
}

TEST(CompareOtherFieldsTest, SexCitizenshipPlacePhoneDocument) {
  Record a, b;
  a.sex = "F";
  b.sex = "หญิง";
  a.citizenship = "Thailand";
  b.citizenship = "THA";
  a.place = "Chiang Mai";
  b.place = "เชียงใหม่";
  a.phone = "+66 81 234 5678";
  b.phone = "081-234-5678";
  a.document_number = "AB123456";
  b.document_number = "ab 123456";
  ComparisonVector v = Compare(Prep(a), Prep(b));
  EXPECT_EQ(v.level[static_cast<int>(Field::kSex)], simple_level::kSame);
  EXPECT_EQ(v.level[static_cast<int>(Field::kCitizenship)], simple_level::kSame);
  EXPECT_EQ(v.level[static_cast<int>(Field::kPlace)], place_level::kExact);
  EXPECT_EQ(v.level[static_cast<int>(Field::kPhone)], id_level::kExact);
  EXPECT_EQ(v.level[static_cast<int>(Field::kDocument)], id_level::kExact);
  EXPECT_EQ(v.level[static_cast<int>(Field::kName)], name_level::kNull);

  b.sex = "m";
  b.citizenship = "Laos";
  b.place = "Chiang Rai";
  b.phone = "081-234-5679";
  b.document_number = "AB123457";
  v = Compare(Prep(a), Prep(b));
  EXPECT_EQ(v.level[static_cast<int>(Field::kSex)], simple_level::kDifferent);
  EXPECT_EQ(v.level[static_cast<int>(Field::kCitizenship)], simple_level::kDifferent);
  EXPECT_EQ(v.level[static_cast<int>(Field::kPlace)], place_level::kSimilar);
  EXPECT_EQ(v.level[static_cast<int>(Field::kPhone)], id_level::kOneEdit);
  EXPECT_EQ(v.level[static_cast<int>(Field::kDocument)], id_level::kOneEdit);

  b.place = "Phnom Penh";
  b.phone = "099-999-1111";
  b.document_number = "ZZ999999";
  v = Compare(Prep(a), Prep(b));
  EXPECT_EQ(v.level[static_cast<int>(Field::kPlace)], place_level::kDifferent);
  EXPECT_EQ(v.level[static_cast<int>(Field::kPhone)], id_level::kDifferent);
  EXPECT_EQ(v.level[static_cast<int>(Field::kDocument)], id_level::kDifferent);
}

TEST(CompareTest, PatternKeyRoundTrips) {
  ComparisonVector v;
  for (int f = 0; f < kFieldCount; ++f) v.level[f] = static_cast<uint8_t>(f % 4);
  EXPECT_EQ(ComparisonVector::FromPatternKey(v.PatternKey()).level, v.level);
}

}  // namespace
}  // namespace trm::match
