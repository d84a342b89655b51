// Single-query latency against an in-memory index of N persons (default 1
// million): each person's first synthetic record is indexed; their other
// records (written in another script or spelling) are the queries. Reports
// p50/p90/p99/max latency, how often the right person ranks first, build
// time and memory per million persons.
//
//   match_query_latency [--persons N] [--queries Q] [--threads T]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "lib/synthetic.h"
#include "match/engine.h"
#include "match/parallel.h"
#include "match/person_index.h"

using namespace trm::match;
using Clock = std::chrono::steady_clock;

namespace {

long MaxRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  bench::SyntheticOptions gen;
  gen.persons = 1'000'000;
  gen.extra_record_rate = 0.02;
  size_t max_queries = 10000;
  int threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--persons")) gen.persons = std::strtoul(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--queries")) max_queries = std::strtoul(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(argv[i + 1]);
  }
  auto engine = Engine::Load(std::string(TRM_SOURCE_DIR) + "/data/match", {.reference_year = 2025});
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
    return 1;
  }
  auto t0 = Clock::now();
  const bench::SyntheticData data = bench::GenerateSynthetic(gen);
  std::printf("generated %zu records of %zu persons in %.1f s\n", data.records.size(), gen.persons,
              Ms(Clock::now() - t0) / 1000);

  // Prepare everything in parallel, then index the first record of each person.
  t0 = Clock::now();
  std::vector<PreparedRecord> prepared(data.records.size());
  ParallelChunks(data.records.size(), threads, 1024, [&](int, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) prepared[i] = *(*engine)->Prepare(data.records[i]);
  });
  const double prepare_s = Ms(Clock::now() - t0) / 1000;
  const long rss_before = MaxRssKb();
  t0 = Clock::now();
  PersonIndex index(engine->get(), (*engine)->model(), {.compact_after = SIZE_MAX});
  std::vector<size_t> queries;
  for (size_t i = 0; i < data.records.size(); ++i) {
    if (i == 0 || data.person[i] != data.person[i - 1]) {
      (void)index.Add(data.records[i].id, prepared[i]);
    } else if (queries.size() < max_queries) {
      queries.push_back(i);
    }
  }
  index.Compact();
  const double build_s = Ms(Clock::now() - t0) / 1000;
  const size_t bytes = index.MemoryBytes();
  std::printf(
      "prepared %zu records in %.1f s (%d threads, %.0f records/s); indexed %zu persons in "
      "%.1f s\n",
      data.records.size(), prepare_s, threads, data.records.size() / prepare_s, index.size(),
      build_s);
  std::printf(
      "index memory: %.0f MB (%.0f bytes per person; %.0f MB per million); process max RSS "
      "%.0f MB (before index %.0f MB)\n",
      bytes / 1e6, double(bytes) / index.size(), bytes / 1e6 * 1e6 / index.size(),
      MaxRssKb() / 1024.0, rss_before / 1024.0);

  // Queries: raw records, so the latency includes preparing the query.
  std::vector<double> latency;
  std::vector<size_t> candidates;
  size_t top1 = 0, found = 0;
  QueryOptions options;
  options.limit = 10;
  options.min_probability = 0.01;
  for (size_t qi : queries) {
    Record q = data.records[qi];
    std::string expected = std::to_string(data.person[qi]);
    expected.insert(expected.begin(), 'r');
    expected.append("-0");
    const auto start = Clock::now();
    auto hits = index.Query(q, options);
    latency.push_back(Ms(Clock::now() - start));
    candidates.push_back(PersonIndex::TEST_LastCandidateCount());
    if (!hits.ok()) continue;
    for (size_t k = 0; k < hits->size(); ++k) {
      if ((*hits)[k].id == expected) {
        ++found;
        if (k == 0) ++top1;
      }
    }
  }
  std::sort(latency.begin(), latency.end());
  std::sort(candidates.begin(), candidates.end());
  auto pct = [](const std::vector<double>& v, double p) {
    return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
  };
  std::printf("%zu queries: latency p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms\n",
              latency.size(), pct(latency, 0.5), pct(latency, 0.9), pct(latency, 0.99),
              latency.back());
  std::printf("candidates scored per query: p50 %zu, p99 %zu, max %zu\n",
              candidates[candidates.size() / 2], candidates[candidates.size() * 99 / 100],
              candidates.back());
  std::printf("right person ranked first: %.3f; in the top 10: %.3f\n",
              double(top1) / queries.size(), double(found) / queries.size());
  return 0;
}
