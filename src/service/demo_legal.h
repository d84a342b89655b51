// Invented legal work for the demo network: on an open case of the Thai legal
// aid organisation, its legal officer joins the team and records a criminal
// proceeding, a labour claim for unpaid wages with a hearing and an award,
// the person as witness, an appeal deadline, and two payments sent through
// the embassy for the Yangon shelter to confirm (one confirmed already). So
// `make run` shows a Legal tab, a deadline in My tasks and payments to confirm.
#pragma once

#include "store/tx.h"

namespace trm::service {

// Inside the demo's transaction, after its organisations, users and cases.
// Does nothing when the demo has no open case of that organisation.
Status AddDemoLegal(store::Tx& tx, Millis now);

}  // namespace trm::service
