// Catching an in-memory index up with the store: read the rows updated since
// the last look, oldest first in batches, hand each to the index, and move
// the watermark. Used by the matching indexes of case persons
// (person_matcher.h) and of register names (register_names.h), so that a row
// written by any use case, or by another server over the same database, is
// seen by the next query without hooks in the write paths.
//
// Rows at exactly the newest time seen are read again next time (another
// change may land in the same millisecond); the index must treat a row it
// already holds as a replacement. A full batch whose rows all share one
// millisecond steps past it rather than loop.
#pragma once

#include <algorithm>
#include <type_traits>
#include <utility>

#include "common/clock.h"
#include "common/status.h"
#include "store/store.h"

namespace trm::service {

class ChangeWatermark {
 public:
  // `read(tx, since, limit)` returns up to `limit` rows with
  // stamp.updated_at >= since, oldest first; `apply(row)` folds one into the
  // index. REQUIRES: the caller serialises calls.
  template <typename Read, typename Apply>
  Status CatchUp(store::Store& store, Read read, Apply apply) {
    for (;;) {
      std::decay_t<decltype(read(std::declval<store::Tx&>(), Millis{}, 0).value())> changed;
      RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
        ASSIGN_OR_RETURN(changed, read(tx, since_, kBatch));
        return Status::Ok();
      }));
      Millis newest = since_;
      for (const auto& row : changed) {
        apply(row);
        newest = std::max(newest, row.stamp.updated_at);
      }
      if (static_cast<int>(changed.size()) < kBatch) {
        since_ = newest;
        return Status::Ok();
      }
      since_ = newest == since_ ? newest + 1 : newest;
    }
  }

  // Rows read per query: bounded memory when a node starts with a large
  // archive, and every batch still moves the watermark.
  static constexpr int kBatch = 2000;

 private:
  Millis since_ = 0;  // rows updated before this are in the index
};

}  // namespace trm::service
