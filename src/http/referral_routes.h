// Routes for referrals: drafting from a case, the lifecycle, messages, the
// inboxes, and the shared parts.
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddReferralRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
