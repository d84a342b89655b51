#include "match/translit_table.h"

#include <gtest/gtest.h>

#include "match/syllable_romanizer.h"
#include "match/utf8.h"

namespace trm::match {
namespace {

TEST(TranslitTableTest, ReportsErrorsWithLineNumbers) {
  auto bad_section = ParseTranslitTable("[nonsense]\n", "t");
  ASSERT_FALSE(bad_section.ok());
  EXPECT_NE(bad_section.status().message().find("t:1"), std::string::npos);
  auto no_slot = ParseTranslitTable("[consonants]\nก k k\n[vowels]\nา a\n", "t");
  ASSERT_FALSE(no_slot.ok());
  EXPECT_NE(no_slot.status().message().find("t:4"), std::string::npos);
  EXPECT_FALSE(ParseTranslitTable("# only a comment\n", "t").ok());
  EXPECT_FALSE(ParseTranslitTable("[flags]\nfast\n[consonants]\nก k\n", "t").ok());
}

// A tiny made-up script exercises the engine independently of real tables.
TEST(SyllableRomanizerTest, LongestPatternWinsAndFinalsNeedNoVowelAfter) {
  auto table = ParseTranslitTable(
      "[consonants]\n"
      "ก k k\n"
      "น n n\n"
      "ม m m\n"
      "[vowels]\n"
      "Cา a\n"
      "CาF a\n"
      "เC e\n"
      "CF o\n"
      "C a\n"
      "[pre_vowels]\n"
      "เ\n",
      "toy");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  SyllableRomanizer r(&*table);
  auto run = [&](const char* s) { return r.Romanize(*DecodeUtf8(s), false); };
  EXPECT_EQ(run("กาน"), "kan");    // final after a vowel
  EXPECT_EQ(run("กานา"), "kana");  // น carries a vowel: an initial, not a final
  EXPECT_EQ(run("กม"), "kom");     // implicit closed vowel
  EXPECT_EQ(run("เก"), "ke");      // pre-posed vowel
  EXPECT_EQ(run("กมน"), "kamon");  // no final that would strand one consonant
  EXPECT_EQ(run("กา นา"), "ka na");
}

}  // namespace
}  // namespace trm::match
