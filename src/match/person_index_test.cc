#include "match/person_index.h"

#include <gtest/gtest.h>

#include "match/test_data.h"

namespace trm::match {
namespace {

class PersonIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto e = Engine::Load(testing::DataDir(), {.reference_year = 2025});
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    engine_ = e.value().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static Record R(std::string id, std::string name, std::string dob) {
    Record r;
    r.id = std::move(id);
    r.full_name = std::move(name);
    r.birth_date = std::move(dob);
    return r;
  }
  static Engine* engine_;
};
Engine* PersonIndexTest::engine_ = nullptr;

TEST_F(PersonIndexTest, FindsAPersonWrittenInAnotherScript) {
  PersonIndex index(engine_, Model::Default());
  ASSERT_TRUE(index.Add(R("th-1", "สมชาย ใจดี", "1990-05-17")).ok());
  ASSERT_TRUE(index.Add(R("la-1", "ສົມສັກ ພົມມະຈັນ", "1988-01-02")).ok());
  ASSERT_TRUE(index.Add(R("mm-1", "အောင်ဆန်းစုကြည်", "1945-06-19")).ok());
  QueryOptions options;
  options.explain = true;
  auto hits = index.Query(R("", "Somchai Jaidee", "1990-05-17"), options);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].id, "th-1");
  EXPECT_EQ((*hits)[0].decision, Decision::kSame);
  ASSERT_TRUE((*hits)[0].explanation.has_value());
  EXPECT_NE((*hits)[0].explanation->ToString().find("birth_date: exact"), std::string::npos);

  // A year alone is weak evidence under the default prior: ask for a ranking.
  QueryOptions ranking;
  ranking.min_probability = 1e-6;
  hits = index.Query(R("", "Aung San Suu Kyi", "1945"), ranking);
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ((*hits)[0].id, "mm-1");
}

TEST_F(PersonIndexTest, ReplaceRemoveAndCompact) {
  PersonIndex index(engine_, Model::Default(), {.max_posting = 100, .compact_after = 4});
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(index
                    .Add(R("id" + std::to_string(i), "Person" + std::to_string(i) + " Family",
                           "1980-01-01"))
                    .ok());
  }
  EXPECT_EQ(index.size(), 20u);
  ASSERT_TRUE(index.Add(R("id3", "Somchai Jaidee", "1990-05-17")).ok());  // replaces id3
  EXPECT_EQ(index.size(), 20u);
  auto hits = index.Query(R("", "Somchai Jaidee", "1990-05-17"), {});
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].id, "id3");
  hits = index.Query(R("", "Person3 Family", "1980-01-01"), {});
  for (const QueryMatch& m : *hits) EXPECT_NE(m.id, "id3");
  ASSERT_TRUE(index.Remove("id3").ok());
  EXPECT_TRUE(index.Query(R("", "Somchai Jaidee", "1990-05-17"), {})->empty());
  EXPECT_EQ(index.Remove("id3").code(), Code::kNotFound);
  index.Compact();
  EXPECT_EQ(index.size(), 19u);
  EXPECT_GT(index.MemoryBytes(), 0u);
}

TEST_F(PersonIndexTest, RejectsInvalidRecords) {
  PersonIndex index(engine_, Model::Default());
  EXPECT_EQ(index.Add(R("", "x", "")).code(), Code::kInvalidArgument);
  EXPECT_EQ(index.Add(R("a", "x", "1990-02-30")).code(), Code::kInvalidArgument);
  EXPECT_FALSE(index.Query(R("", "x", "not a date"), {}).ok());
}

}  // namespace
}  // namespace trm::match
