// Intake reports and the duty queue.
#pragma once

#include <vector>

#include "crypto/field_cipher.h"
#include "domain/intake.h"
#include "store/sql.h"

namespace trm::store {

class IntakeRepo {
 public:
  IntakeRepo(Connection& conn, const crypto::FieldCipher& cipher) : conn_(conn), cipher_(cipher) {}

  Result<domain::Id> Insert(const domain::IntakeReport& r);
  // With `with_reporter` false the reporter blob is not even decrypted and the
  // returned reporter is empty.
  Result<domain::IntakeReport> Get(domain::Id id, bool with_reporter);
  // The organisation's reports not yet linked to a case: most urgent first,
  // then oldest first.
  Result<std::vector<domain::IntakeReport>> Queue(domain::Id organisation_id, bool with_reporter);
  // Writes status, assignment and case link if the stored version is
  // r.stamp.version - 1; Conflict otherwise.
  Status UpdateHandling(const domain::IntakeReport& r);

 private:
  Result<domain::IntakeReport> FromRow(const Row& row, bool with_reporter);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
