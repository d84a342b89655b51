// Who records legal payments and who confirms their receipt.
#include <gtest/gtest.h>

#include "service/policy.h"

namespace trm::service {
namespace {

using domain::Role;

constexpr domain::Id kLawOrg = 1, kPartnerOrg = 2, kOtherOrg = 3;

Actor Make(Role role, domain::Id org, domain::Id user = 7) {
  Actor a;
  a.user_id = user;
  a.organisation_id = org;
  a.role = role;
  return a;
}

TEST(LegalPolicy, LegalOfficersAndSupervisorsOfTheOwningOrganisationRecordPayments) {
  CaseFacts facts{kLawOrg, {7}, {kPartnerOrg}};
  EXPECT_TRUE(AuthorizeRecordPayment(Make(Role::kLegalOfficer, kLawOrg), facts).ok());
  EXPECT_TRUE(AuthorizeRecordPayment(Make(Role::kSupervisor, kLawOrg, 8), facts).ok());
  EXPECT_EQ(AuthorizeRecordPayment(Make(Role::kCaseWorker, kLawOrg), facts).code(),
            Code::kPermissionDenied);
  EXPECT_EQ(AuthorizeRecordPayment(Make(Role::kLegalOfficer, kLawOrg, 9), facts).code(),
            Code::kPermissionDenied) << "not on the team";
  EXPECT_EQ(AuthorizeRecordPayment(Make(Role::kSupervisor, kPartnerOrg, 8), facts).code(),
            Code::kPermissionDenied) << "the case is shared with it, not owned";
}

TEST(LegalPolicy, OnlyCaseWorkersAndSupervisorsOfThePartnerConfirm) {
  PaymentFacts facts{kLawOrg, kPartnerOrg, false};
  EXPECT_TRUE(AuthorizeConfirmPayment(Make(Role::kCaseWorker, kPartnerOrg), facts).ok());
  EXPECT_TRUE(AuthorizeConfirmPayment(Make(Role::kSupervisor, kPartnerOrg), facts).ok());
  for (Role r : {Role::kHotlineOperator, Role::kLegalOfficer, Role::kRepatriationOfficer,
                 Role::kOrgAdmin})
    EXPECT_EQ(AuthorizeConfirmPayment(Make(r, kPartnerOrg), facts).code(), Code::kPermissionDenied);
  EXPECT_EQ(AuthorizeConfirmPayment(Make(Role::kSupervisor, kOtherOrg), facts).code(), Code::kNotFound)
      << "a stranger learns nothing";
  EXPECT_EQ(AuthorizeConfirmPayment(Make(Role::kCaseWorker, kLawOrg), facts).code(), Code::kNotFound)
      << "the sender's people who do not see the case";
  facts.actor_sees_case = true;
  EXPECT_EQ(AuthorizeConfirmPayment(Make(Role::kLegalOfficer, kLawOrg), facts).code(),
            Code::kPermissionDenied) << "the sender does not confirm its own payment";
}

TEST(LegalPolicy, TheListIsForTheRolesThatConfirm) {
  EXPECT_TRUE(AuthorizePaymentsToConfirm(Make(Role::kCaseWorker, kPartnerOrg)).ok());
  EXPECT_TRUE(AuthorizePaymentsToConfirm(Make(Role::kSupervisor, kPartnerOrg)).ok());
  EXPECT_FALSE(AuthorizePaymentsToConfirm(Make(Role::kSecretariat, kPartnerOrg)).ok());
  EXPECT_FALSE(AuthorizePaymentsToConfirm(Make(Role::kHotlineOperator, kPartnerOrg)).ok());
}

}  // namespace
}  // namespace trm::service
