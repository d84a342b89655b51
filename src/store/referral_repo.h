// Referrals and their timeline (domain/referral.h).
#pragma once

#include <optional>
#include <vector>

#include "crypto/field_cipher.h"
#include "domain/referral.h"
#include "store/sql.h"

namespace trm::store {

// Which referrals an inbox lists for one organisation.
enum class ReferralBox {
  kIncoming,  // sent to it, not finished
  kOutgoing,  // sent by it, not finished
  kAll,       // either way, finished ones too
};

class ReferralRepo {
 public:
  ReferralRepo(Connection& conn, const crypto::FieldCipher& cipher) : conn_(conn), cipher_(cipher) {}

  Result<domain::Id> Insert(const domain::Referral& r);
  Result<domain::Referral> Get(domain::Id id);
  Result<std::vector<domain::Referral>> OfCase(domain::Id case_id);
  Result<std::vector<domain::Referral>> Box(domain::Id organisation_id, ReferralBox box, int limit);
  // Writes status, dates and override if the stored version is
  // r.stamp.version - 1; Conflict otherwise.
  Status Update(const domain::Referral& r);

  Result<domain::Id> AddEvent(const domain::ReferralEvent& e);
  Result<std::vector<domain::ReferralEvent>> Events(domain::Id referral_id);

 private:
  Result<std::vector<domain::Referral>> Select(const std::string& where, std::vector<Value> params);
  Result<domain::Referral> FromRow(const Row& row);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
