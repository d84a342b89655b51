// Invented case entries for the demo network's cases: where the person was
// recruited and exploited, a needs assessment, a support objective with an
// action, and a task for the case worker, so that `make run` shows a case
// record with substance. Nobody in it is a real person.
#pragma once

#include <cstdint>

#include "domain/records.h"
#include "store/tx.h"

namespace trm::service {

// Adds the entries for case `c` (owned by c.owner_organisation_id, worked by
// c.assignee_id) inside the demo's transaction; `seed` varies them.
Status AddDemoEntries(store::Tx& tx, const domain::Case& c, uint32_t seed, Millis now);

}  // namespace trm::service
