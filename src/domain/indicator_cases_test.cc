// Runs the declarative screening cases under tests/indicators/*.txt against the
// sets shipped in data/indicators/. Each row is
//   set | group | observed indicator ids | outcome | positive dimensions
// with ids and dimensions separated by spaces, "-" for none; the outcome is
// indicates, does-not-indicate, listed, or error (the observations are
// refused). "#" starts a comment line.
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/indicator_loader.h"
#include "domain/indicator_rules.h"
#include "domain/indicator_test_data.h"

namespace trm::domain {
namespace {

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;)
    if (w != "-") out.push_back(w);
  return out;
}

// Sorted, so that a case may list dimensions in any order.
std::string Join(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
  return out.empty() ? "-" : out;
}

TEST(IndicatorCases, EveryCaseFile) {
  auto sets = LoadIndicatorSets(testing::IndicatorDataDir());
  ASSERT_TRUE(sets.ok()) << sets.status().message();
  std::map<std::string, const IndicatorSet*> by_id;
  for (const IndicatorSet& s : *sets) by_id[s.id] = &s;

  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(testing::IndicatorCaseDir()))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty()) << "no case files in " << testing::IndicatorCaseDir();

  int cases = 0;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      const std::string where = path.filename().string() + ":" + std::to_string(line_no);
      if (Trim(line).empty() || Trim(line)[0] == '#') continue;
      std::vector<std::string> cols;
      std::stringstream ss(line);
      for (std::string col; std::getline(ss, col, '|');) cols.push_back(Trim(col));
      ASSERT_EQ(cols.size(), 5u) << where << ": expected 5 columns";
      ++cases;

      ASSERT_TRUE(by_id.contains(cols[0])) << where << ": unknown set " << cols[0];
      auto group = ParsePersonGroup(cols[1]);
      ASSERT_TRUE(group.has_value()) << where << ": unknown group " << cols[1];
      std::vector<Observation> obs;
      for (const std::string& id : Words(cols[2])) obs.push_back({id, 1, "", 0});

      auto r = Evaluate(*by_id[cols[0]], obs, *group);
      if (cols[3] == "error") {
        EXPECT_FALSE(r.ok()) << where << ": expected the observations to be refused";
        continue;
      }
      ASSERT_TRUE(r.ok()) << where << ": " << r.status().message();
      EXPECT_EQ(Name(r->outcome), cols[3]) << where << ": " << r->summary;
      std::vector<std::string> positive;
      for (const DimensionResult& d : r->dimensions)
        if (d.positive) positive.push_back(d.dimension_id);
      EXPECT_EQ(Join(positive), Join(Words(cols[4]))) << where;
    }
  }
  EXPECT_GT(cases, 20);
}

}  // namespace
}  // namespace trm::domain
