// Who is acting: the signed-in user as the service layer sees them.
#pragma once

#include <string>

#include "domain/records.h"

namespace trm::service {

struct Actor {
  domain::Id user_id = 0;
  domain::Id organisation_id = 0;
  domain::Role role = domain::Role::kCaseWorker;
  std::string username;
  std::string display_name;
  std::string ip;  // where the request came from, for the audit log
};

}  // namespace trm::service
