// Minimal fork-join helpers over std::thread (the machine has 2 cores; no
// pool is kept between calls).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace trm::match {

// Runs fn(thread, begin, end) over [0, n) split into contiguous chunks of
// `grain`, handed out dynamically to `threads` threads. Returns when all are done.
template <typename Fn>
void ParallelChunks(size_t n, int threads, size_t grain, Fn fn) {
  threads = std::max(1, threads);
  grain = std::max<size_t>(1, grain);
  std::atomic<size_t> next{0};
  auto worker = [&](int t) {
    while (true) {
      const size_t begin = next.fetch_add(grain);
      if (begin >= n) break;
      fn(t, begin, std::min(n, begin + grain));
    }
  };
  if (threads == 1 || n <= grain) {
    worker(0);
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (std::thread& th : pool) th.join();
}

}  // namespace trm::match
