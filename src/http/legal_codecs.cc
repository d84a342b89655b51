#include "http/legal_codecs.h"

#include "common/clock.h"

namespace trm::http {
namespace {

json OrgRef(domain::Id id, const std::string& name, const std::string& country) {
  return json{{"id", id}, {"name", name}, {"country", country}};
}

}  // namespace

Result<service::NewPayment> NewPaymentFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"claim_id", "channel", "amount", "currency", "sent_on",
                              "confirming_organisation_id", "reference", "handover_note"}));
  service::NewPayment in;
  ASSIGN_OR_RETURN(in.claim_id, r.RequiredInt("claim_id"));
  ASSIGN_OR_RETURN(std::string channel, r.RequiredString("channel"));
  auto parsed = domain::ParsePaymentChannel(channel);
  if (!parsed)
    return Status::InvalidArgument("channel must be embassy, bank or partner_organisation", "channel");
  in.channel = *parsed;
  ASSIGN_OR_RETURN(in.amount_minor, r.RequiredInt("amount"));
  ASSIGN_OR_RETURN(in.currency, r.RequiredString("currency"));
  ASSIGN_OR_RETURN(in.sent_on, r.RequiredString("sent_on"));
  ASSIGN_OR_RETURN(in.confirming_organisation_id, r.RequiredInt("confirming_organisation_id"));
  ASSIGN_OR_RETURN(in.reference, r.String("reference"));
  ASSIGN_OR_RETURN(in.handover_note, r.String("handover_note"));
  return in;
}

json PaymentToJson(const service::PaymentView& v) {
  const domain::Payment& p = v.payment;
  json j = {{"id", p.id},
            {"version", p.stamp.version},
            {"channel", domain::Name(p.channel)},
            {"amount", p.amount_minor},
            {"currency", p.currency},
            {"minor_digits", v.minor_digits},
            {"sent_on", p.sent_on},
            {"reference", p.reference},
            {"handover_note", p.handover_note},
            {"state", domain::Name(p.state)},
            {"from_organisation", OrgRef(p.from_organisation_id, v.from_organisation_name, v.from_country)},
            {"confirming_organisation",
             OrgRef(p.confirming_organisation_id, v.confirming_organisation_name, v.confirming_country)},
            {"confirmation", nullptr}};
  if (p.state == domain::PaymentState::kConfirmed)
    j["confirmation"] = {{"received_on", p.received_on},
                         {"note", p.confirmation_note},
                         {"by", {{"id", p.confirmed_by.value_or(0)}, {"display_name", v.confirmed_by_name}}},
                         {"at", FormatTime(p.confirmed_at)}};
  // The case is the sender's; the partner learns nothing of it from here.
  if (v.sender_side) {
    j["case_id"] = p.case_id;
    j["claim_id"] = p.claim_id;
    j["created_at"] = FormatTime(p.stamp.created_at);
    j["created_by"] = {{"id", p.stamp.created_by}, {"display_name", v.created_by_name}};
  }
  return j;
}

}  // namespace trm::http
