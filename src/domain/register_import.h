// What importing a public list would do to the register: for each row,
// create an entry, update one (and which, found how), leave it unchanged, or
// reject the row with its line and reason. The preview shows this plan; the
// apply runs it only when no row is rejected.
//
// A row names its entry by `id`, else it is the entry of the same country
// with a licence number in common, else the entry of the same kind and
// country with a name in common (names compared by NameKey). A row matching
// several entries, or the same entry as an earlier row, is rejected.
//
// An update merges: the row's kind, role and country replace the entry's;
// names, aliases and identifiers it lacks are added (none are removed: a list
// that leaves a value out has not disproved it); a different status is a
// status change and must be allowed by the table; a review date replaces the
// entry's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/register.h"
#include "domain/register_csv.h"

namespace trm::domain {

enum class ImportAction { kCreate, kUpdate, kUnchanged, kRejected };
std::string_view Name(ImportAction v);

struct ImportStep {
  int line = 0;
  ImportAction action = ImportAction::kRejected;
  Id entry_id = 0;              // update and unchanged: the entry
  std::string matched_by;       // "id", "licence_number" or "name"
  bool status_change = false;   // update: the status changes
  RegisterEntry result;         // create and update: the entry as it would be
  std::string reason;
  Status error;                 // rejected: why (its field names the column)
};

// REQUIRES: `existing` holds every entry of the register.
std::vector<ImportStep> PlanImport(const std::vector<ImportRow>& rows,
                                   const std::vector<RegisterEntry>& existing);

}  // namespace trm::domain
