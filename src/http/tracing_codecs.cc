#include "http/tracing_codecs.h"

#include "common/clock.h"
#include "http/codecs.h"
#include "http/match_codecs.h"

namespace trm::http {
namespace {

json UserRef(domain::Id id, const std::string& name) {
  return json{{"id", id}, {"display_name", name}};
}

json OrgRef(const domain::Organisation& o) {
  return json{{"id", o.id}, {"name", o.name}, {"country", o.country}};
}

Result<domain::Searcher> SearcherFromJson(const json& j) {
  if (!j.is_object()) return Status::InvalidArgument("searcher must be an object", "searcher");
  ObjectReader r(j, "searcher");
  RETURN_IF_ERROR(r.OnlyKeys({"name", "relationship", "contact"}));
  domain::Searcher s;
  ASSIGN_OR_RETURN(s.name, r.RequiredString("name"));
  ASSIGN_OR_RETURN(s.relationship, r.RequiredString("relationship"));
  ASSIGN_OR_RETURN(s.contact, r.RequiredString("contact"));
  return s;
}

Result<domain::SoughtPerson> SoughtFromJson(const json& j) {
  if (!j.is_object()) return Status::InvalidArgument("sought must be an object", "sought");
  ObjectReader r(j, "sought");
  RETURN_IF_ERROR(r.OnlyKeys({"person", "last_known_place", "remembers"}));
  if (!r.Has("person")) return Status::InvalidArgument("sought.person is required", "sought.person");
  domain::SoughtPerson s;
  ASSIGN_OR_RETURN(s.person, PersonFromJson(r.At("person"), "sought.person"));
  ASSIGN_OR_RETURN(s.last_known_place, r.String("last_known_place"));
  ASSIGN_OR_RETURN(s.remembers, r.String("remembers"));
  return s;
}

Result<std::optional<domain::Id>> OptId(const ObjectReader& r, const char* key) {
  ASSIGN_OR_RETURN(auto id, r.OptInt(key));
  if (id && *id < 1) return Status::InvalidArgument(std::string(key) + " must be an id", key);
  return id;
}

}  // namespace

Result<service::NewTracingRequest> NewTracingRequestFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"searcher", "sought", "officer_id"}));
  if (!r.Has("searcher")) return Status::InvalidArgument("searcher is required", "searcher");
  if (!r.Has("sought")) return Status::InvalidArgument("sought is required", "sought");
  service::NewTracingRequest in;
  ASSIGN_OR_RETURN(in.searcher, SearcherFromJson(r.At("searcher")));
  ASSIGN_OR_RETURN(in.sought, SoughtFromJson(r.At("sought")));
  ASSIGN_OR_RETURN(in.officer_id, OptId(r, "officer_id"));
  return in;
}

Result<service::TracingChange> TracingChangeFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"version", "officer_id", "status", "outcome"}));
  service::TracingChange c;
  ASSIGN_OR_RETURN(c.version, r.RequiredInt("version"));
  ASSIGN_OR_RETURN(c.officer_id, OptId(r, "officer_id"));
  ASSIGN_OR_RETURN(auto status_name, r.OptString("status"));
  ASSIGN_OR_RETURN(auto outcome, r.OptString("outcome"));
  if (status_name) {
    auto status = domain::ParseTracingStatus(*status_name);
    if (!status) return Status::InvalidArgument("status must be closed", "status");
    if (*status == domain::TracingStatus::kOpen)
      return Status::FailedPrecondition("a tracing request is closed, never reopened");
    c.outcome = outcome.value_or("");
  } else if (outcome) {
    return Status::InvalidArgument("an outcome is given when closing (status closed)", "outcome");
  }
  return c;
}

Result<service::CandidateDecisionInput> CandidateDecisionFromJson(const ObjectReader& r) {
  service::CandidateDecisionInput in;
  ASSIGN_OR_RETURN(std::string decision, r.RequiredString("decision"));
  auto parsed = domain::ParseTracingDecision(decision);
  if (!parsed)
    return Status::InvalidArgument("decision must be possible, ruled_out or confirmed", "decision");
  in.decision = *parsed;
  ASSIGN_OR_RETURN(in.note, r.String("note"));
  return in;
}

json TracingRequestToJson(const service::TracingRequestView& v) {
  const domain::TracingRequest& r = v.request;
  return json{
      {"id", r.id},
      {"version", r.stamp.version},
      {"status", domain::Name(r.status)},
      {"organisation", OrgRef(v.organisation)},
      {"officer", UserRef(r.officer_id, v.officer_name)},
      {"searcher",
       {{"name", r.searcher.name}, {"relationship", r.searcher.relationship}, {"contact", r.searcher.contact}}},
      {"sought",
       {{"person", PersonToJson(r.sought.person)},
        {"last_known_place", r.sought.last_known_place},
        {"remembers", r.sought.remembers}}},
      {"outcome", r.status == domain::TracingStatus::kClosed ? json(r.outcome) : json(nullptr)},
      {"closed_at", r.closed_at ? json(FormatTime(r.closed_at)) : json(nullptr)},
      {"created_by", UserRef(r.stamp.created_by, v.created_by_name)},
      {"created_at", FormatTime(r.stamp.created_at)},
      {"updated_at", FormatTime(r.stamp.updated_at)},
      {"may_see_candidates", v.may_see_candidates},
      {"may_reassign", v.may_reassign},
  };
}

json CandidateDecisionToJson(const service::CandidateDecisionView& v) {
  const domain::CandidateDecision& d = v.decision;
  return json{{"id", d.id},
              {"version", d.stamp.version},
              {"case_id", d.case_id},
              {"decision", domain::Name(d.decision)},
              {"note", d.note},
              {"decided_by", UserRef(d.stamp.updated_by, v.decided_by_name)},
              {"decided_at", FormatTime(d.stamp.updated_at)}};
}

json TracingCandidateToJson(const service::TracingCandidate& c) {
  const domain::Person& p = c.person;
  return json{
      {"case",
       {{"id", c.case_id},
        {"reference", c.case_reference},
        {"owner", OrgRef(c.owner)},
        {"person",
         {{"first_name", p.first_name},
          {"middle_name", p.middle_name},
          {"second_name", p.second_name},
          {"birth_date", p.birth_date ? json(*p.birth_date) : json(nullptr)},
          {"approximate_age", p.approximate_age ? json(*p.approximate_age) : json(nullptr)},
          {"gender", domain::Name(p.gender)},
          {"citizenship", p.citizenship}}}}},
      {"probability", ProbabilityJson(c.match.probability)},
      {"decision", c.match.decision},
      {"reasons", ReasonsToJson(c.match.reasons)},
      {"officer_decision", c.decision ? CandidateDecisionToJson(*c.decision) : json(nullptr)},
  };
}

}  // namespace trm::http
