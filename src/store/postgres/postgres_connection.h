// PostgreSQL engine over libpq, for deployments with replicas or several app
// servers. Statements use the same `?` placeholders as SQLite; they are
// rewritten to $1, $2, ... here so that repositories are written once.
//
// Type mapping (results): int2/int4/int8 -> int64, bool -> int64 0/1,
// bytea -> Blob, NULL -> monostate, anything else -> its text form. Aggregates
// such as SUM(bigint) return numeric, i.e. text: CAST them to BIGINT.
//
// Parameters: int64 is sent as int8, Blob as binary bytea, text and NULL as
// "unknown" so that the server infers the column's type (timestamptz, uuid,
// ...). A parameter whose type nothing in the statement determines (for
// example `? IS NULL`) needs a CAST(? AS TEXT). Schemas should use integer
// columns, not boolean, for flags: int8 parameters do not convert to bool.
//
// Differences from SQLite that callers must respect:
// - After any error inside a transaction, PostgreSQL rejects every statement
//   until Rollback(); Commit() then reports an error instead of committing.
// - Begin() is a plain BEGIN (READ COMMITTED): it does not take a write lock
//   up front as SQLite's BEGIN IMMEDIATE does.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/sql.h"

namespace trm::store {

// Connects with a libpq conninfo string ("host=... port=... dbname=..." or a
// postgresql:// URI) and sets client_encoding=UTF8 and TimeZone=UTC.
// Returns Unavailable when the server cannot be reached.
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& conninfo);

namespace postgres_internal {

// Rewrites `?` placeholders to $1, $2, ... and stores their number in *count.
// A `?` inside a '...' literal, a "..." identifier or a comment is left as is.
// Exposed for tests. PostgreSQL's jsonb `?` operators cannot be written.
std::string RewritePlaceholders(std::string_view sql, int* count);

}  // namespace postgres_internal
}  // namespace trm::store
