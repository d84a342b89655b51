// The JSON API under /api/v1 and the web app's files, as one Handler.
// Authentication (cookie or bearer token) is resolved here; every decision
// about what the actor may do is the service layer's.
#pragma once

#include <string>

#include "http/public_report_routes.h"
#include "http/server.h"
#include "service/app.h"

namespace trm::http {

struct ApiOptions {
  std::string static_dir;       // built web app; empty: API only
  bool secure_cookies = false;  // add Secure to the session cookie (behind HTTPS)
  PublicReportOptions public_reports;  // the public report form (no sign-in)
};

Handler MakeHandler(service::App& app, ApiOptions options);

}  // namespace trm::http
