// JSON for legal payments: the new-payment body, the confirmation body, and a
// payment as the case's side sees it or as the confirming partner sees it
// (no case, no claim, no person).
#pragma once

#include "http/json_body.h"
#include "service/legal_service.h"

namespace trm::http {

Result<service::NewPayment> NewPaymentFromJson(const json& body);
json PaymentToJson(const service::PaymentView& v);

}  // namespace trm::http
