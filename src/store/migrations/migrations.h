// Versioned schema migrations, one entry per version, each with the SQL of
// both engines. Applied in order, each in its own transaction, recorded in
// schema_migrations. A migration, once released, is never edited: add a new one.
#pragma once

#include <span>

#include "common/clock.h"
#include "common/status.h"
#include "store/sql.h"

namespace trm::store {

struct Migration {
  int version;
  const char* name;
  const char* sqlite;
  const char* postgres;
};

std::span<const Migration> AllMigrations();

// The highest applied version (0 for an empty database).
Result<int> SchemaVersion(Connection& conn);

// Applies every migration newer than the database's version. Returns how many
// were applied. Fails (applying nothing more) when the database is newer than
// this program knows.
Result<int> ApplyMigrations(Connection& conn, Millis now);

}  // namespace trm::store
