// Case entries (domain/case_form.h) on one case: list, add, change; and the
// open tasks of the signed-in user. Reads and writes go through LoadCaseFor
// (the policy); each is one transaction with its audit row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/case_form.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

struct EntryView {
  domain::CaseEntry entry;  // fields cleared when restricted
  bool restricted = false;  // a confidential note this actor may not read
  std::string created_by_name;
  std::string updated_by_name;
};

struct TaskView {
  EntryView entry;
  std::string case_reference;
  bool overdue = false;  // due before today
};

class CaseEntryService {
 public:
  CaseEntryService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The case's entries, oldest first; `kind` must name a form when given.
  Result<std::vector<EntryView>> List(const Actor& actor, domain::Id case_id,
                                      const std::optional<std::string>& kind);
  Result<EntryView> Add(const Actor& actor, domain::Id case_id, const std::string& kind,
                        domain::EntryFields fields);
  // Replaces the entry's fields if `version` is current; Conflict otherwise.
  Result<EntryView> Change(const Actor& actor, domain::Id case_id, domain::Id entry_id,
                           int64_t version, domain::EntryFields fields);
  // Open tasks assigned to the actor on cases they may still see.
  Result<std::vector<TaskView>> MyTasks(const Actor& actor);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace trm::service
