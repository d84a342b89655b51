// Dice comparisons per second per core on 1024-bit encodings, beside a bare
// popcount loop over the same memory (the ceiling for any scan of it).
//
//   match_dice_bench [--benchmark_filter=...]
// Counters: "cmp/s" (Dice comparisons per second, one thread) and "GB/s".
#include <benchmark/benchmark.h>

#include <vector>

#include "match/dice_kernel.h"
#include "match/random.h"

namespace trm::match {
namespace {

EncodingStore RandomStore(size_t n) {
  SplitMix64 rng(11);
  EncodingStore store;
  store.Reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Encoding e;
    for (auto& w : e.words) w = rng.Next() & rng.Next();  // about 25% of bits set
    store.Add(e);
  }
  return store;
}

Encoding Query() {
  SplitMix64 rng(12);
  Encoding q;
  for (auto& w : q.words) w = rng.Next() & rng.Next();
  return q;
}

// One query against n encodings, all Dice values written out.
void BM_DiceScan(benchmark::State& state) {
  const size_t n = state.range(0);
  const EncodingStore store = RandomStore(n);
  const Encoding q = Query();
  std::vector<float> out(n);
  for (auto _ : state) {
    DiceRange(q, store, 0, n, out.data());
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["cmp/s"] =
      benchmark::Counter(double(n) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["GB/s"] =
      benchmark::Counter(double(n) * 128 * state.iterations() / 1e9, benchmark::Counter::kIsRate);
  state.SetLabel(DiceKernelName());
}
BENCHMARK(BM_DiceScan)->Arg(8 << 10)->Arg(64 << 10)->Arg(1 << 20);

// Bare popcount of the same memory: no AND with a query, no Dice arithmetic.
void BM_PopcountCeiling(benchmark::State& state) {
  const size_t n = state.range(0);
  const EncodingStore store = RandomStore(n);
  for (auto _ : state) benchmark::DoNotOptimize(PopcountAll(store));
  state.counters["enc/s"] =
      benchmark::Counter(double(n) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["GB/s"] =
      benchmark::Counter(double(n) * 128 * state.iterations() / 1e9, benchmark::Counter::kIsRate);
  state.SetLabel(DiceKernelName());
}
BENCHMARK(BM_PopcountCeiling)->Arg(8 << 10)->Arg(64 << 10)->Arg(1 << 20);

// Blocked comparisons: Dice against a scattered candidate list (random gather).
void BM_DiceCandidates(benchmark::State& state) {
  const size_t n = 1 << 20;
  const EncodingStore store = RandomStore(n);
  const Encoding q = Query();
  SplitMix64 rng(13);
  std::vector<uint32_t> cand(state.range(0));
  for (auto& c : cand) c = static_cast<uint32_t>(rng.Below(n));
  std::vector<float> out(cand.size());
  for (auto _ : state) {
    DiceCandidates(q, store, cand.data(), cand.size(), out.data());
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["cmp/s"] =
      benchmark::Counter(double(cand.size()) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DiceCandidates)->Arg(4096);

}  // namespace
}  // namespace trm::match

BENCHMARK_MAIN();
