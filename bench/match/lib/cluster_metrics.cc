#include "lib/cluster_metrics.h"

#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

namespace trm::match::bench {
namespace {

uint64_t Pairs(uint64_t n) { return n * (n - 1) / 2; }

}  // namespace

PairwiseScores ScoreClusters(const std::vector<uint32_t>& cluster_of,
                             const std::vector<uint32_t>& entity_of) {
  PairwiseScores s;
  std::unordered_map<uint32_t, uint64_t> cluster_size, entity_size;
  std::map<std::pair<uint32_t, uint32_t>, uint64_t> both;
  std::unordered_map<uint32_t, std::set<uint32_t>> entities_in_cluster;
  for (size_t i = 0; i < cluster_of.size(); ++i) {
    ++cluster_size[cluster_of[i]];
    ++entity_size[entity_of[i]];
    ++both[{cluster_of[i], entity_of[i]}];
    entities_in_cluster[cluster_of[i]].insert(entity_of[i]);
  }
  for (const auto& [c, n] : cluster_size) s.predicted_pairs += Pairs(n);
  for (const auto& [e, n] : entity_size) s.true_pairs += Pairs(n);
  for (const auto& [k, n] : both) s.correct_pairs += Pairs(n);
  s.clusters = cluster_size.size();
  s.entities = entity_size.size();
  for (const auto& [c, es] : entities_in_cluster) {
    if (es.size() == 1 && entity_size[*es.begin()] == cluster_size[c]) ++s.exact_clusters;
  }
  s.precision = s.predicted_pairs ? static_cast<double>(s.correct_pairs) / s.predicted_pairs : 1;
  s.recall = s.true_pairs ? static_cast<double>(s.correct_pairs) / s.true_pairs : 1;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

std::string PairwiseScores::ToString() const {
  char buf[512];
  std::snprintf(buf, sizeof(buf),
                "pairwise precision %.4f recall %.4f F1 %.4f (true pairs %llu, predicted %llu, "
                "correct %llu); clusters %zu for %zu entities, %zu exactly right (%.1f%%)",
                precision, recall, f1, static_cast<unsigned long long>(true_pairs),
                static_cast<unsigned long long>(predicted_pairs),
                static_cast<unsigned long long>(correct_pairs), clusters, entities, exact_clusters,
                entities ? 100.0 * exact_clusters / entities : 0.0);
  return buf;
}

}  // namespace trm::match::bench
