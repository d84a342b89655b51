#include "domain/identification.h"

#include <array>
#include <utility>

#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr std::array<std::pair<TraffickingStatus, std::string_view>, 3> kStatuses{{
    {TraffickingStatus::kPossibleVictim, "PossibleVictimOfTrafficking"},
    {TraffickingStatus::kActualVictim, "ActualVictimOfTrafficking"},
    {TraffickingStatus::kNotAVictim, "NotAVictimOfTrafficking"},
}};

constexpr std::array<std::pair<DecisionBody, std::string_view>, 5> kBodies{{
    {DecisionBody::kPolice, "Police"},
    {DecisionBody::kNgo, "NGO"},
    {DecisionBody::kCourtOrProsecution, "CourtOrProsecution"},
    {DecisionBody::kNonPoliceGovernment, "NonPoliceGovernmentalOrganization"},
    {DecisionBody::kOther, "Other"},
}};

}  // namespace

std::string_view Name(TraffickingStatus v) {
  for (const auto& [s, n] : kStatuses)
    if (s == v) return n;
  return "?";
}
std::string_view Name(DecisionBody v) {
  for (const auto& [b, n] : kBodies)
    if (b == v) return n;
  return "?";
}
std::optional<TraffickingStatus> ParseTraffickingStatus(std::string_view s) {
  for (const auto& [v, n] : kStatuses)
    if (n == s) return v;
  return std::nullopt;
}
std::optional<DecisionBody> ParseDecisionBody(std::string_view s) {
  for (const auto& [v, n] : kBodies)
    if (n == s) return v;
  return std::nullopt;
}

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
