// Routes for casework on a case: consent, screening and identification, and
// the indicator sets that screening uses.
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddCaseworkRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
