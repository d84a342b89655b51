#include "match/similarity.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace trm::match {

double Jaro(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  if (a.size() > b.size()) std::swap(a, b);
  const int la = static_cast<int>(a.size());
  const int lb = static_cast<int>(b.size());
  const int window = std::max(0, lb / 2 - 1);
  // Names are short; flags live on the stack up to 64 characters.
  bool a_small[64];
  bool b_small[64];
  std::vector<bool> a_big, b_big;
  const bool small = lb <= 64;
  if (!small) {
    a_big.assign(la, false);
    b_big.assign(lb, false);
  } else {
    std::fill(a_small, a_small + la, false);
    std::fill(b_small, b_small + lb, false);
  }
  auto a_flag = [&](int i) -> bool { return small ? a_small[i] : a_big[i]; };
  auto b_flag = [&](int j) -> bool { return small ? b_small[j] : b_big[j]; };
  auto set_a = [&](int i) { small ? void(a_small[i] = true) : void(a_big[i] = true); };
  auto set_b = [&](int j) { small ? void(b_small[j] = true) : void(b_big[j] = true); };

  int matches = 0;
  for (int i = 0; i < la; ++i) {
    const int lo = std::max(0, i - window);
    const int hi = std::min(lb - 1, i + window);
    for (int j = lo; j <= hi; ++j) {
      if (!b_flag(j) && a[i] == b[j]) {
        set_a(i);
        set_b(j);
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int transpositions = 0;
  int j = 0;
  for (int i = 0; i < la; ++i) {
    if (!a_flag(i)) continue;
    while (!b_flag(j)) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = matches;
  return (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  const double j = Jaro(a, b);
  if (j <= 0.7) return j;
  int prefix = 0;
  const size_t max_prefix = std::min<size_t>({4, a.size(), b.size()});
  while (static_cast<size_t>(prefix) < max_prefix && a[prefix] == b[prefix]) ++prefix;
  return j + prefix * 0.1 * (1.0 - j);
}

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  const int la = static_cast<int>(a.size());
  const int lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > limit) return limit + 1;
  constexpr int kStack = 64;
  int stack_rows[3][kStack + 1];
  std::vector<int> heap;
  int* prev2;
  int* prev;
  int* cur;
  if (lb <= kStack) {
    prev2 = stack_rows[0], prev = stack_rows[1], cur = stack_rows[2];
  } else {
    heap.resize(3 * (lb + 1));
    prev2 = heap.data(), prev = prev2 + lb + 1, cur = prev + lb + 1;
  }
  for (int j = 0; j <= lb; ++j) prev[j] = j;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= lb; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    int* spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return std::min(prev[lb], limit + 1);
}

}  // namespace trm::match
