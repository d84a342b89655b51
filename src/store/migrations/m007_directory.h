// Version 7: the directory of member organisations. One profile per
// organisation; what an editor writes is one JSON document (`details`, not
// sealed: it describes organisations, not people), and the shelter capacity
// has its own columns because it is updated on its own, often, by other people.
#pragma once

namespace trm::store {

inline constexpr const char* kM007Sqlite = R"sql(
CREATE TABLE directory_profiles (
  organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
  details TEXT NOT NULL,
  free_beds INTEGER,
  total_beds INTEGER,
  capacity_updated_at INTEGER,
  capacity_updated_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL, created_by INTEGER NOT NULL, created_at INTEGER NOT NULL,
  updated_by INTEGER NOT NULL, updated_at INTEGER NOT NULL
) STRICT;
)sql";

inline constexpr const char* kM007Postgres = R"sql(
CREATE TABLE directory_profiles (
  organisation_id BIGINT PRIMARY KEY REFERENCES organisations(id),
  details TEXT NOT NULL,
  free_beds BIGINT,
  total_beds BIGINT,
  capacity_updated_at BIGINT,
  capacity_updated_by BIGINT REFERENCES users(id),
  version BIGINT NOT NULL, created_by BIGINT NOT NULL, created_at BIGINT NOT NULL,
  updated_by BIGINT NOT NULL, updated_at BIGINT NOT NULL
);
)sql";

}  // namespace trm::store
