#include "http/referral_codecs.h"

#include "common/clock.h"
#include "http/codecs.h"
#include "http/entry_codecs.h"

namespace trm::http {
namespace {

json OrgRef(domain::Id id, const std::string& name, const std::string& country) {
  return json{{"id", id}, {"name", name}, {"country", country}};
}

json TimeOrNull(Millis t) { return t ? json(FormatTime(t)) : json(nullptr); }

json IdentificationJson(const domain::Identification& d) {
  return json{{"id", d.id},
              {"status", domain::Name(d.status)},
              {"decided_by_org_type", domain::Name(d.decided_by)},
              {"decided_on", d.decided_on},
              {"reasons", d.reasons},
              {"team_meeting", d.team_meeting}};
}

}  // namespace

Result<service::NewReferral> NewReferralFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"to_organisation_id", "reason", "services", "parts", "summary", "respond_by"}));
  service::NewReferral in;
  ASSIGN_OR_RETURN(in.to_organisation_id, r.RequiredInt("to_organisation_id"));
  ASSIGN_OR_RETURN(std::string reason, r.RequiredString("reason"));
  auto parsed = domain::ParseReferralReason(reason);
  if (!parsed)
    return Status::InvalidArgument(
        "reason must be AdditionalServicesRequired, MigrationOrChangeOfLocation or Other", "reason");
  in.reason = *parsed;
  ASSIGN_OR_RETURN(in.services, r.StringList("services"));
  if (r.Has("parts") && !r.IsNull("parts")) {
    ASSIGN_OR_RETURN(auto parts, r.StringList("parts"));
    in.parts = std::move(parts);
  }
  ASSIGN_OR_RETURN(in.summary, r.RequiredString("summary"));
  ASSIGN_OR_RETURN(in.respond_by, r.RequiredString("respond_by"));
  return in;
}

json ReferralToJson(const service::ReferralView& v) {
  const domain::Referral& r = v.referral;
  json j = {{"id", r.id},
            {"version", r.stamp.version},
            {"status", domain::Name(r.status)},
            {"reason", domain::Name(r.reason)},
            {"services", r.services},
            {"parts", r.parts},
            {"summary", r.summary},
            {"respond_by", r.respond_by},
            {"overdue", v.overdue},
            {"side", v.sender_side ? "sender" : "receiver"},
            {"from_organisation", OrgRef(r.from_organisation_id, v.from_organisation_name, v.from_country)},
            {"to_organisation", OrgRef(r.to_organisation_id, v.to_organisation_name, v.to_country)},
            {"cross_border", v.from_country != v.to_country},
            {"created_at", FormatTime(r.stamp.created_at)},
            {"sent_at", TimeOrNull(r.sent_at)},
            {"answered_at", TimeOrNull(r.answered_at)},
            {"finished_at", TimeOrNull(r.finished_at)},
            {"consent_override", nullptr}};
  if (r.consent_override_by)
    j["consent_override"] = {{"by", {{"id", *r.consent_override_by}, {"display_name", v.consent_override_by_name}}},
                             {"reason", r.consent_override_reason}};
  // The case is the sender's; the receiver learns nothing of it from here.
  if (v.sender_side) {
    j["case_id"] = r.case_id;
    j["case_reference"] = v.case_reference;
  }
  // The receiver's own case, opened from this referral: the receiver's only.
  if (!v.sender_side)
    j["receiver_case"] = v.receiver_case_id
                             ? json{{"id", *v.receiver_case_id}, {"reference", v.receiver_case_reference}}
                             : json(nullptr);
  json timeline = json::array();
  for (const auto& e : v.timeline)
    timeline.push_back({{"id", e.event.id},
                        {"at", FormatTime(e.event.at)},
                        {"kind", e.event.kind},
                        {"text", e.event.text},
                        {"by", {{"id", e.event.actor_id}, {"display_name", e.actor_name}}},
                        {"organisation", {{"id", e.event.organisation_id}, {"name", e.organisation_name}}}});
  j["timeline"] = timeline;
  return j;
}

json SharedCaseToJson(const service::SharedCase& s) {
  json j = {{"referral_id", s.referral.id}, {"parts", s.referral.parts}};
  if (s.person) j["person"] = PersonToJson(*s.person);
  json ids = json::array();
  for (const auto& d : s.identifications) ids.push_back(IdentificationJson(d));
  j["identifications"] = ids;
  json entries = json::array();
  for (const auto& e : s.entries) {
    json ej = EntryToJson(e);
    ej.erase("case_id");  // the sender's case id means nothing to the receiver
    entries.push_back(std::move(ej));
  }
  j["entries"] = entries;
  return j;
}

}  // namespace trm::http
