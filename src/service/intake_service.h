// Intake use cases: take a report, the duty queue (most urgent, then oldest,
// first), read one, assign a mobile team or an agency, link it to a case.
// Each is one transaction with its audit row. The reporter's identity is
// decrypted only for those the policy lets see it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/intake.h"
#include "service/actor.h"
#include "service/policy.h"
#include "store/store.h"

namespace trm::service {

struct ReportView {
  domain::IntakeReport report;
  bool reporter_visible = false;
};

class IntakeService {
 public:
  IntakeService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Records the report for the actor's organisation; received_at 0 means now.
  Result<ReportView> TakeReport(const Actor& actor, domain::IntakeReport report);
  Result<std::vector<ReportView>> Queue(const Actor& actor);
  Result<ReportView> Get(const Actor& actor, domain::Id id);
  // Assigns a mobile team (words) and/or an agency (organisation id).
  Result<ReportView> Assign(const Actor& actor, domain::Id id, int64_t version,
                            const std::string& team, std::optional<domain::Id> agency);
  // Links the report to a case the actor may change.
  Result<ReportView> Link(const Actor& actor, domain::Id id, int64_t version, domain::Id case_id);

 private:
  Result<ReportView> Change(const Actor& actor, domain::Id id, int64_t version, Action action,
                            const std::function<Status(store::Tx&, domain::IntakeReport&)>& apply,
                            const std::string& audit_action);

  store::Store& store_;
  const Clock& clock_;
};

}  // namespace trm::service
