// Family tracing: a relative asks an organisation to find a person (who is
// searching, for whom, what they remember); a tracing officer of that
// organisation looks at the cases that could be that person and whose
// consent covers family tracing, and records a decision on each. Results go
// to the officer, never straight to the family.
//
// A request is open until its officer or a supervisor closes it with an
// outcome; a closed request does not change again:
//
//   open ─close (outcome)→ closed
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/person.h"
#include "domain/records.h"

namespace trm::domain {

enum class TracingStatus { kOpen, kClosed };
std::string_view Name(TracingStatus s);
std::optional<TracingStatus> ParseTracingStatus(std::string_view s);

// The officer's view of one candidate case.
enum class TracingDecision {
  kPossible,   // worth following up
  kRuledOut,   // not the person sought
  kConfirmed,  // the person sought, confirmed by the officer
};
std::string_view Name(TracingDecision d);
std::optional<TracingDecision> ParseTracingDecision(std::string_view s);

// Who is searching.
struct Searcher {
  std::string name;
  std::string relationship;  // to the sought person, in the searcher's words ("mother")
  std::string contact;       // how the officer reaches them
};

// Whom they are searching for, as they remember them. The person's names are
// kept as written, in any script; a birth date or an approximate age.
struct SoughtPerson {
  Person person;
  std::string last_known_place;
  std::string remembers;  // what the searcher remembers: work, journey, marks
};

struct TracingRequest {
  Id id = 0;
  Id organisation_id = 0;
  Id officer_id = 0;  // the only user who sees the candidates
  TracingStatus status = TracingStatus::kOpen;
  Millis closed_at = 0;
  std::string outcome;  // written when closing
  // Searcher, sought person and outcome are sealed at rest together.
  Searcher searcher;
  SoughtPerson sought;
  Stamp stamp;
};

// The officer's decision on one case for one request (one per pair).
struct CandidateDecision {
  Id id = 0;
  Id request_id = 0;
  Id case_id = 0;
  TracingDecision decision = TracingDecision::kPossible;
  std::string note;  // sealed at rest
  Stamp stamp;
};

inline constexpr size_t kMaxTracingLine = 200;       // names, relationship, place
inline constexpr size_t kMaxTracingContact = 500;
inline constexpr size_t kMaxTracingText = 4000;      // what they remember, outcome
inline constexpr size_t kMaxDecisionNote = 2000;

// Checks a new request's searcher and sought person. InvalidArgument naming
// the API's field ("searcher.name", "sought.person.birth_date", ...).
Status ValidateTracingRequest(const TracingRequest& r);

// Checks a decision's note. InvalidArgument naming "note".
Status ValidateDecisionNote(const std::string& note);

// FailedPrecondition when the request is closed: nothing about it changes.
Status CheckOpen(const TracingRequest& r);

// Closes an open request with its outcome (required, non-blank).
// FailedPrecondition when already closed; InvalidArgument naming "outcome".
Status CloseRequest(TracingRequest& r, const std::string& outcome, Millis now);

}  // namespace trm::domain
