// Answers to reads, kept to be given again to the same actor while nothing
// has changed in the store.
//
// A read of a case decrypts, checks access and builds its answer; asked the
// same question again, by the same actor, with nothing but audit rows written
// since (store::Store::Generation), it would build the same answer. So the
// first answer is kept, and a repeat is given from memory: still only after
// its own audit row is durable, a row that names the same records as the
// first one's, with the repeat's own time and address.
//
//   auto generation = cache.Generation();      // before reading
//   ... read, check access, build `body` ...
//   if (generation) cache.Keep(actor, question, *generation, body, record);
//   ...
//   if (auto again = cache.Find(actor, question)) send again->body once again->audit is ok
//
// Access is not decided here: an answer is only ever given again to the actor
// (same user, organisation and role) the case service gave it to, and any
// write that could change that decision (a team, a share, a role, the case
// itself) changes the generation and so retires every kept answer.
//
// Only for stores that can tell (SQLite, one writer). Answers are plaintext
// in memory (never on disk), bounded by `max_bytes`, and dropped as soon as
// anything changes. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/clock.h"
#include "service/actor.h"
#include "service/audited.h"
#include "store/store.h"

namespace trm::service {

class AnswerCache {
 public:
  static constexpr size_t kDefaultMaxBytes = 32 << 20;

  AnswerCache(store::Store& store, Clock& clock, size_t max_bytes = kDefaultMaxBytes);

  // The generation to keep a fresh answer under. Take it before reading, so
  // that a write landing during the read retires the answer. nullopt: this
  // store cannot tell, keep nothing.
  std::optional<uint64_t> Generation() const { return store_.Generation(); }

  struct Repeat {
    std::shared_ptr<const std::string> body;
    store::PendingCommit audit;  // the repeat's own audit row
  };
  // The answer kept for `actor` and `question` if it is still current, with
  // its audit row queued; nullopt otherwise (nothing is written then).
  std::optional<Repeat> Find(const Actor& actor, const std::string& question);

  // Keeps `body` as the answer to `question` for `actor`, read at
  // `generation`. Not kept when the store has moved on since.
  void Keep(const Actor& actor, const std::string& question, uint64_t generation,
            std::string body, ReadRecord record);

  // Drops every kept answer and keeps at most `max_bytes` from now on
  // (0: keeps nothing).
  void Resize(size_t max_bytes);
  size_t size() const;

 private:
  struct Kept {
    std::shared_ptr<const std::string> body;
    ReadRecord record;
  };
  static std::string Key(const Actor& actor, const std::string& question);

  store::Store& store_;
  Clock& clock_;
  mutable std::mutex mu_;
  size_t max_bytes_;                             // GUARDED_BY(mu_)
  uint64_t generation_ = 0;                      // GUARDED_BY(mu_): of every kept answer
  size_t bytes_ = 0;                             // GUARDED_BY(mu_)
  std::unordered_map<std::string, Kept> kept_;  // GUARDED_BY(mu_)
};

}  // namespace trm::service
