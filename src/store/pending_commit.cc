#include "store/pending_commit.h"

#include <condition_variable>
#include <mutex>
#include <utility>

namespace trm::store {

struct PendingCommit::State {
  std::mutex mu;
  std::condition_variable finished;
  bool done = false;                          // GUARDED_BY(mu)
  Status result;                              // GUARDED_BY(mu)
  std::function<void(const Status&)> waiter;  // GUARDED_BY(mu)
};

PendingCommit::PendingCommit() : state_(std::make_shared<State>()) {}

PendingCommit PendingCommit::Finished(Status s) {
  PendingCommit p;
  p.Finish(std::move(s));
  return p;
}

void PendingCommit::Finish(Status s) const {
  std::function<void(const Status&)> waiter;
  {
    std::lock_guard lock(state_->mu);
    if (state_->done) return;
    state_->done = true;
    state_->result = std::move(s);
    waiter = std::move(state_->waiter);
  }
  state_->finished.notify_all();
  // `result` no longer changes once done, so it is read without the lock.
  if (waiter) waiter(state_->result);
}

Status PendingCommit::Wait() const {
  std::unique_lock lock(state_->mu);
  state_->finished.wait(lock, [&] { return state_->done; });
  return state_->result;
}

void PendingCommit::OnDone(std::function<void(const Status&)> fn) const {
  {
    std::lock_guard lock(state_->mu);
    if (!state_->done) {
      state_->waiter = std::move(fn);
      return;
    }
  }
  fn(state_->result);
}

}  // namespace trm::store
