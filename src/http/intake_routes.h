// Routes for intake reports and the duty queue.
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddIntakeRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
