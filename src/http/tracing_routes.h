// Routes for family tracing requests:
//   GET   /api/v1/tracing-requests?status=open|closed   the organisation's, as the actor may see them
//   POST  /api/v1/tracing-requests                      {searcher, sought, officer_id?}
//   GET   /api/v1/tracing-requests/{id}
//   PATCH /api/v1/tracing-requests/{id}                 {version, officer_id?, status?: closed, outcome?}
//   GET   /api/v1/tracing-requests/{id}/candidates      the tracing officer only
//   POST  /api/v1/tracing-requests/{id}/decisions       {case_id, decision, note?}
//   PATCH /api/v1/tracing-requests/{id}/decisions/{d}   {version, decision, note?}
// The service decides who sees what; this file only reads and writes JSON.
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddTracingRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
