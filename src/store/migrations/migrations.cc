#include "store/migrations/migrations.h"

#include <array>

#include "store/migrations/m001_initial.h"
#include "store/migrations/m002_casework.h"
#include "store/migrations/m003_rights_notices.h"
#include "store/migrations/m004_intake.h"
#include "store/migrations/m005_case_entries.h"
#include "store/migrations/m006_referrals.h"
#include "store/migrations/m007_directory.h"
#include "store/migrations/m008_register.h"
#include "store/migrations/m009_legal.h"
#include "store/migrations/m010_repatriation.h"
#include "store/migrations/m011_documents.h"
#include "store/migrations/m012_person_links.h"
#include "store/migrations/m013_tracing.h"

namespace trm::store {
namespace {

constexpr std::array kMigrations{
    Migration{1, "initial", kM001Sqlite, kM001Postgres},
    Migration{2, "casework: consent, screening, identification", kM002Sqlite, kM002Postgres},
    Migration{3, "rights notice receipts", kM003Sqlite, kM003Postgres},
    Migration{4, "intake reports", kM004Sqlite, kM004Postgres},
    Migration{5, "case entries", kM005Sqlite, kM005Postgres},
    Migration{6, "referrals", kM006Sqlite, kM006Postgres},
    Migration{7, "directory of member organisations", kM007Sqlite, kM007Postgres},
    Migration{8, "register of offending recruiters and employers", kM008Sqlite, kM008Postgres},
    Migration{9, "legal payments", kM009Sqlite, kM009Postgres},
    Migration{10, "repatriations", kM010Sqlite, kM010Postgres},
    Migration{11, "document library; receivers' cases from referrals", kM011Sqlite, kM011Postgres},
    Migration{12, "person links (duplicate decisions)", kM012Sqlite, kM012Postgres},
    Migration{13, "family tracing requests", kM013Sqlite, kM013Postgres},
};

constexpr const char* kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

}  // namespace

std::span<const Migration> AllMigrations() { return kMigrations; }

Result<int> SchemaVersion(Connection& conn) {
  ASSIGN_OR_RETURN(auto ignored, conn.Exec(kCreateLedger));
  (void)ignored;
  ASSIGN_OR_RETURN(Rows rows, conn.Query("SELECT MAX(version) FROM schema_migrations"));
  return static_cast<int>(rows.empty() ? 0 : rows[0].Int(0));
}

Result<int> ApplyMigrations(Connection& conn, Millis now) {
  ASSIGN_OR_RETURN(int current, SchemaVersion(conn));
  const int latest = kMigrations.back().version;
  if (current > latest)
    return Status::FailedPrecondition("database schema version " + std::to_string(current) +
                                      " is newer than this program (" + std::to_string(latest) +
                                      "); upgrade trm");
  int applied = 0;
  for (const Migration& m : kMigrations) {
    if (m.version <= current) continue;
    RETURN_IF_ERROR(conn.Begin());
    Status s = conn.ExecScript(conn.engine() == Engine::kSqlite ? m.sqlite : m.postgres);
    if (s.ok()) {
      auto r = conn.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                         {int64_t{m.version}, std::string(m.name), now});
      if (!r.ok()) s = r.status();
    }
    if (!s.ok()) {
      (void)conn.Rollback();
      return Status::Internal("migration " + std::to_string(m.version) + " (" + m.name +
                              ") failed: " + s.message());
    }
    RETURN_IF_ERROR(conn.Commit());
    ++applied;
  }
  return applied;
}

}  // namespace trm::store
