// Which case the receiving organisation opened from a referral (at most one
// per referral, and a case comes from at most one referral).
#pragma once

#include <optional>

#include "domain/records.h"
#include "store/sql.h"

namespace trm::store {

struct ReceiverCase {
  domain::Id referral_id = 0;
  domain::Id case_id = 0;
  domain::Id organisation_id = 0;  // the receiving organisation, which owns the case
  domain::Stamp stamp;
};

class ReferralCaseRepo {
 public:
  explicit ReferralCaseRepo(Connection& conn) : conn_(conn) {}

  // AlreadyExists when the referral already has its receiver's case.
  Status Insert(const ReceiverCase& link);
  // nullopt when the receiver has opened no case from the referral.
  Result<std::optional<ReceiverCase>> Find(domain::Id referral_id);

 private:
  Connection& conn_;
};

}  // namespace trm::store
