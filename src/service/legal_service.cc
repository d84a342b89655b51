#include "service/legal_service.h"

#include "domain/case_form.h"
#include "domain/money.h"
#include "service/case_access.h"
#include "service/case_audit.h"
#include "service/names.h"
#include "service/policy.h"

namespace trm::service {
namespace {

constexpr int kListLimit = 500;

store::AuditEvent PaymentEvent(const Actor& a, Millis at, std::string action, domain::Id id,
                               std::string detail = "") {
  return store::AuditEvent{at, a.user_id, a.organisation_id, std::move(action), "payment",
                           std::to_string(id), a.ip, std::move(detail)};
}

Result<PaymentView> ViewOf(Names& names, domain::Payment p, bool sender_side) {
  PaymentView v;
  ASSIGN_OR_RETURN(domain::Organisation from, names.Org(p.from_organisation_id));
  ASSIGN_OR_RETURN(domain::Organisation to, names.Org(p.confirming_organisation_id));
  v.from_organisation_name = from.name;
  v.from_country = from.country;
  v.confirming_organisation_name = to.name;
  v.confirming_country = to.country;
  if (p.confirmed_by) {
    ASSIGN_OR_RETURN(v.confirmed_by_name, names.User(*p.confirmed_by));
  }
  ASSIGN_OR_RETURN(v.created_by_name, names.User(p.stamp.created_by));
  const domain::Currency* c = domain::FindCurrency(p.currency);
  v.minor_digits = c ? c->minor_digits : 2;
  v.sender_side = sender_side;
  v.payment = std::move(p);
  return v;
}

// The claim a payment is made against: a claim entry of this case; the
// payment is in the claim's currency, so that amounts paid add up.
Status CheckClaim(store::Tx& tx, domain::Id case_id, const NewPayment& in) {
  auto claim = tx.entries().Get(case_id, in.claim_id);
  if (!claim.ok() || claim->kind != "claim") {
    if (claim.ok() || claim.status().code() == Code::kNotFound)
      return Status::InvalidArgument("claim_id must be a claim entry of this case", "claim_id");
    return claim.status();
  }
  auto it = claim->fields.find("currency");
  const std::string* currency = it == claim->fields.end() ? nullptr : std::get_if<std::string>(&it->second);
  if (!currency || *currency != in.currency)
    return Status::InvalidArgument(
        "currency must be the claim's currency (" + (currency ? *currency : std::string("none")) + ")",
        "currency");
  return Status::Ok();
}

}  // namespace

Result<PaymentView> LegalService::RecordPayment(const Actor& actor, domain::Id case_id,
                                                const NewPayment& in) {
  const Millis now = clock_.Now();
  domain::Payment p;
  p.case_id = case_id;
  p.claim_id = in.claim_id;
  p.from_organisation_id = actor.organisation_id;
  p.confirming_organisation_id = in.confirming_organisation_id;
  p.channel = in.channel;
  p.amount_minor = in.amount_minor;
  p.currency = in.currency;
  p.sent_on = in.sent_on;
  p.reference = in.reference;
  p.handover_note = in.handover_note;
  p.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
  RETURN_IF_ERROR(domain::ValidateNewPayment(p, FormatDate(now)));
  Result<PaymentView> out = Status::Internal("payment was not recorded");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kViewCase));
    ASSIGN_OR_RETURN(auto shared, tx.cases().SharedWith(case_id));
    RETURN_IF_ERROR(AuthorizeRecordPayment(actor, FactsOf(c, std::move(shared))));
    RETURN_IF_ERROR(CheckClaim(tx, case_id, in));
    if (in.confirming_organisation_id == c.owner_organisation_id)
      return Status::InvalidArgument(
          "the confirming organisation is the partner in the person's country, not the case's own",
          "confirming_organisation_id");
    if (!tx.orgs().Get(in.confirming_organisation_id).ok())
      return Status::InvalidArgument("no such organisation", "confirming_organisation_id");
    ASSIGN_OR_RETURN(p.id, tx.payments().Insert(p));
    RETURN_IF_ERROR(tx.audit()
                        .Append(CaseEvent(actor, now, "legal.payment.record", case_id,
                                          "payment " + std::to_string(p.id) + " claim " +
                                              std::to_string(p.claim_id)))
                        .status());
    Names names(tx);
    out = ViewOf(names, p, true);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<PaymentView>> LegalService::CasePayments(const Actor& actor, domain::Id case_id) {
  const Millis now = clock_.Now();
  std::vector<PaymentView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kViewCase).status());
    ASSIGN_OR_RETURN(auto payments, tx.payments().OfCase(case_id));
    Names names(tx);
    for (auto& p : payments) {
      ASSIGN_OR_RETURN(PaymentView v, ViewOf(names, std::move(p), true));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  // Answered only once the read is on record.
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit().Append(CaseEvent(actor, now, "legal.payments.read", case_id)).status();
  }));
  return out;
}

Result<std::vector<PaymentView>> LegalService::ToConfirm(const Actor& actor,
                                                         domain::PaymentState state) {
  RETURN_IF_ERROR(AuthorizePaymentsToConfirm(actor));
  const Millis now = clock_.Now();
  std::vector<PaymentView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(auto payments,
                     tx.payments().ForConfirmingOrganisation(actor.organisation_id, state, kListLimit));
    Names names(tx);
    for (auto& p : payments) {
      ASSIGN_OR_RETURN(PaymentView v, ViewOf(names, std::move(p), false));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit()
        .Append(store::AuditEvent{now, actor.user_id, actor.organisation_id,
                                  "legal.payments.to_confirm.read", "organisation",
                                  std::to_string(actor.organisation_id), actor.ip,
                                  std::string(domain::Name(state))})
        .status();
  }));
  return out;
}

Result<PaymentView> LegalService::Confirm(const Actor& actor, domain::Id payment_id, int64_t version,
                                          const std::string& received_on, const std::string& note) {
  if (version < 1) return Status::InvalidArgument("version must be given", "version");
  const Millis now = clock_.Now();
  Result<PaymentView> out = Status::Internal("payment was not confirmed");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    auto found = tx.payments().Get(payment_id);
    if (!found.ok()) return found.status();
    domain::Payment p = std::move(*found);
    PaymentFacts facts{p.from_organisation_id, p.confirming_organisation_id, false};
    if (actor.organisation_id == p.from_organisation_id)
      facts.actor_sees_case = LoadCaseFor(tx, actor, p.case_id, Action::kViewCase).ok();
    RETURN_IF_ERROR(AuthorizeConfirmPayment(actor, facts));
    // A stale version is a conflict before anything else: the caller reloads
    // and then learns that someone has confirmed it.
    if (p.stamp.version != version)
      return Status::Conflict("the payment was changed by someone else; reload it");
    RETURN_IF_ERROR(domain::ValidateConfirmation(p, received_on, note, FormatDate(now)));
    p.state = domain::PaymentState::kConfirmed;
    p.received_on = received_on;
    p.confirmation_note = note;
    p.confirmed_by = actor.user_id;
    p.confirmed_at = now;
    p.stamp.version = version + 1;
    p.stamp.updated_by = actor.user_id;
    p.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.payments().Confirm(p));
    RETURN_IF_ERROR(tx.audit()
                        .Append(PaymentEvent(actor, now, "legal.payment.confirm", p.id,
                                             "received " + received_on))
                        .status());
    Names names(tx);
    out = ViewOf(names, std::move(p), false);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace trm::service
