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
#include "service/case_service.h"
#include "service/policy.h"
#include "store/store.h"

namespace trm::service {

struct ReportView {
  domain::IntakeReport report;
  bool reporter_visible = false;
};

struct ReportAndCase {
  ReportView report;
  CaseView case_view;
};

// What a member of the public may send through the web form, nothing more.
struct PublicReport {
  std::string what_happened;
  std::string location;
  std::string location_country;  // ISO 3166-1 alpha-2 or empty
  std::string who_is_at_risk;    // free text
  std::optional<int> people_count;
  bool children = false;  // the reporter says children are among them
  domain::Urgency urgency = domain::Urgency::kRoutine;  // as the reporter sees it
  std::string language;   // the language the reporter wrote in (ISO 639-1)
  std::string contact_name;     // optional; sealed like a reporter's identity
  std::string contact_details;  // optional; sealed
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
  // Opens a case (the rules of CaseService::Create) and links the report to
  // it, in one transaction with audit rows for both. Conflict when the report
  // is no longer at `version`; nothing is written on any failure.
  Result<ReportAndCase> CreateCase(const Actor& actor, domain::Id id, int64_t version,
                                   const NewCase& input);

  // Files a report from the public web form into the duty queue of
  // `organisation_id` (channel web form, received now, no user, and no
  // address stored). Returns the stored report; its receipt is for the
  // reporter. Unavailable when that organisation does not exist.
  Result<domain::IntakeReport> TakePublicReport(domain::Id organisation_id,
                                                const PublicReport& input);

 private:
  Result<ReportView> Change(const Actor& actor, domain::Id id, int64_t version, Action action,
                            const std::function<Status(store::Tx&, domain::IntakeReport&)>& apply,
                            const std::string& audit_action);

  store::Store& store_;
  const Clock& clock_;
};

}  // namespace trm::service
