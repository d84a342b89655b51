// Display names of users and organisations for one use case's answer, each
// looked up once.
#pragma once

#include <map>
#include <string>

#include "store/tx.h"

namespace trm::service {

class Names {
 public:
  explicit Names(store::Tx& tx) : tx_(tx) {}

  Result<std::string> User(domain::Id id) {
    if (auto it = users_.find(id); it != users_.end()) return it->second;
    ASSIGN_OR_RETURN(domain::User u, tx_.users().Get(id));
    return users_[id] = u.display_name;
  }
  Result<domain::Organisation> Org(domain::Id id) {
    if (auto it = orgs_.find(id); it != orgs_.end()) return it->second;
    ASSIGN_OR_RETURN(domain::Organisation o, tx_.orgs().Get(id));
    return orgs_[id] = o;
  }

 private:
  store::Tx& tx_;
  std::map<domain::Id, std::string> users_;
  std::map<domain::Id, domain::Organisation> orgs_;
};

}  // namespace trm::service
