// Routes for the register of offending recruiters, brokers, agencies and
// employers under /api/v1/register: the caller's access level, the check,
// the list, one entry, create, edit, status change, case links, import
// (preview and apply) and export. Every route needs sign-in; what each
// actor may do is the service's policy.
#pragma once

#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddRegisterRoutes(Router& router, service::App& app, const AuthWrap& auth);

}  // namespace trm::http
