#include "service/match_service.h"

#include <cmath>

#include "service/case_access.h"
#include "service/case_audit.h"
#include "service/policy.h"
#include "store/stamp.h"

namespace trm::service {
namespace {

// Candidates asked of the engine before the actor's view narrows them, and
// how many are shown.
constexpr size_t kAskEngine = 50;
constexpr size_t kShow = 10;

std::string IdList(const std::vector<MatchedCase>& shown) {
  std::vector<domain::Id> ids;
  for (const MatchedCase& m : shown) ids.push_back(m.view.c.id);
  return ShownCases(ids);
}

Result<PersonLinkView> LinkView(store::Tx& tx, const Actor& actor, domain::PersonLink link,
                                domain::Id from_case) {
  PersonLinkView v;
  ASSIGN_OR_RETURN(domain::Case other,
                   LoadCaseFor(tx, actor, domain::OtherCase(link, from_case), Action::kViewCase));
  ASSIGN_OR_RETURN(v.other, MakeCaseView(tx, std::move(other)));
  for (domain::Id id : {link.stamp.created_by, link.stamp.updated_by}) {
    if (v.user_names.count(id)) continue;
    ASSIGN_OR_RETURN(domain::User u, tx.users().Get(id));
    v.user_names[id] = u.display_name;
  }
  v.link = std::move(link);
  return v;
}

}  // namespace

Status MatchService::Available() const {
  if (matcher_ == nullptr)
    return Status::Unavailable("the matching engine's data is not installed on this server");
  return Status::Ok();
}

Result<std::vector<MatchedCase>> MatchService::Visible(store::Tx& tx, const Actor& actor,
                                                       const std::vector<PersonCandidate>& candidates,
                                                       std::optional<domain::Id> from_case) {
  std::vector<MatchedCase> out;
  for (const PersonCandidate& c : candidates) {
    if (out.size() == kShow) break;
    if (from_case && c.case_id == *from_case) continue;
    auto visible = LoadCaseFor(tx, actor, c.case_id, Action::kViewCase);
    if (!visible.ok()) {
      // Not the actor's to see: left out without a trace in the answer.
      if (visible.status().code() == Code::kNotFound || visible.status().code() == Code::kPermissionDenied)
        continue;
      return visible.status();
    }
    MatchedCase m;
    if (from_case) {
      ASSIGN_OR_RETURN(m.link, tx.person_links().Find(*from_case, c.case_id));
      if (m.link && m.link->decision == domain::LinkDecision::kDifferent) continue;
    }
    ASSIGN_OR_RETURN(m.view, MakeCaseView(tx, std::move(*visible)));
    m.candidate = c;
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<MatchedCase>> MatchService::ForPerson(const Actor& actor, const domain::Person& person) {
  RETURN_IF_ERROR(Available());
  RETURN_IF_ERROR(Authorize(actor, Action::kCreateCase));
  RETURN_IF_ERROR(domain::ValidatePerson(person));
  ASSIGN_OR_RETURN(auto candidates, matcher_->Query(store_, person, kAskEngine));
  // Narrowed on a reader (up to 50 case loads stay off the writer); the
  // answer leaves only after its audit row is durable.
  std::vector<MatchedCase> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out, Visible(tx, actor, candidates, std::nullopt));
    return Status::Ok();
  }));
  const Millis now = clock_.Now();
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    return tx.audit()
        .Append(store::AuditEvent{now, actor.user_id, actor.organisation_id, "person.match",
                                  "person", "", actor.ip, IdList(out)})
        .status();
  }));
  return out;
}

Result<std::vector<MatchedCase>> MatchService::ForCase(const Actor& actor, domain::Id case_id) {
  RETURN_IF_ERROR(Available());
  domain::Person person;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kViewCase));
    person = c.person;
    return Status::Ok();
  }));
  ASSIGN_OR_RETURN(auto candidates, matcher_->Query(store_, person, kAskEngine));
  std::vector<MatchedCase> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out, Visible(tx, actor, candidates, case_id));
    return Status::Ok();
  }));
  const Millis now = clock_.Now();
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    return tx.audit().Append(CaseEvent(actor, now, "case.match", case_id, IdList(out))).status();
  }));
  return out;
}

Result<std::vector<PersonLinkView>> MatchService::Links(const Actor& actor, domain::Id case_id) {
  std::vector<PersonLinkView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kViewCase));
    (void)c;
    ASSIGN_OR_RETURN(auto links, tx.person_links().ForCase(case_id));
    for (domain::PersonLink& l : links) {
      auto v = LinkView(tx, actor, std::move(l), case_id);
      if (v.ok()) {
        out.push_back(std::move(*v));
      } else if (v.status().code() != Code::kNotFound && v.status().code() != Code::kPermissionDenied) {
        return v.status();
      }
    }
    return Status::Ok();
  }));
  // The other cases' persons are shown: a read of them, audited like one.
  std::string shown = "links";
  for (const PersonLinkView& v : out) shown += " " + std::to_string(v.link.id);
  const Millis now = clock_.Now();
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    return tx.audit().Append(CaseEvent(actor, now, "case.person_links", case_id, shown)).status();
  }));
  return out;
}

Result<PersonLinkView> MatchService::Decide(const Actor& actor, domain::Id case_id,
                                            domain::Id other_case_id, const LinkDecisionInput& in) {
  RETURN_IF_ERROR(Available());
  RETURN_IF_ERROR(domain::ValidateLink(case_id, other_case_id, in.note));
  const Millis now = clock_.Now();
  PersonLinkView out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kEditCase));
    auto other = LoadCaseFor(tx, actor, other_case_id, Action::kViewCase);
    if (!other.ok()) {
      if (other.status().code() == Code::kNotFound || other.status().code() == Code::kPermissionDenied)
        return Status::InvalidArgument("no such case among those you may see", "other_case_id");
      return other.status();
    }
    ASSIGN_OR_RETURN(auto existing, tx.person_links().Find(case_id, other_case_id));
    if (existing)
      return Status::AlreadyExists("these two cases already have a decision (link " +
                                   std::to_string(existing->id) + "); change that one");
    domain::PersonLink l;
    l.case_a = std::min(case_id, other_case_id);
    l.case_b = std::max(case_id, other_case_id);
    l.decision = in.decision;
    l.note = in.note;
    ASSIGN_OR_RETURN(double p, matcher_->PairProbability(c.person, YearOf(c.stamp.created_at),
                                                         other->person,
                                                         YearOf(other->stamp.created_at)));
    l.probability_bp = static_cast<int>(std::lround(p * 10000));
    l.stamp = store::NewStamp(actor.user_id, now);
    ASSIGN_OR_RETURN(l.id, tx.person_links().Insert(l));
    const std::string detail = std::string(domain::Name(l.decision)) + " link " + std::to_string(l.id);
    for (domain::Id id : {case_id, other_case_id}) {
      ASSIGN_OR_RETURN(auto row, tx.audit().Append(CaseEvent(actor, now, "case.person_link", id, detail)));
      (void)row;
    }
    ASSIGN_OR_RETURN(out, LinkView(tx, actor, std::move(l), case_id));
    return Status::Ok();
  }));
  return out;
}

Result<PersonLinkView> MatchService::ChangeDecision(const Actor& actor, domain::Id case_id,
                                                    domain::Id link_id, int64_t version,
                                                    const LinkDecisionInput& in) {
  RETURN_IF_ERROR(Available());
  const Millis now = clock_.Now();
  PersonLinkView out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kEditCase));
    (void)c;
    auto found = tx.person_links().Get(link_id);
    if (!found.ok() || (found->case_a != case_id && found->case_b != case_id))
      return Status::NotFound("person link not found");
    domain::PersonLink l = std::move(*found);
    const domain::Id other_id = domain::OtherCase(l, case_id);
    RETURN_IF_ERROR(domain::ValidateLink(case_id, other_id, in.note));
    auto other = LoadCaseFor(tx, actor, other_id, Action::kViewCase);
    if (!other.ok()) {
      if (other.status().code() == Code::kNotFound || other.status().code() == Code::kPermissionDenied)
        return Status::NotFound("person link not found");
      return other.status();
    }
    if (version != l.stamp.version)
      return Status::Conflict("the link was changed by someone else (now version " +
                              std::to_string(l.stamp.version) + "); reload it and try again");
    l.decision = in.decision;
    l.note = in.note;
    l.stamp.version += 1;
    l.stamp.updated_by = actor.user_id;
    l.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.person_links().Update(l));
    const std::string detail = std::string(domain::Name(l.decision)) + " link " + std::to_string(l.id) +
                               " version " + std::to_string(l.stamp.version);
    for (domain::Id id : {case_id, other_id}) {
      ASSIGN_OR_RETURN(auto row, tx.audit().Append(CaseEvent(actor, now, "case.person_link", id, detail)));
      (void)row;
    }
    ASSIGN_OR_RETURN(out, LinkView(tx, actor, std::move(l), case_id));
    return Status::Ok();
  }));
  return out;
}

}  // namespace trm::service
