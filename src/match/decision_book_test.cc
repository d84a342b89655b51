#include "match/decision_book.h"

#include <gtest/gtest.h>

#include <sstream>

namespace trm::match {
namespace {

TEST(DecisionBookTest, OrderFreeAndLatestWins) {
  DecisionBook book;
  book.Set("a", "b", Decision::kSame);
  EXPECT_EQ(book.Get("b", "a"), Decision::kSame);
  book.Set("b", "a", Decision::kDifferent);
  EXPECT_EQ(book.Get("a", "b"), Decision::kDifferent);
  EXPECT_EQ(book.size(), 1u);
  EXPECT_FALSE(book.Get("a", "c").has_value());
}

TEST(DecisionBookTest, CsvRoundTripAndErrors) {
  DecisionBook book;
  book.Set("r1", "r,2", Decision::kSame);
  book.Set("r3", "r4", Decision::kDifferent);
  std::stringstream buf;
  book.WriteCsv(&buf);
  auto read = DecisionBook::ReadCsv(&buf);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->Get("r,2", "r1"), Decision::kSame);
  EXPECT_EQ(read->Get("r4", "r3"), Decision::kDifferent);

  std::istringstream bad("a_id,b_id,decision\nx,y,maybe\n");
  auto err = DecisionBook::ReadCsv(&bad);
  ASSERT_FALSE(err.ok());
  EXPECT_NE(err.status().message().find("line 2"), std::string::npos);
}

TEST(DecisionBookTest, ResolvesIdsToIndexes) {
  DecisionBook book;
  book.Set("x", "y", Decision::kSame);
  book.Set("x", "nobody", Decision::kDifferent);
  std::unordered_map<std::string, uint32_t> a = {{"x", 0}}, b = {{"y", 5}};
  size_t unknown = 0;
  const auto resolved = book.Resolve(a, b, &unknown);
  ASSERT_EQ(resolved.size(), 1u);
  EXPECT_EQ(resolved[0].a, 0u);
  EXPECT_EQ(resolved[0].b, 5u);
  EXPECT_EQ(unknown, 1u);
}

}  // namespace
}  // namespace trm::match
