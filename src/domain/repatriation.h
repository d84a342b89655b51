// A repatriation: one person's return home, run as a flow (repatriation_flow.h)
// between the organisation in the destination country that referred them and
// the organisation in their country of origin that accepted the referral.
// Started from an accepted referral for repatriation; each of the flow's steps
// is copied into the repatriation when it starts, so a later change of the
// data file does not rewrite a running return.
//
// A step is pending, blocked (with the reason), done or skipped (with the
// reason). The rules here are pure:
//   - which action leads from which state (StepTransition);
//   - the order rule: a step is done or skipped only when every step it waits
//     for ("after") is done or skipped (CheckOrder);
//   - the side rule: only the responsible side acts on a step (SideMayAct);
//   - dates: a step is due its expected days after the steps it waits for
//     finished (or, not yet finished, were due), the first ones counted from
//     the start; a step that could be worked on and is past its day is overdue.
// The repatriation is completed when its last open step is done or skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/records.h"
#include "domain/repatriation_flow.h"

namespace trm::domain {

enum class RepatriationStatus { kActive, kCompleted };
std::string_view Name(RepatriationStatus s);
std::optional<RepatriationStatus> ParseRepatriationStatus(std::string_view s);

enum class StepState { kPending, kBlocked, kDone, kSkipped };
std::string_view Name(StepState s);
std::optional<StepState> ParseStepState(std::string_view s);

enum class StepAction { kComplete, kSkip, kBlock, kUnblock };
std::string_view Name(StepAction a);
std::optional<StepAction> ParseStepAction(std::string_view s);

// The state `action` leads to from `from`; FailedPrecondition naming both
// when it cannot be taken there.
Result<StepState> StepTransition(StepState from, StepAction action);
bool IsFinished(StepState s);  // done or skipped

// A document issued for a step, e.g. {"Certificate of identity", "KH-0231"}.
struct IssuedDocument {
  std::string name;
  std::string number;
};

// Who handed the person over to whom, where and when.
struct Handover {
  std::string from_person;
  std::string from_organisation;
  std::string to_person;
  std::string to_organisation;
  std::string place;
  std::string date;  // YYYY-MM-DD
};

struct RepatriationStep {
  Id id = 0;
  Id repatriation_id = 0;
  int position = 0;  // 0-based, the flow's order
  std::string code;
  RepatriationSide side = RepatriationSide::kDestination;
  int expected_days = 1;
  std::vector<std::string> after;
  bool records_handover = false;
  StepState state = StepState::kPending;
  std::string done_on;  // YYYY-MM-DD when done or skipped
  std::optional<Id> done_by;
  // Sealed: what was written when completing, blocking or skipping.
  std::string notes;
  std::vector<IssuedDocument> documents;
  std::string reason;  // why blocked, or why skipped
  std::optional<Handover> handover;
  Stamp stamp;
};

struct Repatriation {
  Id id = 0;
  Id referral_id = 0;
  Id case_id = 0;                      // the destination organisation's case
  Id destination_organisation_id = 0;  // sent the referral; where the person is
  Id origin_organisation_id = 0;       // accepted it; in the person's country
  std::string flow_id;
  std::string destination_country;
  std::string origin_country;
  RepatriationStatus status = RepatriationStatus::kActive;
  std::string started_on;    // YYYY-MM-DD
  std::string completed_on;  // YYYY-MM-DD once completed, else ""
  Millis completed_at = 0;
  Stamp stamp;
};

// The steps of a new repatriation, copied from the flow.
std::vector<RepatriationStep> StepsOf(const RepatriationFlow& flow);

// Whether an actor acting for `actor_side` (destination or origin) may act on
// a step the flow gives to `step_side`.
bool SideMayAct(RepatriationSide step_side, RepatriationSide actor_side);

// Ok when every step `step` waits for is done or skipped; FailedPrecondition
// naming those that are not.
Status CheckOrder(const std::vector<RepatriationStep>& steps, const RepatriationStep& step);

// What comes with a step action.
struct StepInput {
  std::string date;  // complete, skip: the day it happened (not in the future)
  std::string notes;
  std::vector<IssuedDocument> documents;  // complete only
  std::string reason;                     // block and skip: required
  std::optional<Handover> handover;       // complete, on the handover step only: required
};

// Checks the input of `action` on `step` (InvalidArgument naming the field).
Status ValidateStepInput(const RepatriationStep& step, StepAction action, const StepInput& in,
                         const std::string& today);

// The dates of one step, as of `today`.
struct StepSchedule {
  std::string due_on;
  bool ready = false;    // every step it waits for is finished
  bool overdue = false;  // ready, not finished, and past due_on
};
// One schedule per step, parallel to `steps` (which are in flow order).
std::vector<StepSchedule> Schedule(const std::string& started_on, const std::vector<RepatriationStep>& steps,
                                   const std::string& today);

bool AllFinished(const std::vector<RepatriationStep>& steps);

// Whole days from `started_on` to `completed_on` (both YYYY-MM-DD).
int64_t DurationDays(const std::string& started_on, const std::string& completed_on);

}  // namespace trm::domain
