// JSON for referrals, their timeline and what they share.
#pragma once

#include "http/json_body.h"
#include "service/referral_service.h"

namespace trm::http {

Result<service::NewReferral> NewReferralFromJson(const json& body);
json ReferralToJson(const service::ReferralView& v);
json SharedCaseToJson(const service::SharedCase& s);

}  // namespace trm::http
