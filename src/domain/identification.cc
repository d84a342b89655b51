#include "domain/identification.h"

#include "domain/enum_table.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<TraffickingStatus, 3> kStatuses{{
    {TraffickingStatus::kPossibleVictim, "PossibleVictimOfTrafficking"},
    {TraffickingStatus::kActualVictim, "ActualVictimOfTrafficking"},
    {TraffickingStatus::kNotAVictim, "NotAVictimOfTrafficking"},
}};

constexpr EnumTable<DecisionBody, 5> kBodies{{
    {DecisionBody::kPolice, "Police"},
    {DecisionBody::kNgo, "NGO"},
    {DecisionBody::kCourtOrProsecution, "CourtOrProsecution"},
    {DecisionBody::kNonPoliceGovernment, "NonPoliceGovernmentalOrganization"},
    {DecisionBody::kOther, "Other"},
}};

}  // namespace

std::string_view Name(TraffickingStatus v) { return EnumName(kStatuses, v); }
std::string_view Name(DecisionBody v) { return EnumName(kBodies, v); }
std::optional<TraffickingStatus> ParseTraffickingStatus(std::string_view s) {
  return EnumParse(kStatuses, s);
}
std::optional<DecisionBody> ParseDecisionBody(std::string_view s) { return EnumParse(kBodies, s); }

Status ValidateIdentification(const Identification& i, std::string_view today) {
  if (!IsValidDate(i.decided_on))
    return Status::InvalidArgument("the decision date must be a real date written YYYY-MM-DD",
                                   "decided_on");
  if (i.decided_on > today)  // same fixed format: text order is date order
    return Status::InvalidArgument("the decision date cannot be in the future", "decided_on");
  RETURN_IF_ERROR(CheckText(i.reasons, "reasons", 5000, TextKind::kMultiline));
  if (IsBlank(i.reasons)) return Status::InvalidArgument("reasons are required", "reasons");
  return Status::Ok();
}

}  // namespace trm::domain
