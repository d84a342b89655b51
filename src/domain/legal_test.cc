// Money, the legal forms and payments: amounts in minor units with an ISO 4217
// currency, verdict and claim status values, hearings and deadlines as tasks,
// and the rules for recording and confirming a payment.
#include <gtest/gtest.h>

#include "domain/case_form.h"
#include "domain/legal_payment.h"
#include "domain/money.h"

namespace trm::domain {
namespace {

TEST(Money, KnowsCurrenciesAndTheirMinorUnits) {
  ASSERT_NE(FindCurrency("THB"), nullptr);
  EXPECT_EQ(FindCurrency("THB")->minor_digits, 2);
  EXPECT_EQ(FindCurrency("MMK")->minor_digits, 2) << "ISO 4217, whatever the banknotes say";
  EXPECT_EQ(FindCurrency("VND")->minor_digits, 0);
  EXPECT_EQ(FindCurrency("KWD")->minor_digits, 3);
  EXPECT_EQ(FindCurrency("thb"), nullptr) << "codes are upper case";
  EXPECT_EQ(FindCurrency("XXX"), nullptr);
  EXPECT_EQ(FindCurrency(""), nullptr);
  for (size_t i = 1; i < Currencies().size(); ++i)
    EXPECT_LT(Currencies()[i - 1].code, Currencies()[i].code) << "sorted, for the lookup";
}

TEST(Money, ChecksAmountsAndCurrencies) {
  EXPECT_TRUE(CheckAmount(0, "a", false).ok());
  EXPECT_FALSE(CheckAmount(0, "a", true).ok());
  EXPECT_FALSE(CheckAmount(-1, "a", false).ok());
  EXPECT_TRUE(CheckAmount(kMaxAmountMinor, "a", true).ok());
  EXPECT_EQ(CheckAmount(kMaxAmountMinor + 1, "a", true).field(), "a");
  EXPECT_TRUE(CheckCurrency("EUR", "c").ok());
  EXPECT_EQ(CheckCurrency("EURO", "c").field(), "c");
  EXPECT_EQ(CheckCurrency("\xC3\x28", "c").code(), Code::kInvalidArgument);
}

const CaseForm& Form(std::string_view kind) {
  const CaseForm* f = FindCaseForm(kind);
  EXPECT_NE(f, nullptr) << kind;
  return *f;
}

std::string FieldOf(std::string_view kind, EntryFields fields) {
  return ValidateEntry(Form(kind), fields).field();
}

EntryFields Claim() {
  return {{"claim_type", std::string("labour")},
          {"respondent", std::string("Demo Fishing Co.")},
          {"forum", std::string("labour_court")},
          {"currency", std::string("THB")},
          {"amount_claimed", int64_t{14'400'000}},
          {"status", std::string("filed")}};
}

TEST(LegalForms, AcceptAClaimInMinorUnits) {
  EntryFields f = Claim();
  f["amount_awarded"] = int64_t{12'000'000};
  f["heads"] = std::vector<std::string>{"unpaid_wages", "overtime"};
  EXPECT_TRUE(ValidateEntry(Form("claim"), f).ok());
}

TEST(LegalForms, RefuseBadAmountsAndCurrencies) {
  auto with = [](std::string name, FieldValue v) {
    EntryFields f = Claim();
    f[name] = std::move(v);
    return FieldOf("claim", f);
  };
  EXPECT_EQ(with("amount_claimed", 120000.5), "fields.amount_claimed") << "minor units are whole";
  EXPECT_EQ(with("amount_claimed", int64_t{-1}), "fields.amount_claimed");
  EXPECT_EQ(with("amount_claimed", kMaxAmountMinor + 1), "fields.amount_claimed");
  EXPECT_EQ(with("amount_claimed", std::string("100")), "fields.amount_claimed");
  EXPECT_EQ(with("currency", std::string("BAHT")), "fields.currency");
  EXPECT_EQ(with("currency", std::string("thb")), "fields.currency");
  EXPECT_EQ(with("currency", int64_t{764}), "fields.currency");
  EntryFields no_currency = Claim();
  no_currency.erase("currency");
  EXPECT_EQ(FieldOf("claim", no_currency), "fields.currency");
}

TEST(LegalForms, RefuseUnknownStatusAndVerdictValues) {
  EntryFields claim = Claim();
  claim["status"] = std::string("won");
  EXPECT_EQ(FieldOf("claim", claim), "fields.status");
  claim = Claim();
  claim["claim_type"] = std::string("tax");
  EXPECT_EQ(FieldOf("claim", claim), "fields.claim_type");
  EntryFields proceeding{{"defendant", std::string("Boat owner")},
                         {"charges", std::string("Trafficking")},
                         {"stage", std::string("trial")}};
  EXPECT_TRUE(ValidateEntry(Form("criminal_proceeding"), proceeding).ok());
  proceeding["verdict"] = std::string("guilty");
  EXPECT_EQ(FieldOf("criminal_proceeding", proceeding), "fields.verdict");
  proceeding["verdict"] = std::string("convicted");
  proceeding["filed_on"] = std::string("2026-03-01");
  proceeding["verdict_on"] = std::string("2026-02-01");
  EXPECT_EQ(FieldOf("criminal_proceeding", proceeding), "fields.verdict_on") << "verdict after filing";
  EXPECT_EQ(FieldOf("witness", {{"stay_status", std::string("tourist")}}), "fields.stay_status");
  EXPECT_EQ(FieldOf("witness", {{"attendance", std::string("may_testify_remotely")},
                                {"permit_expires_on", std::string("2026-13-01")}}),
            "fields.permit_expires_on");
}

TEST(LegalForms, AHearingBelongsToAProceedingOrAClaimAndIsATaskUntilItHasAnOutcome) {
  EntryFields h{{"hearing_on", std::string("2026-05-04")}, {"purpose", std::string("trial")}};
  EXPECT_EQ(FieldOf("hearing", h), "fields.proceeding") << "of what?";
  h["claim"] = int64_t{5};
  h["lawyer"] = int64_t{9};
  ASSERT_TRUE(ValidateEntry(Form("hearing"), h).ok());
  EntryIndex open = IndexOf(Form("hearing"), h);
  EXPECT_EQ(open.assignee_id, 9);
  EXPECT_EQ(open.due_on, "2026-05-04");
  EXPECT_FALSE(open.done);
  h["outcome"] = std::string("adjourned");
  EXPECT_TRUE(IndexOf(Form("hearing"), h).done);
}

TEST(LegalForms, ADeadlineIsATaskOfItsAssignee) {
  EntryFields d{{"title", std::string("Appeal window closes")},
                {"deadline_type", std::string("appeal_window")},
                {"due_on", std::string("2026-06-30")},
                {"assignee", int64_t{4}}};
  ASSERT_TRUE(ValidateEntry(Form("legal_deadline"), d).ok());
  EXPECT_EQ(IndexOf(Form("legal_deadline"), d).assignee_id, 4);
  d["deadline_type"] = std::string("someday");
  EXPECT_EQ(FieldOf("legal_deadline", d), "fields.deadline_type");
}

Payment APayment() {
  Payment p;
  p.amount_minor = 6'000'000;
  p.currency = "THB";
  p.sent_on = "2026-04-01";
  p.reference = "EMB-0001";
  p.handover_note = "Please hand over in person.";
  return p;
}

TEST(Payments, NewPaymentRules) {
  EXPECT_TRUE(ValidateNewPayment(APayment(), "2026-04-01").ok());
  Payment p = APayment();
  p.amount_minor = 0;
  EXPECT_EQ(ValidateNewPayment(p, "2026-04-02").field(), "amount");
  p = APayment();
  p.currency = "BHT";
  EXPECT_EQ(ValidateNewPayment(p, "2026-04-02").field(), "currency");
  p = APayment();
  p.sent_on = "2026-04-31";
  EXPECT_EQ(ValidateNewPayment(p, "2026-05-02").field(), "sent_on");
  EXPECT_EQ(ValidateNewPayment(APayment(), "2026-03-31").field(), "sent_on") << "not in the future";
  p = APayment();
  p.reference = std::string(201, 'x');
  EXPECT_EQ(ValidateNewPayment(p, "2026-04-02").field(), "reference");
  p = APayment();
  p.handover_note = "\xC3\x28";
  EXPECT_EQ(ValidateNewPayment(p, "2026-04-02").field(), "handover_note");
}

TEST(Payments, ConfirmationRules) {
  Payment p = APayment();
  EXPECT_TRUE(ValidateConfirmation(p, "2026-04-03", "Received in cash", "2026-04-05").ok());
  EXPECT_EQ(ValidateConfirmation(p, "2026-03-31", "", "2026-04-05").field(), "received_on")
      << "before it was sent";
  EXPECT_EQ(ValidateConfirmation(p, "2026-04-06", "", "2026-04-05").field(), "received_on")
      << "in the future";
  EXPECT_EQ(ValidateConfirmation(p, "soon", "", "2026-04-05").field(), "received_on");
  EXPECT_EQ(ValidateConfirmation(p, "2026-04-03", std::string(4001, 'x'), "2026-04-05").field(), "note");
  p.state = PaymentState::kConfirmed;
  p.received_on = "2026-04-03";
  EXPECT_EQ(ValidateConfirmation(p, "2026-04-04", "", "2026-04-05").code(), Code::kFailedPrecondition)
      << "confirmed once";
}

TEST(Payments, ChannelAndStateNames) {
  EXPECT_EQ(ParsePaymentChannel("embassy"), PaymentChannel::kEmbassy);
  EXPECT_EQ(ParsePaymentChannel("partner_organisation"), PaymentChannel::kPartnerOrganisation);
  EXPECT_FALSE(ParsePaymentChannel("pigeon"));
  EXPECT_EQ(Name(PaymentState::kAwaitingConfirmation), "awaiting_confirmation");
  EXPECT_FALSE(ParsePaymentState("lost"));
}

}  // namespace
}  // namespace trm::domain
