#include "http/tracing_routes.h"

#include "http/tracing_codecs.h"

namespace trm::http {
namespace {

Response RequestResult(int status, const Result<service::TracingRequestView>& r) {
  if (!r.ok()) return ErrorResponse(r.status());
  return Json(status, TracingRequestToJson(*r));
}

Result<domain::Id> RequestId(const Params& p) {
  auto id = IdParam(p, "id");
  if (!id.ok()) return Status::NotFound("tracing request not found");
  return id;
}

}  // namespace

void AddTracingRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::TracingService& tracing = app.tracing();

  router.Add("GET", "/api/v1/tracing-requests",
             auth([&tracing](Request& req, const Params&, const service::Actor& a) {
               if (Status s = OnlyQueryKeys(req, {"status"}); !s.ok()) return ErrorResponse(s);
               std::optional<domain::TracingStatus> status;
               if (auto it = req.query.find("status"); it != req.query.end()) {
                 status = domain::ParseTracingStatus(it->second);
                 if (!status)
                   return ErrorResponse(Status::InvalidArgument("status must be open or closed", "status"));
               }
               auto list = tracing.List(a, status);
               if (!list.ok()) return ErrorResponse(list.status());
               json items = json::array();
               for (const auto& v : *list) items.push_back(TracingRequestToJson(v));
               return Json(200, {{"items", items}});
             }));
  router.Add("POST", "/api/v1/tracing-requests",
             auth([&tracing](Request& req, const Params&, const service::Actor& a) {
               auto body = ParseJsonObject(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto in = NewTracingRequestFromJson(*body);
               if (!in.ok()) return ErrorResponse(in.status());
               auto v = tracing.Create(a, *in);
               if (!v.ok()) return ErrorResponse(v.status());
               Response res = Json(201, TracingRequestToJson(*v));
               res.Set("Location", "/api/v1/tracing-requests/" + std::to_string(v->request.id));
               return res;
             }));
  router.Add("GET", "/api/v1/tracing-requests/{id}",
             auth([&tracing](Request& req, const Params& p, const service::Actor& a) {
               auto id = RequestId(p);
               if (!id.ok()) return ErrorResponse(id.status());
               if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
               return RequestResult(200, tracing.Get(a, *id));
             }));
  router.Add("PATCH", "/api/v1/tracing-requests/{id}",
             auth([&tracing](Request& req, const Params& p, const service::Actor& a) {
               auto id = RequestId(p);
               if (!id.ok()) return ErrorResponse(id.status());
               auto body = ParseJsonObject(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto change = TracingChangeFromJson(*body);
               if (!change.ok()) return ErrorResponse(change.status());
               return RequestResult(200, tracing.Change(a, *id, *change));
             }));
  router.Add("GET", "/api/v1/tracing-requests/{id}/candidates",
             auth([&tracing](Request& req, const Params& p, const service::Actor& a) {
               auto id = RequestId(p);
               if (!id.ok()) return ErrorResponse(id.status());
               if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
               auto list = tracing.Candidates(a, *id);
               if (!list.ok()) return ErrorResponse(list.status());
               json items = json::array();
               for (const auto& c : *list) items.push_back(TracingCandidateToJson(c));
               return Json(200, {{"items", items}});
             }));
  router.Add("POST", "/api/v1/tracing-requests/{id}/decisions",
             auth([&tracing](Request& req, const Params& p, const service::Actor& a) {
               auto id = RequestId(p);
               if (!id.ok()) return ErrorResponse(id.status());
               auto body = ParseJsonObject(req);
               if (!body.ok()) return ErrorResponse(body.status());
               ObjectReader r(*body, "");
               if (Status s = r.OnlyKeys({"case_id", "decision", "note"}); !s.ok()) return ErrorResponse(s);
               auto case_id = r.RequiredInt("case_id");
               if (!case_id.ok()) return ErrorResponse(case_id.status());
               if (*case_id < 1)
                 return ErrorResponse(Status::InvalidArgument("case_id must be an id", "case_id"));
               auto in = CandidateDecisionFromJson(r);
               if (!in.ok()) return ErrorResponse(in.status());
               auto v = tracing.Decide(a, *id, *case_id, *in);
               if (!v.ok()) return ErrorResponse(v.status());
               Response res = Json(201, CandidateDecisionToJson(*v));
               res.Set("Location", "/api/v1/tracing-requests/" + std::to_string(*id) + "/decisions/" +
                                       std::to_string(v->decision.id));
               return res;
             }));
  router.Add("PATCH", "/api/v1/tracing-requests/{id}/decisions/{decision}",
             auth([&tracing](Request& req, const Params& p, const service::Actor& a) {
               auto id = RequestId(p);
               if (!id.ok()) return ErrorResponse(id.status());
               auto decision = IdParam(p, "decision");
               if (!decision.ok()) return ErrorResponse(Status::NotFound("decision not found"));
               return WithVersionedBody(req, {"version", "decision", "note"}, [&](const ObjectReader& r, int64_t version) {
                 auto in = CandidateDecisionFromJson(r);
                 if (!in.ok()) return ErrorResponse(in.status());
                 auto v = tracing.ChangeDecision(a, *id, *decision, version, *in);
                 if (!v.ok()) return ErrorResponse(v.status());
                 return Json(200, CandidateDecisionToJson(*v));
               });
             }));
}

}  // namespace trm::http
