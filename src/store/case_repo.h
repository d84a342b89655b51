// Cases: the person's record, owned by one organisation and worked by a team.
// The person's fields and the closure reason are encrypted with FieldCipher,
// bound to the case reference, so the database file alone reveals no name.
#pragma once

#include <optional>
#include <vector>

#include "crypto/field_cipher.h"
#include "domain/records.h"
#include "store/sql.h"

namespace trm::store {

// Which cases a list may return. Built by the service's policy, never by hand
// in a handler: this is the SQL face of the "may see this case" rule.
struct CaseScope {
  domain::Id user_id = 0;
  domain::Id organisation_id = 0;
  // Every case owned by or shared with the organisation (supervisors, org
  // admins); otherwise only cases whose team includes the user.
  bool whole_organisation = false;
  bool nothing = false;  // roles that see no case at all
};

struct CaseFilter {
  std::optional<domain::CaseStatus> status;
  std::optional<domain::Id> assignee_id;
  int page = 1;        // 1-based
  int page_size = 20;  // 1..100
};

struct CasePage {
  std::vector<domain::Case> items;
  int64_t total = 0;
};

class CaseRepo {
 public:
  CaseRepo(Connection& conn, const crypto::FieldCipher& cipher) : conn_(conn), cipher_(cipher) {}

  // Inserts the case and its team. Returns the new id; AlreadyExists when the
  // reference is taken (the caller draws another).
  Result<domain::Id> Insert(const domain::Case& c);
  // NotFound when there is no such case.
  Result<domain::Case> Get(domain::Id id);
  // Writes `c` if the stored version is still `c.stamp.version - 1`; Conflict
  // when another update came first, NotFound when the case is gone. Replaces
  // the team.
  Status Update(const domain::Case& c);
  Result<CasePage> List(const CaseScope& scope, const CaseFilter& filter);

  // Cases changed after (`since`, `after_id`) in (updated_at, id) order, at
  // most `limit` (the matching index's catch-up; after_id 0: everything
  // updated at or after `since`). Teams are not loaded.
  Result<std::vector<domain::Case>> ChangedSince(Millis since, domain::Id after_id, int limit);

  Result<std::vector<domain::Id>> SharedWith(domain::Id case_id);
  Status Share(domain::Id case_id, domain::Id organisation_id, domain::Id actor, Millis now);

 private:
  Result<domain::Case> FromRow(const Row& r);
  Status WriteTeam(domain::Id case_id, const std::vector<domain::Id>& team, bool replace);

  Connection& conn_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace trm::store
