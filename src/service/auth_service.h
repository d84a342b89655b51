// Sign-in, sessions and sign-out.
//
// A wrong username, a wrong password and a locked account all fail with the
// same Unauthenticated message, and an unknown username still pays for one
// password check, so that neither the answer nor its timing tells whether an
// account exists. Every attempt, success or failure, is audited.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.h"
#include "crypto/crypto.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

struct AuthPolicy {
  int max_failures = 5;                        // then the account is locked...
  Millis lockout = 15 * 60 * 1000;             // ...for this long
  Millis session_lifetime = 12 * 3600 * 1000;  // absolute
  Millis session_idle = 2 * 3600 * 1000;       // since the last request
  // A checked session is trusted from memory this long before the database is
  // asked again. Sign-out on this server takes effect at once; on another
  // server of the same PostgreSQL cluster within this time.
  Millis session_cache = 5 * 1000;
  crypto::PasswordCost password_cost = crypto::PasswordCost::kInteractive;
};

struct SignedIn {
  std::string token;  // give to the client once; only its hash is stored
  Millis expires_at = 0;
  domain::User user;
  domain::Organisation organisation;
};

inline constexpr const char* kSignInFailed =
    "Sign-in failed: the username or password is wrong, or the account is locked for a while "
    "after too many attempts";

class AuthService {
 public:
  AuthService(store::Store& store, const Clock& clock, AuthPolicy policy);

  Result<SignedIn> SignIn(const std::string& username, const std::string& password,
                          const std::string& ip);
  // The actor for a session token; Unauthenticated when the token is unknown,
  // expired or idle too long, or the user was deactivated.
  Result<Actor> Authenticate(const std::string& token, const std::string& ip);
  Status SignOut(const Actor& actor, const std::string& token);

  // The user and organisation behind an actor (for "who am I").
  Result<SignedIn> Describe(const Actor& actor);

 private:
  Status RecordFailure(std::optional<domain::User> user, const std::string& username,
                       const std::string& ip, const char* why);

  store::Store& store_;
  const Clock& clock_;
  AuthPolicy policy_;
  std::string dummy_hash_;  // checked against when the username is unknown

  struct CachedSession {
    Actor actor;
    Millis expires_at = 0;  // the session's own end
    Millis checked_at = 0;  // when the database last confirmed it
  };
  std::mutex cache_mu_;
  std::unordered_map<std::string, CachedSession> cache_;  // by token hash; GUARDED_BY(cache_mu_)
};

}  // namespace trm::service
