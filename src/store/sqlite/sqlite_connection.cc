#include "store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <string>
#include <unordered_map>

namespace trm::store {
namespace {

Status FromSqlite(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + sqlite3_errmsg(db);
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT: {
      int ext = sqlite3_extended_errcode(db);
      if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        return Status::AlreadyExists(msg);
      return Status::FailedPrecondition(msg);
    }
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(msg);
    default:
      return Status::Internal(msg);
  }
}

// A statement in use. Cached statements are reset for the next use instead of
// finalized, so a use case's SQL is compiled once per connection.
class Statement {
 public:
  Statement(sqlite3_stmt* stmt, bool cached) : stmt_(stmt), cached_(cached) {}
  ~Statement() {
    if (cached_) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    } else {
      sqlite3_finalize(stmt_);
    }
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_;
  bool cached_;
};

// Enough for every statement the repositories issue; list queries built from
// filters add a few shapes each. Beyond it statements are compiled per use.
constexpr size_t kMaxCachedStatements = 512;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Engine engine() const override { return Engine::kSqlite; }

  Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params) override {
    ASSIGN_OR_RETURN(auto stmt, Prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) return FromSqlite(db_, rc, "exec");
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    ASSIGN_OR_RETURN(auto stmt, Prepare(sql, params));
    Rows rows;
    int rc;
    const int n = sqlite3_column_count(stmt->get());
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
      std::vector<Value> values;
      values.reserve(n);
      for (int i = 0; i < n; ++i) values.push_back(Column(stmt->get(), i));
      rows.emplace_back(std::move(values));
    }
    if (rc != SQLITE_DONE) return FromSqlite(db_, rc, "query");
    return rows;
  }

  Status ExecScript(std::string_view sql) override {
    std::string copy(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return Status::Internal("script: " + msg);
    }
    return Status::Ok();
  }

  Status Begin() override { return Simple("BEGIN IMMEDIATE"); }
  // A reader connection must come back with no transaction open; one that
  // did not would keep answering from its old snapshot, so it is ended here
  // and the read refused rather than served stale.
  Status BeginRead() override {
    if (!sqlite3_get_autocommit(db_)) {
      (void)Simple("ROLLBACK");
      return Status::Internal("a read found its connection still inside a transaction");
    }
    return Simple("BEGIN");
  }
  Status Commit() override { return Simple("COMMIT"); }
  Status Rollback() override { return Simple("ROLLBACK"); }

  Result<int64_t> Insert(std::string_view sql, const std::vector<Value>& params) override {
    ASSIGN_OR_RETURN(int64_t changed, Exec(sql, params));
    if (changed != 1) return Status::Internal("insert changed no row");
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

 private:
  Status Simple(const char* sql) {
    auto r = Exec(sql, {});
    if (!r.ok()) return Status(r.status());
    return Status::Ok();
  }

  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql,
                                             const std::vector<Value>& params) {
    sqlite3_stmt* raw = nullptr;
    int rc;
    std::unique_ptr<Statement> stmt;
    if (auto it = cache_.find(std::string(sql)); it != cache_.end()) {
      raw = it->second;
      stmt = std::make_unique<Statement>(raw, true);
    } else {
      const bool keep = cache_.size() < kMaxCachedStatements;
      rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              keep ? SQLITE_PREPARE_PERSISTENT : 0, &raw, nullptr);
      if (rc != SQLITE_OK) return FromSqlite(db_, rc, "prepare");
      if (raw == nullptr) return Status::Internal("empty statement");
      if (keep) cache_.emplace(std::string(sql), raw);
      stmt = std::make_unique<Statement>(raw, keep);
    }
    if (sqlite3_bind_parameter_count(raw) != static_cast<int>(params.size()))
      return Status::Internal("parameter count does not match the statement");
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i) + 1;
      const Value& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) {
        rc = sqlite3_bind_null(raw, idx);
      } else if (auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(raw, idx, *n);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(raw, idx, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        const auto& b = std::get<Blob>(v).bytes;
        rc = sqlite3_bind_blob64(raw, idx, b.data(), b.size(), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return FromSqlite(db_, rc, "bind");
    }
    return stmt;
  }

  static Value Column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_NULL:
        return std::monostate{};
      case SQLITE_INTEGER:
        return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
      case SQLITE_BLOB: {
        const char* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        int n = sqlite3_column_bytes(stmt, i);
        return Blob{std::string(p ? p : "", static_cast<size_t>(n))};
      }
      default: {
        const char* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        int n = sqlite3_column_bytes(stmt, i);
        return std::string(p ? p : "", static_cast<size_t>(n));
      }
    }
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                               const SqliteOptions& options) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::Unavailable("cannot open database " + path + ": " + msg);
  }
  auto conn = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, 5000);
  // Sorts and temporary indexes stay in memory; reads keep using pread, as a
  // memory map is dropped whole by every read that follows a commit.
  std::string pragmas =
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";
  pragmas += options.synchronous_full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
  RETURN_IF_ERROR(conn->ExecScript(pragmas));
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace trm::store
