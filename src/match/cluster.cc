#include "match/cluster.h"

#include <algorithm>
#include <numeric>

namespace trm::match {
namespace {

class ConstrainedUnionFind {
 public:
  explicit ConstrainedUnionFind(size_t n) : parent_(n), forbidden_(n) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }

  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  void Forbid(uint32_t a, uint32_t b) {
    forbidden_[Find(a)].push_back(b);
    forbidden_[Find(b)].push_back(a);
  }

  // Joins the clusters of a and b unless forbidden. Returns false if refused.
  bool Union(uint32_t a, uint32_t b) {
    uint32_t ra = Find(a), rb = Find(b);
    if (ra == rb) return true;
    for (uint32_t x : forbidden_[ra]) {
      if (Find(x) == rb) return false;
    }
    for (uint32_t x : forbidden_[rb]) {
      if (Find(x) == ra) return false;
    }
    if (forbidden_[ra].size() < forbidden_[rb].size()) std::swap(ra, rb);
    parent_[rb] = ra;
    forbidden_[ra].insert(forbidden_[ra].end(), forbidden_[rb].begin(), forbidden_[rb].end());
    forbidden_[rb].clear();
    forbidden_[rb].shrink_to_fit();
    return true;
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<std::vector<uint32_t>> forbidden_;  // per root: records it may not join
};

}  // namespace

ClusterResult ClusterRecords(size_t n, std::vector<ScoredPair> pairs, double threshold,
                             const std::vector<HumanDecision>& decisions) {
  ClusterResult result;
  ConstrainedUnionFind uf(n);
  for (const HumanDecision& d : decisions) {
    if (d.decision == Decision::kDifferent && d.a < n && d.b < n) uf.Forbid(d.a, d.b);
  }
  for (const HumanDecision& d : decisions) {
    if (d.decision == Decision::kSame && d.a < n && d.b < n && !uf.Union(d.a, d.b)) {
      ++result.conflicting_decisions;
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const ScoredPair& x, const ScoredPair& y) {
    return x.weight != y.weight ? x.weight > y.weight : (x.a != y.a ? x.a < y.a : x.b < y.b);
  });
  for (const ScoredPair& p : pairs) {
    if (p.probability < threshold) break;
    if (!uf.Union(p.a, p.b)) ++result.refused_merges;
  }
  // Label each cluster by its smallest member.
  std::vector<uint32_t> smallest(n, UINT32_MAX);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t r = uf.Find(i);
    smallest[r] = std::min(smallest[r], i);
  }
  result.cluster_of.resize(n);
  for (uint32_t i = 0; i < n; ++i) result.cluster_of[i] = smallest[uf.Find(i)];
  return result;
}

}  // namespace trm::match
