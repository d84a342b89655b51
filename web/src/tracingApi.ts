// Client for family tracing requests (src/http/tracing_routes.cc): who is
// searching, for whom, what they remember; the candidate cases only the
// request's tracing officer sees, and the officer's decisions on them. The
// enumerations below are read by scripts/check-i18n.mjs, which checks that
// each value has its label (tracing_status.X, tracing_decision.X,
// tracing_match.X, tracing_field.X, tracing_level.X).
import { request, type Gender, type Person, type UserRef } from './api';
import type { MatchReason } from './matchingApi';

export const TRACING_STATUSES = ['open', 'closed'] as const;
export type TracingStatus = (typeof TRACING_STATUSES)[number];

// The officer's decision on one candidate.
export const TRACING_DECISIONS = ['possible', 'ruled_out', 'confirmed'] as const;
export type TracingDecision = (typeof TRACING_DECISIONS)[number];

// The matching engine's own view of a candidate (src/service/person_matcher.h).
export const MATCH_DECISIONS = ['same', 'review', 'possible'] as const;
export type MatchDecision = (typeof MATCH_DECISIONS)[number];


export interface OrgRef {
  id: number;
  name: string;
  country: string;
}

export interface Searcher {
  name: string;
  relationship: string;
  contact: string;
}

export interface Sought {
  person: Person;
  last_known_place: string;
  remembers: string;
}

export interface TracingRequest {
  id: number;
  version: number;
  status: TracingStatus;
  organisation: OrgRef;
  officer: UserRef;
  searcher: Searcher;
  sought: Sought;
  outcome: string | null;
  closed_at: string | null;
  created_by: UserRef;
  created_at: string;
  updated_at: string;
  may_see_candidates: boolean;
  may_reassign: boolean;
}

export interface NewTracingRequest {
  searcher: Searcher;
  sought: Sought;
  officer_id?: number;
}

export interface TracingChange {
  version: number;
  officer_id?: number;
  status?: 'closed';
  outcome?: string;
}

// A reason is the same as for possible existing records.
export type { MatchReason };

export interface OfficerDecision {
  id: number;
  version: number;
  case_id: number;
  decision: TracingDecision;
  note: string;
  decided_by: UserRef;
  decided_at: string;
}

// What the officer sees of a case: nothing beyond identifying the person.
export interface CandidatePerson {
  first_name: string;
  middle_name: string;
  second_name: string;
  birth_date: string | null;
  approximate_age: number | null;
  gender: Gender;
  citizenship: string[];
}

export interface Candidate {
  case: { id: number; reference: string; owner: OrgRef; person: CandidatePerson };
  probability: number;
  decision: MatchDecision;
  reasons: MatchReason[];
  officer_decision: OfficerDecision | null;
}

const items = <V>(r: { items: V[] }): V[] => (Array.isArray(r.items) ? r.items : []);

export const tracingApi = {
  list: (status?: TracingStatus) =>
    request<{ items: TracingRequest[] }>('GET', `/tracing-requests${status ? `?status=${status}` : ''}`).then(items),
  create: (body: NewTracingRequest) => request<TracingRequest>('POST', '/tracing-requests', body),
  get: (id: number) => request<TracingRequest>('GET', `/tracing-requests/${id}`),
  change: (id: number, body: TracingChange) => request<TracingRequest>('PATCH', `/tracing-requests/${id}`, body),
  candidates: (id: number) => request<{ items: Candidate[] }>('GET', `/tracing-requests/${id}/candidates`).then(items),
  decide: (id: number, body: { case_id: number; decision: TracingDecision; note: string }) =>
    request<OfficerDecision>('POST', `/tracing-requests/${id}/decisions`, body),
  changeDecision: (id: number, decisionId: number, body: { version: number; decision: TracingDecision; note: string }) =>
    request<OfficerDecision>('PATCH', `/tracing-requests/${id}/decisions/${decisionId}`, body),
};
