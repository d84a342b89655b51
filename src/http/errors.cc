#include "http/errors.h"

#include <nlohmann/json.hpp>

namespace trm::http {

int HttpStatusFor(Code code) {
  switch (code) {
    case Code::kOk: return 200;
    case Code::kInvalidArgument: return 400;
    case Code::kUnauthenticated: return 401;
    case Code::kPermissionDenied: return 403;
    case Code::kNotFound: return 404;
    case Code::kConflict: return 409;
    case Code::kAlreadyExists: return 409;
    case Code::kFailedPrecondition: return 422;
    case Code::kResourceExhausted: return 429;
    case Code::kUnavailable: return 503;
    case Code::kInternal: return 500;
  }
  return 500;
}

Response ErrorResponse(int http_status, const std::string& code, const std::string& message,
                       const std::string& field) {
  nlohmann::json err = {{"code", code}, {"message", message}};
  if (!field.empty()) err["field"] = field;
  Response r;
  r.status = http_status;
  r.Set("Content-Type", "application/json; charset=utf-8");
  r.body = nlohmann::json{{"error", err}}.dump();
  return r;
}

Response ErrorResponse(const Status& s) {
  // Internal details stay in the server log, not in the answer.
  std::string message = s.code() == Code::kInternal ? "internal error" : s.message();
  return ErrorResponse(HttpStatusFor(s.code()), CodeName(s.code()), message, s.field());
}

void AddSecurityHeaders(Response& r) {
  r.Set("Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  r.Set("X-Content-Type-Options", "nosniff");
  r.Set("X-Frame-Options", "DENY");
  r.Set("Referrer-Policy", "no-referrer");
  r.Set("Cross-Origin-Opener-Policy", "same-origin");
}

}  // namespace trm::http
