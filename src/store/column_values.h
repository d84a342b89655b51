// Record fields as column values and back, where several repos keep them the
// same way: lists of plain codes (or ids) as comma-separated text, and an
// optional id as NULL when absent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/records.h"
#include "store/sql.h"

namespace trm::store {

// "a,b,c"; the codes themselves hold no comma (their domain rules say so).
std::string JoinCodes(const std::vector<std::string>& codes);
std::string JoinIds(const std::vector<domain::Id>& ids);
// The codes of JoinCodes's text; none for "".
std::vector<std::string> SplitCodes(const std::string& text);

// The id, or NULL.
Value OptionalId(const std::optional<int64_t>& id);

}  // namespace trm::store
