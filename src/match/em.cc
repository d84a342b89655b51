#include "match/em.h"

#include <algorithm>
#include <cmath>

namespace trm::match {

void PatternCounter::Grow() {
  std::vector<std::pair<uint32_t, double>> old = std::move(flat_);
  flat_.assign(old.empty() ? 1024 : old.size() * 2, {0, 0.0});
  used_ = 0;
  for (const auto& [k, c] : old) {
    if (k == 0) continue;
    size_t h = (k * 2654435761u) & (flat_.size() - 1);
    while (flat_[h].first != 0) h = (h + 1) & (flat_.size() - 1);
    flat_[h] = {k, c};
    ++used_;
  }
}

void PatternCounter::Add(const ComparisonVector& v, double weight) {
  if (used_ * 2 >= flat_.size()) Grow();
  const uint32_t key = v.PatternKey() + 1;
  size_t h = (key * 2654435761u) & (flat_.size() - 1);
  while (flat_[h].first != 0 && flat_[h].first != key) h = (h + 1) & (flat_.size() - 1);
  if (flat_[h].first == 0) {
    flat_[h].first = key;
    ++used_;
  }
  flat_[h].second += weight;
  total_ += weight;
}

void PatternCounter::Merge(const PatternCounter& other) {
  for (const auto& [k, c] : other.flat_) {
    if (k != 0) Add(ComparisonVector::FromPatternKey(k - 1), c);
  }
}

std::vector<PatternCount> PatternCounter::Patterns() const {
  std::vector<PatternCount> out;
  for (const auto& [k, c] : flat_) {
    if (k != 0) out.push_back({k - 1, c});
  }
  std::sort(out.begin(), out.end(),
            [](const PatternCount& a, const PatternCount& b) { return a.pattern < b.pattern; });
  return out;
}

EmResult RunEm(const std::vector<PatternCount>& patterns, const EmOptions& options,
               double initial_lambda, Model* model) {
  EmResult result;
  double lambda = std::clamp(initial_lambda, 1e-9, 1.0 - 1e-9);
  std::vector<ComparisonVector> vectors;
  vectors.reserve(patterns.size());
  for (const PatternCount& p : patterns) {
    vectors.push_back(ComparisonVector::FromPatternKey(p.pattern));
  }
  for (int it = 0; it < options.max_iterations; ++it) {
    std::array<std::array<double, kMaxLevels>, kFieldCount> m_acc{}, u_acc{};
    double match_total = 0, nonmatch_total = 0;
    // E step.
    for (size_t k = 0; k < patterns.size(); ++k) {
      double lm = std::log(lambda), lu = std::log(1.0 - lambda);
      for (int f = 0; f < kFieldCount; ++f) {
        const int level = vectors[k].level[f];
        if (level == 0 || options.excluded[f] || options.passive[f]) continue;
        lm += std::log(model->m(f, level));
        lu += std::log(model->u(f, level));
      }
      const double p = 1.0 / (1.0 + std::exp(lu - lm));
      const double c = patterns[k].count;
      match_total += p * c;
      nonmatch_total += (1 - p) * c;
      for (int f = 0; f < kFieldCount; ++f) {
        const int level = vectors[k].level[f];
        if (level == 0 || options.excluded[f]) continue;
        m_acc[f][level] += p * c;
        u_acc[f][level] += (1 - p) * c;
      }
    }
    // M step.
    double max_change = std::abs(match_total / (match_total + nonmatch_total) - lambda);
    lambda = std::clamp(match_total / (match_total + nonmatch_total), 1e-9, 1.0 - 1e-9);
    for (int f = 0; f < kFieldCount; ++f) {
      if (options.excluded[f]) continue;
      const int levels = InfoOf(f).level_count;
      double m_sum = 0, u_sum = 0;
      for (int l = 1; l < levels; ++l) {
        m_sum += m_acc[f][l];
        u_sum += u_acc[f][l];
      }
      if (m_sum <= 0) continue;
      for (int l = 1; l < levels; ++l) {
        const double m = std::max(m_acc[f][l] / m_sum, 1e-9);
        max_change = std::max(max_change, std::abs(m - model->m(f, l)));
        model->SetM(f, l, m);
        if (!options.fix_u && u_sum > 0) {
          const double u = std::max(u_acc[f][l] / u_sum, 1e-9);
          max_change = std::max(max_change, std::abs(u - model->u(f, l)));
          model->SetU(f, l, u);
        }
      }
    }
    result.iterations = it + 1;
    if (max_change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  model->Normalize();
  result.lambda = lambda;
  return result;
}

}  // namespace trm::match
