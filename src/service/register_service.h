// The register's use cases: check a name or a job advert, list and read
// entries, create and edit them, change their status with due process, and
// link them to the cases they appear in. Who may do what is one rule
// (RegisterAccessOf in policy.h); linked cases follow the case rule. Each
// change is one transaction with its history line (reason, source) and its
// audit row; each update names the version it read. Checks, reads and lists
// are audited too.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/register.h"
#include "domain/register_match.h"
#include "service/actor.h"
#include "service/policy.h"
#include "service/register_names.h"
#include "service/register_view.h"
#include "store/store.h"

namespace trm::service {

// What an editor writes about the person or organisation (the status has
// its own use case).
struct RegisterFields {
  domain::RegisterKind kind = domain::RegisterKind::kPerson;
  domain::RegisterRole role = domain::RegisterRole::kBroker;
  std::string country;
  domain::RegisterDetails details;
  std::string review_date;  // "" for none
};

// A status with its due process: date, source and written reason.
struct RegisterStatusChange {
  domain::RegisterStatus status = domain::RegisterStatus::kAllegedInReport;
  std::string status_date;
  domain::RegisterSource source;
  std::string reason;
};

struct RegisterListQuery {
  std::optional<domain::RegisterStatus> status;
  bool due_for_review = false;
  std::string q;  // words of a name or alias (normalised), "" for all
};

struct RegisterHit {
  RegisterView entry;
  std::vector<domain::RegisterMatch> matches;  // entry values left empty at the check level
};

struct RegisterCheckResult {
  domain::AdvertContacts extracted;  // what was found in the advert's text
  std::vector<RegisterHit> hits;     // most matches first
};

class RegisterService {
 public:
  // `names`: the register's names in the matching engine, or null when the
  // engine is not installed (names then match by their keys only).
  RegisterService(store::Store& store, const Clock& clock, RegisterNames* names = nullptr)
      : store_(store), clock_(clock), names_(names) {}

  Result<RegisterAccess> Access(const Actor& actor);
  // Any member. InvalidArgument naming the field for a bad query. Names and
  // companies also match names written in another script or spelled another
  // way (by the matching engine, when installed).
  Result<RegisterCheckResult> Check(const Actor& actor, const domain::CheckQuery& q);
  // Details level. PermissionDenied below it.
  Result<std::vector<RegisterView>> List(const Actor& actor, const RegisterListQuery& q);
  // Details level; NotFound for no such entry.
  Result<RegisterView> Get(const Actor& actor, domain::Id id);
  // Edit level. InvalidArgument naming the field, FailedPrecondition for a
  // status an entry may not start with.
  Result<RegisterView> Create(const Actor& actor, const RegisterFields& fields,
                              const RegisterStatusChange& status);
  // Edit level; `reason` required. Conflict when `version` is stale.
  Result<RegisterView> Edit(const Actor& actor, domain::Id id, int64_t version,
                            const RegisterFields& fields, const std::string& reason);
  // Edit level; FailedPrecondition (422) for a change the table does not allow.
  Result<RegisterView> ChangeStatus(const Actor& actor, domain::Id id, int64_t version,
                                    const RegisterStatusChange& change);
  // Edit level, and the case must be one the actor may see (NotFound
  // otherwise). AlreadyExists when linked; NotFound when unlinking an
  // unlinked case.
  Result<RegisterView> Link(const Actor& actor, domain::Id id, int64_t version, domain::Id case_id,
                            const std::string& reason);
  Result<RegisterView> Unlink(const Actor& actor, domain::Id id, int64_t version, domain::Id case_id,
                              const std::string& reason);

 private:
  // Loads the entry for a change at the edit level, checks the version, runs
  // `apply` (which returns the history line's change), saves, writes the
  // history line and the audit row, and returns the new view.
  Result<RegisterView> Change(
      const Actor& actor, domain::Id id, int64_t version, const char* audit_action,
      const std::string& audit_detail,
      const std::function<Result<domain::RegisterHistory>(store::Tx&, domain::RegisterEntry&)>& apply);

  store::Store& store_;
  const Clock& clock_;
  RegisterNames* names_;
};

// Checks a status change's parts and that its date is not after `today`.
Status CheckStatusFields(const RegisterStatusChange& s, const std::string& today);

}  // namespace trm::service
