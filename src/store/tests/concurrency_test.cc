// Many use cases at once, on both engines (SQLite through the group
// committer): every successful one is durable with its audit row, every
// failed one leaves nothing, and the audit chain stays intact.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

class ConcurrencyTest : public AppTest {};

TEST_P(ConcurrencyTest, ParallelUseCasesCommitOrRollBackIndividually) {
  domain::Id org = AddOrg("Shelter", "TH");
  std::vector<service::Actor> workers;
  for (int i = 0; i < 4; ++i)
    workers.push_back(AddUser(org, "worker" + std::to_string(i), domain::Role::kCaseWorker));
  const int kPerThread = 25;
  std::atomic<int> created{0}, refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        domain::Person p = SomePerson();
        if (i % 5 == 0) p.birth_date = "2023-02-30";  // refused by validation
        // Every seventh names a foreign assignee: refused inside the transaction,
        // after the case row was written, so it must roll back to its savepoint.
        std::optional<domain::Id> assignee;
        if (i % 7 == 3) assignee = 999999;
        auto r = app().cases().Create(workers[t], {p, assignee});
        (r.ok() ? created : refused)++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(created + refused, 4 * kPerThread);
  auto count = [&](const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM cases"), created.load());
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_team"), created.load());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.create'"), created.load());
  store::AuditVerdict v;
  ASSERT_TRUE(store().Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(v, tx.audit().Verify());
    return Status::Ok();
  }).ok());
  EXPECT_TRUE(v.intact) << v.reason;
}

INSTANTIATE_TEST_SUITE_P(Engines, ConcurrencyTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
