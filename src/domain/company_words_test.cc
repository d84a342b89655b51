#include "domain/company_words.h"

#include <gtest/gtest.h>

#include "domain/indicator_test_data.h"
#include "domain/line_file_testing.h"

namespace trm::domain {
namespace {

using testing::ExpectLineError;

constexpr std::string_view kToy =
    "# toy list\n"
    "before: บริษัท | công ty | tnhh\n"
    "after: co | ltd | จำกัด | 有限公司 | လီမိတက်\n";

CompanyWords Toy() {
  auto w = ParseCompanyWords(kToy, "toy.txt");
  EXPECT_TRUE(w.ok()) << w.status().message();
  return w.ok() ? *w : CompanyWords();
}

TEST(CompanyWords, CutsFromBothEndsWithThePunctuation) {
  const CompanyWords w = Toy();
  EXPECT_EQ(w.size(), 8u);
  EXPECT_EQ(w.Strip("Siam Raeng Ngan Co., Ltd."), "siam raeng ngan");
  EXPECT_EQ(w.Strip("Siam Raeng Ngan CO.,LTD"), "siam raeng ngan");
  EXPECT_EQ(w.Strip("บริษัท สยามแรงงาน จำกัด"), "สยามแรงงาน");
  EXPECT_EQ(w.Strip("Công ty TNHH Hòa Bình Xanh"), "hòa bình xanh");
  EXPECT_EQ(w.Strip("ရွှေမြင့် လီမိတက်"), "ရွှေမြင့်");
}

TEST(CompanyWords, ScriptsWrittenTogetherAreCutWithoutSpaces) {
  const CompanyWords w = Toy();
  EXPECT_EQ(w.Strip("บริษัทสยามแรงงานจำกัด"), "สยามแรงงาน");
  EXPECT_EQ(w.Strip("金星劳务有限公司"), "金星劳务");
}

TEST(CompanyWords, LatinWordsOnlyWhole) {
  const CompanyWords w = Toy();
  EXPECT_EQ(w.Strip("Coco Marine"), "coco marine");
  EXPECT_EQ(w.Strip("Marine Taco"), "marine taco");
  EXPECT_EQ(w.Strip("Congtyxyz"), "congtyxyz");
  // A word in the middle of a name stays.
  EXPECT_EQ(w.Strip("Siam Co Labour"), "siam co labour");
}

TEST(CompanyWords, TheLastWordStays) {
  const CompanyWords w = Toy();
  EXPECT_EQ(w.Strip("Co., Ltd."), "co");
  EXPECT_EQ(w.Strip("บริษัท"), "บริษัท");
  EXPECT_EQ(w.Strip("  Somchai Jaidee "), "somchai jaidee");
}

TEST(CompanyWords, EmptyWordsKeepEveryName) {
  const CompanyWords w;
  EXPECT_EQ(w.Strip("Siam Co., Ltd."), "siam co., ltd");
}

TEST(CompanyWords, ErrorsNameTheLine) {
  using testing::Replace;
  ExpectLineError(ParseCompanyWords(Replace(kToy, "after:", "middle:"), "w.txt").status(), "w.txt", 3,
                  "unknown keyword 'middle'");
  ExpectLineError(ParseCompanyWords(Replace(kToy, "| ltd |", "| |"), "w.txt").status(), "w.txt", 3,
                  "empty word");
  ExpectLineError(ParseCompanyWords(Replace(kToy, "| ltd |", "| LTD | ltd |"), "w.txt").status(), "w.txt",
                  3, "word given twice: 'ltd'");
  ExpectLineError(ParseCompanyWords(Replace(kToy, "| ltd |", "| ltd. |"), "w.txt").status(), "w.txt", 3,
                  "must begin and end with a letter");
  ExpectLineError(ParseCompanyWords(Replace(kToy, "| ltd |", "| " + std::string(61, 'x') + " |"), "w.txt")
                      .status(),
                  "w.txt", 3, "longer than 60");
  ExpectLineError(ParseCompanyWords(Replace(kToy, "tnhh", "tnhh\xC3"), "w.txt").status(), "w.txt", 2,
                  "not valid UTF-8");
  ExpectLineError(ParseCompanyWords(Replace(kToy, "before:", "before"), "w.txt").status(), "w.txt", 2,
                  "expected 'keyword: value'");
  ExpectLineError(ParseCompanyWords("# nothing\n", "w.txt").status(), "w.txt", 1, "no company words");
}

TEST(CompanyWords, MissingFileIsNotFound) {
  auto w = LoadCompanyWords("/nonexistent/company_words.txt");
  EXPECT_EQ(w.status().code(), Code::kNotFound);
}

// The shipped list loads and cuts the legal forms of every script in the region.
TEST(CompanyWordsData, ShippedListLoads) {
  auto w = LoadCompanyWords(testing::SourceDir() / "data" / "match" / "company_words.txt");
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(w->Strip("บริษัท สยามแรงงาน จำกัด (มหาชน)"), "สยามแรงงาน");
  EXPECT_EQ(w->Strip("ບໍລິສັດ ດາວເຮືອງ ຈຳກັດ"), "ດາວເຮືອງ");
  EXPECT_EQ(w->Strip("ក្រុមហ៊ុន ពន្លឺថ្មី ឯ.ក"), "ពន្លឺថ្មី");
  EXPECT_EQ(w->Strip("ရွှေမြင့် ကုမ္ပဏီ လီမိတက်"), "ရွှေမြင့်");
  EXPECT_EQ(w->Strip("深圳金星劳务股份有限公司"), "深圳金星劳务");
  EXPECT_EQ(w->Strip("Công ty Cổ phần Hòa Bình"), "hòa bình");
  EXPECT_EQ(w->Strip("Golden Star Recruitment Sdn. Bhd."), "golden star recruitment");
  EXPECT_EQ(w->Strip("Golden Star Recruitment Sdn Bhd"), "golden star recruitment");
  EXPECT_EQ(w->Strip("Chokchai Marine Fishing Co., Ltd."), "chokchai marine fishing");
}

}  // namespace
}  // namespace trm::domain
