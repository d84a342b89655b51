#include "http/register_routes.h"

#include "http/register_codecs.h"

namespace trm::http {
namespace {

constexpr const char* kNotFound = "register entry not found";

Response EntryResult(const Result<service::RegisterView>& v, int status = 200) {
  if (!v.ok()) return ErrorResponse(v.status());
  return Json(status, RegisterEntryToJson(*v, true));
}

Result<service::RegisterListQuery> ListQuery(const Request& req) {
  RETURN_IF_ERROR(OnlyQueryKeys(req, {"status", "due_for_review", "q"}));
  service::RegisterListQuery q;
  if (auto it = req.query.find("status"); it != req.query.end() && !it->second.empty()) {
    q.status = domain::ParseRegisterStatus(it->second);
    if (!q.status) return Status::InvalidArgument("unknown status '" + it->second + "'", "status");
  }
  if (auto it = req.query.find("due_for_review"); it != req.query.end()) {
    if (it->second != "true" && it->second != "false")
      return Status::InvalidArgument("due_for_review must be true or false", "due_for_review");
    q.due_for_review = it->second == "true";
  }
  if (auto it = req.query.find("q"); it != req.query.end()) q.q = it->second;
  return q;
}

Result<std::pair<std::string, std::string>> ImportBody(const ObjectReader& r) {
  ASSIGN_OR_RETURN(std::string csv, r.RequiredString("csv"));
  ASSIGN_OR_RETURN(std::string reason, r.RequiredString("reason"));
  return std::pair{std::move(csv), std::move(reason)};
}

}  // namespace

void AddRegisterRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::RegisterService& reg = app.register_entries();
  service::RegisterImportService& imp = app.register_import();

  // Fixed paths first: "/register/{id}" would take them otherwise.
  router.Add("GET", "/api/v1/register/access", auth([&](Request& req, const Params&, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    auto level = reg.Access(a);
    if (!level.ok()) return ErrorResponse(level.status());
    return Json(200, {{"level", Name(*level)}});
  }));
  router.Add("POST", "/api/v1/register/check", auth([&](Request& req, const Params&, const service::Actor& a) {
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto q = CheckQueryFromJson(*body);
    if (!q.ok()) return ErrorResponse(q.status());
    auto r = reg.Check(a, *q);
    if (!r.ok()) return ErrorResponse(r.status());
    return Json(200, RegisterCheckToJson(*r));
  }));
  router.Add("GET", "/api/v1/register/export", auth([&](Request& req, const Params&, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    auto csv = imp.Export(a);
    if (!csv.ok()) return ErrorResponse(csv.status());
    Response res;
    res.Set("Content-Type", "text/csv; charset=utf-8");
    res.Set("Content-Disposition", "attachment; filename=\"register.csv\"");
    res.body = std::move(*csv);
    return res;
  }));
  for (const bool apply : {false, true}) {
    router.Add("POST", apply ? "/api/v1/register/import" : "/api/v1/register/import/preview",
               auth([&, apply](Request& req, const Params&, const service::Actor& a) {
                 return WithBody(req, {"csv", "reason"}, [&](const ObjectReader& r) {
                   auto in = ImportBody(r);
                   if (!in.ok()) return ErrorResponse(in.status());
                   auto report = apply ? imp.Apply(a, in->first, in->second) : imp.Preview(a, in->first, in->second);
                   if (!report.ok()) return ErrorResponse(report.status());
                   return Json(200, ImportReportToJson(*report));
                 });
               }));
  }
  router.Add("GET", "/api/v1/register", auth([&](Request& req, const Params&, const service::Actor& a) {
    auto q = ListQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    auto list = reg.List(a, *q);
    if (!list.ok()) return ErrorResponse(list.status());
    json items = json::array();
    for (const auto& v : *list) items.push_back(RegisterEntryToJson(v, false));
    return Json(200, {{"items", items}});
  }));
  router.Add("POST", "/api/v1/register", auth([&](Request& req, const Params&, const service::Actor& a) {
    return WithBody(req,
                    {"kind", "role", "country", "names", "aliases", "licence_numbers", "addresses", "phones",
                     "websites", "handles", "review_date", "status", "status_date", "source", "reason"},
                    [&](const ObjectReader& r) {
                      auto fields = RegisterFieldsFromJson(r, false);
                      if (!fields.ok()) return ErrorResponse(fields.status());
                      auto status = StatusChangeFromJson(r);
                      if (!status.ok()) return ErrorResponse(status.status());
                      return EntryResult(reg.Create(a, *fields, *status), 201);
                    });
  }));
  router.Add("GET", "/api/v1/register/{id}", auth([&](Request& req, const Params& p, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound(kNotFound));
    return EntryResult(reg.Get(a, *id));
  }));
  router.Add("PUT", "/api/v1/register/{id}", auth([&](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound(kNotFound));
    return WithVersionedBody(req,
                             {"version", "kind", "role", "country", "names", "aliases", "licence_numbers", "addresses",
                              "phones", "websites", "handles", "review_date", "reason"},
                             [&](const ObjectReader& r, int64_t version) {
                               auto fields = RegisterFieldsFromJson(r, true);
                               if (!fields.ok()) return ErrorResponse(fields.status());
                               auto reason = r.RequiredString("reason");
                               if (!reason.ok()) return ErrorResponse(reason.status());
                               return EntryResult(reg.Edit(a, *id, version, *fields, *reason));
                             });
  }));
  router.Add("POST", "/api/v1/register/{id}/status", auth([&](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound(kNotFound));
    return WithVersionedBody(req, {"version", "status", "status_date", "source", "reason"}, [&](const ObjectReader& r, int64_t version) {
      auto change = StatusChangeFromJson(r);
      if (!change.ok()) return ErrorResponse(change.status());
      return EntryResult(reg.ChangeStatus(a, *id, version, *change));
    });
  }));
  router.Add("POST", "/api/v1/register/{id}/cases", auth([&](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound(kNotFound));
    return WithVersionedBody(req, {"version", "case_id", "reason"}, [&](const ObjectReader& r, int64_t version) {
      auto case_id = r.RequiredInt("case_id");
      if (!case_id.ok()) return ErrorResponse(case_id.status());
      auto reason = r.RequiredString("reason");
      if (!reason.ok()) return ErrorResponse(reason.status());
      return EntryResult(reg.Link(a, *id, version, *case_id, *reason));
    });
  }));
  router.Add("POST", "/api/v1/register/{id}/cases/{case_id}/unlink",
             auth([&](Request& req, const Params& p, const service::Actor& a) {
               auto id = IdParam(p, "id");
               auto case_id = IdParam(p, "case_id");
               if (!id.ok() || !case_id.ok()) return ErrorResponse(Status::NotFound(kNotFound));
               return WithVersionedBody(req, {"version", "reason"}, [&](const ObjectReader& r, int64_t version) {
                 auto reason = r.RequiredString("reason");
                 if (!reason.ok()) return ErrorResponse(reason.status());
                 return EntryResult(reg.Unlink(a, *id, version, *case_id, *reason));
               });
             }));
}

}  // namespace trm::http
