// A read's answer together with its audit row on its way to the disk.
#pragma once

#include <string>

#include "common/clock.h"
#include "service/actor.h"
#include "store/pending_commit.h"
#include "store/store.h"

namespace trm::service {

// What a read's audit row says, apart from who, when and from where: enough
// to record the same read again when its answer is given again
// (answer_cache.h).
struct ReadRecord {
  std::string action;       // "case.read", "case.list"
  std::string record_type;  // "case"
  std::string record_id;    // the id, or the ids listed
  std::string detail;
};

// Queues the audit row of `record` read by `actor` at `at`, without waiting:
// show what was read only once the returned commit reports ok.
store::PendingCommit AuditReadLater(store::Store& store, const Actor& actor, Millis at,
                                    const ReadRecord& record);

// What a read will show, with its audit row on its way to the disk: show
// `shown` only once `audit` reports ok (nothing leaves without its record).
template <typename T>
struct Audited {
  T shown;
  store::PendingCommit audit;
  ReadRecord record;
};

}  // namespace trm::service
