// Repatriation use cases: start a repatriation from an accepted referral for
// repatriation (the flow chosen by the two organisations' countries), read its
// progress from either side, act on its steps, and list an organisation's.
// Both sides see the steps, their states, dates, notes, documents and the
// handover, never the rest of each other's case: the origin side reaches the
// person only through the referral's shared parts (referral_service.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/repatriation.h"
#include "domain/repatriation_flow.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

struct RepatriationStepView {
  domain::RepatriationStep step;
  const domain::FlowStep* flow_step = nullptr;  // titles, documents; null if the flow dropped it
  domain::StepSchedule schedule;
  std::string done_by_name;
  bool may_act = false;  // the actor's side and role may act on it
};

struct RepatriationView {
  domain::Repatriation repatriation;
  const domain::RepatriationFlow* flow = nullptr;  // null if the flow file was removed
  std::string destination_organisation_name;
  std::string origin_organisation_name;
  std::string case_reference;  // the destination side's own case; empty for the origin side
  domain::RepatriationSide side = domain::RepatriationSide::kDestination;  // the actor's
  std::vector<RepatriationStepView> steps;
  int done_steps = 0;  // done or skipped
  int overdue_steps = 0;
  int blocked_steps = 0;
};

class RepatriationService {
 public:
  RepatriationService(store::Store& store, const Clock& clock, std::vector<domain::RepatriationFlow> flows)
      : store_(store), clock_(clock), flows_(std::move(flows)) {}

  const std::vector<domain::RepatriationFlow>& flows() const { return flows_; }

  // Starts the repatriation of an accepted (or started) referral whose
  // services include repatriation, by either side's permitted users.
  // NotFound: no such referral for this actor. FailedPrecondition: the
  // referral is not accepted, is not for repatriation, or the network has no
  // flow for its two countries. AlreadyExists: it was started before.
  Result<RepatriationView> Start(const Actor& actor, domain::Id referral_id);
  // The repatriation started from a referral; NotFound when there is none
  // (or the actor is on neither side).
  Result<RepatriationView> OfReferral(const Actor& actor, domain::Id referral_id);
  Result<RepatriationView> Get(const Actor& actor, domain::Id id);
  // The actor's organisation's repatriations, on either side, newest first.
  Result<std::vector<RepatriationView>> List(const Actor& actor, std::optional<domain::RepatriationStatus> status);
  // Takes `action` on one step if `version` is the step's, the actor's side is
  // responsible for it (PermissionDenied), the input is valid
  // (InvalidArgument), and the state and order rules allow it
  // (FailedPrecondition). Completing the last open step completes the
  // repatriation.
  Result<RepatriationView> Act(const Actor& actor, domain::Id id, domain::Id step_id, int64_t version,
                               domain::StepAction action, const domain::StepInput& in);

 private:
  store::Store& store_;
  const Clock& clock_;
  const std::vector<domain::RepatriationFlow> flows_;
};

}  // namespace trm::service
