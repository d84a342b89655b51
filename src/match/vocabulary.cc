#include "match/vocabulary.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "match/text_normalize.h"

namespace trm::match {
namespace {

Result<std::vector<std::vector<std::string>>> ReadTsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      cols.push_back(
          line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

}  // namespace

Result<std::unique_ptr<Vocabulary>> Vocabulary::Load(const std::string& data_dir) {
  std::unique_ptr<Vocabulary> v(new Vocabulary());
  ASSIGN_OR_RETURN(auto sex_rows, ReadTsv(data_dir + "/sex.tsv"));
  for (const auto& row : sex_rows) {
    if (row.size() != 2) return Status::InvalidArgument("sex.tsv: expected value<TAB>code");
    const Sex sex = row[1] == "m" ? Sex::kMale : row[1] == "f" ? Sex::kFemale : Sex::kOther;
    v->sex_[NormalizeText(row[0])] = sex;
  }
  ASSIGN_OR_RETURN(auto country_rows, ReadTsv(data_dir + "/countries.tsv"));
  for (const auto& row : country_rows) {
    if (row.size() < 2) return Status::InvalidArgument("countries.tsv: expected code<TAB>names");
    for (size_t i = 1; i < row.size(); ++i) v->countries_[NormalizeText(row[i])] = row[0];
  }
  return v;
}

Result<Sex> Vocabulary::ParseSex(std::string_view text) const {
  const std::string key = NormalizeText(text);
  if (key.empty()) return Sex::kUnknown;
  auto it = sex_.find(key);
  if (it == sex_.end()) {
    return Status::InvalidArgument("unrecognised sex value '" + std::string(text) + "'", "sex");
  }
  return it->second;
}

std::string Vocabulary::CountryCode(std::string_view text) const {
  const std::string key = NormalizeText(text);
  if (key.empty()) return key;
  auto it = countries_.find(key);
  return it == countries_.end() ? key : it->second;
}

}  // namespace trm::match
