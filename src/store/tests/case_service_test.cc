// Case use cases on both engines: each is one transaction with its audit row;
// authorization is enforced; failures change nothing.
#include <gtest/gtest.h>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::Role;

class CaseServiceTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    shelter_ = AddOrg("Shelter", "TH");
    legal_ = AddOrg("Legal aid", "KH");
    worker_ = AddUser(shelter_, "worker", Role::kCaseWorker);
    colleague_ = AddUser(shelter_, "colleague", Role::kCaseWorker);
    supervisor_ = AddUser(shelter_, "supervisor", Role::kSupervisor);
    admin_ = AddUser(shelter_, "admin", Role::kOrgAdmin);
    outsider_ = AddUser(legal_, "outsider", Role::kCaseWorker);
    outside_supervisor_ = AddUser(legal_, "outside-supervisor", Role::kSupervisor);
    secretariat_ = AddUser(legal_, "secretariat", Role::kSecretariat);
  }

  service::CaseView Create(const service::Actor& a) {
    auto v = app().cases().Create(a, {SomePerson(), std::nullopt});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : service::CaseView{};
  }
  int64_t Count(const std::string& table) {
    auto rows = raw().Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  domain::Id shelter_ = 0, legal_ = 0;
  service::Actor worker_, colleague_, supervisor_, admin_, outsider_, outside_supervisor_,
      secretariat_;
};

TEST_P(CaseServiceTest, CreateAuditsAndPutsTheCreatorOnTheTeam) {
  auto before = Count("audit_log");
  auto v = Create(worker_);
  EXPECT_EQ(v.c.stamp.version, 1);
  EXPECT_EQ(v.c.team, std::vector<domain::Id>{worker_.user_id});
  EXPECT_EQ(v.owner.id, shelter_);
  EXPECT_EQ(Count("audit_log"), before + 1);
}

TEST_P(CaseServiceTest, WhoSeesACase) {
  auto v = Create(worker_);
  const domain::Id id = v.c.id;
  EXPECT_TRUE(app().cases().Get(worker_, id).ok());
  EXPECT_TRUE(app().cases().Get(supervisor_, id).ok());
  EXPECT_TRUE(app().cases().Get(admin_, id).ok());
  EXPECT_EQ(app().cases().Get(colleague_, id).status().code(), Code::kNotFound);
  EXPECT_EQ(app().cases().Get(outsider_, id).status().code(), Code::kNotFound);
  EXPECT_EQ(app().cases().Get(outside_supervisor_, id).status().code(), Code::kNotFound);
  EXPECT_EQ(app().cases().Get(secretariat_, id).status().code(), Code::kNotFound);
  // Shared with the legal aid organisation: its supervisor now sees it, its
  // case worker only once on the team.
  ASSERT_TRUE(app().cases().Share(supervisor_, id, legal_).ok());
  EXPECT_TRUE(app().cases().Get(outside_supervisor_, id).ok());
  EXPECT_EQ(app().cases().Get(outsider_, id).status().code(), Code::kNotFound);
}

TEST_P(CaseServiceTest, ReadsAndRefusalsAreAudited) {
  auto v = Create(worker_);
  auto reads = [&](const char* action) {
    auto rows = raw().Query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record_id = ?",
                            {std::string(action), std::to_string(v.c.id)});
    return rows.ok() ? rows->at(0).Int(0) : -1;
  };
  ASSERT_TRUE(app().cases().Get(worker_, v.c.id).ok());
  EXPECT_EQ(reads("case.read"), 1);
  EXPECT_FALSE(app().cases().Get(outsider_, v.c.id).ok());
  EXPECT_EQ(reads("case.read"), 1);
  EXPECT_EQ(reads("case.denied"), 1);
}

// The HTTP layer's read: a refusal's row is queued, not waited for, and the
// refusal is answered once it reports.
TEST_P(CaseServiceTest, ARefusedReadQueuesItsRow) {
  auto v = Create(worker_);
  auto denied = [&] {
    auto rows = raw().Query("SELECT COUNT(*) FROM audit_log WHERE action = 'case.denied' AND record_id = ?",
                            {std::to_string(v.c.id)});
    return rows.ok() ? rows->at(0).Int(0) : -1;
  };
  store::PendingCommit refusal;
  auto seen = app().cases().GetAudited(worker_, v.c.id, &refusal);
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  ASSERT_TRUE(seen->audit.Wait().ok());
  EXPECT_TRUE(refusal.Wait().ok());
  EXPECT_EQ(denied(), 0);
  auto refused = app().cases().GetAudited(outsider_, v.c.id, &refusal);
  EXPECT_EQ(refused.status().code(), Code::kNotFound);
  ASSERT_TRUE(refusal.Wait().ok());
  EXPECT_EQ(denied(), 1);
}

TEST_P(CaseServiceTest, OrgAdminMayReadButNotChange) {
  auto v = Create(worker_);
  service::CaseChange change;
  change.version = 1;
  change.person = SomePerson();
  change.person->first_name = "changed";
  EXPECT_EQ(app().cases().Update(admin_, v.c.id, change).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(app().cases().Get(worker_, v.c.id)->c.person.first_name, "សុខា");
}

TEST_P(CaseServiceTest, AssigningAddsToTheTeamAndOnlyWithinTheOrganisation) {
  auto v = Create(supervisor_);
  EXPECT_EQ(app().cases().Get(worker_, v.c.id).status().code(), Code::kNotFound);
  service::CaseChange change;
  change.version = 1;
  change.assignee_id = std::optional<domain::Id>(outsider_.user_id);
  auto bad = app().cases().Update(supervisor_, v.c.id, change);
  EXPECT_EQ(bad.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(bad.status().field(), "assignee_id");
  change.assignee_id = std::optional<domain::Id>(worker_.user_id);
  auto ok = app().cases().Update(supervisor_, v.c.id, change);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->c.stamp.version, 2);
  EXPECT_TRUE(app().cases().Get(worker_, v.c.id).ok());
  // A case worker cannot hand the case to someone else's... team member may
  // reassign within the organisation; one not on the team cannot see it at all.
  change.version = 2;
  change.assignee_id = std::optional<domain::Id>(colleague_.user_id);
  EXPECT_EQ(app().cases().Update(colleague_, v.c.id, change).status().code(), Code::kNotFound);
}

TEST_P(CaseServiceTest, StaleVersionIsAConflictAndChangesNothing) {
  auto v = Create(worker_);
  service::CaseChange change;
  change.version = 1;
  change.person = SomePerson();
  change.person->approximate_age = 30;
  ASSERT_TRUE(app().cases().Update(worker_, v.c.id, change).ok());
  auto audit_before = Count("audit_log");
  change.person->approximate_age = 40;
  EXPECT_EQ(app().cases().Update(worker_, v.c.id, change).status().code(), Code::kConflict);
  EXPECT_EQ(Count("audit_log"), audit_before);
  auto now = app().cases().Get(worker_, v.c.id);
  EXPECT_EQ(now->c.person.approximate_age, 30);
  EXPECT_EQ(now->c.stamp.version, 2);
}

TEST_P(CaseServiceTest, InvalidInputChangesNothing) {
  auto cases = Count("cases"), audit = Count("audit_log");
  domain::Person p = SomePerson();
  p.birth_date = "2023-02-29";
  EXPECT_EQ(app().cases().Create(worker_, {p, std::nullopt}).status().code(),
            Code::kInvalidArgument);
  // A bad assignee is found inside the transaction: the insert must roll back.
  EXPECT_EQ(app().cases().Create(worker_, {SomePerson(), outsider_.user_id}).status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(Count("cases"), cases);
  EXPECT_EQ(Count("case_team"), 0);
  EXPECT_EQ(Count("audit_log"), audit);
}

TEST_P(CaseServiceTest, CloseAndReopenFollowTheRules) {
  auto v = Create(worker_);
  EXPECT_EQ(app().cases().Close(worker_, v.c.id, 1, "").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(app().cases().Close(admin_, v.c.id, 1, "done").status().code(),
            Code::kPermissionDenied);
  auto closed = app().cases().Close(worker_, v.c.id, 1, "returned home safely");
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->c.status, domain::CaseStatus::kClosed);
  EXPECT_EQ(closed->c.closure_reason, "returned home safely");
  EXPECT_EQ(app().cases().Close(worker_, v.c.id, 2, "again").status().code(),
            Code::kFailedPrecondition);
  service::CaseChange change;
  change.version = 2;
  change.person = SomePerson();
  EXPECT_EQ(app().cases().Update(worker_, v.c.id, change).status().code(),
            Code::kFailedPrecondition);
  auto reopened = app().cases().Reopen(supervisor_, v.c.id, 2, "new risk reported");
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->c.status, domain::CaseStatus::kOpen);
  EXPECT_TRUE(reopened->c.closure_reason.empty());
}

TEST_P(CaseServiceTest, ListShowsOnlyVisibleCasesAndIsAudited) {
  Create(worker_);
  Create(worker_);
  Create(colleague_);
  auto mine = app().cases().List(worker_, {});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->total, 2);
  EXPECT_EQ(app().cases().List(supervisor_, {})->total, 3);
  EXPECT_EQ(app().cases().List(outsider_, {})->total, 0);
  EXPECT_EQ(app().cases().List(secretariat_, {})->total, 0);
  store::CaseFilter bad;
  bad.page_size = 500;
  EXPECT_EQ(app().cases().List(worker_, bad).status().code(), Code::kInvalidArgument);
  auto rows = raw().Query("SELECT COUNT(*) FROM audit_log WHERE action = 'case.list'");
  EXPECT_EQ(rows->at(0).Int(0), 4);
}

TEST_P(CaseServiceTest, SecretariatCannotOpenCases) {
  EXPECT_EQ(app().cases().Create(secretariat_, {SomePerson(), std::nullopt}).status().code(),
            Code::kPermissionDenied);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseServiceTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
