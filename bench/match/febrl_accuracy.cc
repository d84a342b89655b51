// Accuracy harness on FEBRL4 (5,000 + 5,000 records, one true link each):
// trains the model on the data, links A to B, and prints precision, recall
// and F1 of the "same" decisions against the true links.
//
//   match_febrl_accuracy [--data-dir DIR] [--bench-data DIR] [--threads N]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include "lib/febrl.h"
#include "match/batch.h"
#include "match/preparer.h"

using namespace trm::match;

namespace {

struct Scores {
  double precision, recall, f1;
  size_t tp, fp, fn;
};

Scores Evaluate(const std::set<std::pair<size_t, size_t>>& predicted,
                const bench::LabelledRecords& a, const bench::LabelledRecords& b, size_t truth) {
  Scores s{};
  for (const auto& [i, j] : predicted) {
    if (a.entity[i] == b.entity[j]) {
      ++s.tp;
    } else {
      ++s.fp;
    }
  }
  s.fn = truth - s.tp;
  s.precision = predicted.empty() ? 0 : static_cast<double>(s.tp) / predicted.size();
  s.recall = truth == 0 ? 0 : static_cast<double>(s.tp) / truth;
  s.f1 = s.precision + s.recall == 0 ? 0 : 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir = std::string(TRM_SOURCE_DIR) + "/data/match";
  std::string bench_dir = "/work/shared/bench-data";
  int threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--data-dir")) data_dir = argv[i + 1];
    if (!std::strcmp(argv[i], "--bench-data")) bench_dir = argv[i + 1];
    if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(argv[i + 1]);
  }
  auto preparer = Preparer::Load(data_dir);
  if (!preparer.ok()) {
    std::fprintf(stderr, "%s\n", preparer.status().ToString().c_str());
    return 1;
  }
  auto a = bench::ReadFebrl(bench_dir + "/febrl4-dataset4a.csv");
  auto b = bench::ReadFebrl(bench_dir + "/febrl4-dataset4b.csv");
  if (!a.ok() || !b.ok()) {
    std::fprintf(stderr, "cannot read FEBRL files under %s\n", bench_dir.c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  std::vector<PreparedRecord> pa, pb;
  for (const Record& r : a->records) pa.push_back(*(*preparer)->Prepare(r));
  for (const Record& r : b->records) pb.push_back(*(*preparer)->Prepare(r));
  size_t truth = 0;
  {
    std::set<std::string> in_a(a->entity.begin(), a->entity.end());
    for (const std::string& e : b->entity) truth += in_a.count(e);
  }
  BatchOptions options;
  options.threads = threads;
  auto linked = Link(pa, pb, {}, options);
  if (!linked.ok()) {
    std::fprintf(stderr, "%s\n", linked.status().ToString().c_str());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("FEBRL4: %zu + %zu records, %zu true links\n", pa.size(), pb.size(), truth);
  std::printf("%s", linked->training.ToString().c_str());
  std::printf("candidate pairs: %llu; time end to end (prepare, train, link): %.2f s\n",
              static_cast<unsigned long long>(linked->stats.candidate_pairs), seconds);
  std::printf("\nmodel:\n%s\n", linked->model.Serialize().c_str());

  // Recall of blocking: how many true pairs were candidates at all.
  BatchOptions all_pairs = options;
  all_pairs.model = linked->model;
  all_pairs.threshold_review = 1e-12;
  all_pairs.threshold_same = 1e-12;
  auto everything = Link(pa, pb, {}, all_pairs);
  std::set<std::pair<size_t, size_t>> candidates;
  for (const LinkedPair& p : everything->pairs) candidates.insert({p.a, p.b});
  const Scores blocking = Evaluate(candidates, *a, *b, truth);
  std::printf("blocking recall: %.4f (%zu of %zu true pairs are candidates)\n", blocking.recall,
              blocking.tp, truth);

  std::printf("\n%-10s %-10s %9s %9s %9s %6s %6s %6s\n", "threshold", "mode", "precision", "recall",
              "F1", "TP", "FP", "FN");
  for (double threshold : {0.5, 0.8, 0.9, 0.95, 0.99, 0.999}) {
    for (bool one_to_one : {false, true}) {
      BatchOptions o = options;
      o.model = linked->model;
      o.threshold_same = threshold;
      o.threshold_review = threshold;
      o.one_to_one = one_to_one;
      auto r = Link(pa, pb, {}, o);
      std::set<std::pair<size_t, size_t>> predicted;
      for (const LinkedPair& p : r->pairs) {
        if (p.decision == Decision::kSame) predicted.insert({p.a, p.b});
      }
      const Scores s = Evaluate(predicted, *a, *b, truth);
      std::printf("%-10g %-10s %9.4f %9.4f %9.4f %6zu %6zu %6zu\n", threshold,
                  one_to_one ? "1-to-1" : "all", s.precision, s.recall, s.f1, s.tp, s.fp, s.fn);
    }
  }
  return 0;
}
