// The narrow SQL surface that both storage engines implement.
//
// The store's repositories are written once against this interface, in the SQL
// dialect common to SQLite and PostgreSQL, with `?` placeholders (the PostgreSQL
// connection rewrites them to $1, $2, ...). Engine differences stay inside
// sqlite/ and postgres/; schema differences live in the migrations.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"

namespace trm::store {

// Binary data (ciphertext, hashes). Distinct from text so that each engine can
// bind it as BLOB / bytea.
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

using Value = std::variant<std::monostate, int64_t, std::string, Blob>;

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  // Each accessor REQUIRES the column to hold that type (or NULL, read as 0 / "").
  int64_t Int(size_t i) const {
    const Value& v = values_.at(i);
    if (IsNull(i)) return 0;
    assert(std::holds_alternative<int64_t>(v) && "column is not an integer");
    return std::get<int64_t>(v);
  }
  std::optional<int64_t> OptInt(size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Int(i);
  }
  const std::string& Text(size_t i) const {
    const Value& v = values_.at(i);
    if (IsNull(i)) return Empty();
    assert(std::holds_alternative<std::string>(v) && "column is not text");
    return std::get<std::string>(v);
  }
  std::optional<std::string> OptText(size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Text(i);
  }
  const std::string& Bytes(size_t i) const {
    const Value& v = values_.at(i);
    if (IsNull(i)) return Empty();
    assert(std::holds_alternative<Blob>(v) && "column is not a blob");
    return std::get<Blob>(v).bytes;
  }

 private:
  static const std::string& Empty() {
    static const std::string kEmpty;
    return kEmpty;
  }
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

enum class Engine { kSqlite, kPostgres };

// One database connection. Not thread-safe: one thread uses it at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;

  // Runs a statement that returns no rows. Returns the number of rows changed.
  virtual Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs a query and returns all its rows.
  virtual Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs several statements separated by ';' with no parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;

  // Starts a read-write transaction that holds the write lock from its start
  // (SQLite BEGIN IMMEDIATE), so that two use cases never interleave.
  virtual Status Begin() = 0;
  // Starts a read-only transaction: every statement until Commit sees one
  // snapshot (a page of a list and its total agree), and SQLite checks its
  // page cache against the log once instead of once per statement.
  virtual Status BeginRead() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Inserts and returns the new row's id: `sql` must be an INSERT; the
  // connection appends what its engine needs (RETURNING id).
  virtual Result<int64_t> Insert(std::string_view sql, const std::vector<Value>& params) = 0;
};

// Constraint violations are reported by both engines as Code::kAlreadyExists
// (unique) or Code::kFailedPrecondition (foreign key / check), so that the
// service layer can map them to clear errors.

}  // namespace trm::store
