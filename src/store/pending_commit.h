// The outcome of a write handed to the store without waiting for it: ok once
// it is durable, or why it failed. Whoever holds one must not reveal what the
// write records (for a read: the record read) before it reports ok.
//
//   store::PendingCommit audit = store.WriteLater(append_audit_row);
//   ... build the answer ...
//   audit.OnDone([](const Status& s) { if (s.ok()) send(); else send_error(s); });
//
// Copies share one outcome. Thread-safe.
#pragma once

#include <functional>
#include <memory>

#include "common/status.h"

namespace trm::store {

class PendingCommit {
 public:
  PendingCommit();
  // One whose outcome is already known.
  static PendingCommit Finished(Status s);

  // Sets the outcome and runs the waiting callback, on the calling thread.
  // Only the first call counts.
  void Finish(Status s) const;
  // Blocks until the outcome is known.
  Status Wait() const;
  // Runs `fn` with the outcome: at once when it is known, otherwise on the
  // thread that finishes it (keep `fn` short). One callback per outcome.
  void OnDone(std::function<void(const Status&)> fn) const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace trm::store
