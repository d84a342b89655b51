// What the interface offers to each role. The server enforces the same rules
// (docs/api/openapi.yaml, "Who sees and changes which case"); these only avoid
// showing buttons that would always be refused.
import type { Role } from './api';

const NOT_CASE_WORKERS: ReadonlySet<Role> = new Set<Role>(['org_admin', 'secretariat', 'system_admin']);

// May create cases, and may be assigned one.
export function worksCases(role: Role): boolean {
  return !NOT_CASE_WORKERS.has(role);
}

// May change, close and reopen the cases they can see.
export function changesCases(role: Role): boolean {
  return worksCases(role);
}

// May assign, close and reopen this case: a supervisor of the owning
// organisation, or a case worker of it who is on the case's team.
export function managesCase(
  user: { id: number; role: Role; organisation: { id: number } },
  kase: { owner_organisation: { id: number }; team: { id: number }[] },
): boolean {
  if (kase.owner_organisation.id !== user.organisation.id) return false;
  if (user.role === 'supervisor') return true;
  return user.role === 'case_worker' && kase.team.some((m) => m.id === user.id);
}

// Sends and answers referrals (an organisation admin only reads its own
// organisation's): the nav link and the referral screens.
export function handlesReferrals(role: Role): boolean {
  return (worksCases(role) && role !== 'hotline_operator') || role === 'org_admin';
}

// May take a step on a referral or write on its timeline.
export function answersReferrals(role: Role): boolean {
  return handlesReferrals(role) && role !== 'org_admin';
}

// Works repatriations (case workers, repatriation officers and supervisors of
// either organisation; an organisation admin only reads them): the nav link
// and the repatriation screens.
export function handlesRepatriations(role: Role): boolean {
  return role === 'case_worker' || role === 'repatriation_officer' || role === 'supervisor' || role === 'org_admin';
}

// May start a repatriation and act on its steps (the server adds the side rule).
export function actsOnRepatriations(role: Role): boolean {
  return handlesRepatriations(role) && role !== 'org_admin';
}

// Records payments against a claim of a case (legal officers and supervisors
// of the case's organisation; the server checks the organisation).
export function recordsPayments(role: Role): boolean {
  return role === 'legal_officer' || role === 'supervisor';
}

// Confirms receipt of payments sent to its organisation: the nav link and
// the "Payments to confirm" page.
export function confirmsPayments(role: Role): boolean {
  return role === 'case_worker' || role === 'supervisor';
}

// Publishes library documents and versions, and withdraws documents.
export function publishesLibrary(role: Role): boolean {
  return role === 'secretariat' || role === 'system_admin';
}

// Reads the network's referral report.
export function readsNetworkReports(role: Role): boolean {
  return role === 'secretariat' || role === 'system_admin';
}

// Works family tracing requests (case workers, supervisors and repatriation
// officers, who may be a request's tracing officer): the nav link and the
// tracing screens. The server shows each only its officer and supervisors.
export function tracesFamilies(role: Role): boolean {
  return role === 'case_worker' || role === 'supervisor' || role === 'repatriation_officer';
}

// Files a family tracing request for its organisation.
export function filesTracingRequests(role: Role): boolean {
  return role === 'case_worker' || role === 'supervisor';
}
