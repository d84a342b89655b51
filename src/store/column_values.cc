#include "store/column_values.h"

namespace trm::store {

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& s : codes) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::string JoinIds(const std::vector<domain::Id>& ids) {
  std::string out;
  for (domain::Id id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::string> SplitCodes(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

Value OptionalId(const std::optional<int64_t>& id) {
  if (id) return *id;
  return std::monostate{};
}

}  // namespace trm::store
