// Users and their sign-in credentials.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/records.h"
#include "store/sql.h"

namespace trm::store {

class UserRepo {
 public:
  explicit UserRepo(Connection& conn) : conn_(conn) {}

  // Returns the new id; AlreadyExists when the username is taken.
  Result<domain::Id> Insert(const domain::User& user, const std::string& password_hash);
  Result<domain::User> Get(domain::Id id);
  // nullopt when no user has that username.
  Result<std::optional<domain::User>> FindByUsername(const std::string& username);
  Result<std::vector<domain::User>> ListByOrganisation(domain::Id organisation_id);
  Result<domain::Credentials> GetCredentials(domain::Id user_id);

  // Counts one failed sign-in; when the count reaches `limit`, locks the
  // account until `lock_until` and starts counting again.
  Status RecordFailure(domain::Id user_id, int limit, Millis lock_until);
  Status ClearFailures(domain::Id user_id);

 private:
  Connection& conn_;
};

}  // namespace trm::store
