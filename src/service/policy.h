// Authorization: the one place that answers "may this actor do this action on
// this record". Every use case asks here; the HTTP layer never decides.
//
// Cases: an actor sees a case when they are on its team, or when they are a
// supervisor or organisation admin of the organisation that owns the case or
// that it was shared with. Case workers, hotline operators, legal and
// repatriation officers see only cases whose team they are on. Secretariat and
// system admins see no case (they work with the directory and statistics).
#pragma once

#include <optional>
#include <vector>

#include "common/status.h"
#include "domain/records.h"
#include "service/actor.h"
#include "store/case_repo.h"

namespace trm::service {

enum class Action {
  kCreateCase,
  kViewCase,
  kEditCase,
  kAssignCase,
  kCloseCase,
  kReopenCase,
  kListOwnOrganisationUsers,
  // Intake reports (of the actor's own organisation only).
  kTakeReport,
  kViewReports,
  kSeeReporter,  // the reporter's identity is confidential
  kAssignReport,
  kLinkReport,
};

// The facts about one case that decisions depend on.
struct CaseFacts {
  domain::Id owner_organisation_id = 0;
  std::vector<domain::Id> team;
  std::vector<domain::Id> shared_with;  // organisation ids
};

CaseFacts FactsOf(const domain::Case& c, std::vector<domain::Id> shared_with);

// Ok when allowed; PermissionDenied naming what is missing otherwise.
// REQUIRES: `facts` for every case action except kCreateCase.
Status Authorize(const Actor& actor, Action action, const CaseFacts* facts = nullptr);

// Intake: hotline operators, case workers and supervisors of the receiving
// organisation work its reports; only hotline operators and supervisors see
// who reported; only supervisors assign a team or agency. Ok or
// PermissionDenied; other organisations' reports are NotFound.
Status AuthorizeIntake(const Actor& actor, Action action, domain::Id report_organisation_id);

// The cases a list may show this actor: the same rule as kViewCase, as a query.
store::CaseScope CaseListScope(const Actor& actor);

// A confidential case note is read only by its author and by the supervisors
// of the organisation that owns the case (others see that it exists).
bool MayReadConfidential(const Actor& actor, const CaseFacts& facts, domain::Id author_id);

// Referrals, receiving side: case workers, legal and repatriation officers
// and supervisors of the receiving organisation read and answer its incoming
// referrals (`change`); its organisation admin reads them. Hotline operators,
// the secretariat and system admins do neither. PermissionDenied otherwise;
// another organisation's referral is NotFound.
Status AuthorizeReceiving(const Actor& actor, domain::Id to_organisation_id, bool change);

// Sending without covering consent: only a supervisor of the organisation
// that owns the case, and only with a written reason (checked by the caller).
Status AuthorizeConsentOverride(const Actor& actor, const CaseFacts& facts);

// True when the role may be given cases to work (assignee or team member).
bool CanWorkCases(domain::Role role);

// The directory: every signed-in member reads every profile. An organisation's
// own org admin and supervisors edit its profile and state its capacity; the
// network secretariat edits any. PermissionDenied otherwise.
Status AuthorizeDirectoryEdit(const Actor& actor, domain::Id profile_organisation_id);

// Repatriations: case workers, repatriation officers and supervisors of the
// destination organisation (where the person is) or the origin organisation
// (in the person's country) see a repatriation's progress and act on their
// side's steps (`change`); either organisation's admin reads it. Other roles
// of the two organisations: PermissionDenied. Any other organisation: NotFound.
Status AuthorizeRepatriation(const Actor& actor, domain::Id destination_organisation_id,
                             domain::Id origin_organisation_id, bool change);

// Legal payments (domain/legal_payment.h). Recording a payment against a
// claim: legal officers and supervisors of the organisation that owns the
// case, on a case they may change. Ok or PermissionDenied.
Status AuthorizeRecordPayment(const Actor& actor, const CaseFacts& facts);

// The facts about one payment that decisions depend on.
struct PaymentFacts {
  domain::Id from_organisation_id = 0;
  domain::Id confirming_organisation_id = 0;
  bool actor_sees_case = false;  // the actor may view the payment's case
};

// Confirming receipt: case workers and supervisors of the confirming
// organisation. Another role there, or the sending side on a case it sees:
// PermissionDenied (the partner confirms, not the sender). Anyone else:
// NotFound, so that the payment's existence is not revealed.
Status AuthorizeConfirmPayment(const Actor& actor, const PaymentFacts& facts);

// The "payments to confirm" list of the actor's own organisation: case
// workers and supervisors (the roles that confirm). PermissionDenied otherwise.
Status AuthorizePaymentsToConfirm(const Actor& actor);

// The document library: every signed-in member lists and downloads it; the
// network secretariat and the system admin publish documents and versions and
// withdraw documents. PermissionDenied otherwise.
Status AuthorizeLibraryPublish(const Actor& actor);

// Network reports (aggregates over every member's referrals, suppressed):
// the secretariat and the system admin only. PermissionDenied otherwise.
Status AuthorizeNetworkReport(const Actor& actor);

// Opening the receiving organisation's own case from a referral it received:
// someone who may answer the referral (AuthorizeReceiving with change) and
// may open cases. NotFound for another organisation's referral.
Status AuthorizeReceiverCase(const Actor& actor, domain::Id to_organisation_id);

// The register of offending recruiters, brokers, agencies and employers.
// What an actor may do there, from least to most:
//  - kCheck: any signed-in member checks a name or an advert and sees the
//    matching entries' status and public source only;
//  - kDetails: also identifiers, addresses, contacts and history: legal
//    officers, every user of a law-enforcement organisation, supervisors of
//    legal-service organisations, and the network secretariat;
//  - kEdit: also create, change, link, import: legal officers, case workers
//    and supervisors of law-enforcement organisations, supervisors of
//    legal-service organisations, and the secretariat.
// System admins only check. Linked cases are shown only by the case rule
// (kViewCase), whatever the level.
enum class RegisterAccess { kCheck, kDetails, kEdit };
RegisterAccess RegisterAccessOf(const Actor& actor, domain::OrgType actor_organisation_type);
// Ok when the actor's level reaches `needed`; PermissionDenied otherwise.
Status AuthorizeRegister(const Actor& actor, domain::OrgType actor_organisation_type,
                         RegisterAccess needed);

// Family tracing requests (domain/tracing.h), of the actor's own organisation
// only:
//  - case workers and supervisors file them (AuthorizeTracingCreate), the
//    filer being the officer unless a supervisor names another;
//  - the officer: a case worker, supervisor or repatriation officer of the
//    organisation (MayTraceFamilies);
//  - kView: the request's officer and the organisation's supervisors;
//  - kCandidates: the officer only (candidates, and decisions on them);
//    a supervisor who is not the officer: PermissionDenied;
//  - kClose: the officer or a supervisor; kReassign: a supervisor.
// Anyone else, and any other organisation: NotFound (the request's
// existence is not revealed).
enum class TracingAction { kView, kCandidates, kClose, kReassign };
struct TracingFacts {
  domain::Id organisation_id = 0;
  domain::Id officer_id = 0;
};
Status AuthorizeTracing(const Actor& actor, TracingAction action, const TracingFacts& facts);
// Filing a request whose officer is `officer_id`: Ok or PermissionDenied.
Status AuthorizeTracingCreate(const Actor& actor, domain::Id officer_id);
bool MayTraceFamilies(domain::Role role);

}  // namespace trm::service
