// Clustering pairwise links into persons.
//
// Pairs at or above the threshold are taken strongest first and join their
// two records' clusters (union-find), except where a human decision says
// that a record of one cluster is a different person from a record of the
// other: such a merge is refused, so one reviewer's "different" is never
// undone by a chain of automatic links. Human "same" decisions join clusters
// before any automatic link (unless they contradict a human "different").
#pragma once

#include <cstdint>
#include <vector>

#include "match/model.h"

namespace trm::match {

struct ScoredPair {
  uint32_t a;
  uint32_t b;
  float weight;  // match weight (bits)
  float probability;
};

struct HumanDecision {
  uint32_t a;
  uint32_t b;
  Decision decision;  // kSame or kDifferent; kReview is ignored
};

struct ClusterResult {
  // For each record, the smallest record index of its cluster.
  std::vector<uint32_t> cluster_of;
  uint64_t refused_merges = 0;         // automatic links blocked by human decisions
  uint64_t conflicting_decisions = 0;  // human "same" decisions that contradict a "different"
};

ClusterResult ClusterRecords(size_t n, std::vector<ScoredPair> pairs, double threshold,
                             const std::vector<HumanDecision>& decisions);

}  // namespace trm::match
