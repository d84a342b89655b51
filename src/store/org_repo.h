// Organisations: the members of the network.
#pragma once

#include <vector>

#include "domain/records.h"
#include "store/sql.h"

namespace trm::store {

class OrgRepo {
 public:
  explicit OrgRepo(Connection& conn) : conn_(conn) {}

  // Returns the new id; AlreadyExists when the name is taken.
  Result<domain::Id> Insert(const domain::Organisation& org);
  // NotFound when there is no such organisation.
  Result<domain::Organisation> Get(domain::Id id);
  Result<std::vector<domain::Organisation>> List();

 private:
  Connection& conn_;
};

}  // namespace trm::store
