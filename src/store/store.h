// The store: a pool of connections to one database (SQLite file or PostgreSQL
// server) and the repositories, used through one transaction per use case.
//
//   Status s = store.Write([&](Tx& tx) -> Status {
//     ... tx.cases().Update(c) ...; return tx.audit().Append(e).status();
//   });
//
// Write commits when the function returns ok and rolls back otherwise, so a
// change and its audit row are durable together or not at all.
// Thread-safe: any thread may call Write/Read; each call holds one connection.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "crypto/field_cipher.h"
#include "store/audit_log.h"
#include "store/case_repo.h"
#include "store/org_repo.h"
#include "store/session_repo.h"
#include "store/sql.h"
#include "store/user_repo.h"

namespace trm::store {

// The repositories over one connection (inside a transaction for Write).
class Tx {
 public:
  Tx(Connection& conn, const crypto::FieldCipher& cipher)
      : conn_(conn), orgs_(conn), users_(conn), sessions_(conn), cases_(conn, cipher),
        audit_(conn) {}

  OrgRepo& orgs() { return orgs_; }
  UserRepo& users() { return users_; }
  SessionRepo& sessions() { return sessions_; }
  CaseRepo& cases() { return cases_; }
  AuditLog& audit() { return audit_; }
  Connection& connection() { return conn_; }

 private:
  Connection& conn_;
  OrgRepo orgs_;
  UserRepo users_;
  SessionRepo sessions_;
  CaseRepo cases_;
  AuditLog audit_;
};

class Store {
 public:
  // Takes ownership of the connections (at least one) and the cipher.
  Store(std::vector<std::unique_ptr<Connection>> pool, std::unique_ptr<crypto::FieldCipher> cipher);
  ~Store();

  Engine engine() const { return engine_; }

  // Runs `fn` inside a write transaction. Returns fn's status, or the commit's
  // failure. A Conflict or constraint failure from fn rolls everything back.
  Status Write(const std::function<Status(Tx&)>& fn);
  // Runs `fn` without a transaction: only for reads that need no snapshot
  // across statements and write no audit row (e.g. session lookup).
  Status Read(const std::function<Status(Tx&)>& fn);

  // Applies pending migrations on one connection. Returns how many ran.
  Result<int> Migrate(Millis now);
  Result<int> SchemaVersion();

 private:
  class Lease;
  Connection* Acquire();
  void Release(Connection* conn);

  Engine engine_;
  std::unique_ptr<crypto::FieldCipher> cipher_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> pool_;  // owns all
  std::vector<Connection*> idle_;                  // GUARDED_BY(mu_)
};

}  // namespace trm::store
