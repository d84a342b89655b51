// Repatriations and their steps (domain/repatriation.h).
#pragma once

#include <optional>
#include <vector>

#include "crypto/field_cipher.h"
#include "domain/repatriation.h"
#include "store/sql.h"

namespace trm::store {

// One completed repatriation as the secretariat's report counts it: no case,
// no person, no notes.
struct CompletedRepatriation {
  domain::Id id = 0;
  std::string flow_id;
  std::string destination_country;
  std::string origin_country;
  domain::Id destination_organisation_id = 0;
  domain::Id origin_organisation_id = 0;
  std::string started_on;    // YYYY-MM-DD
  std::string completed_on;  // YYYY-MM-DD
  int64_t duration_days = 0;
};

class RepatriationRepo {
 public:
  RepatriationRepo(Connection& conn, const crypto::FieldCipher& cipher) : conn_(conn), cipher_(cipher) {}

  // AlreadyExists when the referral already has a repatriation.
  Result<domain::Id> Insert(const domain::Repatriation& r);
  Result<domain::Repatriation> Get(domain::Id id);
  // The repatriation started from `referral_id`, if any.
  Result<std::optional<domain::Repatriation>> OfReferral(domain::Id referral_id);
  // Those where `organisation_id` is either side, newest first; `status`
  // keeps only those in it.
  Result<std::vector<domain::Repatriation>> OfOrganisation(domain::Id organisation_id,
                                                           std::optional<domain::RepatriationStatus> status,
                                                           int limit);
  // Writes status and completion if the stored version is r.stamp.version - 1;
  // Conflict otherwise.
  Status Update(const domain::Repatriation& r);

  Result<domain::Id> InsertStep(const domain::RepatriationStep& s);
  // In flow order.
  Result<std::vector<domain::RepatriationStep>> Steps(domain::Id repatriation_id);
  // Writes state, dates and details if the stored version is
  // s.stamp.version - 1; Conflict otherwise.
  Status UpdateStep(const domain::RepatriationStep& s);

  // Repatriations completed from `from` (inclusive) to `to` (exclusive), both
  // YYYY-MM-DD, oldest first, with their durations in days.
  Result<std::vector<CompletedRepatriation>> CompletedBetween(const std::string& from, const std::string& to);

 private:
  Result<std::vector<domain::Repatriation>> Select(const std::string& where, std::vector<Value> params);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
