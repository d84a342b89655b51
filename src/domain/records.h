// Records kept by the store. Every record has an id, a version and who/when
// created and last updated it; an update names the version it read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/enums.h"
#include "domain/person.h"

namespace trm::domain {

using Id = int64_t;

struct Stamp {
  int64_t version = 1;
  Id created_by = 0;  // 0: the system (init, demo, migrations)
  Millis created_at = 0;
  Id updated_by = 0;
  Millis updated_at = 0;
};

struct Organisation {
  Id id = 0;
  std::string name;
  OrgType type = OrgType::kNgo;
  std::string country;  // ISO 3166-1 alpha-2
  Stamp stamp;
};

struct User {
  Id id = 0;
  Id organisation_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kCaseWorker;
  bool active = true;
  Stamp stamp;
};

// What the store keeps to check a sign-in; never leaves the service layer.
struct Credentials {
  Id user_id = 0;
  std::string password_hash;  // argon2id, libsodium's encoded form
  int failed_attempts = 0;
  Millis locked_until = 0;
};

struct Case {
  Id id = 0;
  std::string reference;  // random, reveals nothing about the person
  CaseStatus status = CaseStatus::kOpen;
  Id owner_organisation_id = 0;
  std::optional<Id> assignee_id;
  std::vector<Id> team;  // users working the case (the assignee is always in it)
  Person person;         // encrypted at rest
  std::string closure_reason;
  Stamp stamp;
};

}  // namespace trm::domain
