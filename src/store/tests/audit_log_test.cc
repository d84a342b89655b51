// The audit chain on both engines: appends link rows by hash; editing a row,
// deleting one in the middle, or removing the newest rows is detected and the
// first broken row named.
#include <gtest/gtest.h>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

class AuditLogTest : public AppTest {
 protected:
  void Append(int n) {
    for (int i = 0; i < n; ++i) {
      Status s = store().Write([&](store::Tx& tx) {
        return tx.audit()
            .Append({clock().Now(), 1, 1, "case.read", "case", std::to_string(i), "10.0.0.1", ""})
            .status();
      });
      ASSERT_TRUE(s.ok()) << s.ToString();
      clock().Advance(10);
    }
  }
  store::AuditVerdict Verify() {
    store::AuditVerdict v;
    Status s = store().Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(v, tx.audit().Verify());
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return v;
  }
};

TEST_P(AuditLogTest, IntactChainVerifies) {
  Append(20);
  auto v = Verify();
  EXPECT_TRUE(v.intact) << v.reason;
  EXPECT_EQ(v.rows_checked, 20);
}

TEST_P(AuditLogTest, EditedRowIsDetected) {
  Append(10);
  ASSERT_TRUE(raw().Exec("UPDATE audit_log SET actor_user_id = 99 WHERE seq = 4").ok());
  auto v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 4);
}

TEST_P(AuditLogTest, RehashedEditIsDetectedAtTheNextRow) {
  Append(10);
  // A forger who recomputes the edited row's own hash still breaks the link
  // from the row after it.
  auto rows = raw().Query("SELECT prev_hash FROM audit_log WHERE seq = 4");
  ASSERT_TRUE(rows.ok());
  store::AuditEvent forged{kStart, 1, 1, "case.read", "case", "forged", "10.0.0.1", ""};
  std::string hash = store::AuditHash(rows->at(0).Text(0), 4, forged);
  ASSERT_TRUE(raw().Exec("UPDATE audit_log SET record_id = 'forged', at = ?, hash = ? WHERE seq = 4",
                         {kStart, hash}).ok());
  auto v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 5);
}

TEST_P(AuditLogTest, DeletedRowIsDetected) {
  Append(10);
  ASSERT_TRUE(raw().Exec("DELETE FROM audit_log WHERE seq = 6").ok());
  auto v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 6);
}

TEST_P(AuditLogTest, RemovedNewestRowsAreDetected) {
  Append(10);
  ASSERT_TRUE(raw().Exec("DELETE FROM audit_log WHERE seq >= 9").ok());
  auto v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.reason.find("newest rows were removed"), std::string::npos) << v.reason;
}

TEST_P(AuditLogTest, RolledBackUseCaseLeavesNoAuditRow) {
  Append(3);
  Status s = store().Write([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.audit().Append({clock().Now(), 1, 1, "x", "case", "1", "", ""}).status());
    return Status::Conflict("the use case failed after auditing");
  });
  EXPECT_EQ(s.code(), Code::kConflict);
  auto v = Verify();
  EXPECT_TRUE(v.intact);
  EXPECT_EQ(v.rows_checked, 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditLogTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
