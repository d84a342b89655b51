// Payments of money owed to a person, recorded against a claim (a "claim"
// case entry) by the lawyer's organisation, often after the person has gone
// home: sent through an embassy, a bank or a partner organisation, and
// confirmed as received by a partner organisation in the person's country.
//
// A payment is awaiting confirmation until that organisation confirms it,
// once; a confirmed payment is not changed again.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/records.h"

namespace trm::domain {

enum class PaymentChannel { kEmbassy, kBank, kPartnerOrganisation };
enum class PaymentState { kAwaitingConfirmation, kConfirmed };

std::string_view Name(PaymentChannel c);
std::string_view Name(PaymentState s);
std::optional<PaymentChannel> ParsePaymentChannel(std::string_view s);
std::optional<PaymentState> ParsePaymentState(std::string_view s);

struct Payment {
  Id id = 0;
  Id case_id = 0;
  Id claim_id = 0;  // the claim entry on that case
  Id from_organisation_id = 0;        // the case's organisation, which sent it
  Id confirming_organisation_id = 0;  // must confirm receipt
  PaymentChannel channel = PaymentChannel::kEmbassy;
  int64_t amount_minor = 0;  // in minor units of `currency`
  std::string currency;      // ISO 4217, the claim's currency
  std::string sent_on;       // YYYY-MM-DD
  // Sealed: what the partner needs to find the money and the person.
  std::string reference;      // the bank's or embassy's transfer reference
  std::string handover_note;  // the lawyer's note to the partner
  PaymentState state = PaymentState::kAwaitingConfirmation;
  std::string received_on;        // set on confirmation
  std::string confirmation_note;  // sealed, set on confirmation
  std::optional<Id> confirmed_by;
  Millis confirmed_at = 0;
  Stamp stamp;
};

inline constexpr size_t kPaymentReferenceMax = 200;
inline constexpr size_t kPaymentNoteMax = 4000;

// A new payment: amount above zero and within limits, an ISO 4217 currency,
// sent on a real day not after `today`, the texts within limits.
// InvalidArgument naming the field otherwise.
Status ValidateNewPayment(const Payment& p, std::string_view today);

// Confirming receipt of `p`: FailedPrecondition when it is already confirmed;
// InvalidArgument when `received_on` is not a real day, is before the day it
// was sent or after `today`, or the note is too long or not text.
Status ValidateConfirmation(const Payment& p, std::string_view received_on, std::string_view note,
                            std::string_view today);

}  // namespace trm::domain
