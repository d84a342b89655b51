// Human decisions on possible duplicate persons (domain/person_link.h), one
// row per pair of cases, the note sealed with FieldCipher.
#pragma once

#include <optional>
#include <vector>

#include "crypto/field_cipher.h"
#include "domain/person_link.h"
#include "store/sql.h"

namespace trm::store {

class PersonLinkRepo {
 public:
  PersonLinkRepo(Connection& conn, const crypto::FieldCipher& cipher) : conn_(conn), cipher_(cipher) {}

  // REQUIRES: link.case_a < link.case_b. Returns the new id.
  Result<domain::Id> Insert(const domain::PersonLink& link);
  // NotFound when there is no such link.
  Result<domain::PersonLink> Get(domain::Id id);
  // The link between two cases, in either order; nullopt when undecided.
  Result<std::optional<domain::PersonLink>> Find(domain::Id case_x, domain::Id case_y);
  // Every link that names the case, oldest first.
  Result<std::vector<domain::PersonLink>> ForCase(domain::Id case_id);
  // Writes decision, note and stamp if the stored version is still
  // link.stamp.version - 1; Conflict otherwise.
  Status Update(const domain::PersonLink& link);

 private:
  Result<domain::PersonLink> FromRow(const Row& r);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
