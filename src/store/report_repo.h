// The rows the secretariat's reports are built from. Only plain columns are
// read (parties, services, status, dates): no sealed field, no case.
#pragma once

#include <vector>

#include "domain/referral_report.h"
#include "store/sql.h"

namespace trm::store {

class ReportRepo {
 public:
  explicit ReportRepo(Connection& conn) : conn_(conn) {}

  // The referrals sent in [from, to) (drafts have no sending time).
  Result<std::vector<domain::ReferralFact>> ReferralsSent(Millis from, Millis to);

 private:
  Connection& conn_;
};

}  // namespace trm::store
