// Family tracing requests and the officer's decisions on candidate cases
// (domain/tracing.h). A request's searcher, sought person and outcome are
// sealed together with FieldCipher, bound to "tracing_requests:<id>"; a
// decision's note to its request and case.
#pragma once

#include <optional>
#include <vector>

#include "crypto/field_cipher.h"
#include "domain/tracing.h"
#include "store/sql.h"

namespace trm::store {

class TracingRepo {
 public:
  TracingRepo(Connection& conn, const crypto::FieldCipher& cipher) : conn_(conn), cipher_(cipher) {}

  // Returns the new request's id.
  Result<domain::Id> Insert(const domain::TracingRequest& r);
  // NotFound when there is no such request.
  Result<domain::TracingRequest> Get(domain::Id id);
  // An organisation's requests, newest first, at most `limit`; only those
  // with `status` when given.
  Result<std::vector<domain::TracingRequest>> OfOrganisation(domain::Id organisation_id,
                                                             std::optional<domain::TracingStatus> status,
                                                             int limit);
  // Writes officer, status, outcome and stamp if the stored version is still
  // r.stamp.version - 1; Conflict otherwise.
  Status Update(const domain::TracingRequest& r);

  // Returns the new decision's id; AlreadyExists when the pair has one.
  Result<domain::Id> InsertDecision(const domain::CandidateDecision& d);
  // NotFound unless the decision exists and belongs to the request.
  Result<domain::CandidateDecision> GetDecision(domain::Id request_id, domain::Id decision_id);
  // The decision on one case for a request; nullopt when undecided.
  Result<std::optional<domain::CandidateDecision>> FindDecision(domain::Id request_id, domain::Id case_id);
  // Writes decision, note and stamp if the stored version is still
  // d.stamp.version - 1; Conflict otherwise.
  Status UpdateDecision(const domain::CandidateDecision& d);

 private:
  Result<domain::TracingRequest> FromRow(const Row& row);
  Result<domain::CandidateDecision> DecisionFromRow(const Row& row);
  Result<std::vector<domain::CandidateDecision>> SelectDecisions(const std::string& where,
                                                                 std::vector<Value> params);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
