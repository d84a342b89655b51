// Case use cases: open, read, change, list, close and reopen a case. Each is one
// transaction holding the authorization check, the write and its audit row.
// Reads of a case are audited too. A case the actor may not see is reported as
// NotFound, so that its existence is not revealed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/records.h"
#include "service/actor.h"
#include "service/audited.h"
#include "service/policy.h"
#include "store/store.h"

namespace trm::service {

// A case with the names a screen needs (organisation, users).
struct CaseView {
  domain::Case c;
  domain::Organisation owner;
  std::map<domain::Id, std::string> user_names;  // assignee, team, created/updated by
};

struct CaseListView {
  std::vector<CaseView> items;
  int64_t total = 0;
  int page = 1;
  int page_size = 20;
};

struct NewCase {
  domain::Person person;
  std::optional<domain::Id> assignee_id;
};

struct CaseChange {
  int64_t version = 0;  // the version the client read
  std::optional<domain::Person> person;
  // Outer optional: whether to change the assignee; inner: the new one or none.
  std::optional<std::optional<domain::Id>> assignee_id;
};

// Opens a case inside the caller's transaction: the same rules as
// CaseService::Create (who may, the person's checks, the assignee, a fresh
// reference) and its "case.create" audit row. For use cases that open a case
// as one step of a larger change (a case created from an intake report).
Result<CaseView> CreateCaseInTx(store::Tx& tx, const Actor& actor, const NewCase& input, Millis now);

// The case with its owner's and users' names, for screens that list cases
// found another way (possible matches).
Result<CaseView> MakeCaseView(store::Tx& tx, domain::Case c);

class CaseService {
 public:
  CaseService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<CaseView> Create(const Actor& actor, const NewCase& input);
  Result<CaseView> Get(const Actor& actor, domain::Id id);
  // Get without waiting for the audit row: for the HTTP layer, which sends
  // the answer once the row is durable and meanwhile serves others. A read
  // refused as not found queues its `case.denied` row in `*refusal` (left
  // finished and ok otherwise); answer the refusal once that reports too.
  Result<Audited<CaseView>> GetAudited(const Actor& actor, domain::Id id,
                                       store::PendingCommit* refusal);
  Result<CaseView> Update(const Actor& actor, domain::Id id, const CaseChange& change);
  Result<CaseView> Close(const Actor& actor, domain::Id id, int64_t version,
                         const std::string& reason);
  Result<CaseView> Reopen(const Actor& actor, domain::Id id, int64_t version,
                          const std::string& reason);
  Result<CaseListView> List(const Actor& actor, const store::CaseFilter& filter);
  Result<Audited<CaseListView>> ListAudited(const Actor& actor, const store::CaseFilter& filter);

  // Shares a case with another organisation (used by referrals; exposed for tests).
  Status Share(const Actor& actor, domain::Id id, domain::Id organisation_id);

 private:
  Result<CaseView> SetStatus(const Actor& actor, domain::Id id, int64_t version,
                             const std::string& reason, domain::CaseStatus to);
  // Loads the case and checks `action`; NotFound when the actor cannot see it.
  Result<domain::Case> LoadFor(store::Tx& tx, const Actor& actor, domain::Id id, Action action);
  void AuditDenied(const Actor& actor, domain::Id id, const std::string& action);
  // The same row, queued without waiting.
  store::PendingCommit AuditDeniedLater(const Actor& actor, domain::Id id,
                                        const std::string& action);

  store::Store& store_;
  const Clock& clock_;
};

}  // namespace trm::service
