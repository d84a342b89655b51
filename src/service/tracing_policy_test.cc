// Who sees and changes a family tracing request: (who, action) -> allowed,
// refused (403) or not found (404).
#include <gtest/gtest.h>

#include "service/policy.h"

namespace trm::service {
namespace {

using domain::Role;
using A = TracingAction;

constexpr domain::Id kOrg = 7;
constexpr domain::Id kOfficer = 70;
const TracingFacts kFacts{kOrg, kOfficer};

Actor Who(domain::Id user, domain::Id org, Role role) { return Actor{user, org, role, "", "", ""}; }

TEST(TracingPolicy, OnlyTheOfficerSeesCandidates) {
  struct Row {
    Actor actor;
    A action;
    Code want;
  };
  const Actor officer = Who(kOfficer, kOrg, Role::kCaseWorker);
  const Actor supervisor = Who(71, kOrg, Role::kSupervisor);
  const Actor supervising_officer = Who(kOfficer, kOrg, Role::kSupervisor);
  const Actor colleague = Who(72, kOrg, Role::kCaseWorker);
  const Actor admin = Who(73, kOrg, Role::kOrgAdmin);
  const Actor elsewhere = Who(74, 8, Role::kSupervisor);
  const Row rows[] = {
      {officer, A::kView, Code::kOk},
      {officer, A::kCandidates, Code::kOk},
      {officer, A::kClose, Code::kOk},
      {officer, A::kReassign, Code::kPermissionDenied},
      {supervisor, A::kView, Code::kOk},
      {supervisor, A::kCandidates, Code::kPermissionDenied},
      {supervisor, A::kClose, Code::kOk},
      {supervisor, A::kReassign, Code::kOk},
      {supervising_officer, A::kCandidates, Code::kOk},
      {supervising_officer, A::kReassign, Code::kOk},
      {colleague, A::kView, Code::kNotFound},
      {colleague, A::kCandidates, Code::kNotFound},
      {admin, A::kView, Code::kNotFound},
      {elsewhere, A::kView, Code::kNotFound},
      {elsewhere, A::kReassign, Code::kNotFound},
  };
  for (const Row& r : rows)
    EXPECT_EQ(AuthorizeTracing(r.actor, r.action, kFacts).code(), r.want)
        << "user " << r.actor.user_id << " action " << static_cast<int>(r.action);
}

TEST(TracingPolicy, WhoFilesAndWhoTraces) {
  EXPECT_TRUE(AuthorizeTracingCreate(Who(1, kOrg, Role::kCaseWorker), 1).ok());
  EXPECT_EQ(AuthorizeTracingCreate(Who(1, kOrg, Role::kCaseWorker), 2).code(), Code::kPermissionDenied);
  EXPECT_TRUE(AuthorizeTracingCreate(Who(1, kOrg, Role::kSupervisor), 2).ok());
  for (Role r : {Role::kHotlineOperator, Role::kLegalOfficer, Role::kRepatriationOfficer, Role::kOrgAdmin,
                 Role::kSecretariat, Role::kSystemAdmin})
    EXPECT_EQ(AuthorizeTracingCreate(Who(1, kOrg, r), 1).code(), Code::kPermissionDenied);
  EXPECT_TRUE(MayTraceFamilies(Role::kRepatriationOfficer));
  EXPECT_FALSE(MayTraceFamilies(Role::kHotlineOperator));
  EXPECT_FALSE(MayTraceFamilies(Role::kOrgAdmin));
}

}  // namespace
}  // namespace trm::service
