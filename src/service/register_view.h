// What one actor is shown of a register entry. Built in one place, so that
// no route can show more than the policy allows: an actor at the check level
// gets the status and the public source only (detail is absent); linked
// cases are listed only when the case policy lets the actor see the case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/register.h"
#include "service/actor.h"
#include "service/names.h"
#include "service/policy.h"
#include "store/tx.h"

namespace trm::service {

struct RegisterHistoryView {
  domain::RegisterHistory line;
  std::string actor_name;  // "" for the system
};

struct RegisterCaseView {
  domain::Id case_id = 0;
  std::string reference;
  Millis linked_at = 0;
  std::string linked_by_name;
};

struct RegisterDetailView {
  domain::RegisterDetails details;
  std::string source_reference;
  std::string review_date;
  bool due_for_review = false;
  std::vector<RegisterHistoryView> history;  // filled for one entry, not for lists
  std::vector<RegisterCaseView> cases;       // those the actor may see; idem
  domain::Stamp stamp;
};

struct RegisterView {
  domain::Id id = 0;
  domain::RegisterKind kind = domain::RegisterKind::kPerson;
  domain::RegisterRole role = domain::RegisterRole::kBroker;
  std::string country;
  domain::RegisterStatus status = domain::RegisterStatus::kAllegedInReport;
  std::string status_date;
  domain::SourceKind source_kind = domain::SourceKind::kCase;
  std::string public_reference;  // the source's reference, "" for a case (not public)
  int64_t version = 0;
  bool may_edit = false;
  std::optional<RegisterDetailView> detail;  // kDetails and kEdit only
};

// The public part of an entry, and the details when `level` allows them.
// `full`: with history and the linked cases the actor may see.
Result<RegisterView> ViewEntry(store::Tx& tx, Names& names, const Actor& actor, RegisterAccess level,
                               domain::RegisterEntry e, const std::string& today, bool full);

// The level of the actor, from the type of their organisation.
Result<RegisterAccess> AccessIn(store::Tx& tx, const Actor& actor);

}  // namespace trm::service
