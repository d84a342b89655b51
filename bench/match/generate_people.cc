// Writes a synthetic multi-script CSV for the end-to-end batch benchmark.
//
//   match_generate_people --persons N [--extra-rate R] [--seed S] --out FILE.csv
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "lib/synthetic.h"

int main(int argc, char** argv) {
  trm::match::bench::SyntheticOptions o;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--persons")) o.persons = std::strtoul(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--extra-rate")) o.extra_record_rate = std::atof(argv[i + 1]);
    if (!std::strcmp(argv[i], "--seed")) o.seed = std::strtoull(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--out")) out = argv[i + 1];
  }
  if (out.empty()) {
    std::fprintf(stderr, "usage: %s --persons N [--extra-rate R] [--seed S] --out FILE.csv\n",
                 argv[0]);
    return 2;
  }
  const auto data = trm::match::bench::GenerateSynthetic(o);
  std::ofstream f(out, std::ios::binary);
  trm::match::bench::WriteSyntheticCsv(data, f);
  std::printf("%zu records of %zu persons written to %s\n", data.records.size(), o.persons,
              out.c_str());
  return f ? 0 : 1;
}
