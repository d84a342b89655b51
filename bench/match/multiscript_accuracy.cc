// Accuracy harness on generated multi-script data: the same people written in
// Thai, Lao, Khmer, Burmese, Chinese and Vietnamese script and in Latin
// letters, with typos, spelling variants, swapped name order, titles, missing
// fields and approximate ages (lib/synthetic.h). Trains on the data,
// deduplicates, and reports pairwise precision, recall and F1 of the
// clusters, overall and for pairs written in different scripts.
//
//   match_multiscript_accuracy [--persons N] [--seed S] [--threads N]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "lib/cluster_metrics.h"
#include "lib/name_pools.h"
#include "lib/synthetic.h"
#include "match/batch.h"
#include "match/comparison.h"
#include "match/parallel.h"
#include "match/preparer.h"
#include "match/term_frequency.h"

using namespace trm::match;

int main(int argc, char** argv) {
  std::string data_dir = std::string(TRM_SOURCE_DIR) + "/data/match";
  bench::SyntheticOptions gen;
  gen.persons = 5000;
  int threads = 2;
  int show_errors = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--show-errors")) show_errors = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--persons")) gen.persons = std::strtoul(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--seed")) gen.seed = std::strtoull(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--data-dir")) data_dir = argv[i + 1];
  }
  PrepareOptions prepare_options;
  prepare_options.reference_year = gen.reference_year;
  auto preparer = Preparer::Load(data_dir, prepare_options);
  if (!preparer.ok()) {
    std::fprintf(stderr, "%s\n", preparer.status().ToString().c_str());
    return 1;
  }
  const bench::SyntheticData data = bench::GenerateSynthetic(gen);
  const auto start = std::chrono::steady_clock::now();
  std::vector<PreparedRecord> prepared(data.records.size());
  ParallelChunks(data.records.size(), threads, 256, [&](int, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) prepared[i] = *(*preparer)->Prepare(data.records[i]);
  });
  BatchOptions options;
  options.threads = threads;
  auto result = Dedupe(prepared, {}, options);
  if (!result.ok()) {
    std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("synthetic multi-script: %zu persons, %zu records, seed %llu\n", gen.persons,
              data.records.size(), static_cast<unsigned long long>(gen.seed));
  std::printf("%s", result->training.ToString().c_str());
  std::printf("candidate pairs %llu, end to end %.2f s\n",
              static_cast<unsigned long long>(result->stats.candidate_pairs), seconds);
  std::printf("all records: %s\n",
              bench::ScoreClusters(result->cluster_of, data.person).ToString().c_str());

  // Where true pairs are lost: never candidates (blocking), scored below
  // "review", or between "review" and "same".
  {
    BatchOptions all = options;
    all.model = result->model;
    all.threshold_review = 1e-9;
    all.threshold_same = result->model.threshold_same();
    auto everything = Dedupe(prepared, {}, all);
    uint64_t true_pairs = 0, candidates = 0, review = 0, same = 0;
    for (size_t i = 0; i < data.records.size(); ++i) {
      for (size_t j = i + 1; j < data.records.size() && data.person[j] == data.person[i]; ++j) {
        ++true_pairs;
      }
    }
    for (const ScoredPair& p : everything->pairs) {
      if (data.person[p.a] != data.person[p.b]) continue;
      ++candidates;
      if (p.probability >= result->model.threshold_review()) ++review;
      if (p.probability >= result->model.threshold_same()) ++same;
    }
    std::printf("true pairs %llu: candidates %.4f, scored >= review %.4f, >= same %.4f\n",
                static_cast<unsigned long long>(true_pairs), double(candidates) / true_pairs,
                double(review) / true_pairs, double(same) / true_pairs);
  }

  // Recall of true pairs by how they are written, and by script.
  const char* kScriptNames[] = {"thai", "lao", "khmer", "burmese", "chinese", "vietnamese"};
  uint64_t found[6][3] = {}, total[6][3] = {};  // [script][native-native, mixed, latin-latin]
  for (size_t i = 0; i < data.records.size(); ++i) {
    for (size_t j = i + 1; j < data.records.size() && data.person[j] == data.person[i]; ++j) {
      const int kind = data.latin[i] + data.latin[j];
      ++total[data.script[i]][kind];
      if (result->cluster_of[i] == result->cluster_of[j]) ++found[data.script[i]][kind];
    }
  }
  std::printf(
      "\npairwise recall by script and writing (native/native, native/latin, latin/latin):\n");
  for (int s = 0; s < 6; ++s) {
    std::printf("  %-11s", kScriptNames[s]);
    for (int k = 0; k < 3; ++k) {
      std::printf("  %.3f (%llu)", total[s][k] ? double(found[s][k]) / total[s][k] : 0.0,
                  static_cast<unsigned long long>(total[s][k]));
    }
    std::printf("\n");
  }
  // Examples of wrong links (same cluster, different persons) and missed ones.
  TermFrequencies tf;
  for (const PreparedRecord& r : prepared) tf.Add(r.name);
  int shown_fp = 0, shown_fn = 0;
  for (const ScoredPair& p : result->pairs) {
    if (shown_fp >= show_errors) break;
    if (p.probability < result->model.threshold_same() || data.person[p.a] == data.person[p.b]) {
      continue;
    }
    ++shown_fp;
    const Explanation e = result->model.Explain(Compare(prepared[p.a], prepared[p.b]),
                                                prepared[p.a].name, prepared[p.b].name, &tf);
    std::printf("\nWRONG LINK %s | %s | %s  vs  %s | %s | %s\n%s",
                data.records[p.a].full_name.c_str(), data.records[p.a].birth_date.c_str(),
                data.records[p.a].document_number.c_str(), data.records[p.b].full_name.c_str(),
                data.records[p.b].birth_date.c_str(), data.records[p.b].document_number.c_str(),
                e.ToString().c_str());
  }
  for (size_t i = 0; i + 1 < data.records.size() && shown_fn < show_errors; ++i) {
    const size_t j = i + 1;
    if (data.person[i] != data.person[j] || result->cluster_of[i] == result->cluster_of[j])
      continue;
    ++shown_fn;
    const Explanation e = result->model.Explain(Compare(prepared[i], prepared[j]), prepared[i].name,
                                                prepared[j].name, &tf);
    std::printf("\nMISSED %s | %s %s | %s  vs  %s | %s %s | %s\n%s",
                data.records[i].full_name.c_str(), data.records[i].birth_date.c_str(),
                data.records[i].age ? std::to_string(*data.records[i].age).c_str() : "",
                prepared[i].name.text.c_str(), data.records[j].full_name.c_str(),
                data.records[j].birth_date.c_str(),
                data.records[j].age ? std::to_string(*data.records[j].age).c_str() : "",
                prepared[j].name.text.c_str(), e.ToString().c_str());
  }
  return 0;
}
