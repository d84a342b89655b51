#include "match/similarity.h"

#include <gtest/gtest.h>

namespace trm::match {
namespace {

TEST(JaroWinklerTest, KnownValues) {
  // Values from Winkler's papers.
  EXPECT_NEAR(Jaro("martha", "marhta"), 0.944, 0.001);
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.840, 0.001);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_DOUBLE_EQ(JaroWinkler("same", "same"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", "x"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(JaroWinklerTest, SymmetricAndLongStrings) {
  EXPECT_DOUBLE_EQ(JaroWinkler("somchai", "somchay"), JaroWinkler("somchay", "somchai"));
  const std::string a(100, 'a'), b = std::string(99, 'a') + "b";
  EXPECT_GT(JaroWinkler(a, b), 0.99);
}

TEST(EditDistanceTest, TranspositionsAndBounds) {
  EXPECT_EQ(BoundedEditDistance("abcd", "abcd", 2), 0);
  EXPECT_EQ(BoundedEditDistance("abcd", "abdc", 2), 1);  // transposition
  EXPECT_EQ(BoundedEditDistance("abcd", "abce", 2), 1);
  EXPECT_EQ(BoundedEditDistance("abcd", "ab", 2), 2);
  EXPECT_EQ(BoundedEditDistance("abcd", "wxyz", 2), 3);  // limit + 1
  EXPECT_EQ(BoundedEditDistance("a", "abcdef", 1), 2);
  EXPECT_EQ(BoundedEditDistance("", "", 0), 0);
}

}  // namespace
}  // namespace trm::match
