// Client for legal payments (src/http/legal_routes.cc): recorded against a
// claim of a case and listed through the case; confirmed as received by the
// partner organisation through its "payments to confirm" list, which shows
// nothing of the case. The proceedings, claims, hearings, witness record and
// deadlines themselves are case entries (entriesApi.ts). The enumerations
// below are read by scripts/check-i18n.mjs, which checks each value's label.
import { request, type UserRef } from './api';

export const PAYMENT_CHANNELS = ['embassy', 'bank', 'partner_organisation'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const PAYMENT_STATES = ['awaiting_confirmation', 'confirmed'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

// The legal entry kinds, in the order the Legal tab shows them.
export const LEGAL_KINDS = ['criminal_proceeding', 'hearing', 'claim', 'witness', 'legal_deadline'] as const;

export interface PaymentOrg {
  id: number;
  name: string;
  country: string;
}

export interface Payment {
  id: number;
  version: number;
  channel: PaymentChannel;
  amount: number; // minor units of `currency`
  currency: string;
  minor_digits: number;
  sent_on: string;
  reference: string;
  handover_note: string;
  state: PaymentState;
  from_organisation: PaymentOrg;
  confirming_organisation: PaymentOrg;
  confirmation: { received_on: string; note: string; by: UserRef; at: string } | null;
  // The case's side only:
  case_id?: number;
  claim_id?: number;
  created_at?: string;
  created_by?: UserRef;
}

export interface NewPayment {
  claim_id: number;
  channel: PaymentChannel;
  amount: number;
  currency: string;
  sent_on: string;
  confirming_organisation_id: number;
  reference: string;
  handover_note: string;
}

const items = (r: { items: Payment[] }) => (Array.isArray(r.items) ? r.items : []);

export const legalApi = {
  casePayments: (caseId: number) => request<{ items: Payment[] }>('GET', `/cases/${caseId}/payments`).then(items),
  recordPayment: (caseId: number, p: NewPayment) => request<Payment>('POST', `/cases/${caseId}/payments`, p),
  toConfirm: (state: PaymentState) =>
    request<{ items: Payment[] }>('GET', `/payments/to-confirm?state=${encodeURIComponent(state)}`).then(items),
  confirm: (id: number, version: number, receivedOn: string, note: string) =>
    request<Payment>('POST', `/payments/${id}/confirmation`, { version, received_on: receivedOn, note }),
};
