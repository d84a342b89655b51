#include "service/policy.h"

#include <algorithm>

namespace trm::service {
namespace {

using domain::Role;

bool Contains(const std::vector<domain::Id>& v, domain::Id x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool SeesWholeOrganisation(Role r) { return r == Role::kSupervisor || r == Role::kOrgAdmin; }

bool CanSee(const Actor& a, const CaseFacts& f) {
  if (a.role == Role::kSecretariat || a.role == Role::kSystemAdmin) return false;
  if (Contains(f.team, a.user_id)) return true;
  if (!SeesWholeOrganisation(a.role)) return false;
  return f.owner_organisation_id == a.organisation_id ||
         Contains(f.shared_with, a.organisation_id);
}

Status Deny(const char* why) { return Status::PermissionDenied(why); }

}  // namespace

bool CanWorkCases(Role role) {
  switch (role) {
    case Role::kHotlineOperator:
    case Role::kCaseWorker:
    case Role::kSupervisor:
    case Role::kLegalOfficer:
    case Role::kRepatriationOfficer:
      return true;
    case Role::kSecretariat:
    case Role::kOrgAdmin:
    case Role::kSystemAdmin:
      return false;
  }
  return false;
}

Status AuthorizeReceiving(const Actor& a, domain::Id to_org, bool change) {
  if (a.organisation_id != to_org) return Status::NotFound("referral not found");
  if (a.role == Role::kHotlineOperator || !(CanWorkCases(a.role) || a.role == Role::kOrgAdmin))
    return Deny("your role does not handle referrals");
  if (change && a.role == Role::kOrgAdmin) return Deny("an organisation admin reads referrals but does not answer them");
  return Status::Ok();
}

Status AuthorizeConsentOverride(const Actor& a, const CaseFacts& f) {
  if (a.role == Role::kSupervisor && a.organisation_id == f.owner_organisation_id) return Status::Ok();
  return Deny("only a supervisor of the organisation that owns the case may send without consent");
}

bool MayReadConfidential(const Actor& a, const CaseFacts& f, domain::Id author_id) {
  if (a.user_id == author_id) return true;
  return a.role == Role::kSupervisor && a.organisation_id == f.owner_organisation_id;
}

CaseFacts FactsOf(const domain::Case& c, std::vector<domain::Id> shared_with) {
  return CaseFacts{c.owner_organisation_id, c.team, std::move(shared_with)};
}

Status Authorize(const Actor& a, Action action, const CaseFacts* f) {
  if (action == Action::kListOwnOrganisationUsers) return Status::Ok();
  if (action == Action::kCreateCase) {
    if (!CanWorkCases(a.role)) return Deny("your role cannot open cases");
    return Status::Ok();
  }
  if (f == nullptr) return Status::Internal("case action checked without the case's facts");
  if (!CanSee(a, *f)) return Deny("you do not have access to this case");
  const bool owner_side = f->owner_organisation_id == a.organisation_id;
  const bool on_team = Contains(f->team, a.user_id);
  switch (action) {
    case Action::kViewCase:
      return Status::Ok();
    case Action::kEditCase:
      if (!CanWorkCases(a.role)) return Deny("your role can read but not change cases");
      return Status::Ok();
    case Action::kAssignCase:
    case Action::kCloseCase:
    case Action::kReopenCase:
      if (owner_side && a.role == Role::kSupervisor) return Status::Ok();
      if (owner_side && on_team && a.role == Role::kCaseWorker) return Status::Ok();
      return Deny("only a supervisor or a case worker on the team of the owning organisation "
                  "may do this");
    case Action::kCreateCase:
    case Action::kListOwnOrganisationUsers:
    case Action::kTakeReport:
    case Action::kViewReports:
    case Action::kSeeReporter:
    case Action::kAssignReport:
    case Action::kLinkReport:
      break;
  }
  return Deny("action not allowed");
}

Status AuthorizeIntake(const Actor& a, Action action, domain::Id report_org) {
  if (report_org != a.organisation_id) return Status::NotFound("report not found");
  const bool intake_role = a.role == Role::kHotlineOperator || a.role == Role::kCaseWorker ||
                           a.role == Role::kSupervisor;
  switch (action) {
    case Action::kTakeReport:
    case Action::kViewReports:
    case Action::kLinkReport:
      if (intake_role) return Status::Ok();
      return Deny("only hotline operators, case workers and supervisors work intake");
    case Action::kSeeReporter:
      if (a.role == Role::kHotlineOperator || a.role == Role::kSupervisor) return Status::Ok();
      return Deny("the reporter is visible to hotline operators and supervisors only");
    case Action::kAssignReport:
      if (a.role == Role::kSupervisor) return Status::Ok();
      return Deny("only a supervisor assigns a team or an agency");
    default:
      return Status::Internal("not an intake action");
  }
}

store::CaseScope CaseListScope(const Actor& a) {
  store::CaseScope s;
  s.user_id = a.user_id;
  s.organisation_id = a.organisation_id;
  s.whole_organisation = SeesWholeOrganisation(a.role);
  s.nothing = a.role == Role::kSecretariat || a.role == Role::kSystemAdmin;
  return s;
}

Status AuthorizeDirectoryEdit(const Actor& a, domain::Id profile_org) {
  if (a.role == Role::kSecretariat) return Status::Ok();
  if (a.organisation_id == profile_org && SeesWholeOrganisation(a.role)) return Status::Ok();
  return Deny("only the organisation's own admin or supervisor, or the network secretariat, "
              "may change its directory profile");
}

Status AuthorizeRepatriation(const Actor& a, domain::Id destination_org, domain::Id origin_org, bool change) {
  if (a.organisation_id != destination_org && a.organisation_id != origin_org)
    return Status::NotFound("repatriation not found");
  const bool works = a.role == Role::kCaseWorker || a.role == Role::kRepatriationOfficer ||
                     a.role == Role::kSupervisor;
  if (works) return Status::Ok();
  if (a.role == Role::kOrgAdmin && !change) return Status::Ok();
  if (a.role == Role::kOrgAdmin) return Deny("an organisation admin reads repatriations but does not change them");
  return Deny("your role does not handle repatriations");
}

Status AuthorizeRecordPayment(const Actor& a, const CaseFacts& f) {
  RETURN_IF_ERROR(Authorize(a, Action::kEditCase, &f));
  if (a.organisation_id != f.owner_organisation_id)
    return Deny("only the organisation that owns the case records its payments");
  if (a.role != Role::kLegalOfficer && a.role != Role::kSupervisor)
    return Deny("only legal officers and supervisors record payments");
  return Status::Ok();
}

Status AuthorizePaymentsToConfirm(const Actor& a) {
  if (a.role == Role::kCaseWorker || a.role == Role::kSupervisor) return Status::Ok();
  return Deny("only case workers and supervisors confirm payments");
}

Status AuthorizeConfirmPayment(const Actor& a, const PaymentFacts& f) {
  if (a.organisation_id == f.confirming_organisation_id) return AuthorizePaymentsToConfirm(a);
  if (a.organisation_id == f.from_organisation_id && f.actor_sees_case)
    return Deny("receipt is confirmed by the partner organisation, not by the sender");
  return Status::NotFound("payment not found");
}

Status AuthorizeLibraryPublish(const Actor& a) {
  if (a.role == Role::kSecretariat || a.role == Role::kSystemAdmin) return Status::Ok();
  return Deny("only the network secretariat publishes and withdraws library documents");
}

Status AuthorizeNetworkReport(const Actor& a) {
  if (a.role == Role::kSecretariat || a.role == Role::kSystemAdmin) return Status::Ok();
  return Deny("network reports are for the network secretariat");
}

Status AuthorizeReceiverCase(const Actor& a, domain::Id to_org) {
  RETURN_IF_ERROR(AuthorizeReceiving(a, to_org, /*change=*/true));
  return Authorize(a, Action::kCreateCase);
}

RegisterAccess RegisterAccessOf(const Actor& a, domain::OrgType org_type) {
  using domain::OrgType;
  switch (a.role) {
    case Role::kSystemAdmin:
      return RegisterAccess::kCheck;
    case Role::kSecretariat:
    case Role::kLegalOfficer:
      return RegisterAccess::kEdit;
    default:
      break;
  }
  if (org_type == OrgType::kLawEnforcement)
    return a.role == Role::kCaseWorker || a.role == Role::kSupervisor ? RegisterAccess::kEdit
                                                                      : RegisterAccess::kDetails;
  if (org_type == OrgType::kLegalService && a.role == Role::kSupervisor) return RegisterAccess::kEdit;
  return RegisterAccess::kCheck;
}

Status AuthorizeRegister(const Actor& a, domain::OrgType org_type, RegisterAccess needed) {
  const RegisterAccess level = RegisterAccessOf(a, org_type);
  if (static_cast<int>(level) >= static_cast<int>(needed)) return Status::Ok();
  if (needed == RegisterAccess::kDetails)
    return Deny("register details are for legal officers, law enforcement, supervisors of legal "
                "services and the secretariat");
  return Deny("only legal officers, law enforcement, supervisors of legal services and the "
              "secretariat change the register");
}

bool MayTraceFamilies(Role role) {
  return role == Role::kCaseWorker || role == Role::kSupervisor || role == Role::kRepatriationOfficer;
}

Status AuthorizeTracingCreate(const Actor& a, domain::Id officer_id) {
  if (a.role != Role::kCaseWorker && a.role != Role::kSupervisor)
    return Deny("only case workers and supervisors file tracing requests");
  if (officer_id != a.user_id && a.role != Role::kSupervisor)
    return Deny("only a supervisor names another tracing officer");
  return Status::Ok();
}

Status AuthorizeTracing(const Actor& a, TracingAction action, const TracingFacts& f) {
  const bool officer = a.organisation_id == f.organisation_id && a.user_id == f.officer_id;
  const bool supervisor = a.organisation_id == f.organisation_id && a.role == Role::kSupervisor;
  if (!officer && !supervisor) return Status::NotFound("tracing request not found");
  switch (action) {
    case TracingAction::kView:
    case TracingAction::kClose:
      return Status::Ok();
    case TracingAction::kCandidates:
      if (officer) return Status::Ok();
      return Deny("only the request's tracing officer sees its candidates");
    case TracingAction::kReassign:
      if (supervisor) return Status::Ok();
      return Deny("only a supervisor assigns another tracing officer");
  }
  return Deny("action not allowed");
}

}  // namespace trm::service
