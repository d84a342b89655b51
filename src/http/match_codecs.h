// The matching engine's answer as JSON, the same for possible existing
// records and family tracing candidates: a probability to four decimals and
// the reasons, each field's comparison level and weight to two.
#pragma once

#include <vector>

#include "http/json_body.h"
#include "service/person_matcher.h"

namespace trm::http {

// `x` to `places` decimals as the nearest double (0.3167, not 0.31670000000000004).
double Rounded(double x, int places);

inline double ProbabilityJson(double p) { return Rounded(p, 4); }
json ReasonsToJson(const std::vector<service::MatchReason>& reasons);

}  // namespace trm::http
