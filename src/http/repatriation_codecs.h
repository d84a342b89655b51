// JSON for repatriation flows, repatriations and their steps, and the body of
// a step action.
#pragma once

#include "domain/repatriation.h"
#include "http/json_body.h"
#include "service/repatriation_service.h"

namespace trm::http {

json FlowToJson(const domain::RepatriationFlow& f);
// `with_steps`: the whole flow (a repatriation's page); without, a summary
// with the steps that can be worked on now (a list's row).
json RepatriationToJson(const service::RepatriationView& v, bool with_steps);

struct StepActionBody {
  domain::StepAction action = domain::StepAction::kComplete;
  int64_t version = 0;
  domain::StepInput input;
};
// {"action", "version", "date"?, "notes"?, "documents"?: [{"name", "number"?}],
//  "reason"?, "handover"?: {from_person, from_organisation, to_person,
//  to_organisation, place, date}}; InvalidArgument naming the field.
Result<StepActionBody> StepActionFromJson(const json& body);

}  // namespace trm::http
