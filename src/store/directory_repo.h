// Directory profiles of member organisations (one per organisation).
#pragma once

#include <vector>

#include "domain/directory.h"
#include "store/sql.h"

namespace trm::store {

class DirectoryRepo {
 public:
  explicit DirectoryRepo(Connection& conn) : conn_(conn) {}

  // Every organisation with its profile, by country then name. An organisation
  // with no stored profile comes with empty details and version 0.
  Result<std::vector<domain::DirectoryProfile>> List();
  // One organisation's profile (version 0 when none is stored); NotFound when
  // there is no such organisation.
  Result<domain::DirectoryProfile> Get(domain::Id organisation_id);
  // Writes details, capacity and stamp of `p` as version p.stamp.version:
  // inserts the profile when that is 1, else updates the stored version
  // p.stamp.version - 1. Conflict when the stored version is another.
  Status Save(const domain::DirectoryProfile& p);

 private:
  Result<std::vector<domain::DirectoryProfile>> Select(const std::string& where,
                                                       const std::vector<Value>& params);
  Connection& conn_;
};

}  // namespace trm::store
