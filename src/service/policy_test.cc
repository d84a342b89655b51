// The authorization rules as a table: role x relation to the case -> decision.
#include "service/policy.h"

#include <gtest/gtest.h>

namespace trm::service {
namespace {

using domain::Role;

constexpr domain::Id kOwnerOrg = 1, kOtherOrg = 2, kSharedOrg = 3;

enum class Relation { kOnTeam, kSameOrg, kSharedOrg, kOtherOrg };

Actor Make(Role role, Relation rel) {
  Actor a;
  a.user_id = 7;
  a.role = role;
  a.organisation_id = rel == Relation::kOtherOrg    ? kOtherOrg
                      : rel == Relation::kSharedOrg ? kSharedOrg
                                                    : kOwnerOrg;
  if (rel != Relation::kOnTeam) a.user_id = 8;
  return a;
}

CaseFacts Facts() { return CaseFacts{kOwnerOrg, {7}, {kSharedOrg}}; }

struct Row {
  Role role;
  Relation rel;
  bool view, edit, close;
};

TEST(Policy, CaseDecisionTable) {
  const Row rows[] = {
      {Role::kCaseWorker, Relation::kOnTeam, true, true, true},
      {Role::kCaseWorker, Relation::kSameOrg, false, false, false},
      {Role::kCaseWorker, Relation::kSharedOrg, false, false, false},
      {Role::kCaseWorker, Relation::kOtherOrg, false, false, false},
      {Role::kHotlineOperator, Relation::kOnTeam, true, true, false},
      {Role::kHotlineOperator, Relation::kSameOrg, false, false, false},
      {Role::kSupervisor, Relation::kSameOrg, true, true, true},
      {Role::kSupervisor, Relation::kSharedOrg, true, true, false},
      {Role::kSupervisor, Relation::kOtherOrg, false, false, false},
      {Role::kOrgAdmin, Relation::kSameOrg, true, false, false},
      {Role::kOrgAdmin, Relation::kOtherOrg, false, false, false},
      {Role::kLegalOfficer, Relation::kOnTeam, true, true, false},
      {Role::kLegalOfficer, Relation::kSameOrg, false, false, false},
      {Role::kRepatriationOfficer, Relation::kSameOrg, false, false, false},
      {Role::kSecretariat, Relation::kSameOrg, false, false, false},
      {Role::kSecretariat, Relation::kOnTeam, false, false, false},
      {Role::kSystemAdmin, Relation::kSameOrg, false, false, false},
  };
  const CaseFacts f = Facts();
  for (const Row& r : rows) {
    Actor a = Make(r.role, r.rel);
    std::string where = std::string(domain::Name(r.role)) + " relation " +
                        std::to_string(static_cast<int>(r.rel));
    EXPECT_EQ(Authorize(a, Action::kViewCase, &f).ok(), r.view) << where;
    EXPECT_EQ(Authorize(a, Action::kEditCase, &f).ok(), r.edit) << where;
    EXPECT_EQ(Authorize(a, Action::kCloseCase, &f).ok(), r.close) << where;
  }
}

TEST(Policy, WhoMayOpenCases) {
  for (Role r : {Role::kHotlineOperator, Role::kCaseWorker, Role::kSupervisor,
                 Role::kLegalOfficer, Role::kRepatriationOfficer})
    EXPECT_TRUE(Authorize(Make(r, Relation::kSameOrg), Action::kCreateCase).ok());
  for (Role r : {Role::kSecretariat, Role::kOrgAdmin, Role::kSystemAdmin})
    EXPECT_EQ(Authorize(Make(r, Relation::kSameOrg), Action::kCreateCase).code(),
              Code::kPermissionDenied);
}

TEST(Policy, ListScopeMatchesTheViewRule) {
  EXPECT_FALSE(CaseListScope(Make(Role::kCaseWorker, Relation::kSameOrg)).whole_organisation);
  EXPECT_TRUE(CaseListScope(Make(Role::kSupervisor, Relation::kSameOrg)).whole_organisation);
  EXPECT_TRUE(CaseListScope(Make(Role::kOrgAdmin, Relation::kSameOrg)).whole_organisation);
  EXPECT_TRUE(CaseListScope(Make(Role::kSecretariat, Relation::kSameOrg)).nothing);
  EXPECT_TRUE(CaseListScope(Make(Role::kSystemAdmin, Relation::kSameOrg)).nothing);
}

TEST(Policy, CaseActionWithoutFactsIsAnError) {
  EXPECT_EQ(Authorize(Make(Role::kSupervisor, Relation::kSameOrg), Action::kViewCase).code(),
            Code::kInternal);
}

TEST(Policy, LibraryAndReportsAreTheSecretariats) {
  for (Role r : {Role::kSecretariat, Role::kSystemAdmin}) {
    EXPECT_TRUE(AuthorizeLibraryPublish(Make(r, Relation::kSameOrg)).ok());
    EXPECT_TRUE(AuthorizeNetworkReport(Make(r, Relation::kSameOrg)).ok());
  }
  for (Role r : {Role::kHotlineOperator, Role::kCaseWorker, Role::kSupervisor, Role::kLegalOfficer,
                 Role::kRepatriationOfficer, Role::kOrgAdmin}) {
    EXPECT_EQ(AuthorizeLibraryPublish(Make(r, Relation::kSameOrg)).code(), Code::kPermissionDenied);
    EXPECT_EQ(AuthorizeNetworkReport(Make(r, Relation::kSameOrg)).code(), Code::kPermissionDenied);
  }
}

TEST(Policy, TheReceiverOpensItsOwnCaseFromAReferral) {
  EXPECT_TRUE(AuthorizeReceiverCase(Make(Role::kCaseWorker, Relation::kSameOrg), kOwnerOrg).ok());
  EXPECT_TRUE(AuthorizeReceiverCase(Make(Role::kLegalOfficer, Relation::kSameOrg), kOwnerOrg).ok());
  EXPECT_EQ(AuthorizeReceiverCase(Make(Role::kCaseWorker, Relation::kOtherOrg), kOwnerOrg).code(),
            Code::kNotFound);
  EXPECT_EQ(AuthorizeReceiverCase(Make(Role::kOrgAdmin, Relation::kSameOrg), kOwnerOrg).code(),
            Code::kPermissionDenied);
  EXPECT_EQ(AuthorizeReceiverCase(Make(Role::kHotlineOperator, Relation::kSameOrg), kOwnerOrg).code(),
            Code::kPermissionDenied);
}

}  // namespace
}  // namespace trm::service
