// Possible existing records: the matching engine (PersonMatcher) asked "who
// is this person?" at intake and case creation, or for an open case, with
// the answer narrowed to the cases the actor may see (kViewCase); and the
// human decisions on those suggestions (domain/person_link.h), which the
// engine's later answers respect.
//
// Each use case is one transaction with its audit row: a query records which
// cases it showed, a decision is recorded on both cases.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/person_link.h"
#include "service/actor.h"
#include "service/case_service.h"
#include "service/person_matcher.h"
#include "store/store.h"

namespace trm::service {

struct MatchedCase {
  CaseView view;
  PersonCandidate candidate;
  std::optional<domain::PersonLink> link;  // a decision already taken on this pair
};

struct PersonLinkView {
  domain::PersonLink link;
  CaseView other;  // the case on the other side, seen from the case asked about
  std::map<domain::Id, std::string> user_names;  // who decided
};

struct LinkDecisionInput {
  domain::LinkDecision decision = domain::LinkDecision::kSame;
  std::string note;
};

class MatchService {
 public:
  // `matcher` may be null (no engine data installed): every use case then
  // answers Unavailable.
  MatchService(store::Store& store, const Clock& clock, PersonMatcher* matcher)
      : store_(store), clock_(clock), matcher_(matcher) {}

  // Possible existing records for a person not yet recorded, for users who
  // open cases. At most 10, best first.
  Result<std::vector<MatchedCase>> ForPerson(const Actor& actor, const domain::Person& person);
  // Possible other records of a case's person (kViewCase on the case); the
  // case itself and pairs ruled different are left out.
  Result<std::vector<MatchedCase>> ForCase(const Actor& actor, domain::Id case_id);

  // The decisions naming the case whose other case the actor may also see.
  Result<std::vector<PersonLinkView>> Links(const Actor& actor, domain::Id case_id);
  // Records a decision on the pair: kEditCase on the case, kViewCase on the
  // other. AlreadyExists when the pair is decided (change it instead).
  Result<PersonLinkView> Decide(const Actor& actor, domain::Id case_id, domain::Id other_case_id,
                                const LinkDecisionInput& input);
  // Changes a decision, carrying the version read: the same permissions.
  Result<PersonLinkView> ChangeDecision(const Actor& actor, domain::Id case_id, domain::Id link_id,
                                        int64_t version, const LinkDecisionInput& input);

  PersonMatcher* matcher() { return matcher_; }

 private:
  Result<std::vector<MatchedCase>> Visible(store::Tx& tx, const Actor& actor,
                                           const std::vector<PersonCandidate>& candidates,
                                           std::optional<domain::Id> from_case);
  Status Available() const;

  store::Store& store_;
  const Clock& clock_;
  PersonMatcher* matcher_;
};

}  // namespace trm::service
