// Payments against legal claims (domain/legal_payment.h): reference, handover
// note and confirmation note sealed, the rest plain.
#pragma once

#include <vector>

#include "crypto/field_cipher.h"
#include "domain/legal_payment.h"
#include "store/sql.h"

namespace trm::store {

class PaymentRepo {
 public:
  PaymentRepo(Connection& conn, const crypto::FieldCipher& cipher) : conn_(conn), cipher_(cipher) {}

  Result<domain::Id> Insert(const domain::Payment& p);
  // NotFound when there is no such payment.
  Result<domain::Payment> Get(domain::Id id);
  // The case's payments, oldest first.
  Result<std::vector<domain::Payment>> OfCase(domain::Id case_id);
  // Payments an organisation is to confirm (or has confirmed), newest sent first.
  Result<std::vector<domain::Payment>> ForConfirmingOrganisation(domain::Id organisation_id,
                                                                 domain::PaymentState state,
                                                                 int limit);
  // Writes the confirmation if the stored version is p.stamp.version - 1 and
  // the payment is still awaiting it; Conflict otherwise.
  Status Confirm(const domain::Payment& p);

 private:
  Result<std::vector<domain::Payment>> Select(const std::string& where, std::vector<Value> params);
  Result<domain::Payment> FromRow(const Row& row);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
