#include "http/repatriation_codecs.h"

#include "common/clock.h"

namespace trm::http {
namespace {

json LabelJson(const domain::Label& l) {
  json j = {{"en", l.en}};
  for (const auto& [lang, text] : l.translations) j[lang] = text;
  return j;
}

json OrgRef(domain::Id id, const std::string& name, const std::string& country) {
  return json{{"id", id}, {"name", name}, {"country", country}};
}

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json DocumentsNeeded(const domain::FlowStep* f) {
  json out = json::array();
  if (f)
    for (const auto& d : f->documents) out.push_back({{"id", d.id}, {"label", LabelJson(d.label)}});
  return out;
}

json StepTitle(const service::RepatriationStepView& s) {
  // A step the flow file no longer has is still shown, under its code.
  return s.flow_step ? LabelJson(s.flow_step->title) : json{{"en", s.step.code}};
}

json StepToJson(const service::RepatriationStepView& s) {
  const domain::RepatriationStep& st = s.step;
  json docs = json::array();
  for (const auto& d : st.documents) docs.push_back({{"name", d.name}, {"number", d.number}});
  json j = {{"id", st.id},
            {"version", st.stamp.version},
            {"position", st.position},
            {"code", st.code},
            {"title", StepTitle(s)},
            {"side", domain::Name(st.side)},
            {"expected_days", st.expected_days},
            {"after", st.after},
            {"records_handover", st.records_handover},
            {"documents_needed", DocumentsNeeded(s.flow_step)},
            {"state", domain::Name(st.state)},
            {"due_on", s.schedule.due_on},
            {"ready", s.schedule.ready},
            {"overdue", s.schedule.overdue},
            {"done_on", OrNull(st.done_on)},
            {"done_by", nullptr},
            {"notes", st.notes},
            {"documents", docs},
            {"reason", st.reason},
            {"handover", nullptr},
            {"may_act", s.may_act},
            {"updated_at", FormatTime(st.stamp.updated_at)}};
  if (st.done_by) j["done_by"] = {{"id", *st.done_by}, {"display_name", s.done_by_name}};
  if (st.handover) {
    const domain::Handover& h = *st.handover;
    j["handover"] = {{"from_person", h.from_person}, {"from_organisation", h.from_organisation},
                     {"to_person", h.to_person},     {"to_organisation", h.to_organisation},
                     {"place", h.place},             {"date", h.date}};
  }
  return j;
}

Result<domain::Handover> HandoverFromJson(const json& v) {
  if (!v.is_object()) return Status::InvalidArgument("handover must be an object", "handover");
  ObjectReader r(v, "handover");
  RETURN_IF_ERROR(r.OnlyKeys({"from_person", "from_organisation", "to_person", "to_organisation", "place", "date"}));
  domain::Handover h;
  ASSIGN_OR_RETURN(h.from_person, r.RequiredString("from_person"));
  ASSIGN_OR_RETURN(h.from_organisation, r.RequiredString("from_organisation"));
  ASSIGN_OR_RETURN(h.to_person, r.RequiredString("to_person"));
  ASSIGN_OR_RETURN(h.to_organisation, r.RequiredString("to_organisation"));
  ASSIGN_OR_RETURN(h.place, r.RequiredString("place"));
  ASSIGN_OR_RETURN(h.date, r.RequiredString("date"));
  return h;
}

}  // namespace

json FlowToJson(const domain::RepatriationFlow& f) {
  json steps = json::array();
  for (const auto& s : f.steps)
    steps.push_back({{"code", s.code},
                     {"title", LabelJson(s.title)},
                     {"side", domain::Name(s.side)},
                     {"expected_days", s.expected_days},
                     {"after", s.after},
                     {"records_handover", s.records_handover},
                     {"documents_needed", DocumentsNeeded(&s)}});
  return json{{"id", f.id},         {"destination", f.destination}, {"origin", f.origin},
              {"title", LabelJson(f.title)}, {"source", f.source},   {"notes", f.notes},
              {"steps", steps}};
}

json RepatriationToJson(const service::RepatriationView& v, bool with_steps) {
  const domain::Repatriation& r = v.repatriation;
  json j = {{"id", r.id},
            {"version", r.stamp.version},
            {"status", domain::Name(r.status)},
            {"referral_id", r.referral_id},
            {"flow", {{"id", r.flow_id}, {"title", v.flow ? LabelJson(v.flow->title) : json{{"en", r.flow_id}}}}},
            {"destination_organisation",
             OrgRef(r.destination_organisation_id, v.destination_organisation_name, r.destination_country)},
            {"origin_organisation", OrgRef(r.origin_organisation_id, v.origin_organisation_name, r.origin_country)},
            {"side", domain::Name(v.side)},
            {"started_on", r.started_on},
            {"completed_on", OrNull(r.completed_on)},
            {"steps_total", v.steps.size()},
            {"steps_done", v.done_steps},
            {"steps_overdue", v.overdue_steps},
            {"steps_blocked", v.blocked_steps},
            {"created_at", FormatTime(r.stamp.created_at)},
            {"updated_at", FormatTime(r.stamp.updated_at)}};
  // The case is the destination organisation's; the origin side learns
  // nothing of it from here.
  if (v.side == domain::RepatriationSide::kDestination) {
    j["case_id"] = r.case_id;
    j["case_reference"] = v.case_reference;
  }
  if (with_steps) {
    json steps = json::array();
    for (const auto& s : v.steps) steps.push_back(StepToJson(s));
    j["steps"] = steps;
  } else {
    json now = json::array();
    for (const auto& s : v.steps)
      if (s.schedule.ready && !domain::IsFinished(s.step.state))
        now.push_back({{"code", s.step.code},
                       {"title", StepTitle(s)},
                       {"state", domain::Name(s.step.state)},
                       {"side", domain::Name(s.step.side)},
                       {"due_on", s.schedule.due_on},
                       {"overdue", s.schedule.overdue}});
    j["current_steps"] = now;
  }
  return j;
}

Result<StepActionBody> StepActionFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"action", "version", "date", "notes", "documents", "reason", "handover"}));
  StepActionBody out;
  ASSIGN_OR_RETURN(std::string action, r.RequiredString("action"));
  auto parsed = domain::ParseStepAction(action);
  if (!parsed) return Status::InvalidArgument("action must be complete, skip, block or unblock", "action");
  out.action = *parsed;
  ASSIGN_OR_RETURN(out.version, r.RequiredInt("version"));
  ASSIGN_OR_RETURN(out.input.date, r.String("date"));
  ASSIGN_OR_RETURN(out.input.notes, r.String("notes"));
  ASSIGN_OR_RETURN(out.input.reason, r.String("reason"));
  if (r.Has("documents") && !r.IsNull("documents")) {
    const json& docs = r.At("documents");
    if (!docs.is_array()) return Status::InvalidArgument("documents must be a list", "documents");
    for (const json& d : docs) {
      if (!d.is_object()) return Status::InvalidArgument("each document is an object {name, number}", "documents");
      ObjectReader dr(d, "documents");
      RETURN_IF_ERROR(dr.OnlyKeys({"name", "number"}));
      domain::IssuedDocument doc;
      ASSIGN_OR_RETURN(doc.name, dr.RequiredString("name"));
      ASSIGN_OR_RETURN(doc.number, dr.String("number"));
      out.input.documents.push_back(std::move(doc));
    }
  }
  if (r.Has("handover") && !r.IsNull("handover")) {
    ASSIGN_OR_RETURN(domain::Handover h, HandoverFromJson(r.At("handover")));
    out.input.handover = std::move(h);
  }
  return out;
}

}  // namespace trm::http
