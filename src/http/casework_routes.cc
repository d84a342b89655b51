#include "http/casework_routes.h"

#include "http/casework_codecs.h"

namespace trm::http {
namespace {

// Runs `fn(case_id)` for a well-formed case id; a malformed one is NotFound.
template <typename F>
Response WithCase(const Params& p, F&& fn) {
  auto id = IdParam(p, "id");
  if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
  return fn(*id);
}

template <typename T, typename F>
Response List(const Result<std::vector<T>>& r, F&& to_json) {
  if (!r.ok()) return ErrorResponse(r.status());
  json items = json::array();
  for (const auto& v : *r) items.push_back(to_json(v));
  return Json(200, {{"items", items}});
}

}  // namespace

void AddCaseworkRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::CaseworkService& cw = app.casework();

  router.Add("GET", "/api/v1/indicator-sets", auth([&cw](Request& req, const Params&, const service::Actor&) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    json items = json::array();
    for (const auto& s : cw.sets()) items.push_back(IndicatorSetSummaryToJson(s));
    return Json(200, {{"items", items}});
  }));
  router.Add("GET", "/api/v1/indicator-sets/{set}", auth([&cw](Request&, const Params& p, const service::Actor&) {
    const domain::IndicatorSet* s = cw.FindSet(p.at("set"));
    if (!s) return ErrorResponse(Status::NotFound("no such indicator set"));
    return Json(200, IndicatorSetToJson(*s));
  }));

  router.Add("GET", "/api/v1/cases/{id}/consents", auth([&cw](Request&, const Params& p, const service::Actor& a) {
    return WithCase(p, [&](domain::Id id) { return List(cw.Consents(a, id), ConsentToJson); });
  }));
  router.Add("POST", "/api/v1/cases/{id}/consents", auth([&cw](Request& req, const Params& p, const service::Actor& a) {
    return WithCase(p, [&](domain::Id id) {
      auto body = ParseJsonObject(req);
      if (!body.ok()) return ErrorResponse(body.status());
      auto in = ConsentInputFromJson(*body);
      if (!in.ok()) return ErrorResponse(in.status());
      auto v = cw.RecordConsent(a, id, *in);
      if (!v.ok()) return ErrorResponse(v.status());
      return Json(201, ConsentToJson(*v));
    });
  }));
  router.Add("GET", "/api/v1/cases/{id}/consents/check", auth([&cw](Request& req, const Params& p, const service::Actor& a) {
    return WithCase(p, [&](domain::Id id) {
      if (Status s = OnlyQueryKeys(req, {"purpose", "organisation_id"}); !s.ok()) return ErrorResponse(s);
      auto purpose = domain::ParseConsentPurpose(req.query.count("purpose") ? req.query.at("purpose") : "");
      if (!purpose) return ErrorResponse(Status::InvalidArgument("unknown purpose", "purpose"));
      auto org = IdQuery(req, "organisation_id");
      if (!org.ok()) return ErrorResponse(org.status());
      auto answer = cw.CheckConsent(a, id, *purpose, *org);
      if (!answer.ok()) return ErrorResponse(answer.status());
      return Json(200, {{"covered", answer->covered},
                        {"reason", answer->reason},
                        {"deciding_consent_id",
                         answer->deciding_record ? json(*answer->deciding_record) : json(nullptr)}});
    });
  }));

  router.Add("GET", "/api/v1/cases/{id}/screenings", auth([&cw](Request&, const Params& p, const service::Actor& a) {
    return WithCase(p, [&](domain::Id id) { return List(cw.Screenings(a, id), ScreeningToJson); });
  }));
  router.Add("POST", "/api/v1/cases/{id}/screenings", auth([&cw](Request& req, const Params& p, const service::Actor& a) {
    return WithCase(p, [&](domain::Id id) {
      auto body = ParseJsonObject(req);
      if (!body.ok()) return ErrorResponse(body.status());
      auto in = ScreeningInputFromJson(*body);
      if (!in.ok()) return ErrorResponse(in.status());
      auto v = cw.Screen(a, id, *in);
      if (!v.ok()) return ErrorResponse(v.status());
      return Json(201, ScreeningToJson(*v));
    });
  }));

  router.Add("GET", "/api/v1/rights-notices", auth([&cw](Request& req, const Params&, const service::Actor&) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    json items = json::array();
    for (const auto& [version, langs] : cw.notices()) {
      json titles = json::object();
      for (const auto& [lang, n] : langs) titles[lang] = n.title;
      items.push_back({{"version", version}, {"titles", titles}});
    }
    // Versions sort by name; the newest is last and is the one to give.
    json latest = cw.notices().empty() ? json(nullptr) : json(cw.notices().rbegin()->first);
    return Json(200, {{"items", items}, {"latest", latest}});
  }));
  router.Add("GET", "/api/v1/rights-notices/{version}/{lang}", auth([&cw](Request&, const Params& p, const service::Actor&) {
    auto v = cw.notices().find(p.at("version"));
    if (v == cw.notices().end()) return ErrorResponse(Status::NotFound("no such rights notice version"));
    auto n = v->second.find(p.at("lang"));
    if (n == v->second.end()) return ErrorResponse(Status::NotFound("no such language for this notice"));
    return Json(200, {{"version", n->second.version},
                      {"language", n->second.language},
                      {"title", n->second.title},
                      {"body", n->second.body}});
  }));
  router.Add("GET", "/api/v1/cases/{id}/rights-notices", auth([&cw](Request&, const Params& p, const service::Actor& a) {
    return WithCase(p, [&](domain::Id id) {
      return List(cw.NoticeReceipts(a, id), [](const service::NoticeReceiptView& v) {
        return json{{"id", v.receipt.id},
                    {"version", v.receipt.notice_version},
                    {"language", v.receipt.language},
                    {"interpreter_used", v.receipt.interpreter_used},
                    {"given_at", FormatTime(v.receipt.stamp.created_at)},
                    {"given_by", {{"id", v.receipt.stamp.created_by}, {"display_name", v.given_by_name}}}};
      });
    });
  }));
  router.Add("POST", "/api/v1/cases/{id}/rights-notices", auth([&cw](Request& req, const Params& p, const service::Actor& a) {
    return WithCase(p, [&](domain::Id id) {
      auto body = ParseJsonObject(req);
      if (!body.ok()) return ErrorResponse(body.status());
      ObjectReader r(*body, "");
      if (Status s = r.OnlyKeys({"version", "language", "interpreter_used"}); !s.ok()) return ErrorResponse(s);
      auto version = r.RequiredString("version");
      if (!version.ok()) return ErrorResponse(version.status());
      auto language = r.RequiredString("language");
      if (!language.ok()) return ErrorResponse(language.status());
      auto interpreter = r.Bool("interpreter_used");
      if (!interpreter.ok()) return ErrorResponse(interpreter.status());
      auto v = cw.RecordNoticeGiven(a, id, *version, *language, *interpreter);
      if (!v.ok()) return ErrorResponse(v.status());
      return Json(201, {{"id", v->receipt.id},
                        {"version", v->receipt.notice_version},
                        {"language", v->receipt.language},
                        {"interpreter_used", v->receipt.interpreter_used},
                        {"given_at", FormatTime(v->receipt.stamp.created_at)},
                        {"given_by", {{"id", v->receipt.stamp.created_by}, {"display_name", v->given_by_name}}}});
    });
  }));

  router.Add("GET", "/api/v1/cases/{id}/identifications", auth([&cw](Request&, const Params& p, const service::Actor& a) {
    return WithCase(p, [&](domain::Id id) {
      return List(cw.Identifications(a, id), IdentificationToJson);
    });
  }));
  router.Add("POST", "/api/v1/cases/{id}/identifications", auth([&cw](Request& req, const Params& p, const service::Actor& a) {
    return WithCase(p, [&](domain::Id id) {
      auto body = ParseJsonObject(req);
      if (!body.ok()) return ErrorResponse(body.status());
      auto in = IdentificationFromJson(*body);
      if (!in.ok()) return ErrorResponse(in.status());
      auto v = cw.Identify(a, id, *in);
      if (!v.ok()) return ErrorResponse(v.status());
      return Json(201, IdentificationToJson(*v));
    });
  }));
}

}  // namespace trm::http
