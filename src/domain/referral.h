// Referrals: one case (or chosen parts of it) sent from one organisation to
// another, inside a country or across a border, for stated services. The
// lifecycle is a fixed table of transitions, each allowed to one side:
//
//   draft ─send→ sent ─accept→ accepted ─start→ in_progress ─complete→ completed
//     │            ├─decline→ declined      │                   │
//     └─withdraw→  └─withdraw→ withdrawn    └──────close────────┴─→ closed
//
// What the receiver may see is the list of shared parts, chosen by the
// sender (by default what the requested services need).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/records.h"

namespace trm::domain {

enum class ReferralStatus { kDraft, kSent, kAccepted, kDeclined, kInProgress, kCompleted, kClosed, kWithdrawn };
std::string_view Name(ReferralStatus s);
std::optional<ReferralStatus> ParseReferralStatus(std::string_view s);

// HTCDS cas_ReasonForOutgoingReferral.
enum class ReferralReason { kAdditionalServicesRequired, kMigrationOrChangeOfLocation, kOther };
std::string_view Name(ReferralReason r);
std::optional<ReferralReason> ParseReferralReason(std::string_view s);

enum class ReferralAction { kSend, kAccept, kDecline, kWithdraw, kStart, kComplete, kClose };
std::string_view Name(ReferralAction a);
std::optional<ReferralAction> ParseReferralAction(std::string_view s);

enum class ReferralSide { kSender, kReceiver, kEither };

// Where `action` leads from `from`, and which side may take it;
// FailedPrecondition naming both when the table has no such transition.
struct ReferralTransition {
  ReferralStatus from;
  ReferralAction action;
  ReferralStatus to;
  ReferralSide side;
};
Result<ReferralTransition> FindTransition(ReferralStatus from, ReferralAction action);
// Whether the action needs a written note (decline, complete, close).
bool NeedsNote(ReferralAction action);
// Sent and waiting for an answer: not yet accepted or declined.
bool AwaitsAnswer(ReferralStatus s);
bool IsFinished(ReferralStatus s);

// The services a referral asks for: those the directory lists (DirService).
bool IsReferralService(std::string_view s);

// The parts of a case a referral may carry: "person" (names, birth date,
// gender, citizenship, languages), "identification" (decisions) and the case
// entry kinds except tasks. Confidential notes never travel.
bool IsShareablePart(std::string_view part);
std::vector<std::string> ShareableParts();
// What the requested services need, for when the sender does not choose.
std::vector<std::string> DefaultParts(const std::vector<std::string>& services);

struct Referral {
  Id id = 0;
  Id case_id = 0;
  Id from_organisation_id = 0;
  Id to_organisation_id = 0;
  ReferralStatus status = ReferralStatus::kDraft;
  ReferralReason reason = ReferralReason::kAdditionalServicesRequired;
  std::vector<std::string> services;
  std::vector<std::string> parts;
  std::string respond_by;  // YYYY-MM-DD: an answer is due by the end of that day
  std::string summary;     // what the receiver reads before accepting (sealed)
  Millis sent_at = 0;
  Millis answered_at = 0;   // accepted or declined
  Millis finished_at = 0;   // completed, closed, declined or withdrawn
  // Sent without covering consent by a permitted role, with the reason.
  std::optional<Id> consent_override_by;
  std::string consent_override_reason;  // sealed
  Stamp stamp;
};

// Checks a new referral's own fields (not the consent, not the recipient).
Status ValidateReferral(const Referral& r, const std::string& today);

// Overdue: still waiting for an answer after its respond-by day.
bool IsOverdue(const Referral& r, const std::string& today);

// One line of the referral's timeline: a status change or a message.
struct ReferralEvent {
  Id id = 0;
  Id referral_id = 0;
  Millis at = 0;
  Id actor_id = 0;
  Id organisation_id = 0;
  std::string kind;  // "message", or the action's name ("send", "accept", ...)
  std::string text;  // sealed: the message, or the note given with the action
};

}  // namespace trm::domain
