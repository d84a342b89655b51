#include "http/intake_routes.h"

#include "http/codecs.h"

namespace trm::http {
namespace {

Result<domain::IntakeReport> ReportFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"channel", "received_at", "language", "interpreter_used", "persons",
                              "location_country", "location", "what_happened", "urgency",
                              "reporter", "people_count"}));
  domain::IntakeReport rep;
  ASSIGN_OR_RETURN(std::string channel, r.RequiredString("channel"));
  auto ch = domain::ParseIntakeChannel(channel);
  if (!ch) return Status::InvalidArgument("unknown channel '" + channel + "'", "channel");
  rep.channel = *ch;
  ASSIGN_OR_RETURN(std::string urgency, r.RequiredString("urgency"));
  auto u = domain::ParseUrgency(urgency);
  if (!u)
    return Status::InvalidArgument("urgency must be immediate_danger, urgent or routine", "urgency");
  rep.urgency = *u;
  ASSIGN_OR_RETURN(auto received, r.OptInt("received_at"));  // ms since epoch; absent: now
  if (received && *received <= 0)
    return Status::InvalidArgument("received_at must be a time", "received_at");
  rep.received_at = received.value_or(0);
  ASSIGN_OR_RETURN(rep.language, r.String("language"));
  ASSIGN_OR_RETURN(rep.interpreter_used, r.Bool("interpreter_used"));
  ASSIGN_OR_RETURN(rep.location_country, r.String("location_country"));
  ASSIGN_OR_RETURN(rep.location, r.String("location"));
  ASSIGN_OR_RETURN(rep.what_happened, r.RequiredString("what_happened"));
  ASSIGN_OR_RETURN(auto count, r.OptInt("people_count"));
  if (count && (*count < 1 || *count > 10000))
    return Status::InvalidArgument("the number of people must be between 1 and 10000",
                                   "people_count");
  if (count) rep.people_count = static_cast<int>(*count);
  if (!r.Has("persons") || !r.At("persons").is_array())
    return Status::InvalidArgument("persons must be a list", "persons");
  const json& persons = r.At("persons");
  if (persons.size() > 50) return Status::InvalidArgument("too many persons", "persons");
  for (size_t i = 0; i < persons.size(); ++i) {
    const std::string path = "persons[" + std::to_string(i) + "]";
    if (!persons[i].is_object()) return Status::InvalidArgument(path + " must be an object", path);
    ObjectReader p(persons[i], path);
    RETURN_IF_ERROR(p.OnlyKeys({"name", "approximate_age", "child", "gender", "citizenship",
                                "description"}));
    domain::ReportedPerson rp;
    ASSIGN_OR_RETURN(rp.name, p.String("name"));
    ASSIGN_OR_RETURN(auto age, p.OptInt("approximate_age"));
    if (age && (*age < 0 || *age > 120))
      return Status::InvalidArgument("age must be between 0 and 120", p.Path("approximate_age"));
    if (age) rp.approximate_age = static_cast<int>(*age);
    ASSIGN_OR_RETURN(rp.child, p.Bool("child"));
    ASSIGN_OR_RETURN(std::string gender, p.String("gender", "NonSpecifiedUnknown"));
    auto g = domain::ParseGender(gender);
    if (!g) return Status::InvalidArgument("unknown gender '" + gender + "'", p.Path("gender"));
    rp.gender = *g;
    ASSIGN_OR_RETURN(rp.citizenship, p.String("citizenship"));
    ASSIGN_OR_RETURN(rp.description, p.String("description"));
    rep.persons.push_back(std::move(rp));
  }
  if (r.Has("reporter") && !r.IsNull("reporter")) {
    if (!r.At("reporter").is_object())
      return Status::InvalidArgument("reporter must be an object", "reporter");
    ObjectReader p(r.At("reporter"), "reporter");
    RETURN_IF_ERROR(p.OnlyKeys({"name", "contact", "relationship", "anonymous"}));
    ASSIGN_OR_RETURN(rep.reporter.name, p.String("name"));
    ASSIGN_OR_RETURN(rep.reporter.contact, p.String("contact"));
    ASSIGN_OR_RETURN(rep.reporter.relationship, p.String("relationship"));
    ASSIGN_OR_RETURN(rep.reporter.anonymous, p.Bool("anonymous"));
  }
  return rep;
}

json ReportToJson(const service::ReportView& v, Millis now) {
  const domain::IntakeReport& r = v.report;
  json persons = json::array();
  for (const auto& p : r.persons)
    persons.push_back({{"name", p.name},
                       {"approximate_age", p.approximate_age ? json(*p.approximate_age) : json(nullptr)},
                       {"child", p.child},
                       {"gender", domain::Name(p.gender)},
                       {"citizenship", p.citizenship},
                       {"description", p.description}});
  json reporter = nullptr;  // absent for those who may not see it
  if (v.reporter_visible)
    reporter = {{"name", r.reporter.name},
                {"contact", r.reporter.contact},
                {"relationship", r.reporter.relationship},
                {"anonymous", r.reporter.anonymous}};
  return json{{"id", r.id},
              {"version", r.stamp.version},
              {"channel", domain::Name(r.channel)},
              {"received_at", FormatTime(r.received_at)},
              {"age_minutes", std::max<int64_t>(0, (now - r.received_at) / 60000)},
              {"language", r.language},
              {"interpreter_used", r.interpreter_used},
              {"persons", persons},
              {"people_count", r.people_count ? json(*r.people_count) : json(nullptr)},
              {"location_country", r.location_country},
              {"location", r.location},
              {"what_happened", r.what_happened},
              {"urgency", domain::Name(r.urgency)},
              {"status", domain::Name(r.status)},
              {"assigned_team", r.assigned_team},
              {"assigned_organisation_id",
               r.assigned_organisation_id ? json(*r.assigned_organisation_id) : json(nullptr)},
              {"case_id", r.case_id ? json(*r.case_id) : json(nullptr)},
              {"reporter", reporter},
              {"receipt", r.receipt.empty() ? json(nullptr) : json(r.receipt)}};
}

Response ReportResult(int status, const Result<service::ReportView>& v, Millis now) {
  if (!v.ok()) return ErrorResponse(v.status());
  return Json(status, ReportToJson(*v, now));
}

}  // namespace

void AddIntakeRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::IntakeService& intake = app.intake();
  const Clock& clock = app.clock();

  router.Add("POST", "/api/v1/intake-reports", auth([&](Request& req, const Params&, const service::Actor& a) {
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto report = ReportFromJson(*body);
    if (!report.ok()) return ErrorResponse(report.status());
    return ReportResult(201, intake.TakeReport(a, *report), clock.Now());
  }));
  router.Add("GET", "/api/v1/intake-reports", auth([&](Request& req, const Params&, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    auto q = intake.Queue(a);
    if (!q.ok()) return ErrorResponse(q.status());
    const Millis now = clock.Now();
    json items = json::array();
    for (const auto& v : *q) items.push_back(ReportToJson(v, now));
    return Json(200, {{"items", items}});
  }));
  router.Add("GET", "/api/v1/intake-reports/{id}", auth([&](Request&, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("report not found"));
    return ReportResult(200, intake.Get(a, *id), clock.Now());
  }));
  router.Add("POST", "/api/v1/intake-reports/{id}/assign", auth([&](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("report not found"));
    return WithVersionedBody(req, {"version", "team", "organisation_id"}, [&](const ObjectReader& r, int64_t version) {
      auto team = r.String("team");
      if (!team.ok()) return ErrorResponse(team.status());
      auto org = r.OptInt("organisation_id");
      if (!org.ok()) return ErrorResponse(org.status());
      return ReportResult(200, intake.Assign(a, *id, version, *team, *org), clock.Now());
    });
  }));
  router.Add("POST", "/api/v1/intake-reports/{id}/link", auth([&](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("report not found"));
    return WithVersionedBody(req, {"version", "case_id"}, [&](const ObjectReader& r, int64_t version) {
      auto case_id = r.RequiredInt("case_id");
      if (!case_id.ok()) return ErrorResponse(case_id.status());
      return ReportResult(200, intake.Link(a, *id, version, *case_id), clock.Now());
    });
  }));
  // Opens a case from the report and links them, in one transaction.
  router.Add("POST", "/api/v1/intake-reports/{id}/create-case", auth([&](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("report not found"));
    return WithVersionedBody(req, {"version", "person", "assignee_id"}, [&](const ObjectReader& r, int64_t version) {
      if (!r.Has("person")) return ErrorResponse(Status::InvalidArgument("person is required", "person"));
      auto person = PersonFromJson(r.At("person"), "person");
      if (!person.ok()) return ErrorResponse(person.status());
      auto assignee = r.OptInt("assignee_id");
      if (!assignee.ok()) return ErrorResponse(assignee.status());
      auto done = intake.CreateCase(a, *id, version, service::NewCase{*person, *assignee});
      if (!done.ok()) return ErrorResponse(done.status());
      Response res = Json(201, {{"report", ReportToJson(done->report, clock.Now())},
                                {"case", CaseToJson(done->case_view)}});
      res.Set("Location", "/api/v1/cases/" + std::to_string(done->case_view.c.id));
      return res;
    });
  }));
}

}  // namespace trm::http
