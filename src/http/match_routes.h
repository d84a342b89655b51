// Routes for possible existing records and the decisions on them:
//   POST  /api/v1/matches/person                  {person}: before a case exists
//   GET   /api/v1/cases/{id}/matches               possible other records of a case's person
//   GET   /api/v1/cases/{id}/person-links          decisions naming the case
//   POST  /api/v1/cases/{id}/person-links          {other_case_id, decision, note}
//   PATCH /api/v1/cases/{id}/person-links/{link}   {version, decision, note}
// The service decides who sees which case; this file only reads and writes JSON.
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddMatchRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
