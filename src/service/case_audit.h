// The audit row of an action on a case, by an actor.
#pragma once

#include <string>
#include <vector>

#include "domain/records.h"
#include "service/actor.h"
#include "store/audit_log.h"

namespace trm::service {

inline store::AuditEvent CaseEvent(const Actor& a, Millis at, std::string action,
                                   domain::Id case_id, std::string detail = "") {
  return store::AuditEvent{at,      a.user_id, a.organisation_id, std::move(action), "case",
                           std::to_string(case_id), a.ip, std::move(detail)};
}

// The audit detail of an answer that showed these cases ("shown 4 17", or
// "shown none"): which records a search disclosed, by id only.
inline std::string ShownCases(const std::vector<domain::Id>& ids) {
  if (ids.empty()) return "shown none";
  std::string out = "shown";
  for (domain::Id id : ids) out += " " + std::to_string(id);
  return out;
}

}  // namespace trm::service
