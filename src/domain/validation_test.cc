#include "domain/validation.h"

#include <gtest/gtest.h>

#include "domain/codes.h"
#include "domain/enums.h"
#include "domain/person.h"
#include "domain/reference.h"

namespace trm::domain {
namespace {

TEST(Utf8, AcceptsEveryScriptWeServe) {
  for (const char* s : {"", "Maria", "สมศรี", "ບຸນມີ", "សុខា", "အောင်ကျော်", "Nguyễn Thị Hương",
                        "王秀英", "😀"})
    EXPECT_TRUE(IsValidUtf8(s)) << s;
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("abc\x80"));              // stray continuation byte
  EXPECT_FALSE(IsValidUtf8("\xc3"));                 // truncated 2-byte sequence
  EXPECT_FALSE(IsValidUtf8("\xe0\xb8"));             // truncated Thai letter
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));             // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));         // UTF-16 surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));     // beyond U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xf8\x88\x80\x80\x80"));  // 5-byte form
}

TEST(Utf8, CountsCodePoints) {
  EXPECT_EQ(CodePointCount("สมศรี"), 5u);
  EXPECT_EQ(CodePointCount("abc"), 3u);
}

TEST(Dates, OnlyRealCalendarDates) {
  EXPECT_TRUE(IsValidDate("2024-02-29"));
  EXPECT_TRUE(IsValidDate("2000-02-29"));
  EXPECT_TRUE(IsValidDate("1999-12-31"));
  EXPECT_FALSE(IsValidDate("2023-02-29"));
  EXPECT_FALSE(IsValidDate("1900-02-29"));
  EXPECT_FALSE(IsValidDate("2024-04-31"));
  EXPECT_FALSE(IsValidDate("2024-13-01"));
  EXPECT_FALSE(IsValidDate("2024-00-10"));
  EXPECT_FALSE(IsValidDate("2024-01-00"));
  EXPECT_FALSE(IsValidDate("24-01-01"));
  EXPECT_FALSE(IsValidDate("2024/01/01"));
  EXPECT_FALSE(IsValidDate("yesterday"));
  EXPECT_FALSE(IsValidDate("1850-01-01"));
}

TEST(Text, RejectsControlCharactersAndOverlongValues) {
  EXPECT_TRUE(CheckText("line one\nline two", "note", 100, TextKind::kMultiline).ok());
  Status s = CheckText("bell\x07", "note", 100);
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_EQ(s.field(), "note");
  EXPECT_EQ(CheckText(std::string(5, 'a'), "f", 4).code(), Code::kInvalidArgument);
  // The limit counts characters, not bytes: five Thai letters fit in five.
  EXPECT_TRUE(CheckText("สมศรี", "f", 5).ok());
}

TEST(Text, NamesAreSingleLineAndFreeOfC1Controls) {
  EXPECT_EQ(CheckText("Lan\nTran", "n", 100).code(), Code::kInvalidArgument);
  EXPECT_EQ(CheckText("Lan\tTran", "n", 100).code(), Code::kInvalidArgument);
  EXPECT_EQ(CheckText("Lan\xC2\x85", "n", 100).code(), Code::kInvalidArgument);  // U+0085
  EXPECT_EQ(CheckText("\xC2\x9B[31m", "n", 100).code(), Code::kInvalidArgument);  // CSI
  EXPECT_TRUE(CheckText("Lan\nTran", "n", 100, TextKind::kMultiline).ok());
  EXPECT_TRUE(CheckText("Jos\xC3\xA9 \xC2\xA0x", "n", 100).ok()) << "é and NBSP are fine";
}

TEST(Text, BlankMeansOnlySpaces) {
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank("   "));
  EXPECT_TRUE(IsBlank("\xE3\x80\x80"));  // ideographic space
  EXPECT_FALSE(IsBlank(" a "));
  EXPECT_FALSE(IsBlank("สม"));
}

TEST(Codes, CountriesAndLanguages) {
  for (const char* c : {"TH", "KH", "LA", "MM", "VN", "SG", "CN", "PH", "ID", "MY"})
    EXPECT_TRUE(IsCountryCode(c)) << c;
  for (const char* c : {"th", "XX", "T", "THA", "UK"}) EXPECT_FALSE(IsCountryCode(c)) << c;
  for (const char* l : {"th", "km", "lo", "my", "vi", "zh", "en"}) EXPECT_TRUE(IsLanguageCode(l)) << l;
  for (const char* l : {"TH", "xx", "khm", ""}) EXPECT_FALSE(IsLanguageCode(l)) << l;
}

TEST(Enums, RoundTripAndRejectUnknown) {
  for (Gender g : {Gender::kFeminine, Gender::kMasculine, Gender::kTransgenderFeminine,
                   Gender::kTransgenderMasculine, Gender::kNonConforming,
                   Gender::kNonSpecifiedUnknown})
    EXPECT_EQ(ParseGender(Name(g)), g);
  EXPECT_EQ(ParseGender("female"), std::nullopt);
  EXPECT_EQ(ParseRole("case_worker"), Role::kCaseWorker);
  EXPECT_EQ(ParseRole("root"), std::nullopt);
  EXPECT_EQ(ParseOrgType("LegalService"), OrgType::kLegalService);
  EXPECT_EQ(ParseCaseStatus("pending"), std::nullopt);
}

TEST(PersonRules, NeedsANameAndValidCodes) {
  Person p;
  EXPECT_EQ(ValidatePerson(p).field(), "person.first_name");
  p.first_name = "  ";
  p.second_name = " ";
  EXPECT_EQ(ValidatePerson(p).field(), "person.first_name") << "blank names count as none";
  p.first_name = "";
  p.second_name = "ចាន់";
  EXPECT_TRUE(ValidatePerson(p).ok());
  p.approximate_age = 121;
  EXPECT_EQ(ValidatePerson(p).field(), "person.approximate_age");
  p.approximate_age = 17;
  p.citizenship = {"KH", "KH"};
  EXPECT_EQ(ValidatePerson(p).field(), "person.citizenship");
  p.citizenship = {"Cambodia"};
  EXPECT_EQ(ValidatePerson(p).field(), "person.citizenship");
  p.citizenship = {"KH"};
  p.languages = {"khmer"};
  EXPECT_EQ(ValidatePerson(p).field(), "person.languages");
  p.languages = {"km"};
  p.birth_date = "2001-02-30";
  EXPECT_EQ(ValidatePerson(p).field(), "person.birth_date");
}

TEST(References, RandomReadableAndWellFormed) {
  std::string a = MakeCaseReference({0, 1, 2, 3, 4, 5, 6, 7});
  std::string b = MakeCaseReference({31, 30, 29, 28, 27, 26, 25, 24});
  EXPECT_EQ(a, "C-0123-4567");
  EXPECT_EQ(b, "C-ZYXW-VTSR");
  EXPECT_TRUE(IsCaseReference(a));
  EXPECT_FALSE(IsCaseReference("C-0123-456I"));  // I is not in the alphabet
  EXPECT_FALSE(IsCaseReference("C-01234567"));
}

}  // namespace
}  // namespace trm::domain
