// Client for case entries (events, perpetrators, the support plan, notes,
// tasks, ...) and the forms that describe them (GET /api/v1/case-forms). The
// forms are data: the screens are drawn from them, so a field added on the
// server needs only its labels in the catalogue (i18n/<lang>/entries.json).
import { request, type UserRef } from './api';

export type FieldType =
  | 'line'
  | 'text'
  | 'date'
  | 'integer'
  | 'number'
  | 'bool'
  | 'choice'
  | 'choices'
  | 'country'
  | 'language'
  | 'user'
  | 'organisation'
  | 'entry'
  | 'currency' // ISO 4217 code
  | 'amount'; // whole minor units of the currency in `currency_field`

export interface FormField {
  name: string;
  type: FieldType;
  required: boolean;
  list?: string; // choice, choices: the picklist's name (for `pick.<list>.<value>` labels)
  options?: string[]; // choice, choices
  min?: number; // integer, number
  max?: number; // integer, number: largest value; line, text: characters
  ref_kind?: string; // entry
  currency_field?: string; // amount: the currency field it is counted in
  currencies?: Array<{ code: string; minor_digits: number }>; // currency: the codes accepted
}

export interface CaseForm {
  kind: string;
  multiple: boolean;
  requires_consent?: string; // a consent purpose, e.g. follow_up_contact
  fields: FormField[];
  date_orders?: Array<{ from: string; to: string }>;
  pairs?: Array<{ first: string; second: string }>;
  either?: Array<{ first: string; second: string }>; // at least one of the two
}

export type FieldValue = string | number | boolean | string[];
export type EntryFields = Record<string, FieldValue>;

export interface Entry {
  id: number;
  case_id: number;
  kind: string;
  version: number;
  fields?: EntryFields; // absent when `restricted`
  restricted: boolean; // a confidential note the caller may not read
  created_at: string;
  created_by: UserRef;
  updated_at: string;
  updated_by: UserRef;
}

export interface MyTask {
  entry: Entry;
  due_on?: string | null; // the entry's due date, whichever field holds it
  case_id: number;
  case_reference: string;
  overdue: boolean;
}

let formsPromise: Promise<CaseForm[]> | null = null;

export const entriesApi = {
  // The forms never change while the server runs: fetched once per page load
  // (a failure is forgotten so the next screen tries again).
  forms: (): Promise<CaseForm[]> => {
    if (!formsPromise) {
      const p = request<{ forms: CaseForm[] }>('GET', '/case-forms').then((r) =>
        Array.isArray(r.forms) ? r.forms : [],
      );
      p.catch(() => {
        if (formsPromise === p) formsPromise = null;
      });
      formsPromise = p;
    }
    return formsPromise;
  },
  list: (caseId: number, kind?: string) =>
    request<{ entries: Entry[] }>(
      'GET',
      `/cases/${caseId}/entries${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`,
    ).then((r) => (Array.isArray(r.entries) ? r.entries : [])),
  create: (caseId: number, kind: string, fields: EntryFields) =>
    request<Entry>('POST', `/cases/${caseId}/entries`, { kind, fields }),
  update: (caseId: number, entryId: number, version: number, fields: EntryFields) =>
    request<Entry>('PUT', `/cases/${caseId}/entries/${entryId}`, { version, fields }),
  myTasks: () =>
    request<{ tasks: MyTask[] }>('GET', '/me/tasks').then((r) => (Array.isArray(r.tasks) ? r.tasks : [])),
};
