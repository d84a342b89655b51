// SQLite engine: one database file, WAL journal, foreign keys on, durable
// commits (synchronous=FULL), STRICT tables (declared in the migrations).
#pragma once

#include <memory>
#include <string>

#include "store/sql.h"

struct sqlite3;

namespace trm::store {

struct SqliteOptions {
  // FULL survives power loss at each commit; NORMAL only loses the last
  // commits on power loss (never corrupts). FULL is the default.
  bool synchronous_full = true;
};

// Opens (creating if missing) the database at `path`. ":memory:" is allowed
// for tests. Returns Unavailable when the file cannot be opened.
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                               const SqliteOptions& options = {});

}  // namespace trm::store
