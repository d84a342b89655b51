// Client for referrals (src/http/referral_routes.cc): drafting one from a
// case, moving it through its lifecycle, messages, the organisation's inbox
// and the parts of the case it shares. The enumerations below are read by
// scripts/check-i18n.mjs, which checks that each value has its label.
import { request, type Identification, type Person, type UserRef } from './api';
import { SERVICES, type Service } from './directoryApi';
import type { Entry } from './entriesApi';

export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'closed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

// HTCDS cas_ReasonForOutgoingReferral.
export const REFERRAL_REASONS = ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

// A referral asks for services the directory lists (the server checks them
// against the same list), labelled `dir_service.X`.
export const REFERRAL_SERVICES = SERVICES;
export type ReferralService = Service;

// The parts of a case a referral may carry, in the server's order: the person,
// identification decisions and the case entry kinds except tasks.
export const REFERRAL_PARTS = [
  'person',
  'identification',
  'victim_context',
  'event',
  'perpetrator',
  'identity_document',
  'needs_assessment',
  'support_objective',
  'support_action',
  'service',
  'note',
  'meeting',
  'follow_up',
  'reintegration',
] as const;
export type ReferralPart = (typeof REFERRAL_PARTS)[number];

export const REFERRAL_ACTIONS = ['send', 'accept', 'decline', 'withdraw', 'start', 'complete', 'close'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

// Timeline lines: the action that was taken, the draft's creation, or a message.
export const TIMELINE_KINDS = ['create', ...REFERRAL_ACTIONS, 'message'] as const;

export type ReferralSide = 'sender' | 'receiver';
export type ReferralBox = 'incoming' | 'outgoing' | 'all';

export interface OrgRef {
  id: number;
  name: string;
  country: string;
}

export interface TimelineEvent {
  id: number;
  at: string;
  kind: string; // one of TIMELINE_KINDS
  text: string;
  by: UserRef;
  organisation: { id: number; name: string };
}

export interface Referral {
  id: number;
  version: number;
  status: ReferralStatus;
  reason: ReferralReason;
  services: string[];
  parts: string[];
  summary: string;
  respond_by: string;
  overdue: boolean;
  side: ReferralSide;
  from_organisation: OrgRef;
  to_organisation: OrgRef;
  cross_border: boolean;
  created_at: string;
  sent_at: string | null;
  answered_at: string | null;
  finished_at: string | null;
  consent_override: { by: UserRef; reason: string } | null;
  case_id?: number; // the sender's only
  case_reference?: string; // the sender's only
  receiver_case?: { id: number; reference: string } | null; // the receiver's only: its own case
  timeline: TimelineEvent[];
}

export interface NewReferral {
  to_organisation_id: number;
  reason: ReferralReason;
  services: ReferralService[];
  parts: ReferralPart[];
  summary: string;
  respond_by: string;
}

export interface Transition {
  action: ReferralAction;
  version: number;
  note?: string;
  override_reason?: string;
}

export type SharedIdentification = Pick<Identification, 'id' | 'status' | 'decided_by_org_type' | 'decided_on' | 'reasons' | 'team_meeting'>;

export interface SharedCase {
  referral_id: number;
  parts: string[];
  person?: Person;
  identifications: SharedIdentification[];
  entries: Entry[];
}

// The parts each service needs the receiver to see (src/domain/referral.cc,
// kServiceParts); the person always travels.
const SERVICE_PARTS: Record<ReferralService, readonly ReferralPart[]> = {
  shelter: ['person', 'needs_assessment'],
  medical: ['person', 'needs_assessment'],
  psychological: ['person', 'needs_assessment'],
  legal_aid: ['person', 'identification', 'victim_context', 'event', 'perpetrator', 'identity_document'],
  interpretation: ['person'],
  repatriation: ['person', 'identification', 'identity_document', 'needs_assessment'],
  vocational_training: ['person', 'needs_assessment', 'support_objective'],
  family_tracing: ['person'],
  hotline: ['person'],
  education: ['person', 'needs_assessment', 'support_objective'],
  financial_assistance: ['person', 'needs_assessment'],
  livelihood: ['person', 'needs_assessment', 'support_objective'],
};

// What the chosen services need, in the order of REFERRAL_PARTS (DefaultParts).
export function defaultParts(services: readonly ReferralService[]): ReferralPart[] {
  const wanted = new Set<ReferralPart>(['person']);
  for (const s of services) for (const p of SERVICE_PARTS[s] ?? []) wanted.add(p);
  return REFERRAL_PARTS.filter((p) => wanted.has(p));
}

// The transitions of src/domain/referral.cc (kTransitions): from which status
// an action may be taken, and by which side.
const TRANSITIONS: ReadonlyArray<{ from: ReferralStatus; action: ReferralAction; side: ReferralSide | 'either' }> = [
  { from: 'draft', action: 'send', side: 'sender' },
  { from: 'draft', action: 'withdraw', side: 'sender' },
  { from: 'sent', action: 'accept', side: 'receiver' },
  { from: 'sent', action: 'decline', side: 'receiver' },
  { from: 'sent', action: 'withdraw', side: 'sender' },
  { from: 'accepted', action: 'start', side: 'receiver' },
  { from: 'accepted', action: 'complete', side: 'receiver' },
  { from: 'in_progress', action: 'complete', side: 'receiver' },
  { from: 'accepted', action: 'close', side: 'either' },
  { from: 'in_progress', action: 'close', side: 'either' },
];

export function actionsFor(status: ReferralStatus, side: ReferralSide): ReferralAction[] {
  return TRANSITIONS.filter((x) => x.from === status && (x.side === side || x.side === 'either')).map((x) => x.action);
}

// Decline, complete and close need a written note (NeedsNote).
export function needsNote(action: ReferralAction): boolean {
  return action === 'decline' || action === 'complete' || action === 'close';
}

export const referralsApi = {
  ofCase: (caseId: number) =>
    request<{ items: Referral[] }>('GET', `/cases/${caseId}/referrals`).then((r) => (Array.isArray(r.items) ? r.items : [])),
  create: (caseId: number, body: NewReferral) => request<Referral>('POST', `/cases/${caseId}/referrals`, body),
  inbox: (box: ReferralBox, overdue: boolean) =>
    request<{ items: Referral[] }>('GET', `/referrals?box=${box}${overdue ? '&overdue=true' : ''}`).then((r) =>
      Array.isArray(r.items) ? r.items : [],
    ),
  get: (id: number) => request<Referral>('GET', `/referrals/${id}`),
  act: (id: number, body: Transition) => request<Referral>('POST', `/referrals/${id}/transitions`, body),
  message: (id: number, text: string) => request<Referral>('POST', `/referrals/${id}/messages`, { text }),
  shared: (id: number) => request<SharedCase>('GET', `/referrals/${id}/shared`),
  // The receiver opens its own case from the referral (the shared person only).
  openCase: (id: number) => request<{ id: number; reference: string }>('POST', `/referrals/${id}/case`, {}),
};
