#include "store/payment_repo.h"

#include <nlohmann/json.hpp>

#include "store/stamp.h"

namespace trm::store {
namespace {

using nlohmann::json;

constexpr const char* kColumns =
    "id, case_id, claim_id, from_organisation_id, confirming_organisation_id, channel, "
    "amount_minor, currency, sent_on, state, received_on, confirmed_by, confirmed_at, details, ";

// Bound to the payment and its case: a blob moved to another row does not open.
std::string Place(const domain::Payment& p) {
  return "legal_payments:" + std::to_string(p.id) + ":" + std::to_string(p.case_id);
}

Blob Seal(const crypto::FieldCipher& cipher, const domain::Payment& p) {
  json d = {{"reference", p.reference},
            {"handover_note", p.handover_note},
            {"confirmation_note", p.confirmation_note}};
  return Blob{cipher.Encrypt(d.dump(), Place(p))};
}

Value OptId(const std::optional<int64_t>& v) {
  if (v) return *v;
  return std::monostate{};
}

}  // namespace

Result<domain::Id> PaymentRepo::Insert(const domain::Payment& p) {
  ASSIGN_OR_RETURN(
      domain::Id id,
      conn_.Insert(std::string("INSERT INTO legal_payments (case_id, claim_id, from_organisation_id, "
                               "confirming_organisation_id, channel, amount_minor, currency, sent_on, "
                               "state, received_on, confirmed_by, confirmed_at, details, ") +
                       kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {p.case_id, p.claim_id, p.from_organisation_id, p.confirming_organisation_id,
                    std::string(domain::Name(p.channel)), p.amount_minor, p.currency, p.sent_on,
                    std::string(domain::Name(p.state)), std::monostate{}, std::monostate{},
                    std::monostate{}, Blob{}, p.stamp.version, p.stamp.created_by,
                    p.stamp.created_at, p.stamp.updated_by, p.stamp.updated_at}));
  domain::Payment placed = p;
  placed.id = id;
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("UPDATE legal_payments SET details = ? WHERE id = ?",
                                         {Seal(cipher_, placed), id}));
  if (n != 1) return Status::Internal("sealing the payment failed");
  return id;
}

Result<domain::Payment> PaymentRepo::FromRow(const Row& row) {
  domain::Payment p;
  p.id = row.Int(0);
  p.case_id = row.Int(1);
  p.claim_id = row.Int(2);
  p.from_organisation_id = row.Int(3);
  p.confirming_organisation_id = row.Int(4);
  auto channel = domain::ParsePaymentChannel(row.Text(5));
  auto state = domain::ParsePaymentState(row.Text(9));
  if (!channel || !state) return Status::Internal("payment " + std::to_string(p.id) + " is unreadable");
  p.channel = *channel;
  p.amount_minor = row.Int(6);
  p.currency = row.Text(7);
  p.sent_on = row.Text(8);
  p.state = *state;
  p.received_on = row.Text(10);
  p.confirmed_by = row.OptInt(11);
  p.confirmed_at = row.Int(12);
  ASSIGN_OR_RETURN(std::string details, cipher_.Decrypt(row.Bytes(13), Place(p)));
  json d = json::parse(details, nullptr, false);
  if (!d.is_object()) return Status::Internal("payment details are unreadable");
  p.reference = d.value("reference", "");
  p.handover_note = d.value("handover_note", "");
  p.confirmation_note = d.value("confirmation_note", "");
  p.stamp = ReadStamp(row, 14);
  return p;
}

Result<std::vector<domain::Payment>> PaymentRepo::Select(const std::string& where,
                                                         std::vector<Value> params) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kColumns + kStampColumns +
                                              " FROM legal_payments WHERE " + where,
                                          params));
  std::vector<domain::Payment> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(auto p, FromRow(row));
    out.push_back(std::move(p));
  }
  return out;
}

Result<domain::Payment> PaymentRepo::Get(domain::Id id) {
  ASSIGN_OR_RETURN(auto rows, Select("id = ?", {id}));
  if (rows.empty()) return Status::NotFound("payment not found");
  return std::move(rows[0]);
}

Result<std::vector<domain::Payment>> PaymentRepo::OfCase(domain::Id case_id) {
  return Select("case_id = ? ORDER BY id", {case_id});
}

Result<std::vector<domain::Payment>> PaymentRepo::ForConfirmingOrganisation(
    domain::Id organisation_id, domain::PaymentState state, int limit) {
  return Select("confirming_organisation_id = ? AND state = ? ORDER BY sent_on DESC, id DESC LIMIT ?",
                {organisation_id, std::string(domain::Name(state)), int64_t{limit}});
}

Status PaymentRepo::Confirm(const domain::Payment& p) {
  ASSIGN_OR_RETURN(
      int64_t n,
      conn_.Exec("UPDATE legal_payments SET state = ?, received_on = ?, confirmed_by = ?, "
                 "confirmed_at = ?, details = ?, version = ?, updated_by = ?, updated_at = ? "
                 "WHERE id = ? AND version = ? AND state = ?",
                 {std::string(domain::Name(p.state)), p.received_on, OptId(p.confirmed_by),
                  p.confirmed_at, Seal(cipher_, p), p.stamp.version, p.stamp.updated_by,
                  p.stamp.updated_at, p.id, p.stamp.version - 1,
                  std::string(domain::Name(domain::PaymentState::kAwaitingConfirmation))}));
  if (n == 0) return Status::Conflict("the payment was changed by someone else; reload it");
  return Status::Ok();
}

}  // namespace trm::store
