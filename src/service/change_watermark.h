// Catching an in-memory index up with the store: read the rows updated since
// the last look, oldest first in batches, hand each to the index, and move
// the watermark. Used by the matching indexes of case persons
// (person_matcher.h) and of register names (register_names.h), so that a row
// written by any use case, or by another server over the same database, is
// seen by the next query without hooks in the write paths.
//
// Within one catch-up, batches follow each other by (updated_at, id), so any
// number of rows sharing one millisecond (a register import) is read whole.
// Between catch-ups, rows at exactly the newest time seen are read again
// (another change may land in the same millisecond); the index must treat a
// row it already holds as a replacement.
#pragma once

#include <type_traits>
#include <utility>

#include "common/clock.h"
#include "common/status.h"
#include "domain/records.h"
#include "store/store.h"

namespace trm::service {

class ChangeWatermark {
 public:
  // `batch`: rows read per query; bounded memory when a node starts with a
  // large archive.
  explicit ChangeWatermark(int batch = 2000) : batch_(batch) {}

  // `read(tx, since, after_id, limit)` returns up to `limit` rows after
  // (since, after_id) in (stamp.updated_at, id) order, after_id 0 meaning
  // every row updated at or after `since`; `apply(row)` folds one into the
  // index. REQUIRES: the caller serialises calls.
  template <typename Read, typename Apply>
  Status CatchUp(store::Store& store, Read read, Apply apply) {
    Millis at = since_;
    domain::Id after = 0;
    for (;;) {
      std::decay_t<decltype(read(std::declval<store::Tx&>(), Millis{}, domain::Id{}, 0).value())>
          changed;
      RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
        ASSIGN_OR_RETURN(changed, read(tx, at, after, batch_));
        return Status::Ok();
      }));
      for (const auto& row : changed) {
        apply(row);
        at = row.stamp.updated_at;
        after = row.id;
      }
      if (static_cast<int>(changed.size()) < batch_) {
        since_ = at;
        return Status::Ok();
      }
    }
  }

 private:
  const int batch_;
  Millis since_ = 0;  // rows updated before this are in the index
};

}  // namespace trm::service
