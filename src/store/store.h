// The store: a pool of connections to one database (SQLite file or PostgreSQL
// server) and the repositories, used through one transaction per use case.
//
//   Status s = store.Write([&](Tx& tx) -> Status {
//     ... tx.cases().Update(c) ...; return tx.audit().Append(e).status();
//   });
//
// Write commits when the function returns ok and rolls back otherwise, so a
// change and its audit row are durable together or not at all.
// Thread-safe: any thread may call Write/Read.
//
// Two ways to run writes (see store/group_commit.h):
//  - pool (PostgreSQL): each Write takes a connection and runs its own
//    transaction; the server orders them.
//  - group commit (SQLite, one writer): a committer thread runs the queued use
//    cases one after another, each inside its own savepoint of one shared
//    transaction, commits once, and only then answers them all. A failed use
//    case rolls back to its savepoint and leaves the others untouched; a failed
//    commit fails them all. One fsync then covers many requests.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "crypto/field_cipher.h"
#include "store/group_commit.h"
#include "store/pending_commit.h"
#include "store/tx.h"
#include "store/sql.h"

namespace trm::store {

class Store {
 public:
  enum class Mode { kPool, kGroupCommit };
  // Takes ownership of the connections (at least one) and the cipher. In
  // kGroupCommit mode the first connection is the writer and the others serve
  // Read; with only one, reads queue behind the writes.
  Store(std::vector<std::unique_ptr<Connection>> pool, std::unique_ptr<crypto::FieldCipher> cipher,
        Mode mode = Mode::kPool);
  ~Store();

  Engine engine() const { return engine_; }

  // Runs `fn` inside a write transaction. Returns fn's status, or the commit's
  // failure. A Conflict or constraint failure from fn rolls everything back.
  Status Write(const std::function<Status(Tx&)>& fn);
  // The same, without waiting: the returned PendingCommit reports the status
  // once the write is durable. With group commit the calling thread is free
  // meanwhile; with a connection pool the write is done before this returns.
  PendingCommit WriteLater(std::function<Status(Tx&)> fn);
  // Runs `fn` in a read-only transaction on a reader connection: one snapshot
  // for all its statements. For reads that write nothing, not even an audit
  // row (that goes through Write, after the read).
  Status Read(const std::function<Status(Tx&)>& fn);

  // A number that stays the same for as long as nothing but audit rows is
  // committed (see GroupCommitter::Generation), for keeping answers to reads
  // while it holds. nullopt when this store cannot tell: in pool mode other
  // servers may write the same PostgreSQL database unseen.
  std::optional<uint64_t> Generation() const;

  // Applies pending migrations on one connection. Returns how many ran.
  Result<int> Migrate(Millis now);
  Result<int> SchemaVersion();

 private:
  class Lease;
  Connection* Acquire();
  void Release(Connection* conn);
  // Runs `fn` on a connection outside any transaction (migrations, reads).
  Status Raw(const std::function<Status(Connection&)>& fn);

  Engine engine_;
  std::unique_ptr<crypto::FieldCipher> cipher_;
  std::unique_ptr<GroupCommitter> committer_;  // kGroupCommit only
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> pool_;  // owns all
  std::vector<Connection*> idle_;                  // GUARDED_BY(mu_)
};

}  // namespace trm::store
