// Routes for repatriations (service/repatriation_service.h): the flows, starting
// one from a referral, the organisation's list, one repatriation's page, and
// the actions on its steps.
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddRepatriationRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
