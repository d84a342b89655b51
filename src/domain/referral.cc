#include "domain/referral.h"

#include <algorithm>
#include <set>

#include "domain/case_form.h"
#include "domain/directory.h"
#include "domain/enum_table.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<ReferralStatus, 8> kStatuses{{
    {ReferralStatus::kDraft, "draft"},
    {ReferralStatus::kSent, "sent"},
    {ReferralStatus::kAccepted, "accepted"},
    {ReferralStatus::kDeclined, "declined"},
    {ReferralStatus::kInProgress, "in_progress"},
    {ReferralStatus::kCompleted, "completed"},
    {ReferralStatus::kClosed, "closed"},
    {ReferralStatus::kWithdrawn, "withdrawn"},
}};
constexpr EnumTable<ReferralReason, 3> kReasons{{
    {ReferralReason::kAdditionalServicesRequired, "AdditionalServicesRequired"},
    {ReferralReason::kMigrationOrChangeOfLocation, "MigrationOrChangeOfLocation"},
    {ReferralReason::kOther, "Other"},
}};
constexpr EnumTable<ReferralAction, 7> kActions{{
    {ReferralAction::kSend, "send"},
    {ReferralAction::kAccept, "accept"},
    {ReferralAction::kDecline, "decline"},
    {ReferralAction::kWithdraw, "withdraw"},
    {ReferralAction::kStart, "start"},
    {ReferralAction::kComplete, "complete"},
    {ReferralAction::kClose, "close"},
}};

using S = ReferralStatus;
using A = ReferralAction;
using Side = ReferralSide;
constexpr ReferralTransition kTransitions[] = {
    {S::kDraft, A::kSend, S::kSent, Side::kSender},
    {S::kDraft, A::kWithdraw, S::kWithdrawn, Side::kSender},
    {S::kSent, A::kAccept, S::kAccepted, Side::kReceiver},
    {S::kSent, A::kDecline, S::kDeclined, Side::kReceiver},
    {S::kSent, A::kWithdraw, S::kWithdrawn, Side::kSender},
    {S::kAccepted, A::kStart, S::kInProgress, Side::kReceiver},
    {S::kAccepted, A::kComplete, S::kCompleted, Side::kReceiver},
    {S::kInProgress, A::kComplete, S::kCompleted, Side::kReceiver},
    {S::kAccepted, A::kClose, S::kClosed, Side::kEither},
    {S::kInProgress, A::kClose, S::kClosed, Side::kEither},
};

// The parts each service needs the receiver to see.
struct ServiceParts {
  std::string_view service;
  std::initializer_list<std::string_view> parts;
};
const ServiceParts kServiceParts[] = {
    {"shelter", {"person", "needs_assessment"}},
    {"medical", {"person", "needs_assessment"}},
    {"psychological", {"person", "needs_assessment"}},
    {"legal_aid", {"person", "identification", "victim_context", "event", "perpetrator", "identity_document"}},
    {"interpretation", {"person"}},
    {"repatriation", {"person", "identification", "identity_document", "needs_assessment"}},
    {"vocational_training", {"person", "needs_assessment", "support_objective"}},
    {"family_tracing", {"person"}},
    {"hotline", {"person"}},
    {"education", {"person", "needs_assessment", "support_objective"}},
    {"financial_assistance", {"person", "needs_assessment"}},
    {"livelihood", {"person", "needs_assessment", "support_objective"}},
};

constexpr size_t kSummaryMax = 4000;

}  // namespace

std::string_view Name(ReferralStatus s) { return EnumName(kStatuses, s); }
std::optional<ReferralStatus> ParseReferralStatus(std::string_view s) { return EnumParse(kStatuses, s); }
std::string_view Name(ReferralReason r) { return EnumName(kReasons, r); }
std::optional<ReferralReason> ParseReferralReason(std::string_view s) { return EnumParse(kReasons, s); }
std::string_view Name(ReferralAction a) { return EnumName(kActions, a); }
std::optional<ReferralAction> ParseReferralAction(std::string_view s) { return EnumParse(kActions, s); }

Result<ReferralTransition> FindTransition(ReferralStatus from, ReferralAction action) {
  for (const auto& t : kTransitions)
    if (t.from == from && t.action == action) return t;
  return Status::FailedPrecondition("a referral that is " + std::string(Name(from)) + " cannot be " +
                                    "given the action " + std::string(Name(action)));
}

bool NeedsNote(ReferralAction a) {
  return a == A::kDecline || a == A::kComplete || a == A::kClose;
}

bool AwaitsAnswer(ReferralStatus s) { return s == S::kSent; }

bool IsFinished(ReferralStatus s) {
  return s == S::kDeclined || s == S::kCompleted || s == S::kClosed || s == S::kWithdrawn;
}

bool IsReferralService(std::string_view s) { return ParseDirService(s).has_value(); }

bool IsShareablePart(std::string_view part) {
  if (part == "person" || part == "identification") return true;
  return part != "task" && FindCaseForm(part) != nullptr;
}

std::vector<std::string> ShareableParts() {
  std::vector<std::string> out{"person", "identification"};
  for (const CaseForm& f : CaseForms())
    if (IsShareablePart(f.kind)) out.emplace_back(f.kind);
  return out;
}

std::vector<std::string> DefaultParts(const std::vector<std::string>& services) {
  std::set<std::string_view> wanted{"person"};
  for (const std::string& s : services)
    for (const auto& sp : kServiceParts)
      if (sp.service == s) wanted.insert(sp.parts.begin(), sp.parts.end());
  // In the order of ShareableParts, so lists read the same everywhere.
  std::vector<std::string> out;
  for (const std::string& p : ShareableParts())
    if (wanted.contains(p)) out.push_back(p);
  return out;
}

Status ValidateReferral(const Referral& r, const std::string& today) {
  if (r.to_organisation_id == r.from_organisation_id)
    return Status::InvalidArgument("a referral goes to another organisation", "to_organisation_id");
  if (r.services.empty())
    return Status::InvalidArgument("name at least one service the person needs", "services");
  std::set<std::string_view> seen;
  for (const std::string& s : r.services) {
    if (!IsReferralService(s))
      return Status::InvalidArgument("unknown service \"" + (IsValidUtf8(s) ? s : "?") + "\"", "services");
    if (!seen.insert(s).second) return Status::InvalidArgument("service \"" + s + "\" listed twice", "services");
  }
  seen.clear();
  for (const std::string& p : r.parts) {
    if (!IsShareablePart(p))
      return Status::InvalidArgument("\"" + (IsValidUtf8(p) ? p : "?") + "\" is not a part a referral can carry",
                                     "parts");
    if (!seen.insert(p).second) return Status::InvalidArgument("part \"" + p + "\" listed twice", "parts");
  }
  RETURN_IF_ERROR(CheckText(r.summary, "summary", kSummaryMax, TextKind::kMultiline));
  if (IsBlank(r.summary))
    return Status::InvalidArgument("write a short summary for the receiving organisation", "summary");
  if (!IsValidDate(r.respond_by))
    return Status::InvalidArgument("respond_by must be a date YYYY-MM-DD", "respond_by");
  if (r.respond_by < today) return Status::InvalidArgument("respond_by may not be in the past", "respond_by");
  return Status::Ok();
}

bool IsOverdue(const Referral& r, const std::string& today) {
  return AwaitsAnswer(r.status) && !r.respond_by.empty() && r.respond_by < today;
}

}  // namespace trm::domain
