// People and organisations: who works where (for assignee pickers, the
// directory later), and adding them (init, demo, admin commands).
#pragma once

#include <string>
#include <vector>

#include "crypto/crypto.h"
#include "domain/records.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

class UserService {
 public:
  explicit UserService(store::Store& store) : store_(store) {}

  // The users of the actor's own organisation.
  Result<std::vector<domain::User>> ListOwnOrganisation(const Actor& actor);
  // The member organisations (a directory every member may read).
  Result<std::vector<domain::Organisation>> ListOrganisations();

 private:
  store::Store& store_;
};

// Validates and adds an organisation inside `tx` (with its audit row).
Result<domain::Id> AddOrganisation(store::Tx& tx, domain::Organisation org, Millis now);
// Validates and adds a user with a password inside `tx` (with its audit row).
// Passwords need at least 10 characters.
Result<domain::Id> AddUser(store::Tx& tx, domain::User user, const std::string& password,
                           crypto::PasswordCost cost, Millis now);

}  // namespace trm::service
