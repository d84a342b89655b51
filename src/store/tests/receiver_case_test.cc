// The receiving organisation opens its own case from a referral, on both
// engines: only the shared person travels, the case is the receiver's with
// the actor on its team, the link shows on the receiver's side only, and
// every refusal (wrong side, wrong step, consent gone, person not shared,
// twice) changes nothing.
#include <gtest/gtest.h>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::ConsentDecision;
using domain::ConsentPurpose;
using domain::ReferralAction;
using domain::Role;

class ReceiverCaseTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    shelter_ = AddOrg("Shelter Bangkok", "TH");
    kh_legal_ = AddOrg("Legal aid Phnom Penh", "KH");
    worker_ = AddUser(shelter_, "worker", Role::kCaseWorker);
    lawyer_ = AddUser(kh_legal_, "kh-lawyer", Role::kLegalOfficer);
    kh_worker_ = AddUser(kh_legal_, "kh-worker", Role::kCaseWorker);
    kh_admin_ = AddUser(kh_legal_, "kh-admin", Role::kOrgAdmin);
    auto c = app().cases().Create(worker_, {SomePerson(), std::nullopt});
    ASSERT_TRUE(c.ok());
    case_id_ = c->c.id;
    ASSERT_TRUE(app().entries().Add(worker_, case_id_, "note", {{"text", std::string("stays home")}}).ok());
    Consent(ConsentPurpose::kReferral, ConsentDecision::kGiven);
    Consent(ConsentPurpose::kCrossBorderDisclosure, ConsentDecision::kGiven);
  }
  void Consent(ConsentPurpose p, ConsentDecision d) {
    service::ConsentInput in;
    in.purpose = p;
    in.decision = d;
    in.explained_in_language = "km";
    ASSERT_TRUE(app().casework().RecordConsent(worker_, case_id_, in).ok());
    clock().Advance(1000);
  }
  // A referral to the Cambodian legal aid NGO, sent, and accepted unless `accept` is false.
  domain::Id Referral(std::vector<std::string> parts = {"person", "note"}, bool accept = true) {
    service::NewReferral in;
    in.to_organisation_id = kh_legal_;
    in.services = {"legal_aid"};
    in.parts = std::move(parts);
    in.summary = "Unpaid wages; needs a lawyer at home.";
    in.respond_by = FormatDate(clock().Now() + 3 * 86'400'000LL);
    auto r = app().referrals().Create(worker_, case_id_, in);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    auto sent = app().referrals().Act(worker_, r->referral.id, 1, ReferralAction::kSend, "", "");
    EXPECT_TRUE(sent.ok()) << sent.status().ToString();
    if (accept) {
      EXPECT_TRUE(app().referrals().Act(lawyer_, r->referral.id, 2, ReferralAction::kAccept, "", "").ok());
    }
    return r->referral.id;
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
  int64_t Written() {
    return Count("SELECT COUNT(*) FROM cases") + Count("SELECT COUNT(*) FROM referral_receiver_cases");
  }

  domain::Id shelter_ = 0, kh_legal_ = 0, case_id_ = 0;
  service::Actor worker_, lawyer_, kh_worker_, kh_admin_;
};

TEST_P(ReceiverCaseTest, TheReceiverOpensItsOwnCaseWithOnlyThePerson) {
  const domain::Id id = Referral();
  auto own = app().referrals().OpenReceiverCase(lawyer_, id, kh_worker_.user_id);
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  EXPECT_EQ(own->c.owner_organisation_id, kh_legal_);
  EXPECT_EQ(own->c.person, SomePerson());
  EXPECT_NE(own->c.id, case_id_);
  EXPECT_EQ(own->c.team, (std::vector<domain::Id>{lawyer_.user_id, kh_worker_.user_id}));
  EXPECT_EQ(own->c.assignee_id, kh_worker_.user_id);
  EXPECT_TRUE(app().entries().List(lawyer_, own->c.id, std::nullopt)->empty())
      << "the sender's notes stay in the sender's case";
  EXPECT_TRUE(app().cases().Get(lawyer_, own->c.id).ok());

  auto receiver_view = app().referrals().Get(lawyer_, id);
  ASSERT_TRUE(receiver_view.ok());
  EXPECT_EQ(receiver_view->receiver_case_id, own->c.id);
  EXPECT_EQ(receiver_view->receiver_case_reference, own->c.reference);
  auto sender_view = app().referrals().Get(worker_, id);
  ASSERT_TRUE(sender_view.ok());
  EXPECT_FALSE(sender_view->receiver_case_id) << "the sender never learns the receiver's case";
  EXPECT_EQ(app().cases().Get(worker_, own->c.id).status().code(), Code::kNotFound);

  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'referral.receiver_case'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.create' AND actor_organisation_id = " +
                  std::to_string(kh_legal_)),
            1);
  // Twice: a conflict, nothing more written.
  const int64_t before = Written();
  EXPECT_EQ(app().referrals().OpenReceiverCase(kh_worker_, id, std::nullopt).status().code(), Code::kConflict);
  EXPECT_EQ(Written(), before);
}

TEST_P(ReceiverCaseTest, RefusalsChangeNothing) {
  const domain::Id waiting = Referral({"person"}, /*accept=*/false);
  const domain::Id no_person = Referral({"note"});
  const domain::Id accepted = Referral();
  const int64_t before = Written();
  auto open = [&](const service::Actor& a, domain::Id id) {
    return app().referrals().OpenReceiverCase(a, id, std::nullopt).status().code();
  };
  EXPECT_EQ(open(lawyer_, waiting), Code::kFailedPrecondition) << "not accepted yet";
  EXPECT_EQ(open(lawyer_, no_person), Code::kFailedPrecondition) << "the person was not shared";
  EXPECT_EQ(open(worker_, accepted), Code::kPermissionDenied) << "the sender has its case";
  EXPECT_EQ(open(kh_admin_, accepted), Code::kPermissionDenied) << "an org admin does not answer referrals";
  EXPECT_EQ(open(lawyer_, accepted + 100), Code::kNotFound);
  const service::Actor stranger = AddUser(AddOrg("Elsewhere", "VN"), "stranger", Role::kCaseWorker);
  EXPECT_EQ(open(stranger, accepted), Code::kNotFound);
  EXPECT_EQ(app().referrals().OpenReceiverCase(lawyer_, accepted, worker_.user_id).status().field(), "assignee_id")
      << "the assignee must work for the receiver";
  Consent(ConsentPurpose::kCrossBorderDisclosure, ConsentDecision::kWithdrawn);
  EXPECT_EQ(open(lawyer_, accepted), Code::kFailedPrecondition) << "consent no longer covers it";
  Consent(ConsentPurpose::kCrossBorderDisclosure, ConsentDecision::kGiven);
  ASSERT_TRUE(app().referrals().Act(lawyer_, accepted, 3, ReferralAction::kComplete, "Claim filed.", "").ok());
  EXPECT_EQ(open(lawyer_, accepted), Code::kFailedPrecondition) << "completed: too late";
  EXPECT_EQ(Written(), before);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'referral.receiver_case'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReceiverCaseTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
