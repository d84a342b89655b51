// Legal cases on both engines: proceedings, claims and the witness as sealed
// case entries; deadlines and hearings in the lawyer's tasks; payments
// against a claim and their confirmation by the partner organisation only,
// once, at the version read.
#include <gtest/gtest.h>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::PaymentState;
using domain::Role;

constexpr Millis kDay = 86'400'000;

class LegalTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    law_org_ = AddOrg("Legal aid Bangkok", "TH");
    partner_org_ = AddOrg("Shelter Yangon", "MM");
    other_org_ = AddOrg("Shelter Phnom Penh", "KH");
    lawyer_ = AddUser(law_org_, "lawyer", Role::kLegalOfficer);
    law_worker_ = AddUser(law_org_, "law-worker", Role::kCaseWorker);
    partner_worker_ = AddUser(partner_org_, "mm-worker", Role::kCaseWorker);
    partner_hotline_ = AddUser(partner_org_, "mm-hotline", Role::kHotlineOperator);
    stranger_ = AddUser(other_org_, "kh-supervisor", Role::kSupervisor);
    auto c = app().cases().Create(lawyer_, {SomePerson(), std::nullopt});
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    case_id_ = c->c.id;
    auto claim = app().entries().Add(lawyer_, case_id_, "claim", ClaimFields());
    ASSERT_TRUE(claim.ok()) << claim.status().ToString();
    claim_id_ = claim->entry.id;
  }

  static domain::EntryFields ClaimFields() {
    return {{"claim_type", std::string("labour")},
            {"heads", std::vector<std::string>{"unpaid_wages"}},
            {"respondent", std::string("Sea Harvest Fishing Co.")},
            {"forum", std::string("labour_court")},
            {"currency", std::string("THB")},
            {"amount_claimed", int64_t{14'400'000}},
            {"amount_awarded", int64_t{12'000'000}},
            {"status", std::string("awarded")}};
  }
  std::string Today() { return FormatDate(clock().Now()); }
  std::string DaysFromNow(int n) { return FormatDate(clock().Now() + n * kDay); }
  service::NewPayment Payment() {
    service::NewPayment in;
    in.claim_id = claim_id_;
    in.channel = domain::PaymentChannel::kEmbassy;
    in.amount_minor = 6'000'000;
    in.currency = "THB";
    in.sent_on = Today();
    in.confirming_organisation_id = partner_org_;
    in.reference = "EMB-7731-TRANSFER";
    in.handover_note = "Hand over to Ko Aung at the shelter office.";
    return in;
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
  service::LegalService& legal() { return app().legal(); }

  domain::Id law_org_ = 0, partner_org_ = 0, other_org_ = 0, case_id_ = 0, claim_id_ = 0;
  service::Actor lawyer_, law_worker_, partner_worker_, partner_hotline_, stranger_;
};

TEST_P(LegalTest, ProceedingsClaimsAndTheWitnessAreSealedCaseEntries) {
  auto& e = app().entries();
  auto proceeding = e.Add(lawyer_, case_id_, "criminal_proceeding",
                          {{"defendant", std::string("Captain Zaw Min")},
                           {"charges", std::string("Trafficking in persons")},
                           {"police_reference", std::string("PL-2291")},
                           {"stage", std::string("trial")}});
  ASSERT_TRUE(proceeding.ok()) << proceeding.status().ToString();
  auto hearing = e.Add(lawyer_, case_id_, "hearing",
                       {{"proceeding", proceeding->entry.id},
                        {"hearing_on", DaysFromNow(10)},
                        {"purpose", std::string("witness_testimony")},
                        {"victim_testifies", true}});
  ASSERT_TRUE(hearing.ok()) << hearing.status().ToString();
  EXPECT_EQ(e.Add(lawyer_, case_id_, "hearing",
                  {{"proceeding", claim_id_}, {"hearing_on", Today()}, {"purpose", std::string("trial")}})
                .status()
                .field(),
            "fields.proceeding") << "a claim is not a proceeding";
  domain::EntryFields witness{{"attendance", std::string("may_testify_remotely")},
                              {"stay_status", std::string("special_visa")},
                              {"permit_expires_on", DaysFromNow(90)}};
  ASSERT_TRUE(e.Add(lawyer_, case_id_, "witness", witness).ok());
  EXPECT_EQ(e.Add(lawyer_, case_id_, "witness", witness).status().code(), Code::kAlreadyExists);

  auto rows = raw().Query("SELECT fields FROM case_entries");
  ASSERT_TRUE(rows.ok());
  for (const auto& row : *rows) {
    EXPECT_EQ(row.Bytes(0).find("Zaw Min"), std::string::npos);
    EXPECT_EQ(row.Bytes(0).find("Sea Harvest"), std::string::npos);
  }
  auto list = e.List(lawyer_, case_id_, std::string("claim"));
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(std::get<int64_t>(list->at(0).entry.fields.at("amount_awarded")), 12'000'000);
  EXPECT_EQ(e.List(partner_worker_, case_id_, std::nullopt).status().code(), Code::kNotFound);
}

TEST_P(LegalTest, DeadlinesAndHearingsAreInTheLawyersTasks) {
  auto& e = app().entries();
  auto deadline = e.Add(lawyer_, case_id_, "legal_deadline",
                        {{"title", std::string("Appeal window closes")},
                         {"deadline_type", std::string("appeal_window")},
                         {"due_on", DaysFromNow(-1)},
                         {"assignee", lawyer_.user_id},
                         {"claim", claim_id_}});
  ASSERT_TRUE(deadline.ok()) << deadline.status().ToString();
  auto hearing = e.Add(lawyer_, case_id_, "hearing",
                       {{"claim", claim_id_},
                        {"hearing_on", DaysFromNow(5)},
                        {"purpose", std::string("trial")},
                        {"lawyer", lawyer_.user_id}});
  ASSERT_TRUE(hearing.ok());
  auto tasks = e.MyTasks(lawyer_);
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(tasks->size(), 2u);
  EXPECT_EQ(tasks->at(0).entry.entry.kind, "legal_deadline") << "soonest due first";
  EXPECT_TRUE(tasks->at(0).overdue);
  EXPECT_EQ(tasks->at(1).entry.entry.kind, "hearing");
  EXPECT_FALSE(tasks->at(1).overdue);
  EXPECT_TRUE(e.MyTasks(law_worker_)->empty()) << "assigned to the lawyer only";

  // A hearing with its outcome, a deadline marked done: off the list.
  auto h = hearing->entry.fields;
  h["outcome"] = std::string("held");
  ASSERT_TRUE(e.Change(lawyer_, case_id_, hearing->entry.id, 1, h).ok());
  auto d = deadline->entry.fields;
  d["done"] = true;
  ASSERT_TRUE(e.Change(lawyer_, case_id_, deadline->entry.id, 1, d).ok());
  EXPECT_TRUE(e.MyTasks(lawyer_)->empty());
}

TEST_P(LegalTest, APaymentIsRecordedAgainstAClaimOfTheCase) {
  auto p = legal().RecordPayment(lawyer_, case_id_, Payment());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->payment.state, PaymentState::kAwaitingConfirmation);
  EXPECT_EQ(p->confirming_organisation_name, "Shelter Yangon");
  EXPECT_EQ(p->minor_digits, 2);

  auto bad = Payment();
  bad.currency = "MMK";
  EXPECT_EQ(legal().RecordPayment(lawyer_, case_id_, bad).status().field(), "currency")
      << "in the claim's currency";
  bad = Payment();
  bad.amount_minor = 0;
  EXPECT_EQ(legal().RecordPayment(lawyer_, case_id_, bad).status().field(), "amount");
  bad = Payment();
  bad.sent_on = DaysFromNow(1);
  EXPECT_EQ(legal().RecordPayment(lawyer_, case_id_, bad).status().field(), "sent_on");
  bad = Payment();
  bad.confirming_organisation_id = law_org_;
  EXPECT_EQ(legal().RecordPayment(lawyer_, case_id_, bad).status().field(), "confirming_organisation_id");
  bad = Payment();
  bad.confirming_organisation_id = 9999;
  EXPECT_EQ(legal().RecordPayment(lawyer_, case_id_, bad).status().field(), "confirming_organisation_id");
  auto note = app().entries().Add(lawyer_, case_id_, "note", {{"text", std::string("x")}});
  ASSERT_TRUE(note.ok());
  bad = Payment();
  bad.claim_id = note->entry.id;
  EXPECT_EQ(legal().RecordPayment(lawyer_, case_id_, bad).status().field(), "claim_id");
  EXPECT_EQ(legal().RecordPayment(law_worker_, case_id_, Payment()).status().code(), Code::kNotFound)
      << "not on the team";
  EXPECT_EQ(legal().RecordPayment(partner_worker_, case_id_, Payment()).status().code(), Code::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM legal_payments"), 1) << "nothing else written";

  // Reference and handover note are sealed.
  auto rows = raw().Query("SELECT details FROM legal_payments");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Bytes(0).find("EMB-7731"), std::string::npos);
  EXPECT_EQ(rows->at(0).Bytes(0).find("Ko Aung"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'legal.payment.record'"), 1);
}

TEST_P(LegalTest, OnlyThePartnerConfirmsOnceAtTheVersionItRead) {
  auto p = legal().RecordPayment(lawyer_, case_id_, Payment());
  ASSERT_TRUE(p.ok());
  const domain::Id id = p->payment.id;

  // The partner's list shows the payment without the case.
  auto list = legal().ToConfirm(partner_worker_, PaymentState::kAwaitingConfirmation);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_FALSE(list->at(0).sender_side);
  EXPECT_EQ(list->at(0).payment.handover_note, "Hand over to Ko Aung at the shelter office.");
  EXPECT_EQ(list->at(0).from_organisation_name, "Legal aid Bangkok");
  EXPECT_TRUE(legal().ToConfirm(stranger_, PaymentState::kAwaitingConfirmation)->empty());
  EXPECT_EQ(legal().ToConfirm(partner_hotline_, PaymentState::kAwaitingConfirmation).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(legal().CasePayments(partner_worker_, case_id_).status().code(), Code::kNotFound);

  EXPECT_EQ(legal().Confirm(stranger_, id, 1, Today(), "").status().code(), Code::kNotFound);
  EXPECT_EQ(legal().Confirm(partner_hotline_, id, 1, Today(), "").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(legal().Confirm(lawyer_, id, 1, Today(), "").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(legal().Confirm(law_worker_, id, 1, Today(), "").status().code(), Code::kNotFound)
      << "the sender's people who do not see the case";
  EXPECT_EQ(legal().Confirm(partner_worker_, id + 100, 1, Today(), "").status().code(), Code::kNotFound);
  EXPECT_EQ(legal().Confirm(partner_worker_, id, 2, Today(), "").status().code(), Code::kConflict);
  EXPECT_EQ(legal().Confirm(partner_worker_, id, 1, DaysFromNow(1), "").status().field(), "received_on");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM legal_payments WHERE state = 'confirmed'"), 0);

  auto done = legal().Confirm(partner_worker_, id, 1, Today(), "Received in cash at the shelter.");
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->payment.stamp.version, 2);
  EXPECT_EQ(legal().Confirm(partner_worker_, id, 1, Today(), "").status().code(), Code::kConflict)
      << "stale first";
  EXPECT_EQ(legal().Confirm(partner_worker_, id, 2, Today(), "").status().code(),
            Code::kFailedPrecondition) << "confirmed once";

  auto seen = legal().CasePayments(lawyer_, case_id_);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ(seen->at(0).payment.state, PaymentState::kConfirmed);
  EXPECT_EQ(seen->at(0).payment.received_on, Today());
  EXPECT_EQ(seen->at(0).payment.confirmation_note, "Received in cash at the shelter.");
  EXPECT_EQ(seen->at(0).confirmed_by_name, partner_worker_.display_name);
  EXPECT_TRUE(legal().ToConfirm(partner_worker_, PaymentState::kAwaitingConfirmation)->empty());
  EXPECT_EQ(legal().ToConfirm(partner_worker_, PaymentState::kConfirmed)->size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'legal.payment.confirm'"), 1);
  auto rows = raw().Query("SELECT details FROM legal_payments");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Bytes(0).find("Received in cash"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, LegalTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
