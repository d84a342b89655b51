#include "match/decision_book.h"

#include "match/csv.h"

namespace trm::match {

void DecisionBook::Set(const std::string& a, const std::string& b, Decision d) {
  decisions_[Key(a, b)] = d;
}

std::optional<Decision> DecisionBook::Get(const std::string& a, const std::string& b) const {
  auto it = decisions_.find(Key(a, b));
  if (it == decisions_.end()) return std::nullopt;
  return it->second;
}

Result<DecisionBook> DecisionBook::ReadCsv(std::istream* in) {
  DecisionBook book;
  CsvReader reader(in);
  std::vector<std::string> f;
  auto header = reader.Next(&f);
  if (!header.ok()) return header.status();
  if (!*header || f.size() != 3 || f[0] != "a_id" || f[1] != "b_id" || f[2] != "decision") {
    return Status::InvalidArgument("decisions: header must be a_id,b_id,decision");
  }
  while (true) {
    auto more = reader.Next(&f);
    if (!more.ok()) return Status::InvalidArgument("decisions: " + more.status().message());
    if (!*more) break;
    const std::string where = "decisions line " + std::to_string(reader.line()) + ": ";
    if (f.size() == 1 && f[0].empty()) continue;
    if (f.size() != 3 || f[0].empty() || f[1].empty()) {
      return Status::InvalidArgument(where + "expected a_id,b_id,decision");
    }
    if (f[2] == "same") {
      book.Set(f[0], f[1], Decision::kSame);
    } else if (f[2] == "different") {
      book.Set(f[0], f[1], Decision::kDifferent);
    } else {
      return Status::InvalidArgument(where + "decision must be same or different");
    }
  }
  return book;
}

void DecisionBook::WriteCsv(std::ostream* out) const {
  *out << "a_id,b_id,decision\n";
  for (const auto& [ids, d] : decisions_) {
    *out << CsvEscape(ids.first) << ',' << CsvEscape(ids.second) << ',' << DecisionName(d) << '\n';
  }
}

std::vector<HumanDecision> DecisionBook::Resolve(
    const std::unordered_map<std::string, uint32_t>& first,
    const std::unordered_map<std::string, uint32_t>& second, size_t* unknown) const {
  std::vector<HumanDecision> out;
  size_t missing = 0;
  for (const auto& [ids, d] : decisions_) {
    auto a1 = first.find(ids.first), b1 = second.find(ids.second);
    auto a2 = first.find(ids.second), b2 = second.find(ids.first);
    if (a1 != first.end() && b1 != second.end()) {
      out.push_back({a1->second, b1->second, d});
    } else if (a2 != first.end() && b2 != second.end()) {
      out.push_back({a2->second, b2->second, d});
    } else {
      ++missing;
    }
  }
  if (unknown) *unknown = missing;
  return out;
}

}  // namespace trm::match
