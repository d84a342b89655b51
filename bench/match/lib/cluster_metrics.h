// Pairwise quality of a clustering against true entities: a pair of records
// is predicted when both are in one cluster, and true when both describe one
// entity.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace trm::match::bench {

struct PairwiseScores {
  uint64_t true_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
  double precision = 0, recall = 0, f1 = 0;
  size_t clusters = 0, entities = 0, exact_clusters = 0;  // clusters equal to an entity
  std::string ToString() const;
};

PairwiseScores ScoreClusters(const std::vector<uint32_t>& cluster_of,
                             const std::vector<uint32_t>& entity_of);

}  // namespace trm::match::bench
