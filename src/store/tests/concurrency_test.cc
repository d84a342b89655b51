// Many use cases at once, on both engines (SQLite through the group
// committer): every successful one is durable with its audit row, every
// failed one leaves nothing, and the audit chain stays intact.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

class ConcurrencyTest : public AppTest {
 protected:
  void ExpectChainIntact() {
    store::AuditVerdict v;
    ASSERT_TRUE(store().Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(v, tx.audit().Verify());
      return Status::Ok();
    }).ok());
    EXPECT_TRUE(v.intact) << v.reason;
  }
};

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
  ExpectChainIntact();
}

// A write handed over without waiting (a read's audit row): the caller is
// told once it is durable, a failed one reports its error and leaves nothing,
// and many in flight at once all land.
TEST_P(ConcurrencyTest, WritesHandedOverReportOnceDurable) {
  auto audit_rows = [&](const std::string& action) {
    auto rows = raw().Query("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
    return rows.ok() ? rows->at(0).Int(0) : -1;
  };
  std::vector<store::PendingCommit> pending;
  for (int i = 0; i < 40; ++i) {
    pending.push_back(store().WriteLater([i](store::Tx& tx) {
      return tx.audit()
          .Append(store::AuditEvent{1000 + i, std::nullopt, std::nullopt, "test.later", "case", std::to_string(i),
                                    "127.0.0.1", ""})
          .status();
    }));
  }
  store::PendingCommit refused = store().WriteLater([](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.audit()
                        .Append(store::AuditEvent{2000, std::nullopt, std::nullopt, "test.refused", "case", "1",
                                                  "127.0.0.1", ""})
                        .status());
    return Status::InvalidArgument("refused after writing");
  });
  for (auto& p : pending) EXPECT_TRUE(p.Wait().ok());
  Status why = refused.Wait();
  EXPECT_EQ(why.code(), Code::kInvalidArgument);
  EXPECT_EQ(audit_rows("test.later"), 40);
  EXPECT_EQ(audit_rows("test.refused"), 0);
  // A callback given after the outcome is known runs at once, with it.
  Status seen = Status::Internal("not called");
  refused.OnDone([&](const Status& s) { seen = s; });
  EXPECT_EQ(seen.code(), Code::kInvalidArgument);
  ExpectChainIntact();
}

INSTANTIATE_TEST_SUITE_P(Engines, ConcurrencyTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
