// Client for the intake endpoints (docs/api/openapi.yaml, "Intake"): reports,
// the duty queue, assignment, linking, a case made from a report, and the
// public report form. Shares request() and its error handling with api.ts.
import { request, type Case, type Gender, type Person } from './api';

// The arrays are read by scripts/check-i18n.mjs: each value needs a
// `channel.X`, `urgency.X` or `rstatus.X` key.
export const CHANNELS = [
  'phone_hotline',
  'chat_app',
  'web_form',
  'walk_in',
  'overseas_call_back',
  'referral',
] as const;
export type Channel = (typeof CHANNELS)[number];

// In queue order: most urgent first.
export const URGENCIES = ['immediate_danger', 'urgent', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REPORT_STATUSES = ['open', 'assigned', 'linked'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportedPerson {
  name: string;
  approximate_age: number | null;
  child: boolean;
  gender: Gender;
  citizenship: string;
  description: string;
}

export interface Reporter {
  name: string;
  contact: string;
  relationship: string;
  anonymous: boolean;
}

export interface IntakeReport {
  id: number;
  version: number;
  channel: Channel;
  received_at: string;
  age_minutes: number;
  language: string;
  interpreter_used: boolean;
  persons: ReportedPerson[];
  people_count: number | null;
  location_country: string;
  location: string;
  what_happened: string;
  urgency: Urgency;
  status: ReportStatus;
  assigned_team: string;
  assigned_organisation_id: number | null;
  case_id: number | null;
  // null for those who may not see who reported.
  reporter: Reporter | null;
  // Given to a member of the public who reported through the web form.
  receipt: string | null;
}

export interface NewReport {
  channel: Channel;
  received_at?: number;  // ms since the epoch; absent: now
  language: string;
  interpreter_used: boolean;
  persons: Array<Partial<ReportedPerson>>;
  people_count?: number;
  location_country: string;
  location: string;
  what_happened: string;
  urgency: Urgency;
  reporter: Partial<Reporter>;
}

export interface PublicReport {
  what_happened: string;
  location: string;
  location_country?: string;
  who_is_at_risk: string;
  people_count?: number;
  children: boolean;
  urgency: Urgency;
  language: string;
  contact?: { name: string; details: string };
}

export interface PublicReceipt {
  receipt: string;
  received_at: string;
}

export const intakeApi = {
  queue: () => request<{ items: IntakeReport[] }>('GET', '/intake-reports'),
  get: (id: number) => request<IntakeReport>('GET', `/intake-reports/${id}`),
  take: (body: NewReport) => request<IntakeReport>('POST', '/intake-reports', body),
  assign: (id: number, body: { version: number; team: string; organisation_id?: number }) =>
    request<IntakeReport>('POST', `/intake-reports/${id}/assign`, body),
  link: (id: number, version: number, caseId: number) =>
    request<IntakeReport>('POST', `/intake-reports/${id}/link`, { version, case_id: caseId }),
  createCase: (id: number, body: { version: number; person: Person; assignee_id?: number }) =>
    request<{ report: IntakeReport; case: Case }>('POST', `/intake-reports/${id}/create-case`, body),
  sendPublic: (body: PublicReport) => request<PublicReceipt>('POST', '/public/reports', body),
};
