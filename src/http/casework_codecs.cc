#include "http/casework_codecs.h"

namespace trm::http {
namespace {

json UserRef(domain::Id id, const std::string& name) {
  return json{{"id", id}, {"display_name", name}};
}

}  // namespace

Result<service::ConsentInput> ConsentInputFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"purpose", "decision", "scope", "expires_on",
                              "explained_in_language", "interpreter_used",
                              "rights_notice_version", "child"}));
  service::ConsentInput in;
  ASSIGN_OR_RETURN(std::string purpose, r.RequiredString("purpose"));
  auto p = domain::ParseConsentPurpose(purpose);
  if (!p) return Status::InvalidArgument("unknown purpose '" + purpose + "'", "purpose");
  in.purpose = *p;
  ASSIGN_OR_RETURN(std::string decision, r.RequiredString("decision"));
  auto d = domain::ParseConsentDecision(decision);
  if (!d) return Status::InvalidArgument("decision must be given, refused or withdrawn", "decision");
  in.decision = *d;
  if (!r.Has("scope") || !r.At("scope").is_object())
    return Status::InvalidArgument("scope is required (an object)", "scope");
  ObjectReader s(r.At("scope"), "scope");
  RETURN_IF_ERROR(s.OnlyKeys({"kind", "country", "organisation_id"}));
  ASSIGN_OR_RETURN(std::string kind, s.RequiredString("kind"));
  // A member the kind does not use is a mistake to report, not to ignore.
  if (kind != "country" && s.Has("country") && !s.IsNull("country"))
    return Status::InvalidArgument("scope.country is only for kind 'country'", "scope.country");
  if (kind != "organisation" && s.Has("organisation_id") && !s.IsNull("organisation_id"))
    return Status::InvalidArgument("scope.organisation_id is only for kind 'organisation'",
                                   "scope.organisation_id");
  if (kind == "anyone") {
    in.scope.kind = domain::ConsentScope::Kind::kAnyone;
  } else if (kind == "country") {
    in.scope.kind = domain::ConsentScope::Kind::kCountry;
    ASSIGN_OR_RETURN(in.scope.country, s.RequiredString("country"));
  } else if (kind == "organisation") {
    in.scope.kind = domain::ConsentScope::Kind::kOrganisation;
    ASSIGN_OR_RETURN(in.scope.organisation_id, s.RequiredInt("organisation_id"));
  } else {
    return Status::InvalidArgument("scope.kind must be anyone, country or organisation",
                                   "scope.kind");
  }
  ASSIGN_OR_RETURN(in.expires_on, r.OptString("expires_on"));
  ASSIGN_OR_RETURN(in.explained_in_language, r.String("explained_in_language"));
  ASSIGN_OR_RETURN(in.interpreter_used, r.Bool("interpreter_used"));
  ASSIGN_OR_RETURN(in.rights_notice_version, r.String("rights_notice_version"));
  if (r.Has("child") && !r.IsNull("child")) {
    if (!r.At("child").is_object())
      return Status::InvalidArgument("child must be an object", "child");
    ObjectReader c(r.At("child"), "child");
    RETURN_IF_ERROR(c.OnlyKeys({"guardian_name", "best_interest_decision"}));
    domain::ChildConsent child;
    ASSIGN_OR_RETURN(child.guardian_name, c.String("guardian_name"));
    ASSIGN_OR_RETURN(child.best_interest_decision, c.String("best_interest_decision"));
    in.child = child;
  }
  return in;
}

json ConsentToJson(const service::ConsentView& v) {
  const domain::ConsentRecord& r = v.record;
  const char* kind = r.scope.kind == domain::ConsentScope::Kind::kCountry        ? "country"
                     : r.scope.kind == domain::ConsentScope::Kind::kOrganisation ? "organisation"
                                                                                 : "anyone";
  json scope = {{"kind", kind}, {"country", nullptr}, {"organisation_id", nullptr},
                {"organisation_name", nullptr}};
  if (r.scope.kind == domain::ConsentScope::Kind::kCountry) scope["country"] = r.scope.country;
  if (r.scope.kind == domain::ConsentScope::Kind::kOrganisation) {
    scope["organisation_id"] = r.scope.organisation_id;
    scope["organisation_name"] = v.organisation_name;
  }
  json child = nullptr;
  if (r.child)
    child = {{"guardian_name", r.child->guardian_name},
             {"best_interest_decision", r.child->best_interest_decision}};
  return json{{"id", r.id},
              {"purpose", domain::Name(r.purpose)},
              {"decision", domain::Name(r.decision)},
              {"scope", scope},
              {"decided_at", FormatTime(r.decided_at)},
              {"expires_at", r.expires_at ? json(FormatTime(*r.expires_at)) : json(nullptr)},
              {"explained_in_language", r.explained_in_language},
              {"interpreter_used", r.interpreter_used},
              {"rights_notice_version", r.rights_notice_version},
              {"child", child},
              {"recorded_by", UserRef(r.recorded_by, v.recorded_by_name)}};
}

json LabelToJson(const domain::Label& l) {
  json j = {{"en", l.en}};
  for (const auto& [lang, text] : l.translations) j[lang] = text;
  return j;
}

json IndicatorSetSummaryToJson(const domain::IndicatorSet& s) {
  json langs = json::array({"en"});
  for (std::string_view lang : domain::kLabelLanguages)
    if (s.title.Has(lang)) langs.push_back(std::string(lang));
  return json{{"id", s.id}, {"kind", domain::Name(s.kind)}, {"title", LabelToJson(s.title)},
              {"languages", langs}};
}

json IndicatorSetToJson(const domain::IndicatorSet& s) {
  json j = IndicatorSetSummaryToJson(s);
  j["source"] = s.source;
  j["notes"] = s.notes;
  json dims = json::array();
  for (const auto& d : s.dimensions) dims.push_back({{"id", d.id}, {"label", LabelToJson(d.label)}});
  j["dimensions"] = dims;
  json inds = json::array();
  for (const auto& i : s.indicators)
    inds.push_back({{"id", i.id},
                    {"dimension_id", i.dimension_id.empty() ? json(nullptr) : json(i.dimension_id)},
                    {"grade", i.grade ? json(domain::Name(*i.grade)) : json(nullptr)},
                    {"label", LabelToJson(i.label)}});
  j["indicators"] = inds;
  return j;
}

Result<service::ScreeningInput> ScreeningInputFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"set_id", "person_group", "observations"}));
  service::ScreeningInput in;
  ASSIGN_OR_RETURN(in.set_id, r.RequiredString("set_id"));
  ASSIGN_OR_RETURN(std::string group, r.RequiredString("person_group"));
  auto g = domain::ParsePersonGroup(group);
  if (!g) return Status::InvalidArgument("person_group must be adult or child", "person_group");
  in.group = *g;
  if (!r.Has("observations") || !r.At("observations").is_array())
    return Status::InvalidArgument("observations must be a list", "observations");
  const json& list = r.At("observations");
  if (list.size() > 500) return Status::InvalidArgument("too many observations", "observations");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = "observations[" + std::to_string(i) + "]";
    if (!list[i].is_object()) return Status::InvalidArgument(path + " must be an object", path);
    ObjectReader o(list[i], path);
    RETURN_IF_ERROR(o.OnlyKeys({"indicator_id", "note"}));
    ASSIGN_OR_RETURN(std::string id, o.RequiredString("indicator_id"));
    ASSIGN_OR_RETURN(std::string note, o.String("note"));
    in.observations.emplace_back(std::move(id), std::move(note));
  }
  return in;
}

json ScreeningToJson(const service::ScreeningView& v) {
  const domain::ScreeningRecord& r = v.record;
  auto name = [&](domain::Id id) {
    auto it = v.user_names.find(id);
    return it == v.user_names.end() ? std::string() : it->second;
  };
  json obs = json::array();
  for (const auto& o : r.observations)
    obs.push_back({{"indicator_id", o.indicator_id},
                   {"note", o.note},
                   {"observed_by", UserRef(o.observed_by, name(o.observed_by))},
                   {"observed_at", FormatTime(o.observed_at)}});
  json evaluation = json::parse(r.evaluation_json, nullptr, false);
  if (evaluation.is_discarded()) evaluation = nullptr;
  return json{{"id", r.id},
              {"set_id", r.set_id},
              {"set_title", v.set ? LabelToJson(v.set->title) : json{{"en", r.set_id}}},
              {"person_group", domain::Name(r.group)},
              {"observations", obs},
              {"evaluation", evaluation},
              {"created_at", FormatTime(r.stamp.created_at)},
              {"created_by", UserRef(r.stamp.created_by, name(r.stamp.created_by))}};
}

Result<domain::Identification> IdentificationFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"status", "decided_by_org_type", "decided_on", "reasons",
                              "screening_id", "team_meeting"}));
  domain::Identification d;
  ASSIGN_OR_RETURN(std::string status, r.RequiredString("status"));
  auto st = domain::ParseTraffickingStatus(status);
  if (!st) return Status::InvalidArgument("unknown status '" + status + "'", "status");
  d.status = *st;
  ASSIGN_OR_RETURN(std::string body_type, r.RequiredString("decided_by_org_type"));
  auto b = domain::ParseDecisionBody(body_type);
  if (!b)
    return Status::InvalidArgument("unknown decision-making body '" + body_type + "'",
                                   "decided_by_org_type");
  d.decided_by = *b;
  ASSIGN_OR_RETURN(d.decided_on, r.RequiredString("decided_on"));
  ASSIGN_OR_RETURN(d.reasons, r.RequiredString("reasons"));
  ASSIGN_OR_RETURN(d.screening_id, r.OptInt("screening_id"));
  ASSIGN_OR_RETURN(d.team_meeting, r.Bool("team_meeting"));
  return d;
}

json IdentificationToJson(const service::IdentificationView& v) {
  const domain::Identification& d = v.decision;
  return json{{"id", d.id},
              {"status", domain::Name(d.status)},
              {"decided_by_org_type", domain::Name(d.decided_by)},
              {"decided_on", d.decided_on},
              {"reasons", d.reasons},
              {"screening_id", d.screening_id ? json(*d.screening_id) : json(nullptr)},
              {"team_meeting", d.team_meeting},
              {"recorded_by", UserRef(d.stamp.created_by, v.recorded_by_name)},
              {"created_at", FormatTime(d.stamp.created_at)}};
}

}  // namespace trm::http
