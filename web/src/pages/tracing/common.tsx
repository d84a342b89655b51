// Pieces shared by the family tracing screens: the status and decision
// badges, the sought person's name, the table of requests.
import { countryName, formatDate, personName } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import type { TracingDecision, TracingRequest, TracingStatus } from '../../tracingApi';
import './tracing.css';

export function StatusBadge({ status }: { status: TracingStatus }) {
  const { t } = useI18n();
  return <span class={`badge badge--${status}`}>{t(`tracing_status.${status}`)}</span>;
}

export function DecisionBadge({ decision }: { decision: TracingDecision }) {
  const { t } = useI18n();
  return <span class={`badge badge--tr-${decision}`}>{t(`tracing_decision.${decision}`)}</span>;
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
