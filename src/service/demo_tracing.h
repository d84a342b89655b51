// A family tracing request for the demo network: a mother in Cambodia asks
// the demo Phnom Penh shelter to find her daughter, remembered by her name in
// Latin letters, who exists as a Thai organisation's case written in Khmer
// script with consent to family tracing by organisations in Cambodia. So
// `make run` shows the shelter's case worker (its tracing officer) one
// candidate at least. Invented people; the names are sealed like any other.
#pragma once

#include "common/clock.h"
#include "store/tx.h"

namespace trm::service {

// Adds it inside the demo's transaction, after its organisations, users and
// cases; adds nothing when no suitable case is there.
Status AddDemoTracing(store::Tx& tx, Millis now);

}  // namespace trm::service
