#include "store/postgres/postgres_connection.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace trm::store {
namespace postgres_internal {

std::string RewritePlaceholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  size_t i = 0;
  // Copies sql[i, end) unchanged and moves past it.
  auto copy_to = [&](size_t end) {
    end = std::min(end, sql.size());
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'' || c == '"') {
      // A doubled quote ('it''s') closes and reopens the run: same bytes out.
      size_t close = sql.find(c, i + 1);
      copy_to(close == std::string_view::npos ? sql.size() : close + 1);
    } else if (c == '-' && next == '-') {
      copy_to(sql.find('\n', i));
    } else if (c == '/' && next == '*') {
      size_t close = sql.find("*/", i + 2);
      copy_to(close == std::string_view::npos ? sql.size() : close + 2);
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  *count = n;
  return out;
}

}  // namespace postgres_internal

namespace {

// Type OIDs from pg_type.h (fixed since PostgreSQL 7); that header ships with
// the server's development package, which the build does not need otherwise.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kUnknownOid = 0;  // let the server infer the type from context

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

std::string TrimRight(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

Status FromSqlState(std::string_view state, std::string msg) {
  if (state == "23505") return Status::AlreadyExists(std::move(msg));
  if (state.starts_with("23")) return Status::FailedPrecondition(std::move(msg));
  // Serialization failures, deadlocks, lost connections and server shutdowns
  // are worth retrying: the statement itself was not wrong.
  if (state == "40001" || state == "40P01" || state.starts_with("08") ||
      state.starts_with("57P0")) {
    return Status::Unavailable(std::move(msg));
  }
  return Status::Internal(std::move(msg));
}

Status FromResult(PGconn* conn, const PGresult* res, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  if (res == nullptr) {  // out of memory or the connection is gone
    msg += TrimRight(PQerrorMessage(conn));
    return PQstatus(conn) == CONNECTION_BAD ? Status::Unavailable(msg) : Status::Internal(msg);
  }
  // Only the primary message: DETAIL repeats the offending values (names,
  // case data), which must not end up in logs through an error message.
  const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
  const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  if (primary != nullptr) {
    msg += primary;
  } else {
    std::string full = TrimRight(PQresultErrorMessage(res));
    msg += full.empty() ? PQresStatus(PQresultStatus(res)) : full;
  }
  if (state == nullptr) {  // raised by libpq itself, e.g. the server hung up
    return PQstatus(conn) == CONNECTION_BAD ? Status::Unavailable(msg) : Status::Internal(msg);
  }
  return FromSqlState(state, std::move(msg));
}

Result<int64_t> ParseInt(const char* text, size_t len) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text, text + len, v);
  if (ec != std::errc() || end != text + len) {
    return Status::Internal("not an integer in a PostgreSQL result: " + std::string(text, len));
  }
  return v;
}

Result<Value> Column(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return Value(std::monostate{});
  const char* text = PQgetvalue(res, row, col);
  const size_t len = static_cast<size_t>(PQgetlength(res, row, col));
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      ASSIGN_OR_RETURN(int64_t v, ParseInt(text, len));
      return Value(v);
    }
    case kBoolOid:
      return Value(int64_t{text[0] == 't' ? 1 : 0});
    case kByteaOid: {
      size_t n = 0;
      unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
      if (raw == nullptr) return Status::Internal("cannot decode a bytea value");
      Blob blob{std::string(reinterpret_cast<const char*>(raw), n)};
      PQfreemem(raw);
      return Value(std::move(blob));
    }
    default:
      return Value(std::string(text, len));
  }
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Engine engine() const override { return Engine::kPostgres; }

  Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params) override {
    ASSIGN_OR_RETURN(PgResult res, Run(sql, params, "exec"));
    const char* tuples = PQcmdTuples(res.get());  // "" for commands such as CREATE
    if (*tuples == '\0') return int64_t{0};
    return ParseInt(tuples, std::strlen(tuples));
  }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    ASSIGN_OR_RETURN(PgResult res, Run(sql, params, "query"));
    const int nrows = PQntuples(res.get());
    const int ncols = PQnfields(res.get());
    Rows rows;
    rows.reserve(static_cast<size_t>(nrows));
    for (int r = 0; r < nrows; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<size_t>(ncols));
      for (int c = 0; c < ncols; ++c) {
        ASSIGN_OR_RETURN(Value v, Column(res.get(), r, c));
        values.push_back(std::move(v));
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  Status ExecScript(std::string_view sql) override {
    std::string copy(sql);
    PgResult res(PQexec(conn_, copy.c_str()));
    return Check(res.get(), "script");
  }

  // PostgreSQL only warns on BEGIN inside a transaction and on COMMIT or
  // ROLLBACK outside one; SQLite fails, and so do we, so that a nesting bug
  // (writes that are not atomic after all) shows on both engines.
  Status Begin() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE && PQstatus(conn_) == CONNECTION_OK) {
      return Status::Internal("BEGIN: a transaction is already open");
    }
    return Simple("BEGIN");
  }

  // REPEATABLE READ: one snapshot for the whole read, not one per statement.
  Status BeginRead() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE && PQstatus(conn_) == CONNECTION_OK) {
      return Status::Internal("BEGIN: a transaction is already open");
    }
    return Simple("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }

  Status Commit() override {
    RETURN_IF_ERROR(RequireTransaction("COMMIT"));
    PgResult res(PQexec(conn_, "COMMIT"));
    RETURN_IF_ERROR(Check(res.get(), "COMMIT"));
    // COMMIT of a transaction that an earlier error aborted "succeeds" as a
    // ROLLBACK; never let the caller believe those writes were saved.
    if (std::strcmp(PQcmdStatus(res.get()), "ROLLBACK") == 0) {
      return Status::Internal("COMMIT: the transaction had failed and was rolled back");
    }
    return Status::Ok();
  }

  Status Rollback() override {
    RETURN_IF_ERROR(RequireTransaction("ROLLBACK"));
    return Simple("ROLLBACK");
  }

  Result<int64_t> Insert(std::string_view sql, const std::vector<Value>& params) override {
    std::string stmt(sql);
    while (!stmt.empty() && (std::strchr(" \t\r\n;", stmt.back()) != nullptr)) stmt.pop_back();
    stmt += "\nRETURNING id";  // a new line ends any trailing -- comment
    ASSIGN_OR_RETURN(PgResult res, Run(stmt, params, "insert"));
    if (PQntuples(res.get()) != 1 || PQnfields(res.get()) != 1 || PQgetisnull(res.get(), 0, 0)) {
      return Status::Internal("insert changed no row");
    }
    return ParseInt(PQgetvalue(res.get(), 0, 0),
                    static_cast<size_t>(PQgetlength(res.get(), 0, 0)));
  }

 private:
  Status Check(const PGresult* res, std::string_view what) {
    if (res != nullptr) {
      ExecStatusType st = PQresultStatus(res);
      if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
        return Status::Ok();
      }
    }
    return FromResult(conn_, res, what);
  }

  Status RequireTransaction(const char* what) {
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) {
      return Status::Internal(std::string(what) + ": no transaction is open");
    }
    return Status::Ok();
  }

  Status Simple(const char* sql) {
    PgResult res(PQexec(conn_, sql));
    return Check(res.get(), sql);
  }

  Result<PgResult> Run(std::string_view sql, const std::vector<Value>& params, const char* what) {
    int count = 0;
    std::string text = postgres_internal::RewritePlaceholders(sql, &count);
    if (static_cast<size_t>(count) != params.size()) {
      return Status::Internal("parameter count does not match the statement");
    }
    const size_t n = params.size();
    std::vector<Oid> types(n, kUnknownOid);
    std::vector<std::string> ints(n);  // owns the text form of int64 values
    std::vector<const char*> values(n, nullptr);
    std::vector<int> lengths(n, 0);
    std::vector<int> formats(n, 0);  // 0 = text, 1 = binary
    for (size_t i = 0; i < n; ++i) {
      const Value& v = params[i];
      if (auto* num = std::get_if<int64_t>(&v)) {
        ints[i] = std::to_string(*num);
        values[i] = ints[i].c_str();
        types[i] = kInt8Oid;
      } else if (auto* s = std::get_if<std::string>(&v)) {
        // Text parameters travel NUL-terminated and PostgreSQL text cannot
        // hold NUL: refuse rather than silently truncate.
        if (s->find('\0') != std::string::npos) {
          return Status::InvalidArgument("text contains a NUL byte; store it as a Blob");
        }
        values[i] = s->c_str();
      } else if (auto* b = std::get_if<Blob>(&v)) {
        if (b->bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
          return Status::InvalidArgument("blob too large for PostgreSQL");
        }
        values[i] = b->bytes.data();
        lengths[i] = static_cast<int>(b->bytes.size());
        formats[i] = 1;
        types[i] = kByteaOid;
      }
    }
    PgResult res(PQexecParams(conn_, text.c_str(), static_cast<int>(n), types.data(),
                              values.data(), lengths.data(), formats.data(), /*resultFormat=*/0));
    RETURN_IF_ERROR(Check(res.get(), what));
    return res;
  }

  PGconn* conn_;
};

// The default processor prints NOTICE/WARNING lines to stderr; they are not
// errors for us ("relation already exists, skipping") and would clutter logs.
void IgnoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& conninfo) {
  PGconn* raw = PQconnectdb(conninfo.c_str());
  if (raw == nullptr) return Status::Unavailable("cannot connect to PostgreSQL: out of memory");
  auto conn = std::make_unique<PostgresConnection>(raw);  // owns raw from here on
  if (PQstatus(raw) != CONNECTION_OK) {
    // libpq's message names host and port but never the password, unlike conninfo.
    return Status::Unavailable("cannot connect to PostgreSQL: " + TrimRight(PQerrorMessage(raw)));
  }
  PQsetNoticeProcessor(raw, IgnoreNotice, nullptr);
  RETURN_IF_ERROR(conn->ExecScript("SET client_encoding TO 'UTF8'; SET TimeZone TO 'UTC'"));
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace trm::store
