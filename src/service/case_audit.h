// The audit row of an action on a case, by an actor.
#pragma once

#include <string>

#include "domain/records.h"
#include "service/actor.h"
#include "store/audit_log.h"

namespace trm::service {

inline store::AuditEvent CaseEvent(const Actor& a, Millis at, std::string action,
                                   domain::Id case_id, std::string detail = "") {
  return store::AuditEvent{at,      a.user_id, a.organisation_id, std::move(action), "case",
                           std::to_string(case_id), a.ip, std::move(detail)};
}

}  // namespace trm::service
