#include "store/report_repo.h"

namespace trm::store {

Result<std::vector<domain::ReferralFact>> ReportRepo::ReferralsSent(Millis from, Millis to) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT from_organisation_id, to_organisation_id, services, status, "
                                          "respond_by, sent_at, answered_at, finished_at FROM referrals "
                                          "WHERE sent_at >= ? AND sent_at < ? AND sent_at > 0 ORDER BY id",
                                          {from, to}));
  std::vector<domain::ReferralFact> out;
  for (const Row& row : rows) {
    domain::ReferralFact f;
    f.from_organisation_id = row.Int(0);
    f.to_organisation_id = row.Int(1);
    const std::string& services = row.Text(2);
    for (size_t start = 0; start < services.size();) {
      size_t comma = services.find(',', start);
      if (comma == std::string::npos) comma = services.size();
      f.services.push_back(services.substr(start, comma - start));
      start = comma + 1;
    }
    auto status = domain::ParseReferralStatus(row.Text(3));
    if (!status) return Status::Internal("a referral's status is unreadable");
    f.status = *status;
    f.respond_by = row.Text(4);
    f.sent_at = row.Int(5);
    f.answered_at = row.Int(6);
    f.finished_at = row.Int(7);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace trm::store
