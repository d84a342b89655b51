// Routes for case entries (events, perpetrators, documents, support plan,
// services, notes, tasks, meetings, follow-ups), their forms, and "my tasks".
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddEntryRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
