#include "http/legal_routes.h"

#include "http/legal_codecs.h"

namespace trm::http {
namespace {

Response PaymentResult(int status, const Result<service::PaymentView>& r) {
  if (!r.ok()) return ErrorResponse(r.status());
  return Json(status, PaymentToJson(*r));
}

Response PaymentList(const Result<std::vector<service::PaymentView>>& r) {
  if (!r.ok()) return ErrorResponse(r.status());
  json items = json::array();
  for (const auto& v : *r) items.push_back(PaymentToJson(v));
  return Json(200, {{"items", items}});
}

}  // namespace

void AddLegalRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::LegalService& legal = app.legal();

  router.Add("POST", "/api/v1/cases/{id}/payments", auth([&legal](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto in = NewPaymentFromJson(*body);
    if (!in.ok()) return ErrorResponse(in.status());
    return PaymentResult(201, legal.RecordPayment(a, *id, *in));
  }));

  router.Add("GET", "/api/v1/cases/{id}/payments", auth([&legal](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    return PaymentList(legal.CasePayments(a, *id));
  }));

  // The partner's list: state=awaiting_confirmation (default) or confirmed.
  router.Add("GET", "/api/v1/payments/to-confirm", auth([&legal](Request& req, const Params&, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {"state"}); !s.ok()) return ErrorResponse(s);
    domain::PaymentState state = domain::PaymentState::kAwaitingConfirmation;
    if (auto it = req.query.find("state"); it != req.query.end()) {
      auto parsed = domain::ParsePaymentState(it->second);
      if (!parsed)
        return ErrorResponse(
            Status::InvalidArgument("state must be awaiting_confirmation or confirmed", "state"));
      state = *parsed;
    }
    return PaymentList(legal.ToConfirm(a, state));
  }));

  // {"version": n, "received_on": "YYYY-MM-DD", "note"?: text}
  router.Add("POST", "/api/v1/payments/{id}/confirmation", auth([&legal](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("payment not found"));
    return WithVersionedBody(req, {"version", "received_on", "note"}, [&](const ObjectReader& r, int64_t version) {
      auto received_on = r.RequiredString("received_on");
      if (!received_on.ok()) return ErrorResponse(received_on.status());
      auto note = r.String("note");
      if (!note.ok()) return ErrorResponse(note.status());
      return PaymentResult(200, legal.Confirm(a, *id, version, *received_on, *note));
    });
  }));
}

}  // namespace trm::http
