#include "match/cluster.h"

#include <gtest/gtest.h>

namespace trm::match {
namespace {

ScoredPair P(uint32_t a, uint32_t b, float prob) { return {a, b, prob * 20, prob}; }

TEST(ClusterTest, LinksAboveThresholdFormClusters) {
  const auto r = ClusterRecords(6, {P(0, 1, 0.99f), P(1, 2, 0.97f), P(3, 4, 0.6f)}, 0.95, {});
  EXPECT_EQ(r.cluster_of, (std::vector<uint32_t>{0, 0, 0, 3, 4, 5}));
}

TEST(ClusterTest, HumanDifferentIsNeverUndoneByAChain) {
  // 0-1 and 1-2 are strong links, but a reviewer said 0 and 2 differ.
  const auto r =
      ClusterRecords(3, {P(0, 1, 0.99f), P(1, 2, 0.98f)}, 0.95, {{0, 2, Decision::kDifferent}});
  EXPECT_EQ(r.cluster_of[0], r.cluster_of[1]);
  EXPECT_NE(r.cluster_of[0], r.cluster_of[2]);
  EXPECT_EQ(r.refused_merges, 1u);
}

TEST(ClusterTest, HumanSameJoinsBelowThreshold) {
  const auto r = ClusterRecords(3, {P(0, 1, 0.2f)}, 0.95, {{0, 1, Decision::kSame}});
  EXPECT_EQ(r.cluster_of, (std::vector<uint32_t>{0, 0, 2}));
}

TEST(ClusterTest, ContradictoryHumanDecisionsAreCounted) {
  const auto r = ClusterRecords(
      3, {}, 0.95,
      {{0, 1, Decision::kSame}, {1, 2, Decision::kSame}, {0, 2, Decision::kDifferent}});
  EXPECT_EQ(r.conflicting_decisions, 1u);
  EXPECT_NE(r.cluster_of[0], r.cluster_of[2]);
}

TEST(ClusterTest, StrongestLinkWinsAConflict) {
  // 0 != 2. The stronger 1-2 link is taken first, so 0-1 is refused.
  const auto r =
      ClusterRecords(3, {P(0, 1, 0.96f), P(1, 2, 0.999f)}, 0.95, {{0, 2, Decision::kDifferent}});
  EXPECT_EQ(r.cluster_of, (std::vector<uint32_t>{0, 1, 1}));
}

}  // namespace
}  // namespace trm::match
