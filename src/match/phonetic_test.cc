#include "match/phonetic.h"

#include <gtest/gtest.h>

namespace trm::match {
namespace {

TEST(PhoneticKeyTest, RomanisationVariantsShareAKey) {
  const std::pair<const char*, const char*> same[] = {
      {"suphaphon", "supaporn"},
      {"chaidi", "jaidee"},
      {"kaeomani", "kaewmanee"},
      {"bounnyang", "bounnhang"},
      {"volachit", "vorachith"},
      {"xaisomphon", "xaysomphone"},
      {"hsan", "san"},
      {"htun", "tun"},
      {"hpyu", "phyu"},
      {"sreimum", "sreymom"},
      {"pisei", "pisey"},
      {"li", "ly"},
      {"souksavan", "souksavanh"},
      {"suksawat", "suksawad"},
      {"aok", "ouk"},
      {"saen", "sen"},
      {"rueang", "ruang"},
  };
  for (const auto& [a, b] : same) {
    EXPECT_EQ(PhoneticKey(a), PhoneticKey(b)) << a << " / " << b;
  }
}

TEST(PhoneticKeyTest, DifferentNamesKeepDifferentKeys) {
  const std::pair<const char*, const char*> different[] = {
      {"somchai", "somsak"}, {"wichai", "wichit"}, {"malee", "mana"}, {"kyaw", "khin"},
      {"thein", "than"},     {"thein", "htun"},    {"thein", "thin"}, {"kyaw", "kyi"},
  };
  for (const auto& [a, b] : different) {
    EXPECT_NE(PhoneticKey(a), PhoneticKey(b)) << a << " / " << b;
  }
}

TEST(PhoneticKeyTest, EdgeCases) {
  EXPECT_EQ(PhoneticKey(""), "");
  EXPECT_EQ(PhoneticKey("a"), "a");
  EXPECT_EQ(PhoneticKey("suphaphon"), "sopapon");
  EXPECT_EQ(PhoneticKey("ng"), "N");
  EXPECT_EQ(PhoneticKey("123"), "");
}

TEST(HashTest, StableAndSpread) {
  EXPECT_EQ(Hash32("somchai"), Hash32("somchai"));
  EXPECT_NE(Hash32("somchai"), Hash32("somchay"));
  EXPECT_NE(Hash64("a"), Hash64("b"));
}

}  // namespace
}  // namespace trm::match
