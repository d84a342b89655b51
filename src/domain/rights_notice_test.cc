#include "domain/rights_notice.h"

#include <gtest/gtest.h>

#include "domain/indicator_test_data.h"

namespace trm::domain {
namespace {

TEST(RightsNotice, ParsesTheFileFormat) {
  auto n = ParseRightsNotice("# Your rights\nversion: 2026-1\nlanguage: en\n\n## Help\n- Shelter\n",
                             "en.md");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(n->title, "Your rights");
  EXPECT_EQ(n->version, "2026-1");
  EXPECT_EQ(n->language, "en");
  EXPECT_EQ(n->body, "## Help\n- Shelter");
}

TEST(RightsNotice, RejectsMalformedFilesWithTheLine) {
  struct Bad {
    const char* text;
    const char* where;
  };
  for (const Bad& b : {Bad{"Your rights\nversion: 1\nlanguage: en\n\nbody\n", "x.md:1:"},
                       Bad{"# T\nversio: 1\nlanguage: en\n\nbody\n", "x.md:2:"},
                       Bad{"# T\nversion: a b\nlanguage: en\n\nbody\n", "x.md:2:"},
                       Bad{"# T\nversion: 1\nlang: en\n\nbody\n", "x.md:3:"},
                       Bad{"# T\nversion: 1\nlanguage: en\nbody\nmore\n", "x.md:4:"},
                       Bad{"# T\nversion: 1\nlanguage: en\n\n<script>x</script>\n", "x.md:5:"},
                       Bad{"# T\nversion: 1\nlanguage: en\n\nsee [here](http://x)\n", "x.md:5:"},
                       Bad{"# T\nversion: 1\nlanguage: en\n\n   \n", "x.md:5:"}}) {
    auto n = ParseRightsNotice(b.text, "x.md");
    ASSERT_FALSE(n.ok()) << b.text;
    EXPECT_NE(n.status().message().find(b.where), std::string::npos) << n.status().message();
  }
  EXPECT_FALSE(ParseRightsNotice("# T\nversion: 1\nlanguage: en\n\n\xff\n", "x.md").ok());
}

TEST(RightsNotice, ShippedVersionsHaveAllSevenLanguages) {
  auto lib = LoadRightsNotices(testing::SourceDir() / "data" / "rights-notices");
  ASSERT_TRUE(lib.ok()) << lib.status().ToString();
  ASSERT_FALSE(lib->empty());
  for (const auto& [version, langs] : *lib) {
    EXPECT_EQ(langs.size(), 7u) << version;
    for (const auto& [lang, n] : langs) EXPECT_GT(n.body.size(), 200u) << version << "/" << lang;
  }
}

}  // namespace
}  // namespace trm::domain
