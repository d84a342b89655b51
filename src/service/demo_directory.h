// Directory profiles for the demo network's organisations: realistic services,
// languages, whom each accepts, shelter beds, liaison officers (invented names,
// example.org addresses) and a few agreements between them.
#pragma once

#include "common/clock.h"
#include "store/tx.h"

namespace trm::service {

// Writes a profile (version 1, by the system) for each demo organisation found
// by name in `tx`; organisations it does not know are left without one.
Status AddDemoDirectory(store::Tx& tx, Millis now);

}  // namespace trm::service
