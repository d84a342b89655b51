// Importing a public list into the register (domain/register_csv.h for the
// columns, domain/register_import.h for what each row does) and exporting
// the register as CSV.
//
// Preview shows the plan without writing. Apply computes the plan again in
// its transaction (the register may have changed since the preview) and
// runs it only when no row is rejected: every entry created or updated,
// with its history line and audit row, in one transaction, or nothing.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/register_import.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

struct ImportStepView {
  domain::ImportStep step;
  std::string name;  // the entry's first name, for the preview's reader
  std::optional<domain::RegisterStatus> from_status;  // update: the status before
};

struct ImportReport {
  std::vector<ImportStepView> steps;
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int rejected = 0;
};

class RegisterImportService {
 public:
  RegisterImportService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Edit level (PermissionDenied below). InvalidArgument (field "csv" or
  // "reason") for a file or reason that is unusable as a whole.
  Result<ImportReport> Preview(const Actor& actor, const std::string& csv, const std::string& reason);
  // Same, then FailedPrecondition (field "csv") naming the first rejected
  // lines when any row is rejected, with nothing written.
  Result<ImportReport> Apply(const Actor& actor, const std::string& csv, const std::string& reason);
  // Every entry, one line each; names and identifiers only at the details
  // level. Audited.
  Result<std::string> Export(const Actor& actor);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace trm::service
