// JSON for case entries and their forms.
#pragma once

#include "domain/case_form.h"
#include "http/json_body.h"
#include "service/case_entry_service.h"

namespace trm::http {

json CaseFormToJson(const domain::CaseForm& form);
json EntryToJson(const service::EntryView& v);
json TaskToJson(const service::TaskView& v);

// The "fields" object of a request: each value a string, number, true/false
// or list of strings (null means absent). The form check comes after, in the
// service; this only refuses what no field can hold.
Result<domain::EntryFields> EntryFieldsFromJson(const json& fields);

}  // namespace trm::http
