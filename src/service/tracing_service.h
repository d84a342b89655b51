// Family tracing use cases (domain/tracing.h): file a request, list and read
// the organisation's requests, reassign or close one, and, for its tracing
// officer only, the candidate cases and decisions on them.
//
// Candidates are the matching engine's answer for the sought person over
// every case of the node, narrowed to the cases whose consent covers family
// tracing for the officer's organisation and country now
// (domain::ConsentCovers): a withdrawal drops a case at once. A candidate
// carries only what the officer needs to decide (reference, owning
// organisation, names, gender, birth date or age, citizenship and the
// engine's reasons), never the rest of the case. Results go to the officer;
// nothing is sent to the family.
//
// Each use case is one transaction with its audit row: reading candidates
// records which cases were shown; decisions are recorded on the request.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/tracing.h"
#include "service/actor.h"
#include "service/person_matcher.h"
#include "store/store.h"

namespace trm::service {

struct NewTracingRequest {
  domain::Searcher searcher;
  domain::SoughtPerson sought;
  std::optional<domain::Id> officer_id;  // absent: the actor
};

// A change to a request, carrying the version read. At least one of the two.
struct TracingChange {
  int64_t version = 0;
  std::optional<domain::Id> officer_id;  // reassign (supervisors)
  std::optional<std::string> outcome;    // close with this outcome
};

struct TracingRequestView {
  domain::TracingRequest request;
  domain::Organisation organisation;
  std::string officer_name;
  std::string created_by_name;
  bool may_see_candidates = false;  // the actor is the officer
  bool may_reassign = false;
};

struct CandidateDecisionView {
  domain::CandidateDecision decision;
  std::string decided_by_name;
};

// One case that may be the person sought, as the officer sees it.
struct TracingCandidate {
  domain::Id case_id = 0;
  std::string case_reference;
  domain::Organisation owner;
  domain::Person person;  // names, gender, birth date or age, citizenship only
  PersonCandidate match;
  std::optional<CandidateDecisionView> decision;
};

struct CandidateDecisionInput {
  domain::TracingDecision decision = domain::TracingDecision::kPossible;
  std::string note;
};

class TracingService {
 public:
  // `matcher` may be null (no engine data installed): candidates and
  // decisions then answer Unavailable; requests still work.
  TracingService(store::Store& store, const Clock& clock, PersonMatcher* matcher)
      : store_(store), clock_(clock), matcher_(matcher) {}

  // Files a request for the actor's organisation (AuthorizeTracingCreate).
  // InvalidArgument for a bad field or an officer_id that is not an active
  // user of the organisation who may trace families.
  Result<TracingRequestView> Create(const Actor& actor, const NewTracingRequest& in);
  // The organisation's requests the actor may see, newest first.
  Result<std::vector<TracingRequestView>> List(const Actor& actor,
                                               std::optional<domain::TracingStatus> status);
  // NotFound unless the actor may see the request (kView); the read is audited.
  Result<TracingRequestView> Get(const Actor& actor, domain::Id id);
  // Reassigns (kReassign) and/or closes (kClose). Conflict for a stale
  // version, FailedPrecondition for a closed request, InvalidArgument for an
  // empty change or a bad officer or outcome. Nothing is written on failure.
  Result<TracingRequestView> Change(const Actor& actor, domain::Id id, const TracingChange& change);

  // The candidates, best first (kCandidates), with the officer's decisions.
  Result<std::vector<TracingCandidate>> Candidates(const Actor& actor, domain::Id id);
  // Records the officer's decision on a case that is a candidate now.
  // InvalidArgument (case_id) for a case that is not; AlreadyExists when the
  // case has a decision (change it); FailedPrecondition when closed.
  Result<CandidateDecisionView> Decide(const Actor& actor, domain::Id id, domain::Id case_id,
                                       const CandidateDecisionInput& in);
  // Changes a decision, carrying its version; NotFound when its case's
  // consent no longer covers family tracing.
  Result<CandidateDecisionView> ChangeDecision(const Actor& actor, domain::Id id,
                                               domain::Id decision_id, int64_t version,
                                               const CandidateDecisionInput& in);

 private:
  Status Available() const;
  // The sought person of a request the actor may see candidates of.
  Result<domain::Person> SoughtFor(const Actor& actor, domain::Id id);

  store::Store& store_;
  const Clock& clock_;
  PersonMatcher* matcher_;
};

}  // namespace trm::service
