// Pieces shared by the family tracing screens: the status and decision
// badges, the sought person's name, the table of requests, and a matching
// engine's reason said in words.
import { countryName, formatDate, personName } from '../../format';
import { useI18n, type T } from '../../i18n';
import { href } from '../../router';
import type { MatchReason, TracingDecision, TracingRequest, TracingStatus } from '../../tracingApi';
import './tracing.css';

export function StatusBadge({ status }: { status: TracingStatus }) {
  const { t } = useI18n();
  return <span class={`badge badge--${status}`}>{t(`tracing_status.${status}`)}</span>;
}

export function DecisionBadge({ decision }: { decision: TracingDecision }) {
  const { t } = useI18n();
  return <span class={`badge badge--tr-${decision}`}>{t(`tracing_decision.${decision}`)}</span>;
}

// How much a reason counts, from the engine's weight (log2 of a likelihood
// ratio): a strong sign for, a sign for, no real difference, or a sign against.
export function weightText(t: T, weight: number): string {
  if (weight >= 4) return t('tracing.weight_strong_for');
  if (weight > 0.5) return t('tracing.weight_for');
  if (weight >= -0.5) return t('tracing.weight_neutral');
  return t('tracing.weight_against');
}

// "Name: the same once written in Latin letters — a strong sign it is the same person".
export function reasonText(t: T, r: MatchReason): string {
  return t('tracing.reason', {
    field: t(`tracing_field.${r.field}`),
    level: t(`tracing_level.${r.level}`),
    weight: weightText(t, r.weight),
  });
}

export function RequestTable({ items }: { items: TracingRequest[] }) {
  const { t, tag } = useI18n();
  return (
    <table class="cases tracing-requests">
      <caption class="visually-hidden">{t('tracing.table_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tracing.col_request')}</th>
          <th scope="col">{t('tracing.col_sought')}</th>
          <th scope="col">{t('tracing.col_officer')}</th>
          <th scope="col">{t('tracing.col_status')}</th>
          <th scope="col">{t('tracing.col_filed')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-tracing-id={r.id}>
            <td data-label={t('tracing.col_request')}>
              <a href={href(`/tracing/${r.id}`)}>{t('tracing.request_no', { id: r.id })}</a>
            </td>
            <td data-label={t('tracing.col_sought')}>
              <span dir="auto">{personName(r.sought.person)}</span>
              {r.sought.person.citizenship.length ? (
                <div class="muted small">{r.sought.person.citizenship.map((c) => countryName(c, tag)).join(', ')}</div>
              ) : null}
            </td>
            <td data-label={t('tracing.col_officer')} dir="auto">
              {r.officer.display_name}
            </td>
            <td data-label={t('tracing.col_status')}>
              <StatusBadge status={r.status} />
            </td>
            <td data-label={t('tracing.col_filed')}>{formatDate(r.created_at.slice(0, 10), tag)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
