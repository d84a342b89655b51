// The Connection contract, checked on both engines: what the repositories
// rely on must behave the same on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "store/postgres/postgres_connection.h"
#include "store/sql.h"
#include "store/tests/test_engine.h"

namespace trm::store_test {
namespace {

using ::trm::store::Blob;
using ::trm::store::Rows;
using ::trm::store::Value;

constexpr char kThai[] = "สมชาย ใจดี";
constexpr char kKhmer[] = "សុខ សុភា";
constexpr char kBurmese[] = "အောင်ဆန်းစုကြည်";

// Autoincrement ids are spelled differently: SQLite needs INTEGER PRIMARY KEY
// (the rowid), PostgreSQL an identity column.
std::string Schema(Engine e) {
  if (e == Engine::kSqlite) {
    return "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
           " age INTEGER, note TEXT, photo BLOB) STRICT;"
           "CREATE TABLE visit (id INTEGER PRIMARY KEY,"
           " person_id INTEGER NOT NULL REFERENCES person(id)) STRICT;";
  }
  return "CREATE TABLE person (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
         " name TEXT NOT NULL UNIQUE, age BIGINT, note TEXT, photo BYTEA);"
         "CREATE TABLE visit (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
         " person_id BIGINT NOT NULL REFERENCES person(id));";
}

class ConnectionTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db().ExecScript(Schema(GetParam())).ok());
  }

  int64_t AddPerson(const std::string& name) {
    auto id = db().Insert("INSERT INTO person (name) VALUES (?)", {name});
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : -1;
  }

  int64_t CountPeople() {
    auto rows = db().Query("SELECT COUNT(*) FROM person");
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
};

TEST_P(ConnectionTest, ReportsItsEngine) { EXPECT_EQ(db().engine(), GetParam()); }

TEST_P(ConnectionTest, InsertReturnsNewIds) {
  int64_t a = AddPerson("a");
  int64_t b = AddPerson("b");
  int64_t c = AddPerson("c");
  EXPECT_GT(a, 0);
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  auto rows = db().Query("SELECT name FROM person WHERE id = ?", {b});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).Text(0), "b");
  EXPECT_EQ(CountPeople(), 3);
}

TEST_P(ConnectionTest, InsertAcceptsTrailingSemicolon) {
  auto id = db().Insert("INSERT INTO person (name) VALUES (?);\n", {std::string("x")});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_GT(*id, 0);
}

TEST_P(ConnectionTest, ValuesRoundTrip) {
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
  const std::string zeros("\0a\0\0b\0", 6);
  struct Case {
    std::string name;
    Value age, note, photo;
  };
  const std::vector<Case> cases = {
      {kThai, int64_t{34}, std::string(kKhmer), Blob{zeros}},
      {kKhmer, std::numeric_limits<int64_t>::max(), std::string(kBurmese), Blob{all_bytes}},
      {kBurmese, std::numeric_limits<int64_t>::min(), std::string(""), Blob{""}},
      {"nulls", std::monostate{}, std::monostate{}, std::monostate{}},
      {"negative", int64_t{-1}, std::string("it's \"quoted\" \\ ?"), Blob{"\xff\xfe"}},
  };
  for (const Case& c : cases) {
    auto id = db().Insert("INSERT INTO person (name, age, note, photo) VALUES (?, ?, ?, ?)",
                          {c.name, c.age, c.note, c.photo});
    ASSERT_TRUE(id.ok()) << c.name << ": " << id.status().ToString();
  }
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto rows = db().Query("SELECT name, age, note, photo FROM person WHERE name = ?", {c.name});
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_EQ(rows->size(), 1u);
    const store::Row& row = rows->at(0);
    EXPECT_EQ(row.Text(0), c.name);
    EXPECT_EQ(row.IsNull(1), std::holds_alternative<std::monostate>(c.age));
    EXPECT_EQ(row.OptInt(1), std::holds_alternative<int64_t>(c.age)
                                 ? std::optional<int64_t>(std::get<int64_t>(c.age))
                                 : std::nullopt);
    EXPECT_EQ(row.IsNull(2), std::holds_alternative<std::monostate>(c.note));
    if (auto* note = std::get_if<std::string>(&c.note)) {
      EXPECT_EQ(row.Text(2), *note);
    }
    EXPECT_EQ(row.IsNull(3), std::holds_alternative<std::monostate>(c.photo));
    if (auto* photo = std::get_if<Blob>(&c.photo)) {
      EXPECT_EQ(row.Bytes(3), photo->bytes);
    }
  }
}

TEST_P(ConnectionTest, BlobParameterMatchesStoredBlob) {
  const Blob key{std::string("\0\x01\x80\xff", 4)};
  ASSERT_TRUE(db().Insert("INSERT INTO person (name, photo) VALUES ('k', ?)", {key}).ok());
  auto rows = db().Query("SELECT name FROM person WHERE photo = ?", {key});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).Text(0), "k");
}

TEST_P(ConnectionTest, ExecReturnsChangedRows) {
  AddPerson("a");
  AddPerson("b");
  AddPerson("c");
  auto changed = db().Exec("UPDATE person SET age = ? WHERE name <> ?", {int64_t{9}, "b"});
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(*changed, 2);
  auto none = db().Exec("DELETE FROM person WHERE name = ?", {"nobody"});
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(*none, 0);
}

TEST_P(ConnectionTest, QueryWithNoMatchReturnsNoRows) {
  auto rows = db().Query("SELECT id FROM person WHERE name = ?", {"nobody"});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_TRUE(rows->empty());
}

TEST_P(ConnectionTest, UniqueViolationIsAlreadyExists) {
  AddPerson(kThai);
  auto dup = db().Insert("INSERT INTO person (name) VALUES (?)", {std::string(kThai)});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), Code::kAlreadyExists) << dup.status().ToString();
  EXPECT_EQ(CountPeople(), 1);
}

TEST_P(ConnectionTest, ForeignKeyViolationIsFailedPrecondition) {
  auto bad = db().Insert("INSERT INTO visit (person_id) VALUES (?)", {int64_t{424242}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kFailedPrecondition) << bad.status().ToString();
}

TEST_P(ConnectionTest, NotNullViolationIsFailedPrecondition) {
  auto bad = db().Insert("INSERT INTO person (name) VALUES (?)", {std::monostate{}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kFailedPrecondition) << bad.status().ToString();
}

TEST_P(ConnectionTest, RollbackDiscardsWrites) {
  AddPerson("kept");
  ASSERT_TRUE(db().Begin().ok());
  AddPerson("discarded");
  ASSERT_TRUE(db().Exec("UPDATE person SET age = 1").ok());
  ASSERT_TRUE(db().Rollback().ok());
  auto rows = db().Query("SELECT name, age FROM person");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).Text(0), "kept");
  EXPECT_TRUE(rows->at(0).IsNull(1));
}

TEST_P(ConnectionTest, CommitKeepsWrites) {
  ASSERT_TRUE(db().Begin().ok());
  int64_t id = AddPerson("one");
  ASSERT_TRUE(db().Insert("INSERT INTO visit (person_id) VALUES (?)", {id}).ok());
  ASSERT_TRUE(db().Commit().ok());
  EXPECT_EQ(CountPeople(), 1);
  auto visits = db().Query("SELECT person_id FROM visit");
  ASSERT_TRUE(visits.ok()) << visits.status().ToString();
  ASSERT_EQ(visits->size(), 1u);
  EXPECT_EQ(visits->at(0).Int(0), id);
}

// The common way to recover from a failed write inside a use case: roll the
// whole transaction back; the connection stays usable.
TEST_P(ConnectionTest, RollbackAfterFailedStatementRecovers) {
  AddPerson("taken");
  ASSERT_TRUE(db().Begin().ok());
  AddPerson("inside");
  EXPECT_FALSE(db().Insert("INSERT INTO person (name) VALUES (?)", {"taken"}).ok());
  ASSERT_TRUE(db().Rollback().ok());
  EXPECT_EQ(CountPeople(), 1);
  AddPerson("after");
  EXPECT_EQ(CountPeople(), 2);
}

// Nested transactions would silently lose atomicity: both engines refuse.
TEST_P(ConnectionTest, BeginInsideTransactionIsAnError) {
  ASSERT_TRUE(db().Begin().ok());
  EXPECT_FALSE(db().Begin().ok());
  AddPerson("inside");
  ASSERT_TRUE(db().Rollback().ok());  // the outer transaction was still open
  EXPECT_EQ(CountPeople(), 0);
}

TEST_P(ConnectionTest, CommitOrRollbackWithoutTransactionIsAnError) {
  EXPECT_FALSE(db().Commit().ok());
  EXPECT_FALSE(db().Rollback().ok());
  AddPerson("still usable");
  EXPECT_EQ(CountPeople(), 1);
}

TEST_P(ConnectionTest, QuestionMarkInLiteralIsNotAPlaceholder) {
  auto id = db().Insert("INSERT INTO person (name, note) VALUES ('who?', ?)", {"why?"});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto rows = db().Query("SELECT note FROM person WHERE name = 'who?' AND id = ?", {*id});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).Text(0), "why?");
}

TEST_P(ConnectionTest, WrongParameterCountIsAnError) {
  EXPECT_FALSE(db().Exec("UPDATE person SET age = ? WHERE name = ?", {int64_t{1}}).ok());
  EXPECT_FALSE(db().Query("SELECT id FROM person WHERE name = ?", {"a", "b"}).ok());
  EXPECT_FALSE(db().Insert("INSERT INTO person (name) VALUES (?)", {}).ok());
  EXPECT_EQ(CountPeople(), 0);  // and the connection still works
}

TEST_P(ConnectionTest, SyntaxErrorIsInternal) {
  auto bad = db().Query("SELEC nonsense");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kInternal);
  EXPECT_FALSE(db().Query("SELECT missing_column FROM person").ok());
  EXPECT_EQ(CountPeople(), 0);
}

TEST_P(ConnectionTest, ExecScriptRunsEveryStatement) {
  ASSERT_TRUE(db().ExecScript("INSERT INTO person (name) VALUES ('x');"
                              "INSERT INTO person (name) VALUES ('y');")
                  .ok());
  EXPECT_EQ(CountPeople(), 2);
  EXPECT_FALSE(db().ExecScript("INSERT INTO person (name) VALUES ('z'); BROKEN;").ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, ConnectionTest, AllEngines(), EngineParamName);

// --- PostgreSQL only: what has no SQLite counterpart. ---

class PostgresOnlyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TRM_SKIP_IF_ENGINE_UNAVAILABLE(Engine::kPostgres);
    conn_ = OpenTestConnection(Engine::kPostgres);
    ASSERT_NE(conn_, nullptr);
  }
  Connection& db() { return *conn_; }
  std::unique_ptr<Connection> conn_;
};

TEST_F(PostgresOnlyTest, SessionIsUtf8AndUtc) {
  auto rows = db().Query("SELECT current_setting('client_encoding'), current_setting('TimeZone')");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(rows->at(0).Text(0), "UTF8");
  EXPECT_EQ(rows->at(0).Text(1), "UTC");
}

TEST_F(PostgresOnlyTest, ColumnTypesMapToValues) {
  auto rows = db().Query(
      "SELECT 7::int2, 8::int4, 9::int8, true, false, '\\x00ff'::bytea, 1.5::numeric,"
      " NULL::int8, 'text'::varchar");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  const store::Row& row = rows->at(0);
  EXPECT_EQ(row.Int(0), 7);
  EXPECT_EQ(row.Int(1), 8);
  EXPECT_EQ(row.Int(2), 9);
  EXPECT_EQ(row.Int(3), 1);
  EXPECT_EQ(row.Int(4), 0);
  EXPECT_EQ(row.Bytes(5), std::string("\0\xff", 2));
  EXPECT_EQ(row.Text(6), "1.5");
  EXPECT_TRUE(row.IsNull(7));
  EXPECT_EQ(row.Text(8), "text");
}

TEST_F(PostgresOnlyTest, CommitAfterFailedStatementIsAnError) {
  ASSERT_TRUE(db().ExecScript("CREATE TABLE u (id BIGINT GENERATED ALWAYS AS IDENTITY"
                              " PRIMARY KEY, k TEXT UNIQUE)")
                  .ok());
  ASSERT_TRUE(db().Begin().ok());
  ASSERT_TRUE(db().Insert("INSERT INTO u (k) VALUES (?)", {"a"}).ok());
  EXPECT_EQ(db().Insert("INSERT INTO u (k) VALUES (?)", {"a"}).status().code(),
            Code::kAlreadyExists);
  // PostgreSQL has aborted the transaction: COMMIT must not report success.
  EXPECT_FALSE(db().Commit().ok());
  auto rows = db().Query("SELECT COUNT(*) FROM u");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(rows->at(0).Int(0), 0);
}

TEST_F(PostgresOnlyTest, TextWithNulIsRefused) {
  auto r = db().Query("SELECT ?", {std::string("a\0b", 3)});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
}

TEST_F(PostgresOnlyTest, LostConnectionIsUnavailable) {
  // A connection of its own: this one dies, and the fixture's must still
  // drop its schema afterwards.
  auto conn = store::OpenPostgres(std::getenv("TRM_TEST_PG"));
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  auto killed = (*conn)->Query("SELECT pg_terminate_backend(pg_backend_pid())");
  ASSERT_FALSE(killed.ok());
  EXPECT_EQ(killed.status().code(), Code::kUnavailable) << killed.status().ToString();
  auto after = (*conn)->Query("SELECT 1");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.status().code(), Code::kUnavailable) << after.status().ToString();
}

// --- No server needed. ---

TEST(PostgresConnect, UnreachableServerIsUnavailable) {
  auto conn = store::OpenPostgres("host=127.0.0.1 port=1 user=trm dbname=x connect_timeout=5");
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.status().code(), Code::kUnavailable) << conn.status().ToString();
}

TEST(PostgresPlaceholders, RewritesOnlyRealPlaceholders) {
  using store::postgres_internal::RewritePlaceholders;
  int n = -1;
  EXPECT_EQ(RewritePlaceholders("SELECT 1", &n), "SELECT 1");
  EXPECT_EQ(n, 0);
  EXPECT_EQ(RewritePlaceholders("a = ? AND b IN (?, ?)", &n), "a = $1 AND b IN ($2, $3)");
  EXPECT_EQ(n, 3);
  EXPECT_EQ(RewritePlaceholders("x = '?' AND y = ?", &n), "x = '?' AND y = $1");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(RewritePlaceholders("x = 'it''s ?' AND y = ?", &n), "x = 'it''s ?' AND y = $1");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(RewritePlaceholders("\"odd?col\" = ?", &n), "\"odd?col\" = $1");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(RewritePlaceholders("-- why?\nx = ? /* ? */ AND ?", &n),
            "-- why?\nx = $1 /* ? */ AND $2");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(RewritePlaceholders("x = ? -- trailing?", &n), "x = $1 -- trailing?");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(RewritePlaceholders("x = 'unterminated ?", &n), "x = 'unterminated ?");
  EXPECT_EQ(n, 0);
  EXPECT_EQ(RewritePlaceholders("??", &n), "$1$2");
  EXPECT_EQ(n, 2);
}

}  // namespace
}  // namespace trm::store_test
