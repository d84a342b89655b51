#include "store/session_repo.h"

namespace trm::store {

Status SessionRepo::Insert(const SessionRecord& s) {
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("INSERT INTO sessions (token_hash, user_id, created_at, "
                                         "expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                                         {s.token_hash, s.user_id, s.created_at, s.expires_at,
                                          s.last_seen_at}));
  (void)n;
  return Status::Ok();
}

Result<std::optional<SessionRecord>> SessionRepo::Find(const std::string& token_hash) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT token_hash, user_id, created_at, expires_at, "
                                          "last_seen_at FROM sessions WHERE token_hash = ?",
                                          {token_hash}));
  if (rows.empty()) return std::optional<SessionRecord>();
  const Row& r = rows[0];
  return std::optional<SessionRecord>(
      SessionRecord{r.Text(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4)});
}

Status SessionRepo::Touch(const std::string& token_hash, Millis now) {
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
                                         {now, token_hash}));
  (void)n;
  return Status::Ok();
}

Status SessionRepo::Delete(const std::string& token_hash) {
  ASSIGN_OR_RETURN(int64_t n,
                   conn_.Exec("DELETE FROM sessions WHERE token_hash = ?", {token_hash}));
  if (n == 0) return Status::NotFound("session not found");
  return Status::Ok();
}

Result<int64_t> SessionRepo::DeleteExpired(Millis now) {
  return conn_.Exec("DELETE FROM sessions WHERE expires_at < ?", {now});
}

}  // namespace trm::store
