// JSON codecs for the API's resources (see docs/api/openapi.yaml).
#pragma once

#include "domain/person.h"
#include "http/json_body.h"
#include "service/auth_service.h"
#include "service/case_service.h"

namespace trm::http {

// Reads a Person object strictly (unknown keys, wrong types, unknown gender
// values are errors); field names in errors start with `prefix`.
Result<domain::Person> PersonFromJson(const json& j, const std::string& prefix);
json PersonToJson(const domain::Person& p);

json CaseToJson(const service::CaseView& v);
json CaseSummaryToJson(const service::CaseView& v);
json UserToJson(const domain::User& u, const domain::Organisation& org);

}  // namespace trm::http
