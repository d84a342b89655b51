// Small helpers shared by the API's route files.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include "domain/records.h"
#include "http/errors.h"
#include "http/json_body.h"
#include "http/router.h"
#include "service/actor.h"

namespace trm::http {

// A handler that runs for a signed-in actor; `AuthWrap` turns it into a route
// handler that authenticates first (api.cc owns how).
using Authed = std::function<Response(Request&, const Params&, const service::Actor&)>;
using AuthWrap = std::function<RouteHandler(Authed)>;

// A JSON answer whose body is already encoded.
inline Response JsonText(int status, std::string body) {
  Response r;
  r.status = status;
  r.Set("Content-Type", "application/json; charset=utf-8");
  r.body = std::move(body);
  return r;
}

inline Response Json(int status, const json& body) { return JsonText(status, body.dump()); }

// Digits only, at most 18 of them: an id that fits in int64.
inline bool IsIdText(const std::string& s) {
  return !s.empty() && s.size() <= 18 && s.find_first_not_of("0123456789") == std::string::npos;
}

// A positive id from a path parameter; NotFound otherwise (a malformed id
// names nothing).
inline Result<domain::Id> IdParam(const Params& p, const char* name) {
  if (!IsIdText(p.at(name))) return Status::NotFound("not found");
  return static_cast<domain::Id>(std::stoll(p.at(name)));
}

// An id from a query parameter; InvalidArgument naming it when missing or malformed.
inline Result<domain::Id> IdQuery(const Request& req, const char* name) {
  auto it = req.query.find(name);
  if (it == req.query.end() || !IsIdText(it->second))
    return Status::InvalidArgument(std::string(name) + " must be an id", name);
  return static_cast<domain::Id>(std::stoll(it->second));
}

// Fails on any query parameter not in `known`.
inline Status OnlyQueryKeys(const Request& req, std::initializer_list<const char*> known) {
  for (const auto& [k, v] : req.query) {
    bool ok = false;
    for (const char* name : known) ok = ok || k == name;
    if (!ok) return Status::InvalidArgument("unknown query parameter '" + k + "'", k);
  }
  return Status::Ok();
}

// Reads the request's JSON object, which may carry only `keys`, and answers
// with `f(reader)`; a malformed body or an unknown key is answered with its
// error and `f` is not called.
template <typename F>
Response WithBody(const Request& req, std::initializer_list<const char*> keys, F f) {
  auto body = ParseJsonObject(req);
  if (!body.ok()) return ErrorResponse(body.status());
  ObjectReader r(*body, "");
  if (Status s = r.OnlyKeys(keys); !s.ok()) return ErrorResponse(s);
  return f(r);
}

// The same for a change to a versioned record: `keys` include "version",
// which must be sent (the version the client read); `f(reader, version)`.
template <typename F>
Response WithVersionedBody(const Request& req, std::initializer_list<const char*> keys, F f) {
  return WithBody(req, keys, [&](const ObjectReader& r) {
    auto version = r.RequiredInt("version");
    if (!version.ok()) return ErrorResponse(version.status());
    return f(r, *version);
  });
}

}  // namespace trm::http
