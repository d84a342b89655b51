// The directory of member organisations: search ranked by fit, read one
// profile, edit a profile, state the shelter capacity. Reads are open to every
// signed-in member (profiles describe organisations, not people, so reads are
// not audited); each change is one transaction with its audit row, and names
// the version it read (0 for an organisation with no profile yet).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/directory.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

struct DirectoryHit {
  domain::DirectoryProfile profile;
  int score = 0;
  std::vector<std::string> matched;  // criteria met (see domain/directory.h)
  std::vector<std::string> missed;   // soft criteria asked for and not met
  std::vector<std::string> words;    // query words found
};

class DirectoryService {
 public:
  DirectoryService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Organisations passing the query's hard filters, best fit first.
  // InvalidArgument naming the parameter for a malformed query.
  Result<std::vector<DirectoryHit>> Search(const Actor& actor, const domain::DirectoryQuery& q);
  // NotFound when there is no such organisation.
  Result<domain::DirectoryProfile> Get(const Actor& actor, domain::Id organisation_id);
  // Replaces the profile's details (not the capacity). PermissionDenied for
  // those the policy refuses, InvalidArgument naming the field, Conflict when
  // the stored version is not `version`; nothing is written on any failure.
  Result<domain::DirectoryProfile> Update(const Actor& actor, domain::Id organisation_id,
                                          int64_t version, domain::ProfileDetails details);
  // True when the actor may edit the organisation's profile and capacity (so
  // that a screen offers the forms only to them).
  bool MayEdit(const Actor& actor, domain::Id organisation_id) const;
  // States free and total shelter beds now, by the actor. Same failures.
  Result<domain::DirectoryProfile> UpdateCapacity(const Actor& actor, domain::Id organisation_id,
                                                  int64_t version, std::optional<int> free_beds,
                                                  std::optional<int> total_beds);

 private:
  Result<domain::DirectoryProfile> Change(
      const Actor& actor, domain::Id organisation_id, int64_t version, const char* audit_action,
      const std::function<Status(store::Tx&, domain::DirectoryProfile&)>& apply);

  store::Store& store_;
  const Clock& clock_;
};

// Checks an agreement's partner: another organisation that exists. Shared with
// the demo, which writes profiles without an actor.
Status CheckAgreementPartners(store::Tx& tx, domain::Id organisation_id,
                              const domain::ProfileDetails& details);

}  // namespace trm::service
