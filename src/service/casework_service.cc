#include "service/casework_service.h"

#include <nlohmann/json.hpp>

#include "domain/codes.h"
#include "domain/indicator_rules.h"
#include "domain/validation.h"
#include "service/case_access.h"
#include "service/case_audit.h"

namespace trm::service {
namespace {

using nlohmann::json;


Result<std::string> UserName(store::Tx& tx, domain::Id id, std::map<domain::Id, std::string>& cache) {
  if (auto it = cache.find(id); it != cache.end()) return it->second;
  ASSIGN_OR_RETURN(domain::User u, tx.users().Get(id));
  cache[id] = u.display_name;
  return u.display_name;
}

// The evaluation as the screen shows it, kept with the screening.
std::string EvaluationJson(const domain::Evaluation& e) {
  json dims = json::array();
  for (const auto& d : e.dimensions)
    dims.push_back({{"dimension_id", d.dimension_id},
                    {"label", d.label},
                    {"positive", d.positive},
                    {"explanation", d.explanation},
                    {"indicator_ids", d.indicator_ids},
                    {"counts",
                     {{"strong", d.counts.strong}, {"medium", d.counts.medium}, {"weak", d.counts.weak}}}});
  json reqs = json::array();
  for (const auto& r : e.requirements)
    reqs.push_back({{"name", r.name},
                    {"met", r.met},
                    {"explanation", r.explanation},
                    {"positive_dimension_ids", r.positive_dimension_ids}});
  return json{{"outcome", domain::Name(e.outcome)},
              {"summary", e.summary},
              {"dimensions", dims},
              {"requirements", reqs}}
      .dump();
}

Result<ConsentView> ConsentViewOf(store::Tx& tx, domain::ConsentRecord r,
                                  std::map<domain::Id, std::string>& names) {
  ConsentView v;
  ASSIGN_OR_RETURN(v.recorded_by_name, UserName(tx, r.recorded_by, names));
  if (r.scope.kind == domain::ConsentScope::Kind::kOrganisation) {
    ASSIGN_OR_RETURN(domain::Organisation o, tx.orgs().Get(r.scope.organisation_id));
    v.organisation_name = o.name;
  }
  v.record = std::move(r);
  return v;
}

}  // namespace

bool IsChild(const domain::Person& p, const std::string& today) {
  if (p.birth_date) {
    int years = std::stoi(today.substr(0, 4)) - std::stoi(p.birth_date->substr(0, 4));
    if (today.substr(5) < p.birth_date->substr(5)) --years;  // birthday not yet reached
    return years < 18;
  }
  return p.approximate_age && *p.approximate_age < 18;
}

const domain::IndicatorSet* CaseworkService::FindSet(const std::string& id) const {
  for (const auto& s : sets_)
    if (s.id == id) return &s;
  return nullptr;
}

Result<std::vector<ConsentView>> CaseworkService::Consents(const Actor& actor, domain::Id case_id) {
  const Millis now = clock_.Now();
  std::vector<ConsentView> out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    out.clear();
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kViewCase).status());
    ASSIGN_OR_RETURN(auto records, tx.casework().Consents(case_id));
    std::map<domain::Id, std::string> names;
    for (auto& r : records) {
      ASSIGN_OR_RETURN(ConsentView v, ConsentViewOf(tx, std::move(r), names));
      out.push_back(std::move(v));
    }
    return tx.audit().Append(CaseEvent(actor, now, "case.consents.read", case_id)).status();
  }));
  return out;
}

Result<ConsentView> CaseworkService::RecordConsent(const Actor& actor, domain::Id case_id,
                                                   const ConsentInput& in) {
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  domain::ConsentRecord r;
  r.case_id = case_id;
  r.purpose = in.purpose;
  r.decision = in.decision;
  r.scope = in.scope;
  r.decided_at = now;
  r.explained_in_language = in.explained_in_language;
  r.interpreter_used = in.interpreter_used;
  r.rights_notice_version = in.rights_notice_version;
  r.child = in.child;
  r.recorded_by = actor.user_id;
  if (in.expires_on) {
    if (!domain::IsValidDate(*in.expires_on))
      return Status::InvalidArgument("expiry must be a real date written YYYY-MM-DD", "expires_on");
    if (*in.expires_on <= today)
      return Status::InvalidArgument("expiry must be after today", "expires_on");
    r.expires_at = DateStart(*in.expires_on) + 86400 * 1000;  // through that day
  }
  Result<ConsentView> out = Status::Internal("consent was not recorded");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kEditCase));
    RETURN_IF_ERROR(domain::ValidateConsent(r, IsChild(c.person, today)));
    if (r.scope.kind == domain::ConsentScope::Kind::kOrganisation &&
        !tx.orgs().Get(r.scope.organisation_id).ok())
      return Status::InvalidArgument("no such organisation", "scope.organisation_id");
    ASSIGN_OR_RETURN(r.id, tx.casework().AddConsent(r, now));
    RETURN_IF_ERROR(tx.audit()
                        .Append(CaseEvent(actor, now, "case.consent.record", case_id,
                                      std::string(domain::Name(r.purpose)) + " " +
                                          std::string(domain::Name(r.decision))))
                        .status());
    std::map<domain::Id, std::string> names;
    out = ConsentViewOf(tx, r, names);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<domain::ConsentAnswer> CaseworkService::CheckConsent(const Actor& actor, domain::Id case_id,
                                                            domain::ConsentPurpose purpose,
                                                            domain::Id organisation_id) {
  const Millis now = clock_.Now();
  domain::ConsentAnswer answer;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kViewCase).status());
    auto org = tx.orgs().Get(organisation_id);
    if (!org.ok()) return Status::InvalidArgument("no such organisation", "organisation_id");
    ASSIGN_OR_RETURN(auto records, tx.casework().Consents(case_id));
    answer = domain::ConsentCovers(records, purpose, {org->id, org->country}, now);
    return Status::Ok();
  }));
  return answer;
}

Result<std::vector<ScreeningView>> CaseworkService::Screenings(const Actor& actor,
                                                              domain::Id case_id) {
  const Millis now = clock_.Now();
  std::vector<ScreeningView> out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    out.clear();
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kViewCase).status());
    ASSIGN_OR_RETURN(auto records, tx.casework().Screenings(case_id));
    std::map<domain::Id, std::string> names;
    for (auto& r : records) {
      ScreeningView v;
      v.set = FindSet(r.set_id);
      for (const auto& o : r.observations) {
        ASSIGN_OR_RETURN(v.user_names[o.observed_by], UserName(tx, o.observed_by, names));
      }
      ASSIGN_OR_RETURN(v.user_names[r.stamp.created_by], UserName(tx, r.stamp.created_by, names));
      v.record = std::move(r);
      out.push_back(std::move(v));
    }
    return tx.audit().Append(CaseEvent(actor, now, "case.screenings.read", case_id)).status();
  }));
  return out;
}

Result<ScreeningView> CaseworkService::Screen(const Actor& actor, domain::Id case_id,
                                              const ScreeningInput& in) {
  const domain::IndicatorSet* set = FindSet(in.set_id);
  if (!set) return Status::InvalidArgument("unknown indicator set '" + in.set_id + "'", "set_id");
  if (in.observations.empty())
    return Status::InvalidArgument("record at least one observed indicator", "observations");
  const Millis now = clock_.Now();
  std::vector<domain::Observation> observations;
  for (size_t i = 0; i < in.observations.size(); ++i) {
    const auto& [id, note] = in.observations[i];
    const std::string field = "observations[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(domain::CheckText(note, field + ".note", 2000, domain::TextKind::kMultiline));
    bool known = false;
    for (const auto& ind : set->indicators) known = known || ind.id == id;
    if (!known)
      return Status::InvalidArgument("indicator '" + id + "' is not in set " + set->id,
                                     field + ".indicator_id");
    for (size_t k = 0; k < i; ++k)
      if (in.observations[k].first == id)
        return Status::InvalidArgument("indicator '" + id + "' is listed twice",
                                       field + ".indicator_id");
    observations.push_back({id, actor.user_id, note, now});
  }
  ASSIGN_OR_RETURN(domain::Evaluation eval, domain::Evaluate(*set, observations, in.group));
  domain::ScreeningRecord r;
  r.case_id = case_id;
  r.set_id = set->id;
  r.group = in.group;
  r.outcome = eval.outcome;
  r.observations = observations;
  r.evaluation_json = EvaluationJson(eval);
  r.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
  ScreeningView v;
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kEditCase).status());
    ASSIGN_OR_RETURN(r.id, tx.casework().AddScreening(r));
    RETURN_IF_ERROR(tx.audit()
                        .Append(CaseEvent(actor, now, "case.screening.record", case_id,
                                      set->id + " " + std::string(domain::Name(r.outcome))))
                        .status());
    v.record = r;
    v.set = set;
    v.user_names[actor.user_id] = actor.display_name;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return v;
}

Result<NoticeReceiptView> CaseworkService::RecordNoticeGiven(const Actor& actor,
                                                             domain::Id case_id,
                                                             const std::string& version,
                                                             const std::string& language,
                                                             bool interpreter_used) {
  auto v = notices_.find(version);
  if (v == notices_.end())
    return Status::InvalidArgument("no rights notice version '" + version + "'", "version");
  if (!v->second.count(language))
    return Status::InvalidArgument("the notice has no language '" + language + "'", "language");
  const Millis now = clock_.Now();
  domain::NoticeReceipt r{0, case_id, version, language, interpreter_used,
                          domain::Stamp{1, actor.user_id, now, actor.user_id, now}};
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kEditCase).status());
    ASSIGN_OR_RETURN(r.id, tx.casework().AddNoticeReceipt(r));
    return tx.audit()
        .Append(CaseEvent(actor, now, "case.rights_notice.given", case_id, version + " " + language))
        .status();
  });
  if (!s.ok()) return s;
  return NoticeReceiptView{r, actor.display_name};
}

Result<std::vector<NoticeReceiptView>> CaseworkService::NoticeReceipts(const Actor& actor,
                                                                       domain::Id case_id) {
  std::vector<NoticeReceiptView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kViewCase).status());
    ASSIGN_OR_RETURN(auto receipts, tx.casework().NoticeReceipts(case_id));
    std::map<domain::Id, std::string> names;
    for (auto& r : receipts) {
      NoticeReceiptView v;
      ASSIGN_OR_RETURN(v.given_by_name, UserName(tx, r.stamp.created_by, names));
      v.receipt = std::move(r);
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<IdentificationView>> CaseworkService::Identifications(const Actor& actor,
                                                                        domain::Id case_id) {
  const Millis now = clock_.Now();
  std::vector<IdentificationView> out;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    out.clear();
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kViewCase).status());
    ASSIGN_OR_RETURN(auto decisions, tx.casework().Identifications(case_id));
    std::map<domain::Id, std::string> names;
    for (auto& d : decisions) {
      IdentificationView v;
      ASSIGN_OR_RETURN(v.recorded_by_name, UserName(tx, d.stamp.created_by, names));
      v.decision = std::move(d);
      out.push_back(std::move(v));
    }
    return tx.audit().Append(CaseEvent(actor, now, "case.identifications.read", case_id)).status();
  }));
  return out;
}

Result<IdentificationView> CaseworkService::Identify(const Actor& actor, domain::Id case_id,
                                                     domain::Identification d) {
  const Millis now = clock_.Now();
  // "Not in the future" by the latest calendar date anywhere (UTC+14), so a
  // decision dated today in Bangkok is accepted before UTC reaches that day.
  RETURN_IF_ERROR(domain::ValidateIdentification(d, FormatDate(now + 14 * 3600 * 1000)));
  d.case_id = case_id;
  d.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
  IdentificationView v;
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kEditCase).status());
    if (d.screening_id && !tx.casework().CheckScreeningOfCase(*d.screening_id, case_id).ok())
      return Status::InvalidArgument("the screening must be one of this case's", "screening_id");
    ASSIGN_OR_RETURN(d.id, tx.casework().AddIdentification(d));
    RETURN_IF_ERROR(tx.audit()
                        .Append(CaseEvent(actor, now, "case.identification.record", case_id,
                                      std::string(domain::Name(d.status))))
                        .status());
    v.decision = d;
    v.recorded_by_name = actor.display_name;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return v;
}

}  // namespace trm::service
