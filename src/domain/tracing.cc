#include "domain/tracing.h"

#include "domain/enum_table.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<TracingStatus, 2> kStatuses{{
    {TracingStatus::kOpen, "open"},
    {TracingStatus::kClosed, "closed"},
}};

constexpr EnumTable<TracingDecision, 3> kDecisions{{
    {TracingDecision::kPossible, "possible"},
    {TracingDecision::kRuledOut, "ruled_out"},
    {TracingDecision::kConfirmed, "confirmed"},
}};

Status Required(const std::string& value, const char* field) {
  if (IsBlank(value)) return Status::InvalidArgument(std::string(field) + " is required", field);
  return Status::Ok();
}

}  // namespace

std::string_view Name(TracingStatus s) { return EnumName(kStatuses, s); }
std::optional<TracingStatus> ParseTracingStatus(std::string_view s) { return EnumParse(kStatuses, s); }
std::string_view Name(TracingDecision d) { return EnumName(kDecisions, d); }
std::optional<TracingDecision> ParseTracingDecision(std::string_view s) {
  return EnumParse(kDecisions, s);
}

Status ValidateTracingRequest(const TracingRequest& r) {
  const Searcher& s = r.searcher;
  RETURN_IF_ERROR(CheckText(s.name, "searcher.name", kMaxTracingLine));
  RETURN_IF_ERROR(Required(s.name, "searcher.name"));
  RETURN_IF_ERROR(CheckText(s.relationship, "searcher.relationship", kMaxTracingLine));
  RETURN_IF_ERROR(Required(s.relationship, "searcher.relationship"));
  // Without a way back to the searcher an answer could not reach them.
  RETURN_IF_ERROR(CheckText(s.contact, "searcher.contact", kMaxTracingContact, TextKind::kMultiline));
  RETURN_IF_ERROR(Required(s.contact, "searcher.contact"));
  RETURN_IF_ERROR(ValidatePerson(r.sought.person, "sought.person"));
  RETURN_IF_ERROR(CheckText(r.sought.last_known_place, "sought.last_known_place", kMaxTracingLine));
  RETURN_IF_ERROR(
      CheckText(r.sought.remembers, "sought.remembers", kMaxTracingText, TextKind::kMultiline));
  return Status::Ok();
}

Status ValidateDecisionNote(const std::string& note) {
  return CheckText(note, "note", kMaxDecisionNote, TextKind::kMultiline);
}

Status CheckOpen(const TracingRequest& r) {
  if (r.status == TracingStatus::kClosed)
    return Status::FailedPrecondition("the tracing request is closed; it cannot be changed");
  return Status::Ok();
}

Status CloseRequest(TracingRequest& r, const std::string& outcome, Millis now) {
  RETURN_IF_ERROR(CheckOpen(r));
  RETURN_IF_ERROR(CheckText(outcome, "outcome", kMaxTracingText, TextKind::kMultiline));
  RETURN_IF_ERROR(Required(outcome, "outcome"));
  r.status = TracingStatus::kClosed;
  r.outcome = outcome;
  r.closed_at = now;
  return Status::Ok();
}

}  // namespace trm::domain
