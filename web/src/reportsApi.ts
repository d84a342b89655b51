// Client for the secretariat's referral report (docs/api/openapi.yaml,
// "Reports"). A count is a number or the suppression mark ("<11"); a median
// is null when hidden or when there is none.
import { request } from './api';

export type Cell = number | string;

export interface ReportCounts {
  sent: Cell;
  accepted: Cell;
  declined: Cell;
  completed: Cell;
  overdue: Cell;
  median_hours_to_accept: number | null;
  median_hours_to_complete: number | null;
}

export interface ReportGroup extends ReportCounts {
  key: string;
  label: string;
  country?: string;
}

export interface ReferralReport {
  period: { from: string; to: string };
  threshold: number;
  suppressed_as: string;
  total: ReportCounts;
  by_country_pair: ReportGroup[];
  by_service: ReportGroup[];
  by_sending_organisation: ReportGroup[];
  by_receiving_organisation: ReportGroup[];
  // Repatriations completed in the period; the median (days) is null when hidden or none.
  repatriations?: { completed: Cell; median_days: number | null };
}

// Read by scripts/check-i18n.mjs: each needs a `report_count.X` key.
export const COUNT_COLUMNS = ['sent', 'accepted', 'declined', 'completed', 'overdue'] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

export interface ReportQuery {
  from: string;
  to: string;
  threshold?: number;
}

function params(q: ReportQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.threshold !== undefined && q.threshold !== 11) p.set('threshold', String(q.threshold));
  return p.toString();
}

// The CSV export of the same report, under the app's own base address.
export function csvHref(q: ReportQuery): string {
  return `${new URL('api/v1/reports/referrals.csv', document.baseURI).pathname}?${params(q)}`;
}

export const reportsApi = {
  referrals: (q: ReportQuery) => request<ReferralReport>('GET', `/reports/referrals?${params(q)}`),
};
