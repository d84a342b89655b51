#include "http/repatriation_routes.h"

#include "http/repatriation_codecs.h"

namespace trm::http {
namespace {

Response One(int status, const Result<service::RepatriationView>& r) {
  if (!r.ok()) return ErrorResponse(r.status());
  return Json(status, RepatriationToJson(*r, true));
}

}  // namespace

void AddRepatriationRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::RepatriationService& repatriations = app.repatriations();

  // Every signed-in member may read the network's flows (no personal data).
  router.Add("GET", "/api/v1/repatriation-flows", auth([&repatriations](Request& req, const Params&, const service::Actor&) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    json items = json::array();
    for (const auto& f : repatriations.flows()) items.push_back(FlowToJson(f));
    return Json(200, {{"items", items}});
  }));

  // Starts the repatriation of an accepted referral; the body is {}.
  router.Add("POST", "/api/v1/referrals/{id}/repatriation", auth([&repatriations](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("referral not found"));
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    if (Status s = ObjectReader(*body, "").OnlyKeys({}); !s.ok()) return ErrorResponse(s);
    return One(201, repatriations.Start(a, *id));
  }));
  router.Add("GET", "/api/v1/referrals/{id}/repatriation", auth([&repatriations](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("referral not found"));
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    return One(200, repatriations.OfReferral(a, *id));
  }));

  // The organisation's repatriations on either side; status=active|completed.
  router.Add("GET", "/api/v1/repatriations", auth([&repatriations](Request& req, const Params&, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {"status"}); !s.ok()) return ErrorResponse(s);
    std::optional<domain::RepatriationStatus> status;
    if (auto it = req.query.find("status"); it != req.query.end()) {
      status = domain::ParseRepatriationStatus(it->second);
      if (!status) return ErrorResponse(Status::InvalidArgument("status must be active or completed", "status"));
    }
    auto list = repatriations.List(a, status);
    if (!list.ok()) return ErrorResponse(list.status());
    json items = json::array();
    for (const auto& v : *list) items.push_back(RepatriationToJson(v, false));
    return Json(200, {{"items", items}});
  }));

  router.Add("GET", "/api/v1/repatriations/{id}", auth([&repatriations](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("repatriation not found"));
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    return One(200, repatriations.Get(a, *id));
  }));

  // One route for every step action (repatriation_codecs.h has the body).
  router.Add("POST", "/api/v1/repatriations/{id}/steps/{step}", auth([&repatriations](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("repatriation not found"));
    auto step = IdParam(p, "step");
    if (!step.ok()) return ErrorResponse(Status::NotFound("step not found"));
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto in = StepActionFromJson(*body);
    if (!in.ok()) return ErrorResponse(in.status());
    return One(200, repatriations.Act(a, *id, *step, in->version, in->action, in->input));
  }));
}

}  // namespace trm::http
