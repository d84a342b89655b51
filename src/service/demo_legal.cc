#include "service/demo_legal.h"

#include "domain/case_form.h"
#include "domain/legal_payment.h"

namespace trm::service {
namespace {

using domain::EntryFields;

constexpr Millis kDay = 24LL * 3600 * 1000;

Result<domain::Id> AddEntry(store::Tx& tx, const domain::Case& c, domain::Id by, const char* kind,
                            EntryFields fields, Millis now) {
  const domain::CaseForm* form = domain::FindCaseForm(kind);
  if (!form) return Status::Internal(std::string("demo uses an unknown entry kind ") + kind);
  RETURN_IF_ERROR(domain::ValidateEntry(*form, fields));
  domain::CaseEntry e;
  e.case_id = c.id;
  e.kind = kind;
  e.index = domain::IndexOf(*form, fields);
  e.fields = std::move(fields);
  e.stamp = domain::Stamp{1, by, now, by, now};
  ASSIGN_OR_RETURN(e.id, tx.entries().Insert(e));
  RETURN_IF_ERROR(tx.audit()
                      .Append({now, by, c.owner_organisation_id, "case.entry.add", "case",
                               std::to_string(c.id), "local", std::string("demo ") + kind})
                      .status());
  return e.id;
}

Result<domain::Id> AddPayment(store::Tx& tx, const domain::Case& c, domain::Id by, domain::Id claim,
                              domain::Id partner, int64_t amount, const std::string& sent_on,
                              const char* reference, Millis now) {
  domain::Payment p;
  p.case_id = c.id;
  p.claim_id = claim;
  p.from_organisation_id = c.owner_organisation_id;
  p.confirming_organisation_id = partner;
  p.channel = domain::PaymentChannel::kEmbassy;
  p.amount_minor = amount;
  p.currency = "THB";
  p.sent_on = sent_on;
  p.reference = reference;
  p.handover_note =
      "Sent through the embassy's labour attaché. Please hand it over in person and confirm the "
      "day the person received it (demo).";
  p.stamp = domain::Stamp{1, by, now, by, now};
  RETURN_IF_ERROR(domain::ValidateNewPayment(p, FormatDate(now)));
  ASSIGN_OR_RETURN(p.id, tx.payments().Insert(p));
  RETURN_IF_ERROR(tx.audit()
                      .Append({now, by, c.owner_organisation_id, "legal.payment.record", "case",
                               std::to_string(c.id), "local", "demo payment"})
                      .status());
  return p.id;
}

}  // namespace

Status AddDemoLegal(store::Tx& tx, Millis now) {
  ASSIGN_OR_RETURN(auto lawyer, tx.users().FindByUsername("th-legal-legal"));
  ASSIGN_OR_RETURN(auto partner, tx.users().FindByUsername("mm-shelter-caseworker"));
  if (!lawyer || !partner) return Status::Ok();
  store::CaseScope scope{lawyer->id, lawyer->organisation_id, true, false};
  store::CaseFilter filter;
  filter.status = domain::CaseStatus::kOpen;
  ASSIGN_OR_RETURN(store::CasePage page, tx.cases().List(scope, filter));
  const domain::Case* found = nullptr;
  for (const auto& c : page.items)
    if (c.owner_organisation_id == lawyer->organisation_id) found = &c;
  if (!found) return Status::Ok();
  domain::Case c = *found;
  const domain::Id by = lawyer->id;
  c.team.push_back(by);
  c.stamp.version += 1;
  c.stamp.updated_by = by;
  c.stamp.updated_at = now;
  RETURN_IF_ERROR(tx.cases().Update(c));

  const std::string today = FormatDate(now);
  const std::string month_ago = FormatDate(now - 30 * kDay);
  const std::string week_ago = FormatDate(now - 7 * kDay);
  ASSIGN_OR_RETURN(
      domain::Id proceeding,
      AddEntry(tx, c, by, "criminal_proceeding",
               {{"defendant", std::string("Owner of the demo fishing boat")},
                {"charges", std::string("Trafficking in persons for forced labour; withholding "
                                        "identity documents (demo)")},
                {"police_reference", std::string("DEMO-POL-2291")},
                {"prosecutor_reference", std::string("DEMO-PROS-0457")},
                {"court", std::string("Demo Provincial Court, Samut Sakhon")},
                {"filed_on", FormatDate(now - 120 * kDay)},
                {"stage", std::string("trial")}},
               now));
  ASSIGN_OR_RETURN(
      domain::Id claim,
      AddEntry(tx, c, by, "claim",
               {{"claim_type", std::string("labour")},
                {"heads", std::vector<std::string>{"unpaid_wages", "overtime"}},
                {"respondent", std::string("Demo Fishing Co., Ltd.")},
                {"forum", std::string("labour_court")},
                {"forum_name", std::string("Demo Central Labour Court")},
                {"currency", std::string("THB")},
                {"amount_claimed", int64_t{14'400'000}},
                {"amount_awarded", int64_t{12'000'000}},
                {"filed_on", FormatDate(now - 100 * kDay)},
                {"decided_on", month_ago},
                {"status", std::string("awarded")}},
               now));
  RETURN_IF_ERROR(AddEntry(tx, c, by, "hearing",
                           {{"proceeding", proceeding},
                            {"hearing_on", FormatDate(now + 21 * kDay)},
                            {"court", std::string("Demo Provincial Court, Samut Sakhon")},
                            {"purpose", std::string("witness_testimony")},
                            {"victim_testifies", true},
                            {"testimony_mode", std::string("video_link")},
                            {"lawyer", by}},
                           now)
                      .status());
  RETURN_IF_ERROR(AddEntry(tx, c, by, "witness",
                           {{"protection_measures",
                             std::vector<std::string>{"shelter_placement", "video_link"}},
                            {"attendance", std::string("may_testify_remotely")},
                            {"stay_status", std::string("returned_home")}},
                           now)
                      .status());
  RETURN_IF_ERROR(AddEntry(tx, c, by, "legal_deadline",
                           {{"title", std::string("Last day for the employer's appeal")},
                            {"deadline_type", std::string("appeal_window")},
                            {"due_on", FormatDate(now + 10 * kDay)},
                            {"assignee", by},
                            {"claim", claim}},
                           now)
                      .status());
  ASSIGN_OR_RETURN(domain::Id paid, AddPayment(tx, c, by, claim, partner->organisation_id, 6'000'000,
                                               week_ago, "DEMO-EMB-0001", now));
  RETURN_IF_ERROR(AddPayment(tx, c, by, claim, partner->organisation_id, 6'000'000, today,
                             "DEMO-EMB-0002", now)
                      .status());
  // The first instalment has arrived.
  ASSIGN_OR_RETURN(domain::Payment p, tx.payments().Get(paid));
  p.state = domain::PaymentState::kConfirmed;
  p.received_on = FormatDate(now - 2 * kDay);
  p.confirmation_note = "Handed over at the shelter office (demo).";
  p.confirmed_by = partner->id;
  p.confirmed_at = now;
  p.stamp.version += 1;
  p.stamp.updated_by = partner->id;
  p.stamp.updated_at = now;
  RETURN_IF_ERROR(tx.payments().Confirm(p));
  return tx.audit()
      .Append({now, partner->id, partner->organisation_id, "legal.payment.confirm", "payment",
               std::to_string(paid), "local", "demo"})
      .status();
}

}  // namespace trm::service
