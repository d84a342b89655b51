#include "service/repatriation_service.h"

#include <algorithm>

#include "domain/referral.h"
#include "service/case_access.h"
#include "service/names.h"
#include "service/policy.h"

namespace trm::service {
namespace {

using domain::RepatriationSide;
using domain::RepatriationStatus;

constexpr int kListLimit = 500;

store::AuditEvent Audit(const Actor& a, Millis at, std::string action, domain::Id id, std::string detail = "") {
  return store::AuditEvent{at, a.user_id, a.organisation_id, std::move(action), "repatriation",
                           std::to_string(id), a.ip, std::move(detail)};
}

RepatriationSide SideOf(const Actor& a, const domain::Repatriation& r) {
  return a.organisation_id == r.destination_organisation_id ? RepatriationSide::kDestination
                                                            : RepatriationSide::kOrigin;
}

std::string SideName(RepatriationSide s) {
  return s == RepatriationSide::kDestination ? "destination" : "origin";
}

class Viewer {
 public:
  Viewer(store::Tx& tx, const Actor& actor, const std::vector<domain::RepatriationFlow>& flows,
         const std::string& today)
      : tx_(tx), names_(tx), actor_(actor), flows_(flows), today_(today) {}

  Result<RepatriationView> Of(domain::Repatriation r) {
    RepatriationView v;
    v.flow = domain::FindFlowById(flows_, r.flow_id);
    ASSIGN_OR_RETURN(domain::Organisation dest, names_.Org(r.destination_organisation_id));
    ASSIGN_OR_RETURN(domain::Organisation origin, names_.Org(r.origin_organisation_id));
    v.destination_organisation_name = dest.name;
    v.origin_organisation_name = origin.name;
    v.side = SideOf(actor_, r);
    if (v.side == RepatriationSide::kDestination) {
      ASSIGN_OR_RETURN(domain::Case c, tx_.cases().Get(r.case_id));
      v.case_reference = c.reference;
    }
    const bool may_change = AuthorizeRepatriation(actor_, r.destination_organisation_id,
                                                  r.origin_organisation_id, true)
                                .ok();
    ASSIGN_OR_RETURN(auto steps, tx_.repatriations().Steps(r.id));
    auto schedule = domain::Schedule(r.started_on, steps, today_);
    for (size_t i = 0; i < steps.size(); ++i) {
      RepatriationStepView s;
      s.flow_step = v.flow ? v.flow->FindStep(steps[i].code) : nullptr;
      s.schedule = schedule[i];
      if (steps[i].done_by) {
        ASSIGN_OR_RETURN(s.done_by_name, names_.User(*steps[i].done_by));
      }
      s.may_act = may_change && domain::SideMayAct(steps[i].side, v.side) && r.status == RepatriationStatus::kActive;
      v.done_steps += domain::IsFinished(steps[i].state) ? 1 : 0;
      v.overdue_steps += s.schedule.overdue ? 1 : 0;
      v.blocked_steps += steps[i].state == domain::StepState::kBlocked ? 1 : 0;
      s.step = std::move(steps[i]);
      v.steps.push_back(std::move(s));
    }
    v.repatriation = std::move(r);
    return v;
  }

 private:
  store::Tx& tx_;
  Names names_;
  const Actor& actor_;
  const std::vector<domain::RepatriationFlow>& flows_;
  const std::string& today_;
};

// The referral as the actor's side reaches it (referral_service.cc's rule):
// the sender through its case, the receiver once it was sent. NotFound else.
Status ReachReferral(store::Tx& tx, const Actor& actor, const domain::Referral& r) {
  if (actor.organisation_id == r.from_organisation_id) {
    auto c = LoadCaseFor(tx, actor, r.case_id, Action::kEditCase);
    if (c.ok()) return Status::Ok();
    if (c.status().code() == Code::kNotFound) return Status::NotFound("referral not found");
    return c.status();
  }
  if (r.status == domain::ReferralStatus::kDraft) return Status::NotFound("referral not found");
  return AuthorizeReceiving(actor, r.to_organisation_id, true);
}

}  // namespace

Result<RepatriationView> RepatriationService::Start(const Actor& actor, domain::Id referral_id) {
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  Result<RepatriationView> out = Status::Internal("repatriation was not started");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    auto referral = tx.referrals().Get(referral_id);
    if (!referral.ok()) return referral.status();
    const domain::Referral& ref = *referral;
    RETURN_IF_ERROR(ReachReferral(tx, actor, ref));
    RETURN_IF_ERROR(AuthorizeRepatriation(actor, ref.from_organisation_id, ref.to_organisation_id, true));
    if (ref.status != domain::ReferralStatus::kAccepted && ref.status != domain::ReferralStatus::kInProgress)
      return Status::FailedPrecondition("a repatriation starts from an accepted referral; this one is " +
                                        std::string(domain::Name(ref.status)));
    if (std::find(ref.services.begin(), ref.services.end(), "repatriation") == ref.services.end())
      return Status::FailedPrecondition("the referral does not ask for repatriation");
    ASSIGN_OR_RETURN(auto existing, tx.repatriations().OfReferral(referral_id));
    if (existing) return Status::AlreadyExists("the repatriation of this referral has already started");
    ASSIGN_OR_RETURN(domain::Organisation from, tx.orgs().Get(ref.from_organisation_id));
    ASSIGN_OR_RETURN(domain::Organisation to, tx.orgs().Get(ref.to_organisation_id));
    const domain::RepatriationFlow* flow = domain::FindFlow(flows_, from.country, to.country);
    if (flow == nullptr)
      return Status::FailedPrecondition("the network has no repatriation flow from " + from.country + " to " +
                                        to.country + " (data/repatriation/)");
    domain::Repatriation r;
    r.referral_id = referral_id;
    r.case_id = ref.case_id;
    r.destination_organisation_id = from.id;
    r.origin_organisation_id = to.id;
    r.flow_id = flow->id;
    r.destination_country = from.country;
    r.origin_country = to.country;
    r.started_on = today;
    r.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
    ASSIGN_OR_RETURN(r.id, tx.repatriations().Insert(r));
    for (domain::RepatriationStep step : domain::StepsOf(*flow)) {
      step.repatriation_id = r.id;
      step.stamp = r.stamp;
      RETURN_IF_ERROR(tx.repatriations().InsertStep(step).status());
    }
    RETURN_IF_ERROR(tx.audit()
                        .Append(Audit(actor, now, "repatriation.start", r.id,
                                      "referral " + std::to_string(referral_id) + ", flow " + flow->id))
                        .status());
    Viewer viewer(tx, actor, flows_, today);
    out = viewer.Of(std::move(r));
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<RepatriationView> RepatriationService::OfReferral(const Actor& actor, domain::Id referral_id) {
  domain::Id id = 0;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto r, tx.repatriations().OfReferral(referral_id));
    if (!r) return Status::NotFound("no repatriation has started from this referral");
    RETURN_IF_ERROR(AuthorizeRepatriation(actor, r->destination_organisation_id, r->origin_organisation_id, false));
    id = r->id;
    return Status::Ok();
  }));
  return Get(actor, id);
}

Result<RepatriationView> RepatriationService::Get(const Actor& actor, domain::Id id) {
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  Result<RepatriationView> out = Status::Internal("repatriation was not read");
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Repatriation r, tx.repatriations().Get(id));
    RETURN_IF_ERROR(AuthorizeRepatriation(actor, r.destination_organisation_id, r.origin_organisation_id, false));
    Viewer viewer(tx, actor, flows_, today);
    out = viewer.Of(std::move(r));
    return out.status();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit().Append(Audit(actor, now, "repatriation.read", id)).status();
  }));
  return out;
}

Result<std::vector<RepatriationView>> RepatriationService::List(const Actor& actor,
                                                                std::optional<RepatriationStatus> status) {
  const std::string today = FormatDate(clock_.Now());
  std::vector<RepatriationView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    // Asked about the actor's own organisation on both sides: the role decides.
    RETURN_IF_ERROR(AuthorizeRepatriation(actor, actor.organisation_id, actor.organisation_id, false));
    ASSIGN_OR_RETURN(auto list, tx.repatriations().OfOrganisation(actor.organisation_id, status, kListLimit));
    Viewer viewer(tx, actor, flows_, today);
    for (auto& r : list) {
      ASSIGN_OR_RETURN(auto v, viewer.Of(std::move(r)));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<RepatriationView> RepatriationService::Act(const Actor& actor, domain::Id id, domain::Id step_id,
                                                  int64_t version, domain::StepAction action,
                                                  const domain::StepInput& in) {
  if (version < 1) return Status::InvalidArgument("version must be given", "version");
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  Result<RepatriationView> out = Status::Internal("repatriation step was not changed");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Repatriation r, tx.repatriations().Get(id));
    RETURN_IF_ERROR(AuthorizeRepatriation(actor, r.destination_organisation_id, r.origin_organisation_id, true));
    ASSIGN_OR_RETURN(auto steps, tx.repatriations().Steps(id));
    auto it = std::find_if(steps.begin(), steps.end(), [&](const auto& x) { return x.id == step_id; });
    if (it == steps.end()) return Status::NotFound("step not found");
    domain::RepatriationStep& step = *it;
    // A stale version first: the screen the actor saw is out of date.
    if (step.stamp.version != version)
      return Status::Conflict("the step was changed by someone else; reload it");
    const RepatriationSide side = SideOf(actor, r);
    if (!domain::SideMayAct(step.side, side))
      return Status::PermissionDenied("step " + step.code + " is the " + std::string(domain::Name(step.side)) +
                                      " organisation's; yours is the " + SideName(side) + " side");
    RETURN_IF_ERROR(domain::ValidateStepInput(step, action, in, today));
    ASSIGN_OR_RETURN(domain::StepState next, domain::StepTransition(step.state, action));
    if (action == domain::StepAction::kComplete || action == domain::StepAction::kSkip) {
      RETURN_IF_ERROR(domain::CheckOrder(steps, step));
      step.done_on = in.date;
      step.done_by = actor.user_id;
      step.notes = in.notes;
      step.documents = in.documents;
      step.handover = in.handover;
    }
    step.reason = action == domain::StepAction::kUnblock || action == domain::StepAction::kComplete ? "" : in.reason;
    step.state = next;
    step.stamp.version = version + 1;
    step.stamp.updated_by = actor.user_id;
    step.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.repatriations().UpdateStep(step));
    RETURN_IF_ERROR(tx.audit()
                        .Append(Audit(actor, now, "repatriation.step." + std::string(domain::Name(action)), id,
                                      "step " + step.code))
                        .status());
    if (r.status == RepatriationStatus::kActive && domain::AllFinished(steps)) {
      r.status = RepatriationStatus::kCompleted;
      r.completed_on = today;
      r.completed_at = now;
      r.stamp.version += 1;
      r.stamp.updated_by = actor.user_id;
      r.stamp.updated_at = now;
      RETURN_IF_ERROR(tx.repatriations().Update(r));
      RETURN_IF_ERROR(tx.audit().Append(Audit(actor, now, "repatriation.complete", id)).status());
    }
    Viewer viewer(tx, actor, flows_, today);
    out = viewer.Of(std::move(r));
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace trm::service
