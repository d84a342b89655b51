// The answer cache (service/answer_cache.h): a kept answer goes only to the
// actor it was given to, only while nothing but audit rows has been written,
// and never without an audit row of its own.
#include <gtest/gtest.h>

#include "service/answer_cache.h"
#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::Role;

class AnswerCacheTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    shelter_ = AddOrg("Shelter", "TH");
    worker_ = AddUser(shelter_, "worker", Role::kCaseWorker);
    colleague_ = AddUser(shelter_, "colleague", Role::kCaseWorker);
    auto v = app().cases().Create(worker_, {SomePerson(), std::nullopt});
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    case_ = v->c;
  }

  bool Sqlite() const { return GetParam() == store::Engine::kSqlite; }

  // Reads the case as `worker_` and keeps a made-up answer for `question`.
  void ReadAndKeep(const std::string& question, const std::string& body) {
    auto generation = app().answers().Generation();
    ASSERT_TRUE(generation.has_value());
    store::PendingCommit refusal;
    auto read = app().cases().GetAudited(worker_, case_.id, &refusal);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    ASSERT_TRUE(read->audit.Wait().ok());
    app().answers().Keep(worker_, question, *generation, body, read->record);
  }

  int64_t AuditRows(const std::string& action) {
    auto rows = raw().Query("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  domain::Id shelter_ = 0;
  service::Actor worker_, colleague_;
  domain::Case case_;
};

TEST_P(AnswerCacheTest, ARepeatIsAnsweredFromMemoryWithItsOwnAuditRow) {
  if (!Sqlite()) GTEST_SKIP() << "kept answers need a store that sees every write";
  ReadAndKeep("GET /case", "the answer");
  const int64_t reads = AuditRows("case.read");
  clock().Advance(5000);
  service::Actor again = worker_;
  again.ip = "10.9.8.7";
  auto repeat = app().answers().Find(again, "GET /case");
  ASSERT_TRUE(repeat.has_value());
  EXPECT_EQ(*repeat->body, "the answer");
  ASSERT_TRUE(repeat->audit.Wait().ok());
  EXPECT_EQ(AuditRows("case.read"), reads + 1);
  auto last = raw().Query(
      "SELECT actor_user_id, record_type, record_id, ip, at FROM audit_log ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->at(0).Int(0), worker_.user_id);
  EXPECT_EQ(last->at(0).Text(1), "case");
  EXPECT_EQ(last->at(0).Text(2), std::to_string(case_.id));
  EXPECT_EQ(last->at(0).Text(3), "10.9.8.7");
  EXPECT_EQ(last->at(0).Int(4), kStart + 5000);
}

TEST_P(AnswerCacheTest, OnlyTheSameActorAskingTheSameQuestionIsAnswered) {
  if (!Sqlite()) GTEST_SKIP() << "kept answers need a store that sees every write";
  ReadAndKeep("GET /case", "the answer");
  const int64_t rows = AuditRows("case.read");
  EXPECT_FALSE(app().answers().Find(colleague_, "GET /case").has_value());
  EXPECT_FALSE(app().answers().Find(worker_, "GET /case?x=1").has_value());
  service::Actor promoted = worker_;
  promoted.role = Role::kSupervisor;
  EXPECT_FALSE(app().answers().Find(promoted, "GET /case").has_value());
  service::Actor moved = worker_;
  moved.organisation_id = shelter_ + 1000;
  EXPECT_FALSE(app().answers().Find(moved, "GET /case").has_value());
  EXPECT_EQ(AuditRows("case.read"), rows);  // a miss writes nothing
}

TEST_P(AnswerCacheTest, AuditRowsAloneLeaveKeptAnswersCurrent) {
  if (!Sqlite()) GTEST_SKIP() << "kept answers need a store that sees every write";
  ReadAndKeep("GET /case", "the answer");
  // Other reads and a refusal write only audit rows.
  auto other = app().cases().Get(colleague_, case_.id);
  EXPECT_EQ(other.status().code(), Code::kNotFound);
  ASSERT_TRUE(app().cases().Get(worker_, case_.id).ok());
  ASSERT_TRUE(app().cases().List(worker_, {}).ok());
  auto repeat = app().answers().Find(worker_, "GET /case");
  ASSERT_TRUE(repeat.has_value());
  EXPECT_TRUE(repeat->audit.Wait().ok());
}

TEST_P(AnswerCacheTest, AnyWriteOfRecordsRetiresEveryKeptAnswer) {
  if (!Sqlite()) GTEST_SKIP() << "kept answers need a store that sees every write";
  ReadAndKeep("GET /case", "before the change");
  service::CaseChange change;
  change.version = case_.stamp.version;
  change.assignee_id = std::optional<domain::Id>(colleague_.user_id);
  ASSERT_TRUE(app().cases().Update(worker_, case_.id, change).ok());
  EXPECT_FALSE(app().answers().Find(worker_, "GET /case").has_value());

  // A write elsewhere (a new user) retires it as well: access may hang on it.
  ReadAndKeep("GET /case", "after the change");
  ASSERT_TRUE(app().answers().Find(worker_, "GET /case").has_value());
  AddUser(shelter_, "newcomer", Role::kCaseWorker);
  EXPECT_FALSE(app().answers().Find(worker_, "GET /case").has_value());
}

TEST_P(AnswerCacheTest, AnAnswerReadBeforeAWriteIsNotKept) {
  if (!Sqlite()) GTEST_SKIP() << "kept answers need a store that sees every write";
  auto generation = app().answers().Generation();
  ASSERT_TRUE(generation.has_value());
  store::PendingCommit refusal;
  auto read = app().cases().GetAudited(worker_, case_.id, &refusal);
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(read->audit.Wait().ok());
  // The case changes after it was read and before the answer is kept.
  ASSERT_TRUE(app().cases().Close(worker_, case_.id, case_.stamp.version, "moved on").ok());
  app().answers().Keep(worker_, "GET /case", *generation, "stale", read->record);
  EXPECT_FALSE(app().answers().Find(worker_, "GET /case").has_value());
  EXPECT_EQ(app().answers().size(), 0u);
}

TEST_P(AnswerCacheTest, KeptAnswersStayWithinTheirBound) {
  if (!Sqlite()) GTEST_SKIP() << "kept answers need a store that sees every write";
  service::AnswerCache small(store(), clock(), 1000);
  auto generation = small.Generation();
  ASSERT_TRUE(generation.has_value());
  service::ReadRecord record{"case.read", "case", std::to_string(case_.id), ""};
  for (int i = 0; i < 10; ++i)
    small.Keep(worker_, "GET /" + std::to_string(i), *generation, std::string(150, 'x'), record);
  EXPECT_LT(small.size(), 10u);
  EXPECT_TRUE(small.Find(worker_, "GET /9").has_value());  // the newest is kept
  small.Keep(worker_, "GET /big", *generation, std::string(400, 'x'), record);
  EXPECT_FALSE(small.Find(worker_, "GET /big").has_value());  // over a quarter of the bound
}

TEST_P(AnswerCacheTest, AStoreThatCannotSeeEveryWriteKeepsNothing) {
  if (Sqlite()) GTEST_SKIP() << "PostgreSQL: other servers may write unseen";
  EXPECT_FALSE(app().answers().Generation().has_value());
  service::ReadRecord record{"case.read", "case", std::to_string(case_.id), ""};
  app().answers().Keep(worker_, "GET /case", 1, "the answer", record);
  EXPECT_FALSE(app().answers().Find(worker_, "GET /case").has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, AnswerCacheTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
