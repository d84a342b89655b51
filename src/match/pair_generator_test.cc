#include "match/pair_generator.h"

#include <gtest/gtest.h>

#include <mutex>
#include <set>

#include "match/test_data.h"

namespace trm::match {
namespace {

std::vector<PreparedRecord> Records(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<PreparedRecord> out;
  for (const auto& [name, dob] : rows) {
    Record r;
    r.full_name = name;
    r.birth_date = dob;
    out.push_back(*testing::SharedPreparer().Prepare(r));
  }
  return out;
}

std::set<std::pair<uint32_t, uint32_t>> Collect(const PairGenerator& gen, size_t* calls) {
  std::set<std::pair<uint32_t, uint32_t>> pairs;
  std::mutex mu;
  *calls = 0;
  gen.ForEachPair([&](int, uint32_t i, uint32_t j) {
    std::lock_guard<std::mutex> lock(mu);
    EXPECT_LT(i, j);
    pairs.insert({i, j});
    ++*calls;
  });
  return pairs;
}

TEST(PairGeneratorTest, EachPairOnceAcrossRulesAndKeys) {
  // Records 0-2 share two name tokens and a year: several rules and keys
  // produce the same pairs, which must still come out once each.
  const auto records = Records({{"Somchai Jaidee", "1990-01-01"},
                                {"Jaidee Somchai", "1990-01-01"},
                                {"Somchai Jaidee", "1990-05-05"},
                                {"Malee Srisuk", "1970-01-01"}});
  PairGenerator gen(records, PredictionRules(), {}, 2);
  size_t calls = 0;
  const auto pairs = Collect(gen, &calls);
  EXPECT_EQ(calls, pairs.size());
  EXPECT_EQ(pairs, (std::set<std::pair<uint32_t, uint32_t>>{{0, 1}, {0, 2}, {1, 2}}));
  EXPECT_EQ(gen.CountPairs(), 3u);
}

TEST(PairGeneratorTest, LinkModeOnlyPairsAcrossSides) {
  const auto records =
      Records({{"Somchai Jaidee", ""}, {"Somchai Jaidee", ""}, {"Somchai Jaidee", ""}});
  PairGeneratorOptions options;
  options.sides = {0, 0, 1};
  PairGenerator gen(records, {BlockingRule::kNameBag}, options, 1);
  size_t calls = 0;
  EXPECT_EQ(Collect(gen, &calls), (std::set<std::pair<uint32_t, uint32_t>>{{0, 2}, {1, 2}}));
}

TEST(PairGeneratorTest, OversizeBlocksAreSkippedAndCounted) {
  std::vector<std::pair<std::string, std::string>> rows(10, {"Nguyen An", ""});
  PairGeneratorOptions options;
  options.max_block_size = 5;
  PairGenerator gen(Records(rows), {BlockingRule::kNameBag}, options, 1);
  EXPECT_EQ(gen.CountPairs(), 0u);
  ASSERT_EQ(gen.stats().size(), 1u);
  EXPECT_EQ(gen.stats()[0].oversize_blocks, 1u);
}

TEST(PairGeneratorTest, ApproximateAgesBlockWithNearbyYears) {
  Record a, b;
  a.full_name = "Somchai Jaidee";
  a.age = 35;  // ~1990 with reference year 2025
  b.full_name = "Somchai Wongsawat";
  b.birth_date = "1991-02-03";
  std::vector<PreparedRecord> records = {*testing::SharedPreparer().Prepare(a),
                                         *testing::SharedPreparer().Prepare(b)};
  PairGenerator gen(records, {BlockingRule::kTokenYear}, {}, 1);
  EXPECT_EQ(gen.CountPairs(), 1u);
}

}  // namespace
}  // namespace trm::match
