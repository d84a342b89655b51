#include "store/tests/test_engine.h"

#include <stdlib.h>  // mkdtemp

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string_view>
#include <system_error>
#include <vector>

#include "store/postgres/postgres_connection.h"
#include "store/sqlite/sqlite_connection.h"

namespace trm::store_test {
namespace {

using ::trm::store::Rows;
using ::trm::store::Value;

constexpr const char* kPgEnv = "TRM_TEST_PG";
constexpr const char* kRequirePgEnv = "TRM_REQUIRE_PG";

// One temporary folder per test process for its SQLite files; removed at
// exit by the static's destructor.
class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    std::string pattern =
        (std::filesystem::temp_directory_path(ec) / "trm-store-test-XXXXXX").string();
    if (!ec && mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

const std::string& SqliteDir() {
  static TempDir dir;
  return dir.path();
}

// A PostgreSQL connection that owns a scratch schema and drops it on close,
// so that a long-lived developer server does not fill with test schemas.
class SchemaConnection final : public Connection {
 public:
  SchemaConnection(std::unique_ptr<Connection> inner, std::string schema)
      : inner_(std::move(inner)), schema_(std::move(schema)) {}
  ~SchemaConnection() override {
    // A test may stop mid-transaction; outside one this is a harmless error.
    (void)inner_->Rollback();
    (void)inner_->ExecScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  Engine engine() const override { return inner_->engine(); }
  Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params) override {
    return inner_->Exec(sql, params);
  }
  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    return inner_->Query(sql, params);
  }
  Status ExecScript(std::string_view sql) override { return inner_->ExecScript(sql); }
  Status Begin() override { return inner_->Begin(); }
  Status BeginRead() override { return inner_->BeginRead(); }
  Status Commit() override { return inner_->Commit(); }
  Status Rollback() override { return inner_->Rollback(); }
  Result<int64_t> Insert(std::string_view sql, const std::vector<Value>& params) override {
    return inner_->Insert(sql, params);
  }

 private:
  std::unique_ptr<Connection> inner_;
  std::string schema_;
};

std::string RandomSuffix() {
  static std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t bits = rng();
  std::string out;
  for (int i = 0; i < 16; ++i, bits >>= 4) out += kHex[bits & 0xf];
  return out;
}

std::unique_ptr<Connection> OpenSqliteForTest() {
  static int counter = 0;
  if (SqliteDir().empty()) {
    ADD_FAILURE() << "cannot create a temporary folder for SQLite test databases";
    return nullptr;
  }
  std::string path = SqliteDir() + "/db" + std::to_string(++counter) + ".sqlite";
  auto conn = store::OpenSqlite(path);
  if (!conn.ok()) {
    ADD_FAILURE() << "cannot open " << path << ": " << conn.status().ToString();
    return nullptr;
  }
  return std::move(conn).value();
}

std::unique_ptr<Connection> OpenPostgresForTest() {
  const char* conninfo = std::getenv(kPgEnv);
  if (conninfo == nullptr || *conninfo == '\0') {
    ADD_FAILURE() << kPgEnv << " is not set: use TRM_SKIP_IF_ENGINE_UNAVAILABLE first";
    return nullptr;
  }
  auto conn = store::OpenPostgres(conninfo);
  if (!conn.ok()) {
    // Not the conninfo itself: it may hold a password and end up in CI logs.
    ADD_FAILURE() << "cannot connect to the server in " << kPgEnv << ": "
                  << conn.status().ToString();
    return nullptr;
  }
  const std::string schema = "t_" + RandomSuffix();
  Status s = (*conn)->ExecScript("CREATE SCHEMA " + schema + "; SET search_path TO " + schema);
  if (!s.ok()) {
    ADD_FAILURE() << "cannot create test schema " << schema << ": " << s.ToString();
    return nullptr;
  }
  return std::make_unique<SchemaConnection>(std::move(conn).value(), schema);
}

}  // namespace

std::string EngineName(Engine e) {
  switch (e) {
    case Engine::kSqlite:
      return "Sqlite";
    case Engine::kPostgres:
      return "Postgres";
  }
  return "Unknown";
}

std::string EngineParamName(const ::testing::TestParamInfo<Engine>& info) {
  return EngineName(info.param);
}

::testing::internal::ParamGenerator<Engine> AllEngines() {
  return ::testing::Values(Engine::kSqlite, Engine::kPostgres);
}

std::optional<std::string> EngineUnavailable(Engine e) {
  if (e != Engine::kPostgres) return std::nullopt;
  const char* conninfo = std::getenv(kPgEnv);
  if (conninfo != nullptr && *conninfo != '\0') return std::nullopt;
  return std::string("PostgreSQL tests need env ") + kPgEnv +
         " (a libpq conninfo; `scripts/pg.sh start DIR` prints one)" +
         (EngineRequired(e) ? " and " + std::string(kRequirePgEnv) + "=1 makes them mandatory"
                            : "; skipping");
}

bool EngineRequired(Engine e) {
  if (e != Engine::kPostgres) return true;
  const char* required = std::getenv(kRequirePgEnv);
  return required != nullptr && std::string_view(required) == "1";
}

std::unique_ptr<Connection> OpenTestConnection(Engine e) {
  return e == Engine::kSqlite ? OpenSqliteForTest() : OpenPostgresForTest();
}

void EngineTest::SetUp() {
  TRM_SKIP_IF_ENGINE_UNAVAILABLE(GetParam());
  conn_ = OpenTestConnection(GetParam());
  ASSERT_NE(conn_, nullptr) << "cannot open a " << EngineName(GetParam()) << " test database";
}

}  // namespace trm::store_test
