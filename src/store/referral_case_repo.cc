#include "store/referral_case_repo.h"

#include "store/stamp.h"

namespace trm::store {

Status ReferralCaseRepo::Insert(const ReceiverCase& l) {
  return conn_
      .Exec(std::string("INSERT INTO referral_receiver_cases (referral_id, case_id, organisation_id, ") +
                kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {l.referral_id, l.case_id, l.organisation_id, l.stamp.version, l.stamp.created_by,
             l.stamp.created_at, l.stamp.updated_by, l.stamp.updated_at})
      .status();
}

Result<std::optional<ReceiverCase>> ReferralCaseRepo::Find(domain::Id referral_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT referral_id, case_id, organisation_id, ") +
                                              kStampColumns +
                                              " FROM referral_receiver_cases WHERE referral_id = ?",
                                          {referral_id}));
  if (rows.empty()) return std::optional<ReceiverCase>();
  return std::optional<ReceiverCase>(
      ReceiverCase{rows[0].Int(0), rows[0].Int(1), rows[0].Int(2), ReadStamp(rows[0], 3)});
}

}  // namespace trm::store
