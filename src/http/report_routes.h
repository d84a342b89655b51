// Routes for the secretariat's reports: the referral report as JSON for the
// page and as CSV for export, both suppressed the same way (the service only
// ever hands over suppressed figures). Query: from, to (YYYY-MM-DD, the
// period is [from, to)), threshold (optional, 11 or more).
#pragma once

#include <string>

#include "domain/referral_report.h"
#include "http/api_util.h"
#include "service/app.h"

namespace trm::http {

void AddReportRoutes(Router& router, service::App& app, const AuthWrap& auth);

json ReferralReportToJson(const domain::ReferralReport& r);
// One header line, then a "total" row and one row per group of each section.
std::string ReferralReportToCsv(const domain::ReferralReport& r);

}  // namespace trm::http
