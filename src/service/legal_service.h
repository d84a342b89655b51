// Payments of money owed to a person, against a claim on their case
// (domain/legal_payment.h). The lawyer's side records them and reads them
// through the case (LoadCaseFor). The partner organisation that is to
// confirm receipt reaches them only through its "to confirm" list and the
// confirmation itself: it sees the amount, channel, sending organisation,
// reference and handover note, and nothing of the case. Each use case is one
// transaction with its audit row.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/legal_payment.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

struct NewPayment {
  domain::Id claim_id = 0;
  domain::PaymentChannel channel = domain::PaymentChannel::kEmbassy;
  int64_t amount_minor = 0;
  std::string currency;
  std::string sent_on;
  domain::Id confirming_organisation_id = 0;
  std::string reference;
  std::string handover_note;
};

struct PaymentView {
  domain::Payment payment;
  int minor_digits = 2;  // of payment.currency
  std::string from_organisation_name;
  std::string from_country;
  std::string confirming_organisation_name;
  std::string confirming_country;
  std::string confirmed_by_name;
  std::string created_by_name;
  bool sender_side = false;  // the view of the case's side (with case and claim ids)
};

class LegalService {
 public:
  LegalService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Records a payment against a claim of the case. InvalidArgument for bad
  // values, a claim that is not a claim entry of this case, a currency other
  // than the claim's, or a confirming organisation that does not exist or is
  // the case's own; the policy's answers otherwise (AuthorizeRecordPayment).
  Result<PaymentView> RecordPayment(const Actor& actor, domain::Id case_id, const NewPayment& in);
  // The case's payments, oldest first, for those who may view the case.
  Result<std::vector<PaymentView>> CasePayments(const Actor& actor, domain::Id case_id);
  // The actor's organisation's payments in `state` (awaiting confirmation or
  // confirmed), newest sent first, in the partner's view.
  Result<std::vector<PaymentView>> ToConfirm(const Actor& actor, domain::PaymentState state);
  // Confirms receipt if `version` is current: Conflict when stale,
  // FailedPrecondition when already confirmed, AuthorizeConfirmPayment's
  // answers for anyone but the partner.
  Result<PaymentView> Confirm(const Actor& actor, domain::Id payment_id, int64_t version,
                              const std::string& received_on, const std::string& note);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace trm::service
