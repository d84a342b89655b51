#include "service/report_service.h"

#include "service/policy.h"

namespace trm::service {

Result<domain::ReferralReport> ReportService::Referrals(const Actor& actor, const domain::ReportPeriod& period,
                                                        int threshold) {
  RETURN_IF_ERROR(AuthorizeNetworkReport(actor));
  RETURN_IF_ERROR(domain::ValidateReportRequest(period, threshold));
  const Millis now = clock_.Now();
  std::vector<domain::ReferralFact> facts;
  std::vector<domain::ReportOrg> orgs;
  std::vector<int64_t> repatriation_days;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(facts, tx.reports().ReferralsSent(DateStart(period.from), DateStart(period.to)));
    ASSIGN_OR_RETURN(auto repatriations, tx.repatriations().CompletedBetween(period.from, period.to));
    repatriation_days.clear();
    for (const auto& r : repatriations) repatriation_days.push_back(r.duration_days);
    ASSIGN_OR_RETURN(auto all, tx.orgs().List());
    orgs.clear();
    for (const auto& o : all) orgs.push_back({o.id, o.name, o.country});
    return Status::Ok();
  }));
  domain::ReferralReport report = domain::BuildReferralReport(facts, orgs, period, threshold, now);
  report.repatriations = domain::BuildRepatriationFigures(repatriation_days, threshold);
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit()
        .Append(store::AuditEvent{now, actor.user_id, actor.organisation_id, "report.referrals", "report",
                                  period.from + ".." + period.to, actor.ip,
                                  "threshold " + std::to_string(threshold)})
        .status();
  }));
  return report;
}

}  // namespace trm::service
