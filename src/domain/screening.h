// A screening as kept on the case: which indicators of which set were observed,
// by whom, with notes, and the evaluation exactly as it was shown then (the
// set's file may later change; the record must not).
#pragma once

#include <string>
#include <vector>

#include "domain/indicator_rules.h"
#include "domain/records.h"

namespace trm::domain {

struct ScreeningRecord {
  Id id = 0;
  Id case_id = 0;
  std::string set_id;
  PersonGroup group = PersonGroup::kAdult;
  Outcome outcome = Outcome::kListed;
  std::vector<Observation> observations;  // notes encrypted at rest
  std::string evaluation_json;            // the evaluation as shown; encrypted at rest
  Stamp stamp;
};

}  // namespace trm::domain
