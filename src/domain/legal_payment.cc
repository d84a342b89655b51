#include "domain/legal_payment.h"

#include "domain/enum_table.h"
#include "domain/money.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<PaymentChannel, 3> kChannels{{
    {PaymentChannel::kEmbassy, "embassy"},
    {PaymentChannel::kBank, "bank"},
    {PaymentChannel::kPartnerOrganisation, "partner_organisation"},
}};

constexpr EnumTable<PaymentState, 2> kStates{{
    {PaymentState::kAwaitingConfirmation, "awaiting_confirmation"},
    {PaymentState::kConfirmed, "confirmed"},
}};

}  // namespace

std::string_view Name(PaymentChannel c) { return EnumName(kChannels, c); }
std::string_view Name(PaymentState s) { return EnumName(kStates, s); }
std::optional<PaymentChannel> ParsePaymentChannel(std::string_view s) { return EnumParse(kChannels, s); }
std::optional<PaymentState> ParsePaymentState(std::string_view s) { return EnumParse(kStates, s); }

Status ValidateNewPayment(const Payment& p, std::string_view today) {
  RETURN_IF_ERROR(CheckAmount(p.amount_minor, "amount", /*positive=*/true));
  RETURN_IF_ERROR(CheckCurrency(p.currency, "currency"));
  if (!IsValidDate(p.sent_on))
    return Status::InvalidArgument("sent_on must be a date YYYY-MM-DD", "sent_on");
  if (p.sent_on > today)
    return Status::InvalidArgument("sent_on may not be in the future", "sent_on");
  RETURN_IF_ERROR(CheckText(p.reference, "reference", kPaymentReferenceMax));
  RETURN_IF_ERROR(CheckText(p.handover_note, "handover_note", kPaymentNoteMax, TextKind::kMultiline));
  return Status::Ok();
}

Status ValidateConfirmation(const Payment& p, std::string_view received_on, std::string_view note,
                            std::string_view today) {
  if (p.state == PaymentState::kConfirmed)
    return Status::FailedPrecondition("this payment was already confirmed on " + p.received_on);
  if (!IsValidDate(received_on))
    return Status::InvalidArgument("received_on must be a date YYYY-MM-DD", "received_on");
  if (received_on < p.sent_on)
    return Status::InvalidArgument("received_on may not be before the day it was sent (" +
                                       p.sent_on + ")",
                                   "received_on");
  if (received_on > today)
    return Status::InvalidArgument("received_on may not be in the future", "received_on");
  return CheckText(note, "note", kPaymentNoteMax, TextKind::kMultiline);
}

}  // namespace trm::domain
