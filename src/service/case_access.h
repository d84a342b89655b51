// Loading a case on behalf of an actor: the one path by which use cases reach a
// case, so the policy is always asked. A case the actor may not see is
// NotFound (its existence is not revealed); one they may see but not act on is
// PermissionDenied.
#pragma once

#include "domain/records.h"
#include "service/actor.h"
#include "service/policy.h"
#include "store/tx.h"

namespace trm::service {

Result<domain::Case> LoadCaseFor(store::Tx& tx, const Actor& actor, domain::Id id, Action action);

}  // namespace trm::service
