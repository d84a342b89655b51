// Pieces shared by the family tracing screens: the status and decision
// badges, a person's facts, the table of requests.
import { countryName, formatDate, personName } from '../../format';
import { useI18n } from '../../i18n';
import type { Person } from '../../api';
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

// A person's gender, birth date or stated age, and citizenship, as items of
// a <dl class="facts">: the sought person and each candidate case's person.
export function PersonFacts({ p }: { p: Pick<Person, 'gender' | 'birth_date' | 'approximate_age' | 'citizenship'> }) {
  const { t, tag } = useI18n();
  return (
    <>
      <div>
        <dt>{t('person.gender')}</dt>
        <dd>{t(`gender.${p.gender}`)}</dd>
      </div>
      {p.birth_date ? (
        <div>
          <dt>{t('person.birth_date')}</dt>
          <dd>{formatDate(p.birth_date, tag)}</dd>
        </div>
      ) : null}
      {p.approximate_age != null ? (
        <div>
          <dt>{t('person.approximate_age')}</dt>
          <dd>{String(p.approximate_age)}</dd>
        </div>
      ) : null}
      {p.citizenship.length ? (
        <div>
          <dt>{t('person.citizenship')}</dt>
          <dd>{p.citizenship.map((c) => countryName(c, tag)).join(', ')}</dd>
        </div>
      ) : null}
    </>
  );
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
