// Throughput of the matching steps on generated multi-script data:
// preparing records (normalise, romanise, parse, phonetic keys) and scoring
// candidate pairs (compare every field and sum the model's weights), one
// thread each.
//
//   match_scoring_bench [--benchmark_filter=...]
// Counters: "records/s" and "pairs/s".
#include <benchmark/benchmark.h>

#include <mutex>
#include <string>
#include <vector>

#include "lib/synthetic.h"
#include "match/blocking.h"
#include "match/comparison.h"
#include "match/model.h"
#include "match/pair_generator.h"
#include "match/preparer.h"
#include "match/term_frequency.h"

namespace trm::match {
namespace {

struct Fixture {
  std::unique_ptr<Preparer> preparer;
  bench::SyntheticData data;
  std::vector<PreparedRecord> prepared;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  TermFrequencies tf;
  Model model = Model::Default();
};

const Fixture& Shared() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    fx->preparer = std::move(Preparer::Load(std::string(TRM_SOURCE_DIR) + "/data/match").value());
    bench::SyntheticOptions o;
    o.persons = 50000;
    fx->data = bench::GenerateSynthetic(o);
    for (const Record& r : fx->data.records) fx->prepared.push_back(*fx->preparer->Prepare(r));
    for (const PreparedRecord& r : fx->prepared) fx->tf.Add(r.name);
    PairGeneratorOptions gen_options;
    gen_options.max_block_size = 300;
    PairGenerator gen(fx->prepared, PredictionRules(), gen_options, 1);
    gen.ForEachPair([&](int, uint32_t i, uint32_t j) {
      if (fx->pairs.size() < 2'000'000) fx->pairs.push_back({i, j});
    });
    return fx;
  }();
  return *f;
}

void BM_PrepareRecord(benchmark::State& state) {
  const Fixture& f = Shared();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.preparer->Prepare(f.data.records[i]));
    if (++i == f.data.records.size()) i = 0;
  }
  state.counters["records/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PrepareRecord);

// Candidate pairs as blocking produces them (mostly namesakes and near-namesakes).
void BM_ScoreCandidatePair(benchmark::State& state) {
  const Fixture& f = Shared();
  size_t k = 0;
  double sum = 0;
  for (auto _ : state) {
    const auto [i, j] = f.pairs[k];
    const ComparisonVector v = Compare(f.prepared[i], f.prepared[j]);
    sum += f.model.ScoreWeight(v, f.prepared[i].name, f.prepared[j].name, &f.tf);
    if (++k == f.pairs.size()) k = 0;
  }
  benchmark::DoNotOptimize(sum);
  state.counters["pairs/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
  state.SetLabel(std::to_string(f.pairs.size()) + " distinct candidate pairs");
}
BENCHMARK(BM_ScoreCandidatePair);

}  // namespace
}  // namespace trm::match

BENCHMARK_MAIN();
