// Cluster quality on Splink's labelled 1,000-record sample (fake_1000:
// unique_id, first_name, surname, dob, city, email, cluster): trains on the
// file, deduplicates, and compares the clusters with the labels (pairwise
// precision, recall, F1; share of people whose records form exactly one
// cluster). Run twice: with the fields our model knows (names, birth date,
// city as place), and with the email address also used as an identifier in
// the document-number slot.
//
//   match_splink_accuracy [--bench-data DIR]
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "lib/cluster_metrics.h"
#include "match/batch.h"
#include "match/csv.h"
#include "match/partial_date.h"
#include "match/preparer.h"

using namespace trm::match;

int main(int argc, char** argv) {
  std::string bench_dir = "/work/shared/bench-data";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--bench-data")) bench_dir = argv[i + 1];
  }
  auto preparer = Preparer::Load(std::string(TRM_SOURCE_DIR) + "/data/match");
  std::ifstream in(bench_dir + "/splink-fake-1000.csv");
  if (!preparer.ok() || !in) {
    std::fprintf(stderr, "cannot load data\n");
    return 1;
  }
  CsvReader reader(&in);
  std::vector<std::string> f;
  (void)reader.Next(&f);  // header
  std::vector<Record> records;
  std::vector<uint32_t> truth;
  size_t bad_dates = 0;
  while (true) {
    auto more = reader.Next(&f);
    if (!more.ok() || !*more) break;
    if (f.size() != 7) continue;
    Record r;
    r.id = f[0];
    r.given_name = f[1];
    r.family_name = f[2];
    if (ParsePartialDate(f[3]).ok()) {
      r.birth_date = f[3];
    } else {
      ++bad_dates;
    }
    r.place = f[4];
    r.document_number = f[5];  // used only in the second run
    records.push_back(r);
    truth.push_back(static_cast<uint32_t>(std::stoul(f[6])));
  }
  std::printf("splink fake_1000: %zu records, %zu unreadable birth dates left empty\n",
              records.size(), bad_dates);
  for (bool with_email : {false, true}) {
    std::vector<PreparedRecord> prepared;
    for (Record r : records) {
      if (!with_email) r.document_number.clear();
      prepared.push_back(*(*preparer)->Prepare(r));
    }
    BatchOptions options;
    auto result = Dedupe(prepared, {}, options);
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
      return 1;
    }
    std::printf("\n%s\n%s",
                with_email ? "names, birth date, city and email (as identifier):"
                           : "names, birth date and city:",
                result->training.ToString().c_str());
    for (double t : {0.5, 0.8, 0.95, 0.99}) {
      std::vector<ScoredPair> pairs = result->pairs;
      const ClusterResult c = ClusterRecords(prepared.size(), pairs, t, {});
      std::printf("threshold %.2f: %s\n", t,
                  bench::ScoreClusters(c.cluster_of, truth).ToString().c_str());
    }
  }
  return 0;
}
