// The one error shape of the API, {"error":{"code","message","field"}}, and the
// one mapping from Status codes to HTTP statuses.
#pragma once

#include <string>

#include "common/status.h"
#include "http/message.h"

namespace trm::http {

int HttpStatusFor(Code code);

Response ErrorResponse(int http_status, const std::string& code, const std::string& message,
                       const std::string& field = "");
Response ErrorResponse(const Status& status);

// Headers every answer carries, whoever built it (router, static files, or the
// session before routing: 413, malformed requests).
void AddSecurityHeaders(Response& r);

}  // namespace trm::http
