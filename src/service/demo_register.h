// A few register entries for the demo network: a Thai broker with a case
// filed (linked to one of the Thai police's demo cases), a Myanmar agency
// convicted and due for review, a Thai fishing company acquitted (its history
// shows the case and the acquittal), a Cambodian recruiter alleged in a
// report, and a Vietnamese agency whose case was dismissed. Invented names,
// none a demo case person's.
#pragma once

#include "common/clock.h"
#include "store/tx.h"

namespace trm::service {

Status AddDemoRegister(store::Tx& tx, Millis now);

}  // namespace trm::service
