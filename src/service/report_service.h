// Reports for the network secretariat: aggregates over every member's
// referrals, suppressed so that no count or median singles out a person
// (domain/referral_report.h). Only the secretariat and the system admin read
// them (AuthorizeNetworkReport); each reading is audited with its period.
#pragma once

#include "common/clock.h"
#include "domain/referral_report.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

class ReportService {
 public:
  ReportService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The referral report for [period.from, period.to) with the given
  // suppression threshold (11 or more). PermissionDenied for anyone but the
  // secretariat; InvalidArgument naming "from", "to" or "threshold".
  Result<domain::ReferralReport> Referrals(const Actor& actor, const domain::ReportPeriod& period,
                                           int threshold);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace trm::service
