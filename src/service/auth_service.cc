#include "service/auth_service.h"

#include "domain/validation.h"

namespace trm::service {
namespace {

constexpr size_t kMaxUsername = 100;
constexpr size_t kMaxPassword = 1024;

store::AuditEvent Event(Millis at, std::optional<domain::Id> user, std::optional<domain::Id> org,
                        std::string action, std::string record_id, std::string ip,
                        std::string detail = "") {
  return store::AuditEvent{at, user, org, std::move(action), "user", std::move(record_id),
                           std::move(ip), std::move(detail)};
}

}  // namespace

AuthService::AuthService(store::Store& store, const Clock& clock, AuthPolicy policy)
    : store_(store), clock_(clock), policy_(policy) {
  auto h = crypto::HashPassword(crypto::NewToken(), policy_.password_cost);
  if (h.ok()) dummy_hash_ = *h;
}

Status AuthService::RecordFailure(std::optional<domain::User> user, const std::string& username,
                                  const std::string& ip, const char* why) {
  const Millis now = clock_.Now();
  return store_.Write([&](store::Tx& tx) -> Status {
    if (user) {
      RETURN_IF_ERROR(
          tx.users().RecordFailure(user->id, policy_.max_failures, now + policy_.lockout));
    }
    // The attempted username is kept only when it names a real account, so a
    // password typed into the username box does not end up in the log.
    std::string record = user ? std::to_string(user->id) : "-";
    return tx.audit()
        .Append(Event(now, std::nullopt, std::nullopt, "auth.sign_in_failed", record, ip, why))
        .status();
  });
}

Result<SignedIn> AuthService::SignIn(const std::string& username, const std::string& password,
                                     const std::string& ip) {
  if (username.empty() || password.empty())
    return Status::InvalidArgument("username and password are required",
                                   username.empty() ? "username" : "password");
  if (username.size() > kMaxUsername * 4 || !domain::IsValidUtf8(username))
    return Status::InvalidArgument("username is not valid", "username");
  if (password.size() > kMaxPassword) return Status::InvalidArgument("password is too long", "password");

  std::optional<domain::User> user;
  domain::Credentials creds;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(user, tx.users().FindByUsername(username));
    if (user) {
      ASSIGN_OR_RETURN(creds, tx.users().GetCredentials(user->id));
    }
    return Status::Ok();
  }));
  // The password check runs outside any transaction: it is slow by design and
  // must not hold the database.
  if (!user) {
    (void)crypto::VerifyPassword(dummy_hash_, password);
    RETURN_IF_ERROR(RecordFailure(std::nullopt, username, ip, "unknown username"));
    return Status::Unauthenticated(kSignInFailed);
  }
  const bool password_ok = crypto::VerifyPassword(creds.password_hash, password);
  const Millis now = clock_.Now();
  if (!user->active) {
    RETURN_IF_ERROR(RecordFailure(user, username, ip, "account deactivated"));
    return Status::Unauthenticated(kSignInFailed);
  }
  if (creds.locked_until > now) {
    RETURN_IF_ERROR(RecordFailure(user, username, ip, "account locked"));
    return Status::Unauthenticated(kSignInFailed);
  }
  if (!password_ok) {
    RETURN_IF_ERROR(RecordFailure(user, username, ip, "wrong password"));
    return Status::Unauthenticated(kSignInFailed);
  }

  SignedIn out;
  out.token = crypto::NewToken();
  out.expires_at = now + policy_.session_lifetime;
  out.user = *user;
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.users().ClearFailures(user->id));
    RETURN_IF_ERROR(tx.sessions().Insert(
        {crypto::Sha256Hex(out.token), user->id, now, out.expires_at, now}));
    ASSIGN_OR_RETURN(out.organisation, tx.orgs().Get(user->organisation_id));
    return tx.audit()
        .Append(Event(now, user->id, user->organisation_id, "auth.sign_in",
                      std::to_string(user->id), ip))
        .status();
  }));
  return out;
}

Result<Actor> AuthService::Authenticate(const std::string& token, const std::string& ip) {
  if (token.empty() || token.size() > 128) return Status::Unauthenticated("sign in first");
  const std::string hash = crypto::Sha256Hex(token);
  const Millis now = clock_.Now();
  {
    std::lock_guard lock(cache_mu_);
    auto it = cache_.find(hash);
    if (it != cache_.end()) {
      if (now < it->second.expires_at && now - it->second.checked_at < policy_.session_cache) {
        Actor a = it->second.actor;
        a.ip = ip;
        return a;
      }
      cache_.erase(it);
    }
  }
  Actor actor;
  Millis expires_at = 0;
  bool touch = false;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto session, tx.sessions().Find(hash));
    if (!session || session->expires_at <= now ||
        session->last_seen_at + policy_.session_idle <= now)
      return Status::Unauthenticated("your session has ended; sign in again");
    ASSIGN_OR_RETURN(domain::User u, tx.users().Get(session->user_id));
    if (!u.active) return Status::Unauthenticated("your account is deactivated");
    actor = Actor{u.id, u.organisation_id, u.role, u.username, u.display_name, ip};
    expires_at = session->expires_at;
    // Recording activity at most once a minute keeps reads from writing.
    touch = now - session->last_seen_at > 60 * 1000;
    return Status::Ok();
  }));
  if (touch) {
    // Not waited for: the request needs nothing from it, and a lost touch
    // only lets the session idle out a minute early.
    (void)store_.WriteLater(
        [hash, now](store::Tx& tx) -> Status { return tx.sessions().Touch(hash, now); });
  }
  if (policy_.session_cache > 0) {
    std::lock_guard lock(cache_mu_);
    if (cache_.size() > 10000) cache_.clear();  // bounded; refilled on demand
    cache_[hash] = CachedSession{actor, expires_at, now};
  }
  return actor;
}

Status AuthService::SignOut(const Actor& actor, const std::string& token) {
  const Millis now = clock_.Now();
  {
    std::lock_guard lock(cache_mu_);
    cache_.erase(crypto::Sha256Hex(token));
  }
  return store_.Write([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.sessions().Delete(crypto::Sha256Hex(token)));
    return tx.audit()
        .Append(Event(now, actor.user_id, actor.organisation_id, "auth.sign_out",
                      std::to_string(actor.user_id), actor.ip))
        .status();
  });
}

Result<SignedIn> AuthService::Describe(const Actor& actor) {
  SignedIn out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out.user, tx.users().Get(actor.user_id));
    ASSIGN_OR_RETURN(out.organisation, tx.orgs().Get(actor.organisation_id));
    return Status::Ok();
  }));
  return out;
}

}  // namespace trm::service
