// A possible duplicate for the demo network: one invented Lao woman recorded
// twice by the Thai shelter, months ago by its case worker with her name in
// Lao script (as the hotline's interpreter wrote it), and last week by its
// supervisor in Latin letters from her travel document. The shelter's
// supervisor sees both cases, so the case's "Possible matches" tab and a new
// case typed with the same name show the other record in `make run`.
// Nobody in it is a real person; the names are sealed with the case like any.
#pragma once

#include "common/clock.h"
#include "store/tx.h"

namespace trm::service {

// Adds the two cases inside the demo's transaction; nothing when the
// shelter's users are missing.
Status AddDemoMatching(store::Tx& tx, Millis now);

}  // namespace trm::service
