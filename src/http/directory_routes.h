// Routes for the directory of member organisations: search, one profile,
// editing it, and the quick capacity update. Every route needs sign-in.
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddDirectoryRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
