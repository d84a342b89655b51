#include "match/text_normalize.h"

#include <gtest/gtest.h>

#include "match/script.h"
#include "match/utf8.h"

namespace trm::match {
namespace {

TEST(TextNormalizeTest, FoldsCaseWidthAndPunctuation) {
  EXPECT_EQ(NormalizeText("  Somchai   JAIDEE "), "somchai jaidee");
  EXPECT_EQ(NormalizeText("ＳＯＭＣＨＡＩ"), "somchai");
  EXPECT_EQ(NormalizeText("O'Brien, Mary-Jane."), "obrien mary jane");
  EXPECT_EQ(NormalizeText("Straße"), "strasse");
  EXPECT_EQ(NormalizeText(""), "");
  EXPECT_EQ(NormalizeText("---"), "");
}

TEST(TextNormalizeTest, KeepsCombiningMarksOfAbugidas) {
  // Thai vowel signs and tone marks are marks, not punctuation.
  EXPECT_EQ(NormalizeText("สมชาย  ใจดี"), "สมชาย ใจดี");
  EXPECT_EQ(NormalizeText("အောင်ဆန်း"), "အောင်ဆန်း");
}

TEST(TextNormalizeTest, DropsZeroWidthCharacters) {
  EXPECT_EQ(NormalizeText("som\u200Bchai"), "somchai");
}

TEST(TextNormalizeTest, DigitsFromAnyScript) {
  EXPECT_EQ(DigitsOnly("+66 (81) 234-5678"), "66812345678");
  EXPECT_EQ(DigitsOnly("๐๘๑๒๓๔"), "081234");
  EXPECT_EQ(DigitsOnly("၀၉၁"), "091");
  EXPECT_EQ(DigitsOnly("no digits"), "");
}

TEST(TextNormalizeTest, DocumentNumbers) {
  EXPECT_EQ(AlnumUpper("ab 12-34"), "AB1234");
  EXPECT_EQ(AlnumUpper("Ｐ１２３"), "P123");
}

TEST(Utf8Test, RejectsMalformedInput) {
  EXPECT_TRUE(IsValidUtf8("สมชาย"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(DecodeUtf8("ab\xFF").ok());
  EXPECT_EQ(EncodeUtf8(*DecodeUtf8("ສົມ ກ")), "ສົມ ກ");
}

TEST(ScriptTest, SplitsRunsAndFindsTheDominantScript) {
  EXPECT_EQ(DominantScript("สมชาย"), Script::kThai);
  EXPECT_EQ(DominantScript("ສົມສັກ"), Script::kLao);
  EXPECT_EQ(DominantScript("សុខា"), Script::kKhmer);
  EXPECT_EQ(DominantScript("အောင်"), Script::kMyanmar);
  EXPECT_EQ(DominantScript("王小明"), Script::kHan);
  EXPECT_EQ(DominantScript("Nguyễn"), Script::kLatin);
  EXPECT_EQ(DominantScript("123"), Script::kUnknown);
  const auto runs = SplitScriptRuns("somchai สมชาย");
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].script, Script::kLatin);
  EXPECT_EQ(runs[1].script, Script::kThai);
  EXPECT_EQ(runs[1].text, "สมชาย");
}

}  // namespace
}  // namespace trm::match
