// Who may check, read the details of and change the register: role x type
// of the actor's organisation -> level.
#include <gtest/gtest.h>

#include "service/policy.h"

namespace trm::service {
namespace {

using domain::OrgType;
using domain::Role;
using L = RegisterAccess;

TEST(RegisterPolicy, LevelTable) {
  struct Row {
    Role role;
    OrgType org;
    L level;
  };
  const Row rows[] = {
      {Role::kCaseWorker, OrgType::kNgo, L::kCheck},
      {Role::kSupervisor, OrgType::kNgo, L::kCheck},
      {Role::kHotlineOperator, OrgType::kNgo, L::kCheck},
      {Role::kOrgAdmin, OrgType::kNgo, L::kCheck},
      {Role::kRepatriationOfficer, OrgType::kCentralGovernmentOrganisation, L::kCheck},
      {Role::kCaseWorker, OrgType::kLegalService, L::kCheck},
      {Role::kOrgAdmin, OrgType::kLegalService, L::kCheck},
      {Role::kSupervisor, OrgType::kLegalService, L::kEdit},
      {Role::kLegalOfficer, OrgType::kLegalService, L::kEdit},
      {Role::kLegalOfficer, OrgType::kNgo, L::kEdit},
      {Role::kCaseWorker, OrgType::kLawEnforcement, L::kEdit},
      {Role::kSupervisor, OrgType::kLawEnforcement, L::kEdit},
      {Role::kOrgAdmin, OrgType::kLawEnforcement, L::kDetails},
      {Role::kHotlineOperator, OrgType::kLawEnforcement, L::kDetails},
      {Role::kSecretariat, OrgType::kNgo, L::kEdit},
      {Role::kSystemAdmin, OrgType::kNgo, L::kCheck},
      {Role::kSystemAdmin, OrgType::kLawEnforcement, L::kCheck},
  };
  for (const Row& r : rows) {
    Actor a;
    a.role = r.role;
    EXPECT_EQ(RegisterAccessOf(a, r.org), r.level) << domain::Name(r.role) << " of " << domain::Name(r.org);
    EXPECT_TRUE(AuthorizeRegister(a, r.org, L::kCheck).ok());
    EXPECT_EQ(AuthorizeRegister(a, r.org, L::kDetails).ok(), r.level != L::kCheck);
    const Status edit = AuthorizeRegister(a, r.org, L::kEdit);
    EXPECT_EQ(edit.ok(), r.level == L::kEdit);
    if (!edit.ok()) {
      EXPECT_EQ(edit.code(), Code::kPermissionDenied);
    }
  }
}

}  // namespace
}  // namespace trm::service
