// Sign-in sessions. Only the SHA-256 of a token is stored, so a copy of the
// database does not let anyone act as a signed-in user.
#pragma once

#include <optional>
#include <string>

#include "domain/records.h"
#include "store/sql.h"

namespace trm::store {

struct SessionRecord {
  std::string token_hash;
  domain::Id user_id = 0;
  Millis created_at = 0;
  Millis expires_at = 0;
  Millis last_seen_at = 0;
};

class SessionRepo {
 public:
  explicit SessionRepo(Connection& conn) : conn_(conn) {}

  Status Insert(const SessionRecord& s);
  Result<std::optional<SessionRecord>> Find(const std::string& token_hash);
  Status Touch(const std::string& token_hash, Millis now);
  // Deletes the session; NotFound when there was none.
  Status Delete(const std::string& token_hash);
  // Deletes every session that expired before `now`; returns how many.
  Result<int64_t> DeleteExpired(Millis now);

 private:
  Connection& conn_;
};

}  // namespace trm::store
