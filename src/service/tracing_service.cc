#include "service/tracing_service.h"

#include <algorithm>

#include "domain/consent.h"
#include "service/case_audit.h"
#include "service/names.h"
#include "service/policy.h"
#include "store/stamp.h"

namespace trm::service {
namespace {

// Candidates asked of the engine before consent narrows them, and how many
// are shown at most.
constexpr size_t kAskEngine = 50;
constexpr size_t kShow = 20;
constexpr int kListLimit = 500;

store::AuditEvent TracingEvent(const Actor& a, Millis at, std::string action, domain::Id id,
                               std::string detail = "") {
  return store::AuditEvent{at,      a.user_id, a.organisation_id, std::move(action), "tracing_request",
                           std::to_string(id), a.ip, std::move(detail)};
}

TracingFacts FactsOf(const domain::TracingRequest& r) { return {r.organisation_id, r.officer_id}; }

Result<domain::TracingRequest> LoadFor(store::Tx& tx, const Actor& actor, domain::Id id,
                                       TracingAction action) {
  ASSIGN_OR_RETURN(domain::TracingRequest r, tx.tracing().Get(id));
  RETURN_IF_ERROR(AuthorizeTracing(actor, action, FactsOf(r)));
  return r;
}

Result<std::string> UserName(Names& names, domain::Id id) {
  if (id == 0) return std::string();  // the system (demo data)
  return names.User(id);
}

Result<TracingRequestView> ViewOf(Names& names, const Actor& actor, domain::TracingRequest r) {
  TracingRequestView v;
  ASSIGN_OR_RETURN(v.organisation, names.Org(r.organisation_id));
  ASSIGN_OR_RETURN(v.officer_name, UserName(names, r.officer_id));
  ASSIGN_OR_RETURN(v.created_by_name, UserName(names, r.stamp.created_by));
  v.may_see_candidates = AuthorizeTracing(actor, TracingAction::kCandidates, FactsOf(r)).ok();
  v.may_reassign = r.status == domain::TracingStatus::kOpen &&
                   AuthorizeTracing(actor, TracingAction::kReassign, FactsOf(r)).ok();
  v.request = std::move(r);
  return v;
}

// An officer must be an active user of the organisation who may trace families.
Status CheckOfficer(store::Tx& tx, domain::Id organisation_id, domain::Id officer_id) {
  auto u = tx.users().Get(officer_id);
  if (!u.ok() && u.status().code() != Code::kNotFound) return u.status();
  if (!u.ok() || u->organisation_id != organisation_id || !u->active || !MayTraceFamilies(u->role))
    return Status::InvalidArgument(
        "the tracing officer must be an active case worker, supervisor or repatriation officer "
        "of your organisation",
        "officer_id");
  return Status::Ok();
}

// The one rule: the case's consent covers family tracing for the officer's
// organisation, in its country, now.
Result<bool> ConsentCovers(store::Tx& tx, domain::Id case_id, const domain::Organisation& org, Millis now) {
  ASSIGN_OR_RETURN(auto records, tx.casework().Consents(case_id));
  return domain::ConsentCovers(records, domain::ConsentPurpose::kFamilyTracing,
                               domain::Recipient{org.id, org.country}, now)
      .covered;
}

Result<CandidateDecisionView> DecisionView(Names& names, domain::CandidateDecision d) {
  CandidateDecisionView v;
  ASSIGN_OR_RETURN(v.decided_by_name, UserName(names, d.stamp.updated_by));
  v.decision = std::move(d);
  return v;
}

// What the officer sees of a case: nothing beyond identifying the person.
domain::Person Identifying(const domain::Person& p) {
  domain::Person out = p;
  out.languages.clear();
  return out;
}

std::string ShownList(const std::vector<TracingCandidate>& shown) {
  std::vector<domain::Id> ids;
  for (const TracingCandidate& c : shown) ids.push_back(c.case_id);
  return ShownCases(ids);
}

}  // namespace

Status TracingService::Available() const {
  if (matcher_ == nullptr)
    return Status::Unavailable("the matching engine's data is not installed on this server");
  return Status::Ok();
}

Result<TracingRequestView> TracingService::Create(const Actor& actor, const NewTracingRequest& in) {
  const Millis now = clock_.Now();
  domain::TracingRequest r;
  r.organisation_id = actor.organisation_id;
  r.officer_id = in.officer_id.value_or(actor.user_id);
  r.searcher = in.searcher;
  r.sought = in.sought;
  r.stamp = store::NewStamp(actor.user_id, now);
  RETURN_IF_ERROR(AuthorizeTracingCreate(actor, r.officer_id));
  RETURN_IF_ERROR(domain::ValidateTracingRequest(r));
  TracingRequestView out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckOfficer(tx, r.organisation_id, r.officer_id));
    ASSIGN_OR_RETURN(r.id, tx.tracing().Insert(r));
    RETURN_IF_ERROR(tx.audit()
                        .Append(TracingEvent(actor, now, "tracing.create", r.id,
                                             "officer " + std::to_string(r.officer_id)))
                        .status());
    Names names(tx);
    ASSIGN_OR_RETURN(out, ViewOf(names, actor, r));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<TracingRequestView>> TracingService::List(const Actor& actor,
                                                             std::optional<domain::TracingStatus> status) {
  std::vector<TracingRequestView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(auto list, tx.tracing().OfOrganisation(actor.organisation_id, status, kListLimit));
    Names names(tx);
    for (domain::TracingRequest& r : list) {
      if (!AuthorizeTracing(actor, TracingAction::kView, FactsOf(r)).ok()) continue;
      ASSIGN_OR_RETURN(auto v, ViewOf(names, actor, std::move(r)));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<TracingRequestView> TracingService::Get(const Actor& actor, domain::Id id) {
  const Millis now = clock_.Now();
  TracingRequestView out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::TracingRequest r, LoadFor(tx, actor, id, TracingAction::kView));
    Names names(tx);
    ASSIGN_OR_RETURN(out, ViewOf(names, actor, std::move(r)));
    return tx.audit().Append(TracingEvent(actor, now, "tracing.read", id)).status();
  }));
  return out;
}

Result<TracingRequestView> TracingService::Change(const Actor& actor, domain::Id id,
                                                  const TracingChange& change) {
  if (change.version < 1) return Status::InvalidArgument("version must be given", "version");
  if (!change.officer_id && !change.outcome)
    return Status::InvalidArgument("nothing to change: give officer_id or outcome", "officer_id");
  const Millis now = clock_.Now();
  TracingRequestView out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::TracingRequest r, LoadFor(tx, actor, id, TracingAction::kView));
    if (change.officer_id) RETURN_IF_ERROR(AuthorizeTracing(actor, TracingAction::kReassign, FactsOf(r)));
    if (change.outcome) RETURN_IF_ERROR(AuthorizeTracing(actor, TracingAction::kClose, FactsOf(r)));
    // A stale version first: the screen the actor saw is out of date.
    if (r.stamp.version != change.version)
      return Status::Conflict("the tracing request was changed by someone else; reload it");
    RETURN_IF_ERROR(domain::CheckOpen(r));
    std::string detail;
    if (change.officer_id) {
      RETURN_IF_ERROR(CheckOfficer(tx, r.organisation_id, *change.officer_id));
      r.officer_id = *change.officer_id;
      detail = "officer " + std::to_string(r.officer_id);
    }
    if (change.outcome) {
      RETURN_IF_ERROR(domain::CloseRequest(r, *change.outcome, now));
      detail += detail.empty() ? "closed" : "; closed";
    }
    r.stamp.version += 1;
    r.stamp.updated_by = actor.user_id;
    r.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.tracing().Update(r));
    RETURN_IF_ERROR(tx.audit().Append(TracingEvent(actor, now, "tracing.change", id, detail)).status());
    Names names(tx);
    ASSIGN_OR_RETURN(out, ViewOf(names, actor, std::move(r)));
    return Status::Ok();
  }));
  return out;
}

Result<domain::Person> TracingService::SoughtFor(const Actor& actor, domain::Id id) {
  domain::Person sought;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::TracingRequest r, LoadFor(tx, actor, id, TracingAction::kCandidates));
    sought = std::move(r.sought.person);
    return Status::Ok();
  }));
  return sought;
}

Result<std::vector<TracingCandidate>> TracingService::Candidates(const Actor& actor, domain::Id id) {
  RETURN_IF_ERROR(Available());
  ASSIGN_OR_RETURN(domain::Person sought, SoughtFor(actor, id));
  ASSIGN_OR_RETURN(auto found, matcher_->Query(store_, sought, kAskEngine));
  const Millis now = clock_.Now();
  std::vector<TracingCandidate> out;
  // Filtered on a reader (consent and case loads stay off the writer); the
  // answer leaves only after its audit row is durable.
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(domain::TracingRequest r, LoadFor(tx, actor, id, TracingAction::kCandidates));
    Names names(tx);
    ASSIGN_OR_RETURN(domain::Organisation org, names.Org(r.organisation_id));
    for (const PersonCandidate& m : found) {
      if (out.size() == kShow) break;
      ASSIGN_OR_RETURN(bool covered, ConsentCovers(tx, m.case_id, org, now));
      if (!covered) continue;
      ASSIGN_OR_RETURN(domain::Case c, tx.cases().Get(m.case_id));
      TracingCandidate t;
      t.case_id = c.id;
      t.case_reference = c.reference;
      ASSIGN_OR_RETURN(t.owner, names.Org(c.owner_organisation_id));
      t.person = Identifying(c.person);
      t.match = m;
      ASSIGN_OR_RETURN(auto decision, tx.tracing().FindDecision(r.id, c.id));
      if (decision) {
        ASSIGN_OR_RETURN(t.decision, DecisionView(names, std::move(*decision)));
      }
      out.push_back(std::move(t));
    }
    return Status::Ok();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    return tx.audit().Append(TracingEvent(actor, now, "tracing.candidates", id, ShownList(out))).status();
  }));
  return out;
}

Result<CandidateDecisionView> TracingService::Decide(const Actor& actor, domain::Id id, domain::Id case_id,
                                                     const CandidateDecisionInput& in) {
  RETURN_IF_ERROR(Available());
  RETURN_IF_ERROR(domain::ValidateDecisionNote(in.note));
  ASSIGN_OR_RETURN(domain::Person sought, SoughtFor(actor, id));
  ASSIGN_OR_RETURN(auto found, matcher_->Query(store_, sought, kAskEngine));
  const bool listed = std::any_of(found.begin(), found.end(),
                                  [&](const PersonCandidate& m) { return m.case_id == case_id; });
  const Millis now = clock_.Now();
  CandidateDecisionView out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::TracingRequest r, LoadFor(tx, actor, id, TracingAction::kCandidates));
    RETURN_IF_ERROR(domain::CheckOpen(r));
    Names names(tx);
    ASSIGN_OR_RETURN(domain::Organisation org, names.Org(r.organisation_id));
    bool covered = false;
    if (listed) {
      ASSIGN_OR_RETURN(covered, ConsentCovers(tx, case_id, org, now));
    }
    if (!covered) return Status::InvalidArgument("that case is not a candidate for this request", "case_id");
    ASSIGN_OR_RETURN(auto existing, tx.tracing().FindDecision(id, case_id));
    if (existing)
      return Status::AlreadyExists("this case already has a decision (" + std::to_string(existing->id) +
                                   "); change that one");
    domain::CandidateDecision d;
    d.request_id = id;
    d.case_id = case_id;
    d.decision = in.decision;
    d.note = in.note;
    d.stamp = store::NewStamp(actor.user_id, now);
    ASSIGN_OR_RETURN(d.id, tx.tracing().InsertDecision(d));
    RETURN_IF_ERROR(tx.audit()
                        .Append(TracingEvent(actor, now, "tracing.decide", id,
                                             std::string(domain::Name(d.decision)) + " case " +
                                                 std::to_string(case_id)))
                        .status());
    ASSIGN_OR_RETURN(out, DecisionView(names, std::move(d)));
    return Status::Ok();
  }));
  return out;
}

Result<CandidateDecisionView> TracingService::ChangeDecision(const Actor& actor, domain::Id id,
                                                             domain::Id decision_id, int64_t version,
                                                             const CandidateDecisionInput& in) {
  RETURN_IF_ERROR(Available());
  if (version < 1) return Status::InvalidArgument("version must be given", "version");
  RETURN_IF_ERROR(domain::ValidateDecisionNote(in.note));
  const Millis now = clock_.Now();
  CandidateDecisionView out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::TracingRequest r, LoadFor(tx, actor, id, TracingAction::kCandidates));
    ASSIGN_OR_RETURN(domain::CandidateDecision d, tx.tracing().GetDecision(id, decision_id));
    Names names(tx);
    ASSIGN_OR_RETURN(domain::Organisation org, names.Org(r.organisation_id));
    // Consent withdrawn since: the case is no longer the officer's to see.
    ASSIGN_OR_RETURN(bool covered, ConsentCovers(tx, d.case_id, org, now));
    if (!covered) return Status::NotFound("decision not found");
    RETURN_IF_ERROR(domain::CheckOpen(r));
    if (d.stamp.version != version)
      return Status::Conflict("the decision was changed by someone else; reload it");
    d.decision = in.decision;
    d.note = in.note;
    d.stamp.version += 1;
    d.stamp.updated_by = actor.user_id;
    d.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.tracing().UpdateDecision(d));
    RETURN_IF_ERROR(tx.audit()
                        .Append(TracingEvent(actor, now, "tracing.decide", id,
                                             std::string(domain::Name(d.decision)) + " case " +
                                                 std::to_string(d.case_id) + " version " +
                                                 std::to_string(d.stamp.version)))
                        .status());
    ASSIGN_OR_RETURN(out, DecisionView(names, std::move(d)));
    return Status::Ok();
  }));
  return out;
}

}  // namespace trm::service
