// Client for the OpenTRM JSON API (docs/api/openapi.yaml). Every call sends the
// session cookie (`credentials: 'same-origin'`); failures become `ApiError`s.

export const ROLES = [
  'hotline_operator',
  'case_worker',
  'supervisor',
  'legal_officer',
  'repatriation_officer',
  'secretariat',
  'org_admin',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const GENDERS = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
] as const;
export type Gender = (typeof GENDERS)[number];

export type CaseStatus = 'open' | 'closed';

export interface Organisation {
  id: number;
  name: string;
  country: string;
  type?: string;
}

export interface UserRef {
  id: number;
  display_name: string;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  organisation: Organisation;
}

export interface OrgUser extends UserRef {
  role: Role;
}

export interface Person {
  first_name: string;
  middle_name: string;
  second_name: string;
  birth_date: string | null;
  approximate_age: number | null;
  gender: Gender;
  citizenship: string[];
  languages: string[];
}

export interface CaseSummary {
  id: number;
  reference: string;
  status: CaseStatus;
  version: number;
  person: { first_name: string; second_name: string };
  assignee: UserRef | null;
  updated_at: string;
}

export interface Case {
  id: number;
  reference: string;
  status: CaseStatus;
  version: number;
  owner_organisation: Organisation;
  assignee: UserRef | null;
  team: UserRef[];
  person: Person;
  closure_reason: string | null;
  created_at: string;
  created_by: UserRef;
  updated_at: string;
  updated_by: UserRef;
}

// Casework: consent, screening and identification.

export const CONSENT_PURPOSES = [
  'case_management',
  'referral',
  'cross_border_disclosure',
  'family_tracing',
  'follow_up_contact',
  'statistics',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_DECISIONS = ['given', 'refused', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const SCOPE_KINDS = ['anyone', 'country', 'organisation'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface ConsentScope {
  kind: ScopeKind;
  country: string | null;
  organisation_id: number | null;
  organisation_name: string | null;
}

export interface ChildConsent {
  guardian_name: string;
  best_interest_decision: string;
}

export interface Consent {
  id: number;
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  scope: ConsentScope;
  decided_at: string;
  expires_at: string | null;
  explained_in_language: string;
  interpreter_used: boolean;
  rights_notice_version: string;
  child: ChildConsent | null;
  recorded_by: UserRef;
}

export interface NewConsent {
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  scope: { kind: ScopeKind; country?: string; organisation_id?: number };
  expires_on: string | null;
  explained_in_language: string;
  interpreter_used: boolean;
  rights_notice_version: string;
  child: ChildConsent | null;
}

export interface ConsentCheck {
  covered: boolean;
  reason: string;
  deciding_consent_id: number | null;
}

// A text in several languages: always `en`, others where the set has them.
export type Label = Partial<Record<string, string>> & { en: string };

export type SetKind = 'dimensions' | 'list';

export const GRADES = ['strong', 'medium', 'weak'] as const;
export type Grade = (typeof GRADES)[number];

export const PERSON_GROUPS = ['adult', 'child'] as const;
export type PersonGroup = (typeof PERSON_GROUPS)[number];

export const SCREENING_OUTCOMES = ['indicates', 'does-not-indicate', 'listed'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export interface IndicatorSetSummary {
  id: string;
  kind: SetKind;
  title: Label;
  languages: string[];
}

export interface Indicator {
  id: string;
  dimension_id: string | null;
  grade: Grade | null;
  label: Label;
}

export interface IndicatorSet {
  id: string;
  kind: SetKind;
  title: Label;
  languages: string[];
  source: string;
  notes: string[];
  dimensions: Array<{ id: string; label: Label }>;
  indicators: Indicator[];
}

export interface Observation {
  indicator_id: string;
  note: string;
  observed_by: UserRef;
  observed_at: string;
}

export interface DimensionResult {
  dimension_id: string;
  label: string;
  positive: boolean;
  explanation: string;
  indicator_ids: string[];
  counts: { strong: number; medium: number; weak: number };
}

export interface RequirementResult {
  name: string;
  met: boolean;
  explanation: string;
  positive_dimension_ids: string[];
}

export interface Evaluation {
  outcome: ScreeningOutcome;
  summary: string;
  dimensions: DimensionResult[];
  requirements: RequirementResult[];
}

export interface Screening {
  id: number;
  set_id: string;
  set_title: Label;
  person_group: PersonGroup;
  observations: Observation[];
  evaluation: Evaluation | null; // null only when the stored evaluation cannot be read
  created_at: string;
  created_by: UserRef;
}

export interface NewScreening {
  set_id: string;
  person_group: PersonGroup;
  observations: Array<{ indicator_id: string; note: string }>;
}

export const IDENTIFICATION_STATUSES = [
  'PossibleVictimOfTrafficking',
  'ActualVictimOfTrafficking',
  'NotAVictimOfTrafficking',
] as const;
export type IdentificationStatus = (typeof IDENTIFICATION_STATUSES)[number];

export const DECIDING_BODIES = [
  'Police',
  'NGO',
  'CourtOrProsecution',
  'NonPoliceGovernmentalOrganization',
  'Other',
] as const;
export type DecidingBody = (typeof DECIDING_BODIES)[number];

export interface Identification {
  id: number;
  status: IdentificationStatus;
  decided_by_org_type: DecidingBody;
  decided_on: string;
  reasons: string;
  screening_id: number | null;
  team_meeting: boolean;
  recorded_by: UserRef;
  created_at: string;
}

export interface NewIdentification {
  status: IdentificationStatus;
  decided_by_org_type: DecidingBody;
  decided_on: string;
  reasons: string;
  screening_id: number | null;
  team_meeting: boolean;
}

// Rights notices: what help the person can get, their rights, confidentiality.

export interface RightsNoticeVersion {
  version: string;
  titles: Label;
}

export interface RightsNotice {
  version: string;
  language: string;
  title: string;
  body: string; // simple Markdown: `## ` headings, paragraphs, `- ` lists
}

export interface RightsNoticeReceipt {
  id: number;
  version: string;
  language: string;
  interpreter_used: boolean;
  given_at: string;
  given_by: UserRef;
}

export interface NewRightsNoticeReceipt {
  version: string;
  language: string;
  interpreter_used: boolean;
}

export interface Page<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
}

export interface SignInResult {
  token: string;
  expires_at: string;
  user: User;
}

// Error codes the API sends, plus two the client makes up itself: `network`
// (no HTTP answer at all) and `bad_response` (an answer that is not the JSON we expect).
export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'already_exists'
  | 'failed_precondition'
  | 'resource_exhausted'
  | 'payload_too_large'
  | 'internal'
  | 'network'
  | 'bad_response';

const KNOWN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'invalid_argument',
  'unauthenticated',
  'permission_denied',
  'not_found',
  'conflict',
  'already_exists',
  'failed_precondition',
  'resource_exhausted',
  'payload_too_large',
  'internal',
  'network',
  'bad_response',
]);

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  // The server's own explanation (usually English); shown as detail only.
  readonly detail: string;

  constructor(status: number, code: ErrorCode, detail: string, field?: string) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.field = field || undefined;
  }
}

function codeFromStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'invalid_argument';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'permission_denied';
    case 404:
      return 'not_found';
    case 405:
      return 'invalid_argument';
    case 409:
      return 'conflict';
    case 422:
      return 'failed_precondition';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'resource_exhausted';
    default:
      return status >= 500 ? 'internal' : 'bad_response';
  }
}

// Called when any request other than sign-in answers 401: the session ended.
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

// The API lives next to the app: `/api/v1` when the app is served at `/`.
const API_BASE = new URL('api/v1', document.baseURI).pathname;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

// Exported for the other API clients (entriesApi.ts) that share this error handling.
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(API_BASE + path, init);
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const text = await res.text().catch(() => '');
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined)
      ?.error;
    const code =
      typeof err?.code === 'string' && KNOWN_CODES.has(err.code)
        ? (err.code as ErrorCode)
        : codeFromStatus(res.status);
    const detail = typeof err?.message === 'string' ? err.message : '';
    const field = typeof err?.field === 'string' ? err.field : undefined;
    const error = new ApiError(res.status, code, detail, field);
    if (res.status === 401 && path !== '/auth/sign-in') onUnauthenticated();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  if (data === undefined) throw new ApiError(res.status, 'bad_response', '');
  return data as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface CaseListParams {
  status?: CaseStatus;
  assignee?: 'me' | number;
  page: number;
  page_size: number;
}

export const api = {
  signIn: (username: string, password: string) =>
    request<SignInResult>('POST', '/auth/sign-in', { username, password }),
  signOut: () => request<void>('POST', '/auth/sign-out'),
  me: () => request<User>('GET', '/me'),
  orgUsers: () => request<{ items: OrgUser[] }>('GET', '/users?organisation=mine'),
  listCases: (p: CaseListParams) =>
    request<Page<CaseSummary>>(
      'GET',
      `/cases${query({ status: p.status, assignee: p.assignee, page: p.page, page_size: p.page_size })}`,
    ),
  createCase: (body: { person: Person; assignee_id?: number }) =>
    request<Case>('POST', '/cases', body),
  getCase: (id: number) => request<Case>('GET', `/cases/${id}`),
  updateCase: (id: number, body: { version: number; person?: Person; assignee_id?: number | null }) =>
    request<Case>('PATCH', `/cases/${id}`, body),
  closeCase: (id: number, version: number, reason: string) =>
    request<Case>('POST', `/cases/${id}/close`, { version, reason }),
  reopenCase: (id: number, version: number, reason: string) =>
    request<Case>('POST', `/cases/${id}/reopen`, { version, reason }),
  organisations: () => request<{ items: Organisation[] }>('GET', '/organisations'),
  listConsents: (caseId: number) => request<{ items: Consent[] }>('GET', `/cases/${caseId}/consents`),
  recordConsent: (caseId: number, body: NewConsent) =>
    request<Consent>('POST', `/cases/${caseId}/consents`, body),
  checkConsent: (caseId: number, purpose: ConsentPurpose, organisationId: number) =>
    request<ConsentCheck>(
      'GET',
      `/cases/${caseId}/consents/check${query({ purpose, organisation_id: organisationId })}`,
    ),
  indicatorSets: () => request<{ items: IndicatorSetSummary[] }>('GET', '/indicator-sets'),
  indicatorSet: (id: string) => request<IndicatorSet>('GET', `/indicator-sets/${encodeURIComponent(id)}`),
  listScreenings: (caseId: number) => request<{ items: Screening[] }>('GET', `/cases/${caseId}/screenings`),
  recordScreening: (caseId: number, body: NewScreening) =>
    request<Screening>('POST', `/cases/${caseId}/screenings`, body),
  listIdentifications: (caseId: number) =>
    request<{ items: Identification[] }>('GET', `/cases/${caseId}/identifications`),
  recordIdentification: (caseId: number, body: NewIdentification) =>
    request<Identification>('POST', `/cases/${caseId}/identifications`, body),
  rightsNotices: () => request<{ items: RightsNoticeVersion[]; latest: string }>('GET', '/rights-notices'),
  rightsNotice: (version: string, lang: string) =>
    request<RightsNotice>('GET', `/rights-notices/${encodeURIComponent(version)}/${encodeURIComponent(lang)}`),
  listRightsNotices: (caseId: number) =>
    request<{ items: RightsNoticeReceipt[] }>('GET', `/cases/${caseId}/rights-notices`),
  recordRightsNotice: (caseId: number, body: NewRightsNoticeReceipt) =>
    request<RightsNoticeReceipt>('POST', `/cases/${caseId}/rights-notices`, body),
};
