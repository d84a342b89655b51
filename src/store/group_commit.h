// Group commit for a single-writer engine (SQLite): one committer thread owns
// the writer connection and turns many concurrent use cases into one durable
// commit.
//
// Each queued use case runs inside `SAVEPOINT uc` of the batch's transaction:
// on success the savepoint is released, on failure rolled back, so use cases
// stay all-or-nothing individually. The batch commits once; callers are
// answered only after that commit (or its failure) — nothing is acknowledged
// before it is durable. Raw jobs (migrations, reads without a reader pool) run
// alone between batches, outside any transaction.
//
// Thread-safe. A use case must not call Store::Write itself (it would wait on
// its own batch).
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "common/status.h"
#include "crypto/field_cipher.h"
#include "store/pending_commit.h"
#include "store/sql.h"

namespace trm::store {

class Tx;

class GroupCommitter {
 public:
  static constexpr int kMaxBatch = 64;

  GroupCommitter(std::unique_ptr<Connection> writer, const crypto::FieldCipher& cipher);
  ~GroupCommitter();  // finishes queued jobs, then stops

  // Runs `fn` in the next batch; returns its status once the batch committed,
  // or Unavailable when the commit failed.
  Status Write(const std::function<Status(Tx&)>& fn);
  // Queues `fn` for the next batch and returns at once; `done` gets its
  // status once the batch committed (on the committer thread).
  void WriteLater(std::function<Status(Tx&)> fn, PendingCommit done);
  // Runs `fn` on the writer connection alone, outside any transaction.
  // `writes`: whether it may change records (a migration does, a read
  // without a reader pool does not).
  Status Raw(const std::function<Status(Connection&)>& fn, bool writes = true);

  Engine engine() const { return engine_; }

  // Changes after every commit that may have changed records (a use case that
  // touched more than the audit log, or a Raw job), before its callers are
  // answered, and at the first batch after another connection committed
  // (SQLite `PRAGMA data_version` on the writer). Equal values mean nothing
  // but audit rows was written in between.
  uint64_t Generation() const { return generation_.load(std::memory_order_acquire); }

 private:
  struct Job {
    const std::function<Status(Tx&)>* use_case = nullptr;
    const std::function<Status(Connection&)>* raw = nullptr;
    bool raw_writes = true;
    Status result;
    bool done = false;              // GUARDED_BY(mu_)
    std::condition_variable ready;  // its caller waits here, so only it wakes
    // WriteLater: the job owns its use case, reports through `later`, and is
    // deleted by the committer once answered.
    std::function<Status(Tx&)> owned;
    std::optional<PendingCommit> later;
  };

  Status Submit(Job& job);
  void Loop();
  // Returns whether a use case of the batch touched records.
  bool RunBatch(std::deque<Job*>& batch);
  void RunRaw(Job& job);
  void NoticeOtherWriters();

  std::unique_ptr<Connection> writer_;  // used by the committer thread only
  const crypto::FieldCipher& cipher_;
  Engine engine_;

  std::mutex mu_;
  std::condition_variable work_;  // the committer waits for jobs
  std::deque<Job*> queue_;         // GUARDED_BY(mu_)
  bool stopping_ = false;          // GUARDED_BY(mu_)
  std::atomic<uint64_t> generation_{1};
  int64_t data_version_ = -1;  // committer thread only
  std::thread thread_;
};

}  // namespace trm::store
