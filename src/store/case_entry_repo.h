// Case entries (domain/case_form.h): sealed fields, plain index columns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crypto/field_cipher.h"
#include "domain/case_form.h"
#include "store/sql.h"

namespace trm::store {

// An open task with the case it belongs to.
struct OpenTask {
  domain::CaseEntry entry;
  std::string case_reference;
};

class CaseEntryRepo {
 public:
  CaseEntryRepo(Connection& conn, const crypto::FieldCipher& cipher) : conn_(conn), cipher_(cipher) {}

  Result<domain::Id> Insert(const domain::CaseEntry& e);
  // NotFound when there is no such entry on that case.
  Result<domain::CaseEntry> Get(domain::Id case_id, domain::Id id);
  // The case's entries (of one kind when `kind` is set), oldest first.
  Result<std::vector<domain::CaseEntry>> List(domain::Id case_id,
                                              const std::optional<std::string>& kind);
  Result<int64_t> Count(domain::Id case_id, const std::string& kind);
  // Writes the fields and index if the stored version is e.stamp.version - 1;
  // Conflict otherwise.
  Status Update(const domain::CaseEntry& e);
  // Entries assigned to the user and not done (tasks, legal deadlines,
  // hearings: every form with an assignee field), soonest due first.
  Result<std::vector<OpenTask>> OpenTasksOf(domain::Id user_id, int limit);

 private:
  Result<domain::CaseEntry> FromRow(const Row& row);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
