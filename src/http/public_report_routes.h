// The public report form's endpoint, POST /api/v1/public/reports: the one
// write the API accepts without signing in. It takes only what the public may
// send, files it into the duty queue of the network's public intake
// organisation, and is rate-limited per client address (from the socket,
// never from a header a client can write) and in total.
#pragma once

#include <optional>

#include "domain/records.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "service/app.h"

namespace trm::http {

struct PublicReportOptions {
  // The organisation whose duty queue receives public reports; none: the
  // endpoint answers 503.
  std::optional<domain::Id> intake_org;
  RateLimits limits;
};

void AddPublicReportRoutes(Router& router, service::App& app, const PublicReportOptions& options);

}  // namespace trm::http
