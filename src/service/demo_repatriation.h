// Repatriations for the demo network: two open Thai cases of people from
// Cambodia, Lao PDR, Myanmar or Viet Nam referred to their country's ministry
// for repatriation and accepted, one halfway through its flow (with a blocked
// step) and one completed through handover and follow-up, so that `make run`
// shows both screens and the report has something to count. Invented.
#pragma once

#include <vector>

#include "common/clock.h"
#include "domain/repatriation_flow.h"
#include "store/tx.h"

namespace trm::service {

// Adds them inside the demo's transaction, after its organisations, users
// and cases; adds nothing when no flow or no suitable case is there.
Status AddDemoRepatriations(store::Tx& tx, const std::vector<domain::RepatriationFlow>& flows, Millis now);

}  // namespace trm::service
