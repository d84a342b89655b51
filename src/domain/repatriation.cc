#include "domain/repatriation.h"

#include <algorithm>

#include "domain/enum_table.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<RepatriationStatus, 2> kStatuses{{
    {RepatriationStatus::kActive, "active"},
    {RepatriationStatus::kCompleted, "completed"},
}};
constexpr EnumTable<StepState, 4> kStates{{
    {StepState::kPending, "pending"},
    {StepState::kBlocked, "blocked"},
    {StepState::kDone, "done"},
    {StepState::kSkipped, "skipped"},
}};
constexpr EnumTable<StepAction, 4> kActions{{
    {StepAction::kComplete, "complete"},
    {StepAction::kSkip, "skip"},
    {StepAction::kBlock, "block"},
    {StepAction::kUnblock, "unblock"},
}};

struct Transition {
  StepState from;
  StepAction action;
  StepState to;
};
constexpr Transition kTransitions[] = {
    {StepState::kPending, StepAction::kComplete, StepState::kDone},
    {StepState::kPending, StepAction::kSkip, StepState::kSkipped},
    {StepState::kPending, StepAction::kBlock, StepState::kBlocked},
    {StepState::kBlocked, StepAction::kUnblock, StepState::kPending},
};

constexpr size_t kNotesMax = 4000;
constexpr size_t kReasonMax = 1000;
constexpr size_t kDocumentsMax = 20;
constexpr size_t kDocumentNameMax = 200;
constexpr size_t kDocumentNumberMax = 100;
constexpr size_t kNameMax = 200;
constexpr size_t kPlaceMax = 300;
constexpr Millis kDay = 86'400'000;

std::string AddDays(const std::string& date, int days) { return FormatDate(DateStart(date) + days * kDay); }

// `today` is the server's (UTC) day; in the network's time zones (UTC+6:30
// to +8) the person recording it may already be in the next one.
Status CheckDay(const std::string& date, const std::string& today, const char* field) {
  if (!IsValidDate(date)) return Status::InvalidArgument(std::string(field) + " must be a date YYYY-MM-DD", field);
  if (date > AddDays(today, 1)) return Status::InvalidArgument(std::string(field) + " may not be in the future", field);
  return Status::Ok();
}

Status Required(const std::string& value, const std::string& field, size_t max, TextKind kind = TextKind::kLine) {
  RETURN_IF_ERROR(CheckText(value, field, max, kind));
  if (IsBlank(value)) return Status::InvalidArgument(field + " is required", field);
  return Status::Ok();
}

Status CheckHandover(const Handover& h, const std::string& today) {
  RETURN_IF_ERROR(Required(h.from_person, "handover.from_person", kNameMax));
  RETURN_IF_ERROR(Required(h.from_organisation, "handover.from_organisation", kNameMax));
  RETURN_IF_ERROR(Required(h.to_person, "handover.to_person", kNameMax));
  RETURN_IF_ERROR(Required(h.to_organisation, "handover.to_organisation", kNameMax));
  RETURN_IF_ERROR(Required(h.place, "handover.place", kPlaceMax));
  return CheckDay(h.date, today, "handover.date");
}

}  // namespace

std::string_view Name(RepatriationStatus s) { return EnumName(kStatuses, s); }
std::optional<RepatriationStatus> ParseRepatriationStatus(std::string_view s) { return EnumParse(kStatuses, s); }
std::string_view Name(StepState s) { return EnumName(kStates, s); }
std::optional<StepState> ParseStepState(std::string_view s) { return EnumParse(kStates, s); }
std::string_view Name(StepAction a) { return EnumName(kActions, a); }
std::optional<StepAction> ParseStepAction(std::string_view s) { return EnumParse(kActions, s); }

Result<StepState> StepTransition(StepState from, StepAction action) {
  for (const Transition& t : kTransitions)
    if (t.from == from && t.action == action) return t.to;
  return Status::FailedPrecondition("a step that is " + std::string(Name(from)) + " cannot be given the action " +
                                    std::string(Name(action)));
}

bool IsFinished(StepState s) { return s == StepState::kDone || s == StepState::kSkipped; }

std::vector<RepatriationStep> StepsOf(const RepatriationFlow& flow) {
  std::vector<RepatriationStep> out;
  for (size_t i = 0; i < flow.steps.size(); ++i) {
    const FlowStep& f = flow.steps[i];
    RepatriationStep s;
    s.position = static_cast<int>(i);
    s.code = f.code;
    s.side = f.side;
    s.expected_days = f.expected_days;
    s.after = f.after;
    s.records_handover = f.records_handover;
    out.push_back(std::move(s));
  }
  return out;
}

bool SideMayAct(RepatriationSide step_side, RepatriationSide actor_side) {
  return step_side == RepatriationSide::kBoth || step_side == actor_side;
}

Status CheckOrder(const std::vector<RepatriationStep>& steps, const RepatriationStep& step) {
  std::string waiting;
  for (const std::string& code : step.after) {
    auto it = std::find_if(steps.begin(), steps.end(), [&](const RepatriationStep& s) { return s.code == code; });
    if (it == steps.end() || !IsFinished(it->state)) waiting += (waiting.empty() ? "" : ", ") + code;
  }
  if (waiting.empty()) return Status::Ok();
  return Status::FailedPrecondition("step " + step.code + " waits for " + waiting +
                                    " to be done or skipped first");
}

Status ValidateStepInput(const RepatriationStep& step, StepAction action, const StepInput& in,
                         const std::string& today) {
  const bool completes = action == StepAction::kComplete;
  const bool finishes = completes || action == StepAction::kSkip;
  if (finishes) {
    RETURN_IF_ERROR(CheckDay(in.date, today, "date"));
  } else if (!in.date.empty()) {
    return Status::InvalidArgument("a date belongs to completing or skipping a step", "date");
  }
  RETURN_IF_ERROR(CheckText(in.notes, "notes", kNotesMax, TextKind::kMultiline));
  if (!finishes && !in.notes.empty())
    return Status::InvalidArgument("notes are written when a step is completed or skipped; a block has its reason",
                                   "notes");
  if (action == StepAction::kBlock || action == StepAction::kSkip) {
    RETURN_IF_ERROR(Required(in.reason, "reason", kReasonMax, TextKind::kMultiline));
  } else if (!in.reason.empty()) {
    return Status::InvalidArgument("a reason belongs to blocking or skipping a step", "reason");
  }
  if (!completes && !in.documents.empty())
    return Status::InvalidArgument("documents are recorded when a step is completed", "documents");
  if (in.documents.size() > kDocumentsMax)
    return Status::InvalidArgument("at most 20 documents a step", "documents");
  for (const IssuedDocument& d : in.documents) {
    RETURN_IF_ERROR(Required(d.name, "documents.name", kDocumentNameMax));
    RETURN_IF_ERROR(CheckText(d.number, "documents.number", kDocumentNumberMax));
  }
  if (completes && step.records_handover) {
    if (!in.handover)
      return Status::InvalidArgument("the handover step records who handed the person over to whom", "handover");
    RETURN_IF_ERROR(CheckHandover(*in.handover, today));
  } else if (in.handover) {
    return Status::InvalidArgument("only completing the handover step records a handover", "handover");
  }
  return Status::Ok();
}

std::vector<StepSchedule> Schedule(const std::string& started_on, const std::vector<RepatriationStep>& steps,
                                   const std::string& today) {
  std::vector<StepSchedule> out(steps.size());
  for (size_t i = 0; i < steps.size(); ++i) {
    const RepatriationStep& s = steps[i];
    std::string from = started_on;
    bool ready = true;
    for (const std::string& code : s.after) {
      // `after` names earlier steps only (the loader's rule), so their
      // schedules are known here.
      for (size_t j = 0; j < i; ++j) {
        if (steps[j].code != code) continue;
        const bool finished = IsFinished(steps[j].state);
        ready = ready && finished;
        const std::string& end = finished && !steps[j].done_on.empty() ? steps[j].done_on : out[j].due_on;
        from = std::max(from, end);
      }
    }
    out[i].due_on = AddDays(from, s.expected_days);
    out[i].ready = ready;
    out[i].overdue = ready && !IsFinished(s.state) && out[i].due_on < today;
  }
  return out;
}

bool AllFinished(const std::vector<RepatriationStep>& steps) {
  return std::all_of(steps.begin(), steps.end(), [](const RepatriationStep& s) { return IsFinished(s.state); });
}

int64_t DurationDays(const std::string& started_on, const std::string& completed_on) {
  return (DateStart(completed_on) - DateStart(started_on)) / kDay;
}

}  // namespace trm::domain
