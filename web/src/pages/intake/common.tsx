// Shared by the intake screens: who works the duty queue, ages and urgency
// badges.
import type { Role } from '../../api';
import type { Urgency } from '../../intakeApi';
import { useI18n } from '../../i18n';
import './intake.css';

// The roles the server lets work intake (AuthorizeIntake in
// src/service/policy.cc): hotline operators, case workers and supervisors.
export function worksIntake(role: Role): boolean {
  return role === 'hotline_operator' || role === 'case_worker' || role === 'supervisor';
}

// Only supervisors assign a mobile team or an agency.
export function assignsReports(role: Role): boolean {
  return role === 'supervisor';
}

// "12 min. ago", "3 hr. ago", "yesterday", in the interface language.
export function relativeAge(minutes: number, tag: string): string {
  const m = Math.max(0, Math.round(minutes));
  let value = m;
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  if (m >= 48 * 60) {
    value = Math.floor(m / (24 * 60));
    unit = 'day';
  } else if (m >= 60) {
    value = Math.floor(m / 60);
    unit = 'hour';
  }
  try {
    return new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'short' }).format(-value, unit);
  } catch {
    return new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' }).format(-value, unit);
  }
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useI18n();
  return <span class={`badge badge--urgency-${urgency}`}>{t(`urgency.${urgency}`)}</span>;
}

// At most `max` characters of free text, cut at a space where possible.
export function shorten(text: string, max = 140): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
