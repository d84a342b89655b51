// JSON for consent records, indicator sets, screenings and identification
// decisions (docs/api/openapi.yaml).
#pragma once

#include "domain/indicator_set.h"
#include "http/json_body.h"
#include "service/casework_service.h"

namespace trm::http {

Result<service::ConsentInput> ConsentInputFromJson(const json& body);
json ConsentToJson(const service::ConsentView& v);

json LabelToJson(const domain::Label& l);
json IndicatorSetSummaryToJson(const domain::IndicatorSet& s);
json IndicatorSetToJson(const domain::IndicatorSet& s);

Result<service::ScreeningInput> ScreeningInputFromJson(const json& body);
json ScreeningToJson(const service::ScreeningView& v);

Result<domain::Identification> IdentificationFromJson(const json& body);
json IdentificationToJson(const service::IdentificationView& v);

}  // namespace trm::http
