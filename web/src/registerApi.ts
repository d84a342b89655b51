// Client for the register of offending recruiters, brokers, agencies and
// employers (docs/api/openapi.yaml, "Register"): the caller's level, the
// check, the list, one entry, create, edit, status change, case links,
// import (preview and apply) and the export's address.
import { request } from './api';

// The arrays are read by scripts/check-i18n.mjs: each value needs a
// `register_status.X`, `register_kind.X`, `register_role.X`,
// `register_source.X`, `register_query.X`, `register_field.X`,
// `register_how.X`, `register_agreement.X`, `register_change.X`,
// `register_import.X`, `register_matched.X` or `register_list.X` key. Same order as src/domain/register.cc.
export const REGISTER_STATUSES = ['alleged_in_report', 'case_filed', 'convicted', 'acquitted', 'dismissed', 'expired'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];
export const REGISTER_KINDS = ['person', 'organisation'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];
export const REGISTER_ROLES = ['recruiter', 'broker', 'agency', 'employer'] as const;
export type RegisterRole = (typeof REGISTER_ROLES)[number];
export const SOURCE_KINDS = ['case', 'court', 'public_list'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
// What a check asks with, and which field of an entry matched.
export const QUERY_FIELDS = ['name', 'company', 'phone', 'handle', 'website', 'text'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];
export const ENTRY_FIELDS = ['name', 'alias', 'phone', 'handle', 'website'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
export const MATCH_HOW = ['exact', 'normalised', 'name_other_script', 'name_sounds_alike'] as const;
export type MatchHow = (typeof MATCH_HOW)[number];
// How a name found by the matching engine agreed (its name levels).
export const NAME_AGREEMENTS = ['exact', 'romanised_exact', 'typo', 'phonetic', 'jaro_winkler_0.88', 'subset'] as const;
export type NameAgreement = (typeof NAME_AGREEMENTS)[number];
export const HISTORY_CHANGES = ['create', 'edit', 'status', 'link', 'unlink', 'import'] as const;
export type HistoryChange = (typeof HISTORY_CHANGES)[number];
export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'rejected'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];
// How an import row found the entry it updates.
export const MATCHED_BY = ['id', 'licence_number', 'name'] as const;
export type MatchedBy = (typeof MATCHED_BY)[number];
// The lists an entry keeps, in the order the forms show them.
export const LIST_FIELDS = ['names', 'aliases', 'licence_numbers', 'addresses', 'phones', 'websites', 'handles'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

// Statuses a new entry may start with, and where each status may go
// (the table in src/domain/register.cc).
export const INITIAL_STATUSES: readonly RegisterStatus[] = ['alleged_in_report', 'case_filed', 'convicted'];
export const NEXT_STATUSES: Record<RegisterStatus, readonly RegisterStatus[]> = {
  alleged_in_report: ['case_filed', 'dismissed', 'expired'],
  case_filed: ['convicted', 'acquitted', 'dismissed'],
  convicted: ['acquitted', 'expired'],
  acquitted: ['case_filed'],
  dismissed: ['case_filed'],
  expired: ['alleged_in_report', 'case_filed'],
};

// The columns of an import file (src/domain/register_csv.h).
export const IMPORT_COLUMNS = [
  'id', 'kind', 'role', 'names', 'aliases', 'country', 'licence_numbers', 'addresses', 'phones', 'websites',
  'handles', 'status', 'status_date', 'source_kind', 'source_reference', 'review_date', 'reason',
] as const;

export type AccessLevel = 'check' | 'details' | 'edit';

export interface Source {
  kind: SourceKind;
  reference: string | null;
}

export interface HistoryLine {
  id: number;
  change: HistoryChange;
  at: string;
  actor: { id: number; display_name: string } | null;
  from_status: RegisterStatus | null;
  to_status: RegisterStatus;
  status_date: string;
  source: { kind: SourceKind; reference: string };
  reason: string;
}

export interface LinkedCase {
  id: number;
  reference: string;
  linked_at: string;
  linked_by: string | null;
}

export type Lists = Record<ListField, string[]>;

export interface Detail extends Lists {
  source_reference: string;
  review_date: string | null;
  due_for_review: boolean;
  created_at: string;
  updated_at: string;
  history?: HistoryLine[];
  cases?: LinkedCase[];
}

export interface Entry {
  id: number;
  kind: RegisterKind;
  role: RegisterRole;
  country: string;
  status: RegisterStatus;
  status_date: string;
  source: Source;
  version: number;
  may_edit: boolean;
  detail: Detail | null;
}

export interface Match {
  query_field: QueryField;
  query_value: string | null;
  entry_field: EntryField;
  how: MatchHow;
  entry_value?: string;
  // Only for the name_* kinds: the engine's probability and how the names agreed.
  probability?: number;
  agreement?: NameAgreement;
}

export interface CheckQuery {
  name?: string;
  company?: string;
  phone?: string;
  handle?: string;
  website?: string;
  text?: string;
}

export interface CheckResult {
  extracted: { phones: string[]; handles: string[]; websites: string[] };
  items: { entry: Entry; matches: Match[] }[];
}

export interface EntryFields extends Lists {
  kind: RegisterKind;
  role: RegisterRole;
  country: string;
  review_date: string | null;
}

export interface StatusFields {
  status: RegisterStatus;
  status_date: string;
  source: { kind: SourceKind; reference: string };
  reason: string;
}

export interface ImportRow {
  line: number;
  action: ImportAction;
  entry_id: number | null;
  matched_by: MatchedBy | null;
  name: string | null;
  status_change: boolean;
  from_status: RegisterStatus | null;
  to_status: RegisterStatus | null;
  error: { message: string; field?: string } | null;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: ImportRow[];
}

export interface ListQuery {
  status?: RegisterStatus | '';
  due_for_review?: boolean;
  q?: string;
}

function listQuery(q: ListQuery): string {
  const p = new URLSearchParams();
  if (q.status) p.set('status', q.status);
  if (q.due_for_review) p.set('due_for_review', 'true');
  if (q.q) p.set('q', q.q);
  const s = p.toString();
  return s ? `?${s}` : '';
}

// The export is a download: a plain link to this address.
export const EXPORT_URL = '/api/v1/register/export';

export const registerApi = {
  access: () => request<{ level: AccessLevel }>('GET', '/register/access'),
  check: (q: CheckQuery) => request<CheckResult>('POST', '/register/check', q),
  list: (q: ListQuery) => request<{ items: Entry[] }>('GET', `/register${listQuery(q)}`),
  get: (id: number) => request<Entry>('GET', `/register/${id}`),
  create: (fields: EntryFields, status: StatusFields) => request<Entry>('POST', '/register', { ...fields, ...status }),
  edit: (id: number, version: number, fields: EntryFields, reason: string) =>
    request<Entry>('PUT', `/register/${id}`, { version, ...fields, reason }),
  changeStatus: (id: number, version: number, s: StatusFields) =>
    request<Entry>('POST', `/register/${id}/status`, { version, ...s }),
  link: (id: number, version: number, caseId: number, reason: string) =>
    request<Entry>('POST', `/register/${id}/cases`, { version, case_id: caseId, reason }),
  unlink: (id: number, version: number, caseId: number, reason: string) =>
    request<Entry>('POST', `/register/${id}/cases/${caseId}/unlink`, { version, reason }),
  previewImport: (csv: string, reason: string) => request<ImportReport>('POST', '/register/import/preview', { csv, reason }),
  applyImport: (csv: string, reason: string) => request<ImportReport>('POST', '/register/import', { csv, reason }),
};
