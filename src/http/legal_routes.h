// Routes for legal payments: recorded and listed through the case
// (/api/v1/cases/{id}/payments), and confirmed by the partner organisation
// through /api/v1/payments/... which never show the case. The legal records
// themselves are case entries (entry_routes).
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddLegalRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
