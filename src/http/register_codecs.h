// JSON for the register: entries as each actor may see them, check queries
// and results, the editor's bodies, and import reports.
#pragma once

#include "http/json_body.h"
#include "service/register_import_service.h"
#include "service/register_service.h"

namespace trm::http {

// `detail` is null for an actor at the check level; lists leave out
// "history" and "cases" (`full` false).
json RegisterEntryToJson(const service::RegisterView& v, bool full);
json RegisterCheckToJson(const service::RegisterCheckResult& r);
json ImportReportToJson(const service::ImportReport& r);
std::string_view Name(service::RegisterAccess level);

Result<domain::CheckQuery> CheckQueryFromJson(const json& body);
// POST (create): lists may be left out. PUT (edit, `replace`): every field
// is required, so that a forgotten one is not erased.
Result<service::RegisterFields> RegisterFieldsFromJson(const ObjectReader& r, bool replace);
Result<service::RegisterStatusChange> StatusChangeFromJson(const ObjectReader& r);

}  // namespace trm::http
