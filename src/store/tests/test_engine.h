// Opens databases for the store test suite on either engine, so that every
// store test runs against SQLite and a real PostgreSQL server.
//
// PostgreSQL comes from env TRM_TEST_PG (a libpq conninfo, e.g. the line that
// `scripts/pg.sh start DIR` prints). Without it the PostgreSQL cases are
// skipped, or fail when TRM_REQUIRE_PG=1 (CI), so that a missing server can
// never pass silently.
//
// Typical use:
//   class FooTest : public trm::store_test::EngineTest {};
//   TEST_P(FooTest, Works) { ASSERT_TRUE(db().Exec("...").ok()); }
//   INSTANTIATE_TEST_SUITE_P(Engines, FooTest, trm::store_test::AllEngines(),
//                            trm::store_test::EngineParamName);
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "store/sql.h"

namespace trm {
// Lets gtest print "already_exists" rather than the enum's bytes.
inline void PrintTo(Code code, std::ostream* os) { *os << CodeName(code); }
}  // namespace trm

namespace trm::store_test {

using ::trm::store::Connection;
using ::trm::store::Engine;

// "Sqlite" or "Postgres": usable as a gtest name part.
std::string EngineName(Engine e);
std::string EngineParamName(const ::testing::TestParamInfo<Engine>& info);

// Both engines, for INSTANTIATE_TEST_SUITE_P.
::testing::internal::ParamGenerator<Engine> AllEngines();

// Why `e` cannot be tested in this run, or nullopt when it can.
std::optional<std::string> EngineUnavailable(Engine e);
// Whether an unavailable `e` is a test failure rather than a skip.
bool EngineRequired(Engine e);

// A fresh, empty, isolated database: SQLite, a new file in a temporary
// folder removed at exit; PostgreSQL, a new schema (dropped when the
// connection is destroyed) set as search_path. Returns nullptr after
// recording a test failure when the database cannot be opened.
std::unique_ptr<Connection> OpenTestConnection(Engine e);

// Skips the current test (or fails it, see EngineRequired) when `engine`
// cannot be tested. Use in a TEST body or SetUp() before OpenTestConnection.
#define TRM_SKIP_IF_ENGINE_UNAVAILABLE(engine)                          \
  do {                                                                  \
    if (auto trm_why_ = ::trm::store_test::EngineUnavailable(engine)) { \
      if (::trm::store_test::EngineRequired(engine)) {                  \
        FAIL() << *trm_why_;                                            \
      }                                                                 \
      GTEST_SKIP() << *trm_why_;                                        \
    }                                                                   \
  } while (0)

// Fixture for TEST_P over AllEngines(): db() is a fresh database. A subclass
// that overrides SetUp() calls EngineTest::SetUp() first and returns when
// IsSkipped() || HasFatalFailure().
class EngineTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override;
  Connection& db() { return *conn_; }

  std::unique_ptr<Connection> conn_;
};

}  // namespace trm::store_test

namespace trm::store {
// Names the engine in gtest output ("where GetParam() = Postgres").
inline void PrintTo(Engine e, std::ostream* os) { *os << store_test::EngineName(e); }
}  // namespace trm::store
