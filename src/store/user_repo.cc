#include "store/user_repo.h"

#include "store/stamp.h"

namespace trm::store {
namespace {

constexpr const char* kSelect =
    "SELECT id, organisation_id, username, display_name, role, active, ";

Result<domain::User> FromRow(const Row& r) {
  domain::User u;
  u.id = r.Int(0);
  u.organisation_id = r.Int(1);
  u.username = r.Text(2);
  u.display_name = r.Text(3);
  auto role = domain::ParseRole(r.Text(4));
  if (!role) return Status::Internal("user " + std::to_string(u.id) + " has unknown role");
  u.role = *role;
  u.active = r.Int(5) != 0;
  u.stamp = ReadStamp(r, 6);
  return u;
}

}  // namespace

Result<domain::Id> UserRepo::Insert(const domain::User& u, const std::string& password_hash) {
  return conn_.Insert(
      std::string("INSERT INTO users (organisation_id, username, display_name, role, active, "
                  "password_hash, ") +
          kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {u.organisation_id, u.username, u.display_name, std::string(domain::Name(u.role)),
       int64_t{u.active ? 1 : 0}, password_hash, u.stamp.version, u.stamp.created_by,
       u.stamp.created_at, u.stamp.updated_by, u.stamp.updated_at});
}

Result<domain::User> UserRepo::Get(domain::Id id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                              " FROM users WHERE id = ?",
                                          {id}));
  if (rows.empty()) return Status::NotFound("user not found");
  return FromRow(rows[0]);
}

Result<std::optional<domain::User>> UserRepo::FindByUsername(const std::string& username) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string(kSelect) + kStampColumns +
                                              " FROM users WHERE username = ?",
                                          {username}));
  if (rows.empty()) return std::optional<domain::User>();
  ASSIGN_OR_RETURN(auto u, FromRow(rows[0]));
  return std::optional<domain::User>(std::move(u));
}

Result<std::vector<domain::User>> UserRepo::ListByOrganisation(domain::Id organisation_id) {
  ASSIGN_OR_RETURN(Rows rows,
                   conn_.Query(std::string(kSelect) + kStampColumns +
                                   " FROM users WHERE organisation_id = ? ORDER BY display_name",
                               {organisation_id}));
  std::vector<domain::User> out;
  for (const Row& r : rows) {
    ASSIGN_OR_RETURN(auto u, FromRow(r));
    out.push_back(std::move(u));
  }
  return out;
}

Result<domain::Credentials> UserRepo::GetCredentials(domain::Id user_id) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT password_hash, failed_attempts, locked_until "
                                          "FROM users WHERE id = ?",
                                          {user_id}));
  if (rows.empty()) return Status::NotFound("user not found");
  return domain::Credentials{user_id, rows[0].Text(0), static_cast<int>(rows[0].Int(1)),
                             rows[0].Int(2)};
}

Status UserRepo::RecordFailure(domain::Id user_id, int limit, Millis lock_until) {
  // One statement, so that two concurrent failures both count.
  ASSIGN_OR_RETURN(
      int64_t n,
      conn_.Exec("UPDATE users SET "
                 "locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END, "
                 "failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 "
                 "ELSE failed_attempts + 1 END WHERE id = ?",
                 {int64_t{limit}, lock_until, int64_t{limit}, user_id}));
  if (n != 1) return Status::NotFound("user not found");
  return Status::Ok();
}

Status UserRepo::ClearFailures(domain::Id user_id) {
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec("UPDATE users SET failed_attempts = 0, locked_until = 0 "
                                         "WHERE id = ? AND (failed_attempts <> 0 OR locked_until <> 0)",
                                         {user_id}));
  (void)n;
  return Status::Ok();
}

}  // namespace trm::store
