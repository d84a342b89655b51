#include "http/base64.h"

#include <gtest/gtest.h>

namespace trm::http {
namespace {

TEST(Base64, DecodesCanonicalText) {
  EXPECT_EQ(DecodeBase64(""), "");
  EXPECT_EQ(DecodeBase64("Zg=="), "f");
  EXPECT_EQ(DecodeBase64("Zm8="), "fo");
  EXPECT_EQ(DecodeBase64("Zm9v"), "foo");
  EXPECT_EQ(DecodeBase64("JVBERi0xLjc="), "%PDF-1.7");
  EXPECT_EQ(DecodeBase64("AP8="), std::string("\0\xff", 2));
  EXPECT_EQ(DecodeBase64("+/+/"), std::string("\xfb\xff\xbf"));
}

TEST(Base64, RefusesAnythingElse) {
  for (const char* bad : {"Zg", "Zg=", "Zg===", "Z===", "Zm9v\n", "Zm 9", "Zm9-", "Zm9_", "Zh==", "Zm9=Zm9v",
                          "Z=g="})
    EXPECT_FALSE(DecodeBase64(bad)) << bad;
}

}  // namespace
}  // namespace trm::http
