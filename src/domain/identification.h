// Identification: the decision, made by people (often a multi-disciplinary
// team), that a person is or is not a victim of trafficking. Kept separate from
// screening, which only informs it. HTCDS vic_TraffickingStatus and
// vic_TraffickingStatusDecisionMakingOrg.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/records.h"

namespace trm::domain {

enum class TraffickingStatus { kPossibleVictim, kActualVictim, kNotAVictim };
enum class DecisionBody { kPolice, kNgo, kCourtOrProsecution, kNonPoliceGovernment, kOther };

std::string_view Name(TraffickingStatus v);
std::string_view Name(DecisionBody v);
std::optional<TraffickingStatus> ParseTraffickingStatus(std::string_view s);
std::optional<DecisionBody> ParseDecisionBody(std::string_view s);

struct Identification {
  Id id = 0;
  Id case_id = 0;
  TraffickingStatus status = TraffickingStatus::kPossibleVictim;
  DecisionBody decided_by = DecisionBody::kOther;
  std::string decided_on;  // YYYY-MM-DD
  std::string reasons;     // encrypted at rest
  std::optional<Id> screening_id;
  bool team_meeting = false;
  Stamp stamp;
};

// Checks the decision date (a real date, not after `today`, "YYYY-MM-DD") and
// the reasons (required, multi-line text).
Status ValidateIdentification(const Identification& i, std::string_view today);

}  // namespace trm::domain
