// Runs the declarative case files under tests/match/: romanisation, name
// parsing and name comparison across Thai, Lao, Khmer, Burmese, Chinese,
// Vietnamese and Latin. Each row is "a | b [| c]"; `#` starts a comment.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "match/comparison.h"
#include "match/test_data.h"
#include "match/text_normalize.h"

namespace trm::match {
namespace {

struct CaseRow {
  int line;
  std::vector<std::string> cols;
};

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<CaseRow> ReadCases(const std::string& name) {
  const std::string path = testing::SourceDir() + "/tests/match/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::vector<CaseRow> rows;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (Trim(line).empty() || Trim(line)[0] == '#') continue;
    CaseRow row{line_no, {}};
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '|')) row.cols.push_back(Trim(col));
    if (line.back() == '|') row.cols.push_back("");
    rows.push_back(row);
  }
  EXPECT_FALSE(rows.empty()) << path << " has no cases";
  return rows;
}

TEST(CaseFilesTest, Romanization) {
  const Preparer& p = testing::SharedPreparer();
  for (const CaseRow& row : ReadCases("romanize.txt")) {
    ASSERT_EQ(row.cols.size(), 2u) << "romanize.txt:" << row.line;
    EXPECT_EQ(p.romanizer().Romanize(NormalizeText(row.cols[0])), row.cols[1])
        << "romanize.txt:" << row.line << ": " << row.cols[0];
  }
}

TEST(CaseFilesTest, NameParsing) {
  const Preparer& p = testing::SharedPreparer();
  for (const CaseRow& row : ReadCases("names.txt")) {
    ASSERT_EQ(row.cols.size(), 3u) << "names.txt:" << row.line;
    const ParsedName name = p.name_parser().Parse(row.cols[0]);
    EXPECT_EQ(name.Given(), row.cols[1]) << "names.txt:" << row.line << ": " << row.cols[0];
    EXPECT_EQ(name.Family(), row.cols[2]) << "names.txt:" << row.line << ": " << row.cols[0];
  }
}

TEST(CaseFilesTest, NamePairs) {
  const Preparer& p = testing::SharedPreparer();
  for (const CaseRow& row : ReadCases("name_pairs.txt")) {
    ASSERT_EQ(row.cols.size(), 3u) << "name_pairs.txt:" << row.line;
    Record a, b;
    a.full_name = row.cols[0];
    b.full_name = row.cols[1];
    auto pa = p.Prepare(a);
    auto pb = p.Prepare(b);
    ASSERT_TRUE(pa.ok() && pb.ok());
    const NameComparison ab = CompareNames(pa->name, pb->name);
    const NameComparison ba = CompareNames(pb->name, pa->name);
    EXPECT_EQ(NameVerdictName(VerdictOf(ab.level)), row.cols[2])
        << "name_pairs.txt:" << row.line << ": " << row.cols[0] << " | " << row.cols[1]
        << " (level " << InfoOf(Field::kName).level_names[ab.level] << ", romanised '"
        << pa->name.text << "' / '" << pb->name.text << "')";
    EXPECT_EQ(ab.level, ba.level) << "name_pairs.txt:" << row.line << ": not symmetric";
  }
}

}  // namespace
}  // namespace trm::match
