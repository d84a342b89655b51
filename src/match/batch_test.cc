#include "match/batch.h"

#include <gtest/gtest.h>

#include "match/test_data.h"

namespace trm::match {
namespace {

std::vector<PreparedRecord> Prepare(const std::vector<Record>& rows) {
  std::vector<PreparedRecord> out;
  for (const Record& r : rows) out.push_back(*testing::SharedPreparer().Prepare(r));
  return out;
}

Record R(std::string name, std::string dob, std::string doc = "", std::string sex = "") {
  Record r;
  r.full_name = std::move(name);
  r.birth_date = std::move(dob);
  r.document_number = std::move(doc);
  r.sex = std::move(sex);
  return r;
}

// A small set with three people written several ways, scored with the
// default model (too few records to train on).
std::vector<Record> People() {
  return {
      R("สมชาย ใจดี", "1990-05-17", "TH123456", "m"),
      R("Somchai Jaidee", "1990-05-17", "TH123456", "m"),
      R("Somchai Jaidi", "1990-05-17", "", "m"),
      R("王小明", "1985-02-01", "", "m"),
      R("Wang Xiaoming", "1985-02-01", "", "m"),
      R("Malee Srisuk", "1970-01-01", "", "f"),
  };
}

TEST(BatchTest, DedupeGroupsThePeople) {
  BatchOptions options;
  options.model = Model::Default();
  auto r = Dedupe(Prepare(People()), {}, options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->cluster_of, (std::vector<uint32_t>{0, 0, 0, 3, 3, 5}));
}

TEST(BatchTest, DedupeRespectsHumanDecisions) {
  BatchOptions options;
  options.model = Model::Default();
  auto r =
      Dedupe(Prepare(People()), {{0, 2, Decision::kDifferent}, {3, 5, Decision::kSame}}, options);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->cluster_of[0], r->cluster_of[2]);
  EXPECT_EQ(r->cluster_of[0], r->cluster_of[1]);
  EXPECT_EQ(r->cluster_of[3], r->cluster_of[5]);
}

TEST(BatchTest, LinkPairsAcrossSetsWithDecisions) {
  const auto all = People();
  const std::vector<Record> a = {all[0], all[3], all[5]};
  const std::vector<Record> b = {all[1], all[4], R("Nobody Else", "2001-01-01")};
  BatchOptions options;
  options.model = Model::Default();
  auto r = Link(Prepare(a), Prepare(b), {{1, 1, Decision::kDifferent}, {2, 2, Decision::kSame}},
                options);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->pairs.size(), 2u);
  EXPECT_EQ(r->pairs[0].a, 0u);
  EXPECT_EQ(r->pairs[0].b, 0u);
  EXPECT_EQ(r->pairs[0].decision, Decision::kSame);
  EXPECT_FALSE(r->pairs[0].human);
  EXPECT_EQ(r->pairs[1].a, 2u);
  EXPECT_TRUE(r->pairs[1].human);
}

TEST(BatchTest, TrainingOnTooFewRecordsIsAnError) {
  BatchOptions options;
  auto r = Link(Prepare({People()[0]}), {}, {}, options);
  EXPECT_TRUE(r.ok());  // nothing to link is not an error
  EXPECT_FALSE(Train(Prepare({People()[0]}), {}, Model::Default(), {}, nullptr).ok());
}

}  // namespace
}  // namespace trm::match
