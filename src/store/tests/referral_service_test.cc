// Referrals on both engines: the consent gate and its override, minimal
// disclosure before and after acceptance, sharing stopped by withdrawn
// consent, which side takes which step, overdue detection, the timeline.
#include <gtest/gtest.h>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::ConsentDecision;
using domain::ConsentPurpose;
using domain::ReferralAction;
using domain::ReferralStatus;
using domain::Role;

constexpr Millis kDay = 86'400'000;

class ReferralTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    shelter_ = AddOrg("Shelter Bangkok", "TH");
    th_legal_ = AddOrg("Legal aid Bangkok", "TH");
    kh_legal_ = AddOrg("Legal aid Phnom Penh", "KH");
    worker_ = AddUser(shelter_, "worker", Role::kCaseWorker);
    supervisor_ = AddUser(shelter_, "supervisor", Role::kSupervisor);
    th_lawyer_ = AddUser(th_legal_, "th-lawyer", Role::kCaseWorker);
    kh_lawyer_ = AddUser(kh_legal_, "kh-lawyer", Role::kCaseWorker);
    kh_admin_ = AddUser(kh_legal_, "kh-admin", Role::kOrgAdmin);
    kh_hotline_ = AddUser(kh_legal_, "kh-hotline", Role::kHotlineOperator);
    auto c = app().cases().Create(worker_, {SomePerson(), std::nullopt});
    ASSERT_TRUE(c.ok());
    case_id_ = c->c.id;
    // What the case holds: an event, a perpetrator, a confidential note, a plain note.
    auto& e = app().entries();
    ASSERT_TRUE(e.Add(worker_, case_id_, "event", {{"type", std::string("Exploitation")}}).ok());
    ASSERT_TRUE(e.Add(worker_, case_id_, "perpetrator",
                      {{"name", std::string("Broker Sok")},
                       {"roles", std::vector<std::string>{"RecruiterOrIntermediary"}}})
                    .ok());
    ASSERT_TRUE(e.Add(worker_, case_id_, "note",
                      {{"text", std::string("secret")}, {"confidential", true}})
                    .ok());
    ASSERT_TRUE(e.Add(worker_, case_id_, "note", {{"text", std::string("plain")}}).ok());
    ASSERT_TRUE(e.Add(worker_, case_id_, "needs_assessment",
                      {{"assessed_on", std::string("2026-01-01")},
                       {"needs", std::vector<std::string>{"legal"}}})
                    .ok());
  }
  service::ReferralService& referrals() { return app().referrals(); }
  std::string Today() { return FormatDate(clock().Now()); }
  std::string InDays(int n) { return FormatDate(clock().Now() + n * kDay); }

  service::NewReferral To(domain::Id org, std::vector<std::string> parts = {"person", "event", "note"}) {
    service::NewReferral in;
    in.to_organisation_id = org;
    in.services = {"legal_aid"};
    in.parts = std::move(parts);
    in.summary = "Unpaid wages on a fishing boat; needs a lawyer.";
    in.respond_by = InDays(3);
    return in;
  }
  void Consent(ConsentPurpose p, ConsentDecision d) {
    service::ConsentInput in;
    in.purpose = p;
    in.decision = d;
    in.explained_in_language = "km";
    ASSERT_TRUE(app().casework().RecordConsent(worker_, case_id_, in).ok());
    clock().Advance(1000);
  }
  Result<service::ReferralView> Act(const service::Actor& a, const service::ReferralView& v,
                                    ReferralAction action, const std::string& note = "",
                                    const std::string& override_reason = "") {
    return referrals().Act(a, v.referral.id, v.referral.stamp.version, action, note, override_reason);
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  domain::Id shelter_ = 0, th_legal_ = 0, kh_legal_ = 0, case_id_ = 0;
  service::Actor worker_, supervisor_, th_lawyer_, kh_lawyer_, kh_admin_, kh_hotline_;
};

TEST_P(ReferralTest, SendingNeedsConsentAndAcrossABorderCrossBorderConsentToo) {
  auto draft = referrals().Create(worker_, case_id_, To(kh_legal_));
  ASSERT_TRUE(draft.ok()) << draft.status().ToString();
  EXPECT_EQ(draft->referral.status, ReferralStatus::kDraft);
  EXPECT_EQ(Act(worker_, *draft, ReferralAction::kSend).status().code(), Code::kFailedPrecondition);
  Consent(ConsentPurpose::kReferral, ConsentDecision::kGiven);
  auto refused = Act(worker_, *draft, ReferralAction::kSend);
  EXPECT_EQ(refused.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("cross_border"), std::string::npos) << refused.status().message();
  Consent(ConsentPurpose::kCrossBorderDisclosure, ConsentDecision::kGiven);
  auto sent = Act(worker_, *draft, ReferralAction::kSend);
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  EXPECT_EQ(sent->referral.status, ReferralStatus::kSent);
  EXPECT_FALSE(sent->referral.consent_override_by);

  // Inside the country, referral consent alone is enough.
  auto home = referrals().Create(worker_, case_id_, To(th_legal_));
  ASSERT_TRUE(home.ok());
  EXPECT_TRUE(Act(worker_, *home, ReferralAction::kSend).ok());
}

TEST_P(ReferralTest, OverrideNeedsASupervisorAndAReasonAndIsRecorded) {
  auto draft = referrals().Create(worker_, case_id_, To(kh_legal_));
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(Act(worker_, *draft, ReferralAction::kSend, "", "urgent").status().code(),
            Code::kPermissionDenied) << "a case worker may not override";
  EXPECT_EQ(Act(supervisor_, *draft, ReferralAction::kSend).status().code(), Code::kFailedPrecondition)
      << "no reason, no override";
  auto sent = Act(supervisor_, *draft, ReferralAction::kSend, "",
                  "Person is unconscious in hospital; legal deadline tomorrow");
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  EXPECT_EQ(sent->referral.consent_override_by, supervisor_.user_id);
  EXPECT_EQ(sent->consent_override_by_name, "User supervisor");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'referral.consent_override'"), 1);
  // The receiver sees that it came without consent, and why.
  auto seen = referrals().Get(kh_lawyer_, draft->referral.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_NE(seen->referral.consent_override_reason.find("unconscious"), std::string::npos);
}

TEST_P(ReferralTest, ReceiverSeesTheSummaryThenExactlyTheSharedParts) {
  Consent(ConsentPurpose::kReferral, ConsentDecision::kGiven);
  Consent(ConsentPurpose::kCrossBorderDisclosure, ConsentDecision::kGiven);
  auto draft = referrals().Create(worker_, case_id_, To(kh_legal_, {"person", "event", "note"}));
  ASSERT_TRUE(draft.ok());
  // A draft is invisible to the receiver.
  EXPECT_EQ(referrals().Get(kh_lawyer_, draft->referral.id).status().code(), Code::kNotFound);
  auto sent = Act(worker_, *draft, ReferralAction::kSend);
  ASSERT_TRUE(sent.ok());
  auto before = referrals().Get(kh_lawyer_, draft->referral.id);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->sender_side);
  EXPECT_TRUE(before->case_reference.empty()) << "the sender's reference is not disclosed";
  EXPECT_EQ(referrals().Shared(kh_lawyer_, draft->referral.id).status().code(), Code::kFailedPrecondition);
  // Never the case itself, by any route.
  EXPECT_EQ(app().cases().Get(kh_lawyer_, case_id_).status().code(), Code::kNotFound);
  EXPECT_EQ(app().entries().List(kh_lawyer_, case_id_, std::nullopt).status().code(), Code::kNotFound);

  auto accepted = Act(kh_lawyer_, *sent, ReferralAction::kAccept);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  auto shared = referrals().Shared(kh_lawyer_, draft->referral.id);
  ASSERT_TRUE(shared.ok()) << shared.status().ToString();
  EXPECT_TRUE(shared->person.has_value());
  std::vector<std::string> kinds;
  for (const auto& e : shared->entries) kinds.push_back(e.entry.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"event", "note"}))
      << "no perpetrator or needs (not shared), no confidential note";
  EXPECT_EQ(std::get<std::string>(shared->entries[1].entry.fields.at("text")), "plain");
  EXPECT_TRUE(shared->identifications.empty()) << "identification was not shared";
  EXPECT_EQ(app().cases().Get(kh_lawyer_, case_id_).status().code(), Code::kNotFound)
      << "acceptance does not open the case";
  // Other members of the receiving organisation: an admin reads, a hotline operator does not.
  EXPECT_TRUE(referrals().Get(kh_admin_, draft->referral.id).ok());
  EXPECT_EQ(referrals().Get(kh_hotline_, draft->referral.id).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(referrals().Get(th_lawyer_, draft->referral.id).status().code(), Code::kNotFound);
}

TEST_P(ReferralTest, WithdrawnConsentStopsSharingAtOnce) {
  Consent(ConsentPurpose::kReferral, ConsentDecision::kGiven);
  auto draft = referrals().Create(worker_, case_id_, To(th_legal_));
  ASSERT_TRUE(draft.ok());
  auto sent = Act(worker_, *draft, ReferralAction::kSend);
  ASSERT_TRUE(sent.ok());
  auto accepted = Act(th_lawyer_, *sent, ReferralAction::kAccept);
  ASSERT_TRUE(accepted.ok());
  ASSERT_TRUE(referrals().Shared(th_lawyer_, draft->referral.id).ok());
  Consent(ConsentPurpose::kReferral, ConsentDecision::kWithdrawn);
  EXPECT_EQ(referrals().Shared(th_lawyer_, draft->referral.id).status().code(), Code::kFailedPrecondition);
}

TEST_P(ReferralTest, EachSideTakesOnlyItsStepsAndStaleVersionsChangeNothing) {
  Consent(ConsentPurpose::kReferral, ConsentDecision::kGiven);
  auto draft = referrals().Create(worker_, case_id_, To(th_legal_));
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(Act(th_lawyer_, *draft, ReferralAction::kSend).status().code(), Code::kNotFound);
  auto sent = Act(worker_, *draft, ReferralAction::kSend);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(Act(worker_, *sent, ReferralAction::kAccept).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Act(th_lawyer_, *sent, ReferralAction::kWithdraw).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Act(th_lawyer_, *sent, ReferralAction::kComplete, "done").status().code(),
            Code::kFailedPrecondition) << "not accepted yet";
  EXPECT_EQ(Act(th_lawyer_, *sent, ReferralAction::kDecline).status().field(), "note")
      << "a decline gives its reason";
  EXPECT_EQ(Act(th_lawyer_, *draft, ReferralAction::kAccept).status().code(), Code::kConflict)
      << "stale version";
  auto accepted = Act(th_lawyer_, *sent, ReferralAction::kAccept);
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(Act(worker_, *accepted, ReferralAction::kWithdraw).status().code(), Code::kFailedPrecondition)
      << "no withdrawal after acceptance";
  auto started = Act(th_lawyer_, *accepted, ReferralAction::kStart);
  ASSERT_TRUE(started.ok());
  auto done = Act(th_lawyer_, *started, ReferralAction::kComplete, "Claim filed at the labour court");
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->referral.status, ReferralStatus::kCompleted);
  EXPECT_GT(done->referral.finished_at, 0);
  EXPECT_EQ(referrals().Shared(th_lawyer_, draft->referral.id).status().code(), Code::kFailedPrecondition)
      << "a finished referral shares nothing more";
  EXPECT_EQ(Act(th_lawyer_, *done, ReferralAction::kClose, "x").status().code(), Code::kFailedPrecondition);

  auto timeline = referrals().Get(worker_, draft->referral.id);
  ASSERT_TRUE(timeline.ok());
  std::vector<std::string> kinds;
  for (const auto& e : timeline->timeline) kinds.push_back(e.event.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"create", "send", "accept", "start", "complete"}));
  EXPECT_EQ(timeline->timeline.back().event.text, "Claim filed at the labour court");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'referral' AND action IN "
                  "('referral.create', 'referral.send', 'referral.accept', 'referral.start', "
                  "'referral.complete')"),
            5);
}

TEST_P(ReferralTest, MessagesGoToBothSidesTimeline) {
  Consent(ConsentPurpose::kReferral, ConsentDecision::kGiven);
  auto draft = referrals().Create(worker_, case_id_, To(th_legal_));
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(referrals().Message(worker_, draft->referral.id, "hello").status().code(),
            Code::kFailedPrecondition) << "a draft has no receiver yet";
  ASSERT_TRUE(Act(worker_, *draft, ReferralAction::kSend).ok());
  ASSERT_TRUE(referrals().Message(th_lawyer_, draft->referral.id, "Can she come on Monday?").ok());
  ASSERT_TRUE(referrals().Message(worker_, draft->referral.id, "Yes, with an interpreter.").ok());
  EXPECT_EQ(referrals().Message(kh_lawyer_, draft->referral.id, "x").status().code(), Code::kNotFound);
  auto seen = referrals().Get(th_lawyer_, draft->referral.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->timeline.back().event.text, "Yes, with an interpreter.");
  EXPECT_EQ(seen->timeline.back().organisation_name, "Shelter Bangkok");
  auto rows = raw().Query("SELECT body FROM referral_events WHERE kind = 'message'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Bytes(0).find("Monday"), std::string::npos) << "messages are sealed";
}

TEST_P(ReferralTest, AnUnansweredReferralIsOverdueToBothSides) {
  Consent(ConsentPurpose::kReferral, ConsentDecision::kGiven);
  auto draft = referrals().Create(worker_, case_id_, To(th_legal_));
  ASSERT_TRUE(draft.ok());
  ASSERT_TRUE(Act(worker_, *draft, ReferralAction::kSend).ok());
  EXPECT_TRUE(referrals().Inbox(th_lawyer_, store::ReferralBox::kIncoming, true)->empty());
  clock().Advance(4 * kDay);
  auto incoming = referrals().Inbox(th_lawyer_, store::ReferralBox::kIncoming, true);
  ASSERT_TRUE(incoming.ok());
  ASSERT_EQ(incoming->size(), 1u);
  EXPECT_TRUE(incoming->at(0).overdue);
  auto outgoing = referrals().Inbox(worker_, store::ReferralBox::kOutgoing, true);
  ASSERT_TRUE(outgoing.ok());
  ASSERT_EQ(outgoing->size(), 1u);
  EXPECT_TRUE(outgoing->at(0).overdue);
  EXPECT_TRUE(referrals().Inbox(kh_lawyer_, store::ReferralBox::kIncoming, false)->empty());
}

TEST_P(ReferralTest, RefusedCreationWritesNothing) {
  auto bad = To(th_legal_);
  bad.services = {"massage"};
  EXPECT_EQ(referrals().Create(worker_, case_id_, bad).status().field(), "services");
  bad = To(shelter_);
  EXPECT_EQ(referrals().Create(worker_, case_id_, bad).status().field(), "to_organisation_id");
  bad = To(999999);
  EXPECT_EQ(referrals().Create(worker_, case_id_, bad).status().field(), "to_organisation_id");
  EXPECT_EQ(referrals().Create(th_lawyer_, case_id_, To(kh_legal_)).status().code(), Code::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM referrals"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM referral_events"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReferralTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
