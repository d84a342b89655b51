// The record-keeping columns every table carries: version, created_by/at,
// updated_by/at. Listed in this order after a table's own columns.
#pragma once

#include "domain/records.h"
#include "store/sql.h"

namespace trm::store {

inline constexpr const char* kStampColumns =
    "version, created_by, created_at, updated_by, updated_at";

inline domain::Stamp ReadStamp(const Row& r, size_t first) {
  return domain::Stamp{r.Int(first), r.Int(first + 1), r.Int(first + 2), r.Int(first + 3),
                       r.Int(first + 4)};
}

// A new record's stamp: version 1, created and updated now by `actor`.
inline domain::Stamp NewStamp(domain::Id actor, Millis now) {
  return domain::Stamp{1, actor, now, actor, now};
}

}  // namespace trm::store
