#include "store/group_commit.h"

#include <exception>
#include <memory>
#include <vector>

#include "store/tx.h"

namespace trm::store {

GroupCommitter::GroupCommitter(std::unique_ptr<Connection> writer,
                               const crypto::FieldCipher& cipher)
    : writer_(std::move(writer)), cipher_(cipher), engine_(writer_->engine()) {
  thread_ = std::thread([this] { Loop(); });
}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_.notify_all();
  thread_.join();
}

Status GroupCommitter::Submit(Job& job) {
  std::unique_lock lock(mu_);
  if (stopping_) return Status::Unavailable("the store is shutting down");
  queue_.push_back(&job);
  work_.notify_one();
  job.ready.wait(lock, [&] { return job.done; });
  return job.result;
}

Status GroupCommitter::Write(const std::function<Status(Tx&)>& fn) {
  Job job;
  job.use_case = &fn;
  return Submit(job);
}

void GroupCommitter::WriteLater(std::function<Status(Tx&)> fn, PendingCommit done) {
  auto job = std::make_unique<Job>();
  job->owned = std::move(fn);
  job->use_case = &job->owned;
  job->later = done;
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      queue_.push_back(job.release());
      work_.notify_one();
      return;
    }
  }
  done.Finish(Status::Unavailable("the store is shutting down"));
}

Status GroupCommitter::Raw(const std::function<Status(Connection&)>& fn, bool writes) {
  Job job;
  job.raw = &fn;
  job.raw_writes = writes;
  return Submit(job);
}

void GroupCommitter::Loop() {
  while (true) {
    std::deque<Job*> batch;
    {
      std::unique_lock lock(mu_);
      work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      if (queue_.front()->raw) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      } else {
        while (!queue_.empty() && !queue_.front()->raw &&
               static_cast<int>(batch.size()) < kMaxBatch) {
          batch.push_back(queue_.front());
          queue_.pop_front();
        }
      }
    }
    NoticeOtherWriters();
    bool changed;
    if (batch.front()->raw) {
      RunRaw(*batch.front());
      changed = batch.front()->raw_writes;
    } else {
      changed = RunBatch(batch);
    }
    // Before anyone hears of the commit: a caller that next reads must not be
    // given an answer kept from before its own write.
    if (changed) generation_.fetch_add(1, std::memory_order_acq_rel);
    std::vector<std::unique_ptr<Job>> later;
    {
      std::lock_guard lock(mu_);
      for (Job* j : batch) {
        if (j->later) {
          later.emplace_back(j);
          continue;
        }
        j->done = true;
        j->ready.notify_one();
      }
    }
    for (auto& j : later) j->later->Finish(j->result);
  }
}

void GroupCommitter::RunRaw(Job& job) {
  try {
    job.result = (*job.raw)(*writer_);
  } catch (const std::exception& e) {
    job.result = Status::Internal(std::string("unexpected error: ") + e.what());
  }
}

void GroupCommitter::NoticeOtherWriters() {
  if (engine_ != Engine::kSqlite) return;
  auto rows = writer_->Query("PRAGMA data_version");
  if (!rows.ok() || rows->empty()) {
    generation_.fetch_add(1, std::memory_order_acq_rel);  // cannot tell: assume a change
    return;
  }
  const int64_t v = (*rows)[0].Int(0);
  if (data_version_ != -1 && v != data_version_) generation_.fetch_add(1, std::memory_order_acq_rel);
  data_version_ = v;
}

bool GroupCommitter::RunBatch(std::deque<Job*>& batch) {
  Connection& conn = *writer_;
  bool touched = false;
  auto fail_all = [&](const Status& why) {
    for (Job* j : batch) j->result = why;
  };
  if (Status s = conn.Begin(); !s.ok()) {
    fail_all(Status::Unavailable("could not start saving: " + s.message()));
    return false;
  }
  for (Job* job : batch) {
    if (!conn.Exec("SAVEPOINT uc").ok()) {
      (void)conn.Rollback();
      fail_all(Status::Unavailable("could not save"));
      return true;
    }
    Tx tx(conn, cipher_);
    Status s;
    try {
      s = (*job->use_case)(tx);
    } catch (const std::exception& e) {
      s = Status::Internal(std::string("unexpected error: ") + e.what());
    }
    job->result = s;
    touched = touched || tx.touched_records();
    bool undone = s.ok() ? conn.Exec("RELEASE uc").ok()
                         : conn.Exec("ROLLBACK TO uc").ok() && conn.Exec("RELEASE uc").ok();
    if (!undone) {
      // The transaction's state is unknown: give up the whole batch.
      (void)conn.Rollback();
      fail_all(Status::Unavailable("could not save"));
      return true;
    }
  }
  if (Status c = conn.Commit(); !c.ok()) {
    (void)conn.Rollback();
    for (Job* j : batch)
      if (j->result.ok()) j->result = Status::Unavailable("could not save: " + c.message());
  }
  return touched;
}

}  // namespace trm::store
