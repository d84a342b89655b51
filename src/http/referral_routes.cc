#include "http/referral_routes.h"

#include "http/codecs.h"
#include "http/referral_codecs.h"

namespace trm::http {
namespace {

Response ReferralResult(int status, const Result<service::ReferralView>& r) {
  if (!r.ok()) return ErrorResponse(r.status());
  return Json(status, ReferralToJson(*r));
}

Response ReferralList(const Result<std::vector<service::ReferralView>>& r) {
  if (!r.ok()) return ErrorResponse(r.status());
  json items = json::array();
  for (const auto& v : *r) items.push_back(ReferralToJson(v));
  return Json(200, {{"items", items}});
}

}  // namespace

void AddReferralRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::ReferralService& referrals = app.referrals();

  router.Add("POST", "/api/v1/cases/{id}/referrals", auth([&referrals](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto in = NewReferralFromJson(*body);
    if (!in.ok()) return ErrorResponse(in.status());
    return ReferralResult(201, referrals.Create(a, *id, *in));
  }));
  router.Add("GET", "/api/v1/cases/{id}/referrals", auth([&referrals](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    return ReferralList(referrals.OfCase(a, *id));
  }));

  // The inbox: box=incoming (default), outgoing or all; overdue=true keeps
  // only referrals past their respond-by day without an answer.
  router.Add("GET", "/api/v1/referrals", auth([&referrals](Request& req, const Params&, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {"box", "overdue"}); !s.ok()) return ErrorResponse(s);
    store::ReferralBox box = store::ReferralBox::kIncoming;
    if (auto it = req.query.find("box"); it != req.query.end()) {
      if (it->second == "incoming") box = store::ReferralBox::kIncoming;
      else if (it->second == "outgoing") box = store::ReferralBox::kOutgoing;
      else if (it->second == "all") box = store::ReferralBox::kAll;
      else return ErrorResponse(Status::InvalidArgument("box must be incoming, outgoing or all", "box"));
    }
    bool overdue = false;
    if (auto it = req.query.find("overdue"); it != req.query.end()) {
      if (it->second != "true" && it->second != "false")
        return ErrorResponse(Status::InvalidArgument("overdue must be true or false", "overdue"));
      overdue = it->second == "true";
    }
    return ReferralList(referrals.Inbox(a, box, overdue));
  }));

  router.Add("GET", "/api/v1/referrals/{id}", auth([&referrals](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("referral not found"));
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    return ReferralResult(200, referrals.Get(a, *id));
  }));

  // One route for every step: {"action": "send"|"accept"|"decline"|"withdraw"|
  // "start"|"complete"|"close", "version": n, "note"?: text, "override_reason"?: text}.
  router.Add("POST", "/api/v1/referrals/{id}/transitions", auth([&referrals](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("referral not found"));
    return WithVersionedBody(req, {"action", "version", "note", "override_reason"}, [&](const ObjectReader& r, int64_t version) {
      auto action_name = r.RequiredString("action");
      if (!action_name.ok()) return ErrorResponse(action_name.status());
      auto action = domain::ParseReferralAction(*action_name);
      if (!action)
        return ErrorResponse(Status::InvalidArgument(
            "action must be send, accept, decline, withdraw, start, complete or close", "action"));
      auto note = r.String("note");
      if (!note.ok()) return ErrorResponse(note.status());
      auto override_reason = r.String("override_reason");
      if (!override_reason.ok()) return ErrorResponse(override_reason.status());
      return ReferralResult(200, referrals.Act(a, *id, version, *action, *note, *override_reason));
    });
  }));

  router.Add("POST", "/api/v1/referrals/{id}/messages", auth([&referrals](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("referral not found"));
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    ObjectReader r(*body, "");
    if (Status s = r.OnlyKeys({"text"}); !s.ok()) return ErrorResponse(s);
    auto text = r.RequiredString("text");
    if (!text.ok()) return ErrorResponse(text.status());
    auto v = referrals.Message(a, *id, *text);
    if (!v.ok()) return ErrorResponse(v.status());
    return ReferralResult(201, referrals.Get(a, *id));
  }));

  router.Add("GET", "/api/v1/referrals/{id}/shared", auth([&referrals](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("referral not found"));
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    auto shared = referrals.Shared(a, *id);
    if (!shared.ok()) return ErrorResponse(shared.status());
    return Json(200, SharedCaseToJson(*shared));
  }));

  // The receiving organisation opens its own case from the referral:
  // {"assignee_id"?: id}. 201 with the new case.
  router.Add("POST", "/api/v1/referrals/{id}/case", auth([&referrals](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("referral not found"));
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    ObjectReader r(*body, "");
    if (Status s = r.OnlyKeys({"assignee_id"}); !s.ok()) return ErrorResponse(s);
    auto assignee = r.OptInt("assignee_id");
    if (!assignee.ok()) return ErrorResponse(assignee.status());
    auto created = referrals.OpenReceiverCase(a, *id, *assignee);
    if (!created.ok()) return ErrorResponse(created.status());
    Response res = Json(201, CaseToJson(*created));
    res.Set("Location", "/api/v1/cases/" + std::to_string(created->c.id));
    return res;
  }));
}

}  // namespace trm::http
