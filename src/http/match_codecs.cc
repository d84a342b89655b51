#include "http/match_codecs.h"

#include <cmath>

namespace trm::http {

double Rounded(double x, int places) {
  const double scale = std::pow(10.0, places);
  return std::round(x * scale) / scale;
}

json ReasonsToJson(const std::vector<service::MatchReason>& reasons) {
  json out = json::array();
  for (const service::MatchReason& r : reasons)
    out.push_back({{"field", r.field}, {"level", r.level}, {"weight", Rounded(r.weight, 2)}});
  return out;
}

}  // namespace trm::http
