// The register's entries, their history and their case links
// (domain/register.h). Names, identifiers and contacts are sealed with
// associated data `register_entries:<id>:details`; a history line's reason
// and source reference with `register_history:<id>:<entry_id>`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crypto/field_cipher.h"
#include "domain/register.h"
#include "store/sql.h"

namespace trm::store {

// Which entries a list holds; empty fields do not filter.
struct RegisterFilter {
  std::optional<domain::RegisterStatus> status;
  std::string review_due_on;  // YYYY-MM-DD: only entries whose review date is on or before it
};

class RegisterRepo {
 public:
  RegisterRepo(Connection& conn, const crypto::FieldCipher& cipher) : conn_(conn), cipher_(cipher) {}

  Result<domain::Id> Insert(const domain::RegisterEntry& e);
  // NotFound when there is no such entry.
  Result<domain::RegisterEntry> Get(domain::Id id);
  // In id order. Every entry is decrypted: the register is small (see
  // docs/ARCHITECTURE.md, "Register").
  Result<std::vector<domain::RegisterEntry>> List(const RegisterFilter& filter = {});
  // Writes everything but the id and creation if the stored version is
  // e.stamp.version - 1; Conflict otherwise.
  Status Update(const domain::RegisterEntry& e);
  // Up to `limit` entries changed after (`since`, `after_id`) in
  // (updated_at, id) order (after_id 0: everything updated at or after
  // `since`): how the register's name index catches up (register_names.h).
  Result<std::vector<domain::RegisterEntry>> ChangedSince(Millis since, domain::Id after_id,
                                                          int limit);

  Result<domain::Id> AddHistory(const domain::RegisterHistory& h);
  // Oldest first.
  Result<std::vector<domain::RegisterHistory>> History(domain::Id entry_id);

  // AlreadyExists when the case is linked already.
  Result<domain::Id> AddLink(const domain::RegisterCaseLink& link);
  // NotFound when the case is not linked.
  Status RemoveLink(domain::Id entry_id, domain::Id case_id);
  Result<std::vector<domain::RegisterCaseLink>> Links(domain::Id entry_id);

 private:
  Result<domain::RegisterEntry> FromRow(const Row& row);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
