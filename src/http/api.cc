#include "http/api.h"

#include <memory>

#include "http/api_util.h"
#include "http/casework_routes.h"
#include "http/directory_routes.h"
#include "http/legal_routes.h"
#include "http/codecs.h"
#include "http/entry_routes.h"
#include "http/referral_routes.h"
#include "http/repatriation_routes.h"
#include "http/register_routes.h"
#include "http/intake_routes.h"
#include "http/library_routes.h"
#include "http/match_routes.h"
#include "http/tracing_routes.h"
#include "http/report_routes.h"
#include "http/errors.h"
#include "http/json_body.h"
#include "http/router.h"
#include "http/static_files.h"

namespace trm::http {
namespace {

constexpr const char* kCookie = "trm_session";

Response NoContent() {
  Response r;
  r.status = 204;
  return r;
}

std::string BearerOrCookie(const Request& req) {
  const std::string& auth = req.Header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
  return req.Cookie(kCookie);
}

Result<int> IntQuery(const Request& req, const char* key, int fallback) {
  auto it = req.query.find(key);
  if (it == req.query.end()) return fallback;
  const std::string& s = it->second;
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
    return Status::InvalidArgument(std::string(key) + " must be a whole number", key);
  return std::stoi(s);
}

class Api {
 public:
  Api(service::App& app, ApiOptions opts)
      : app_(app), opts_(std::move(opts)), files_(opts_.static_dir) {
    Routes();
  }

  // Reads whose audit row is handed over (SentOnceAudited) never wait for
  // the writer, so they run on the I/O threads.
  static constexpr bool kInline = true;

  bool RunsInline(const Request& req) const {
    std::string path;
    if (!PercentDecode(req.target.substr(0, req.target.find('?')), &path, false)) return false;
    return router_.RunsInline(req.method, path);
  }

  Response Handle(Request& req) {
    Response res = Dispatch(req);
    if (req.path.rfind("/api/", 0) == 0) res.Set("Cache-Control", "no-store");
    AddSecurityHeaders(res);
    return res;
  }

 private:
  Response Dispatch(Request& req) {
    size_t q = req.target.find('?');
    std::string raw_path = req.target.substr(0, q);
    if (!PercentDecode(raw_path, &req.path, false))
      return ErrorResponse(400, "invalid_argument", "the request path is not valid");
    if (q != std::string::npos && !ParseQuery(req.target.substr(q + 1), &req.query))
      return ErrorResponse(400, "invalid_argument", "the query string is not valid");
    if (req.path.rfind("/api/", 0) != 0) {
      if (files_.enabled()) return files_.Serve(req);
      return ErrorResponse(404, "not_found", "not found");
    }
    Params params;
    const RouteHandler* handler = nullptr;
    std::string allowed;
    switch (router_.Find(req, &params, &handler, &allowed)) {
      case Router::Match::kNoPath:
        return ErrorResponse(404, "not_found", "no such API endpoint");
      case Router::Match::kWrongMethod: {
        Response r = ErrorResponse(405, "invalid_argument",
                                   "method not allowed for this endpoint (use " + allowed + ")");
        r.Set("Allow", allowed);
        return r;
      }
      case Router::Match::kFound:
        break;
    }
    return (*handler)(req, params);
  }

  // Wraps a handler that needs a signed-in actor.
  RouteHandler Auth(Authed h) {
    return [this, h = std::move(h)](Request& req, const Params& p) -> Response {
      auto actor = app_.auth().Authenticate(BearerOrCookie(req), req.remote_ip);
      if (!actor.ok()) return ErrorResponse(actor.status());
      return h(req, p, *actor);
    };
  }

  void Routes() {
    router_.Add("GET", "/api/v1/health", [](Request&, const Params&) {
      return Json(200, {{"status", "ok"}});
    });
    router_.Add("POST", "/api/v1/auth/sign-in", [this](Request& r, const Params&) { return SignIn(r); });
    router_.Add("POST", "/api/v1/auth/sign-out", Auth([this](Request& r, const Params&, const service::Actor& a) {
      return SignOut(r, a);
    }));
    router_.Add("GET", "/api/v1/me", Auth([this](Request&, const Params&, const service::Actor& a) {
      auto me = app_.auth().Describe(a);
      if (!me.ok()) return ErrorResponse(me.status());
      return Json(200, UserToJson(me->user, me->organisation));
    }));
    router_.Add("GET", "/api/v1/users", Auth([this](Request& r, const Params&, const service::Actor& a) {
      return ListUsers(r, a);
    }));
    router_.Add("GET", "/api/v1/cases", Auth([this](Request& r, const Params&, const service::Actor& a) {
      return ListCases(r, a);
    }), kInline);
    router_.Add("POST", "/api/v1/cases", Auth([this](Request& r, const Params&, const service::Actor& a) {
      return CreateCase(r, a);
    }));
    router_.Add("GET", "/api/v1/cases/{id}", Auth([this](Request& req, const Params& p, const service::Actor& a) {
      return AnswerRead(req, a, [&]() -> Result<Fresh> {
        auto id = IdParam(p, "id");
        if (!id.ok()) return Status::NotFound("case not found");
        store::PendingCommit refusal;
        auto read = app_.cases().GetAudited(a, *id, &refusal);
        if (!read.ok()) return Fresh{ErrorResponse(read.status()), refusal, {}};
        return Fresh{Json(200, CaseToJson(read->shown)), read->audit, std::move(read->record)};
      });
    }), kInline);
    router_.Add("PATCH", "/api/v1/cases/{id}", Auth([this](Request& r, const Params& p, const service::Actor& a) {
      return UpdateCase(r, p, a);
    }));
    router_.Add("POST", "/api/v1/cases/{id}/close", Auth([this](Request& r, const Params& p, const service::Actor& a) {
      return SetStatus(r, p, a, /*close=*/true);
    }));
    router_.Add("POST", "/api/v1/cases/{id}/reopen", Auth([this](Request& r, const Params& p, const service::Actor& a) {
      return SetStatus(r, p, a, /*close=*/false);
    }));
    router_.Add("GET", "/api/v1/organisations", Auth([this](Request& r, const Params&, const service::Actor&) {
      if (Status s = OnlyQueryKeys(r, {}); !s.ok()) return ErrorResponse(s);
      auto orgs = app_.users().ListOrganisations();
      if (!orgs.ok()) return ErrorResponse(orgs.status());
      json items = json::array();
      for (const auto& o : *orgs)
        items.push_back({{"id", o.id}, {"name", o.name}, {"country", o.country}, {"type", domain::Name(o.type)}});
      return Json(200, {{"items", items}});
    }));
    AddCaseworkRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddIntakeRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddEntryRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddDirectoryRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddReferralRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddRepatriationRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddLegalRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddLibraryRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddReportRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddRegisterRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddMatchRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddTracingRoutes(router_, app_, [this](Authed h) { return Auth(std::move(h)); });
    AddPublicReportRoutes(router_, app_, opts_.public_reports);
  }

  // The answer goes out only once the read's audit row is durable.
  static Response SentOnceAudited(Response res, const store::PendingCommit& audit) {
    res.send_when = [audit](std::function<void(const Status&)> send) {
      audit.OnDone(std::move(send));
    };
    return res;
  }

  // A read answered afresh: the response, its audit row, and what that row says.
  struct Fresh {
    Response res;
    store::PendingCommit audit;
    service::ReadRecord record;
  };

  // A read that the answer cache may answer again (service/answer_cache.h):
  // the same actor asking the same question (method and target) while
  // nothing has changed gets the kept answer, audited anew. Only successful
  // answers are kept; a refusal too goes out once its row is durable.
  Response AnswerRead(const Request& req, const service::Actor& a,
                        const std::function<Result<Fresh>()>& read) {
    const std::string question = req.method + " " + req.target;
    service::AnswerCache& cache = app_.answers();
    if (auto again = cache.Find(a, question))
      return SentOnceAudited(JsonText(200, *again->body), again->audit);
    const std::optional<uint64_t> generation = cache.Generation();
    Result<Fresh> fresh = read();
    if (!fresh.ok()) return ErrorResponse(fresh.status());
    if (generation && fresh->res.status == 200)
      cache.Keep(a, question, *generation, fresh->res.body, fresh->record);
    return SentOnceAudited(std::move(fresh->res), fresh->audit);
  }

  static Response CaseResult(int status, const Result<service::CaseView>& v) {
    if (!v.ok()) return ErrorResponse(v.status());
    return Json(status, CaseToJson(*v));
  }

  Response SignIn(Request& req) {
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    ObjectReader r(*body, "");
    Status s = r.OnlyKeys({"username", "password"});
    if (!s.ok()) return ErrorResponse(s);
    auto username = r.RequiredString("username");
    if (!username.ok()) return ErrorResponse(username.status());
    auto password = r.RequiredString("password");
    if (!password.ok()) return ErrorResponse(password.status());
    auto in = app_.auth().SignIn(*username, *password, req.remote_ip);
    if (!in.ok()) return ErrorResponse(in.status());
    Response res = Json(200, {{"token", in->token},
                              {"expires_at", FormatTime(in->expires_at)},
                              {"user", UserToJson(in->user, in->organisation)}});
    const int64_t max_age = (in->expires_at - app_.clock().Now()) / 1000;
    std::string cookie = std::string(kCookie) + "=" + in->token +
                         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
    if (opts_.secure_cookies) cookie += "; Secure";
    res.Set("Set-Cookie", cookie);
    return res;
  }

  Response SignOut(Request& req, const service::Actor& a) {
    Status s = app_.auth().SignOut(a, BearerOrCookie(req));
    if (!s.ok()) return ErrorResponse(s);
    Response res = NoContent();
    res.Set("Set-Cookie", std::string(kCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    return res;
  }

  Response ListUsers(Request& req, const service::Actor& a) {
    for (const auto& [k, v] : req.query)
      if (k != "organisation")
        return ErrorResponse(Status::InvalidArgument("unknown query parameter '" + k + "'", k));
    auto it = req.query.find("organisation");
    if (it != req.query.end() && it->second != "mine")
      return ErrorResponse(Status::InvalidArgument("organisation must be 'mine'", "organisation"));
    auto users = app_.users().ListOwnOrganisation(a);
    if (!users.ok()) return ErrorResponse(users.status());
    json items = json::array();
    for (const auto& u : *users)
      if (u.active)
        items.push_back({{"id", u.id}, {"display_name", u.display_name}, {"role", domain::Name(u.role)}});
    return Json(200, {{"items", items}});
  }

  Response ListCases(Request& req, const service::Actor& a) {
    store::CaseFilter f;
    for (const auto& [k, v] : req.query)
      if (k != "status" && k != "assignee" && k != "page" && k != "page_size")
        return ErrorResponse(Status::InvalidArgument("unknown query parameter '" + k + "'", k));
    if (auto it = req.query.find("status"); it != req.query.end() && !it->second.empty()) {
      f.status = domain::ParseCaseStatus(it->second);
      if (!f.status)
        return ErrorResponse(Status::InvalidArgument("status must be open or closed", "status"));
    }
    if (auto it = req.query.find("assignee"); it != req.query.end() && !it->second.empty()) {
      if (it->second == "me") {
        f.assignee_id = a.user_id;
      } else {
        auto n = IntQuery(req, "assignee", 0);
        if (!n.ok() || *n < 1)
          return ErrorResponse(Status::InvalidArgument("assignee must be 'me' or a user id", "assignee"));
        f.assignee_id = *n;
      }
    }
    auto page = IntQuery(req, "page", 1);
    if (!page.ok()) return ErrorResponse(page.status());
    auto size = IntQuery(req, "page_size", 20);
    if (!size.ok()) return ErrorResponse(size.status());
    f.page = *page;
    f.page_size = *size;
    return AnswerRead(req, a, [&]() -> Result<Fresh> {
      ASSIGN_OR_RETURN(auto read, app_.cases().ListAudited(a, f));
      const service::CaseListView& list = read.shown;
      json items = json::array();
      for (const auto& v : list.items) items.push_back(CaseSummaryToJson(v));
      return Fresh{Json(200, {{"items", items},
                              {"page", list.page},
                              {"page_size", list.page_size},
                              {"total", list.total}}),
                   read.audit, std::move(read.record)};
    });
  }

  Response CreateCase(Request& req, const service::Actor& a) {
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    ObjectReader r(*body, "");
    Status s = r.OnlyKeys({"person", "assignee_id"});
    if (!s.ok()) return ErrorResponse(s);
    if (!r.Has("person")) return ErrorResponse(Status::InvalidArgument("person is required", "person"));
    auto person = PersonFromJson(r.At("person"), "person");
    if (!person.ok()) return ErrorResponse(person.status());
    auto assignee = r.OptInt("assignee_id");
    if (!assignee.ok()) return ErrorResponse(assignee.status());
    service::NewCase in{*person, *assignee};
    auto created = app_.cases().Create(a, in);
    Response res = CaseResult(201, created);
    if (created.ok()) res.Set("Location", "/api/v1/cases/" + std::to_string(created->c.id));
    return res;
  }

  Response UpdateCase(Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
    return WithVersionedBody(req, {"version", "person", "assignee_id"}, [&](const ObjectReader& r, int64_t version) {
      service::CaseChange change;
      change.version = version;
      if (r.Has("person")) {
        auto person = PersonFromJson(r.At("person"), "person");
        if (!person.ok()) return ErrorResponse(person.status());
        change.person = *person;
      }
      if (r.Has("assignee_id")) {
        auto assignee = r.OptInt("assignee_id");
        if (!assignee.ok()) return ErrorResponse(assignee.status());
        change.assignee_id = *assignee;
      }
      return CaseResult(200, app_.cases().Update(a, *id, change));
    });
  }

  Response SetStatus(Request& req, const Params& p, const service::Actor& a, bool close) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
    return WithVersionedBody(req, {"version", "reason"}, [&](const ObjectReader& r, int64_t version) {
      auto reason = r.RequiredString("reason");
      if (!reason.ok()) return ErrorResponse(reason.status());
      return CaseResult(200, close ? app_.cases().Close(a, *id, version, *reason)
                                   : app_.cases().Reopen(a, *id, version, *reason));
    });
  }

  service::App& app_;
  ApiOptions opts_;
  StaticFiles files_;
  Router router_;
};

}  // namespace

Handler MakeHandler(service::App& app, ApiOptions options) {
  auto api = std::make_shared<Api>(app, std::move(options));
  return Handler{[api](Request& req) { return api->Handle(req); },
                 [api](const Request& req) { return api->RunsInline(req); }};
}

}  // namespace trm::http
