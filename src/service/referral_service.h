// Referral use cases: draft a referral from a case, move it through its
// lifecycle (domain/referral.h), exchange messages, list the inboxes, and
// read what was shared. Sending passes the consent gate: consent to referral
// covering the recipient and, across a border, to cross-border disclosure; a
// supervisor may override it with a written reason, which is audited and shown.
// Before acceptance the receiver reads only the referral itself (services,
// reasons, the sender's summary); after it, exactly the shared parts, for as
// long as the referral is active and consent still stands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/identification.h"
#include "domain/referral.h"
#include "service/actor.h"
#include "service/case_entry_service.h"
#include "service/case_service.h"
#include "store/referral_repo.h"
#include "store/store.h"

namespace trm::service {

struct NewReferral {
  domain::Id to_organisation_id = 0;
  domain::ReferralReason reason = domain::ReferralReason::kAdditionalServicesRequired;
  std::vector<std::string> services;
  std::optional<std::vector<std::string>> parts;  // absent: what the services need
  std::string summary;
  std::string respond_by;
};

struct ReferralEventView {
  domain::ReferralEvent event;
  std::string actor_name;
  std::string organisation_name;
};

struct ReferralView {
  domain::Referral referral;
  std::string case_reference;  // the sender's reference; shown to the sender only
  std::string from_organisation_name;
  std::string from_country;
  std::string to_organisation_name;
  std::string to_country;
  std::string consent_override_by_name;
  bool overdue = false;
  bool sender_side = false;  // the actor acts for the sending organisation
  // The case the receiving organisation opened from the referral; filled for
  // the receiving side only (the sender never learns the receiver's case).
  std::optional<domain::Id> receiver_case_id;
  std::string receiver_case_reference;
  std::vector<ReferralEventView> timeline;  // filled by Get only
};

// The parts of the case a referral carries, as they are now.
struct SharedCase {
  domain::Referral referral;
  std::optional<domain::Person> person;
  std::vector<domain::Identification> identifications;
  std::vector<EntryView> entries;
};

class ReferralService {
 public:
  ReferralService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<ReferralView> Create(const Actor& actor, domain::Id case_id, const NewReferral& in);
  Result<std::vector<ReferralView>> OfCase(const Actor& actor, domain::Id case_id);
  Result<std::vector<ReferralView>> Inbox(const Actor& actor, store::ReferralBox box, bool overdue_only);
  Result<ReferralView> Get(const Actor& actor, domain::Id id);
  // Takes `action` if the version is current and the actor's side may.
  // `note`: the reason or outcome where the action needs one, else optional.
  // `override_reason`: only for send, to send without covering consent.
  Result<ReferralView> Act(const Actor& actor, domain::Id id, int64_t version,
                           domain::ReferralAction action, const std::string& note,
                           const std::string& override_reason);
  Result<ReferralView> Message(const Actor& actor, domain::Id id, const std::string& text);
  Result<SharedCase> Shared(const Actor& actor, domain::Id id);
  // Opens the receiving organisation's own case from the referral, with the
  // shared person as it is now and the actor on its team (the rules of
  // CaseService::Create), linked to the referral, in one transaction with its
  // audit rows. Only the receiving side, while the referral is accepted or in
  // progress, consent still covers it and it shares the person:
  // PermissionDenied for the sender or a role that does not answer
  // referrals, FailedPrecondition otherwise, Conflict when the receiver
  // already opened its case from it. Nothing is written on any failure.
  Result<CaseView> OpenReceiverCase(const Actor& actor, domain::Id id, std::optional<domain::Id> assignee_id);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace trm::service
