// Client for repatriations (src/http/repatriation_routes.cc): the network's
// flows, starting a repatriation from an accepted referral, the organisation's
// list, one repatriation and the actions on its steps. The enumerations below
// are read by scripts/check-i18n.mjs, which checks that each value has its label.
import { request, type Label, type UserRef } from './api';
import type { OrgRef } from './referralsApi';

export const REPATRIATION_STATUSES = ['active', 'completed'] as const;
export type RepatriationStatus = (typeof REPATRIATION_STATUSES)[number];

export const STEP_STATES = ['pending', 'blocked', 'done', 'skipped'] as const;
export type StepState = (typeof STEP_STATES)[number];

// Who is responsible for a step: the organisation where the person is now,
// the one in their country of origin, or either.
export const STEP_SIDES = ['destination', 'origin', 'both'] as const;
export type StepSide = (typeof STEP_SIDES)[number];

export const STEP_ACTIONS = ['complete', 'skip', 'block', 'unblock'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export interface IssuedDocument {
  name: string;
  number: string;
}

export interface Handover {
  from_person: string;
  from_organisation: string;
  to_person: string;
  to_organisation: string;
  place: string;
  date: string;
}

export interface NeededDocument {
  id: string;
  label: Label;
}

export interface RepatriationStep {
  id: number;
  version: number;
  position: number;
  code: string;
  title: Label;
  side: StepSide;
  expected_days: number;
  after: string[];
  records_handover: boolean;
  documents_needed: NeededDocument[];
  state: StepState;
  due_on: string;
  ready: boolean;
  overdue: boolean;
  done_on: string | null;
  done_by: UserRef | null;
  notes: string;
  documents: IssuedDocument[];
  reason: string;
  handover: Handover | null;
  may_act: boolean;
  updated_at: string;
}

export interface CurrentStep {
  code: string;
  title: Label;
  state: StepState;
  side: StepSide;
  due_on: string;
  overdue: boolean;
}

export interface Repatriation {
  id: number;
  version: number;
  status: RepatriationStatus;
  referral_id: number;
  flow: { id: string; title: Label };
  destination_organisation: OrgRef;
  origin_organisation: OrgRef;
  side: 'destination' | 'origin';
  started_on: string;
  completed_on: string | null;
  steps_total: number;
  steps_done: number;
  steps_overdue: number;
  steps_blocked: number;
  case_id?: number; // the destination side's only
  case_reference?: string;
  steps?: RepatriationStep[]; // one repatriation's page
  current_steps?: CurrentStep[]; // a list's row
}

export interface StepActionBody {
  action: StepAction;
  version: number;
  date?: string;
  notes?: string;
  documents?: IssuedDocument[];
  reason?: string;
  handover?: Handover;
}

// Which actions a step in `state` offers (src/domain/repatriation.cc's table).
export function actionsFor(state: StepState): StepAction[] {
  if (state === 'pending') return ['complete', 'block', 'skip'];
  if (state === 'blocked') return ['unblock'];
  return [];
}

export const repatriationsApi = {
  list: (status?: RepatriationStatus) =>
    request<{ items: Repatriation[] }>('GET', `/repatriations${status ? `?status=${status}` : ''}`).then((r) =>
      Array.isArray(r.items) ? r.items : [],
    ),
  get: (id: number) => request<Repatriation>('GET', `/repatriations/${id}`),
  ofReferral: (referralId: number) => request<Repatriation>('GET', `/referrals/${referralId}/repatriation`),
  start: (referralId: number) => request<Repatriation>('POST', `/referrals/${referralId}/repatriation`, {}),
  act: (id: number, stepId: number, body: StepActionBody) =>
    request<Repatriation>('POST', `/repatriations/${id}/steps/${stepId}`, body),
};
