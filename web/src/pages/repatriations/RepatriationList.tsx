// The organisation's repatriations (#/repatriations?status=active|completed),
// on either side: the flow, the other organisation, progress, the steps that
// can be worked on now (overdue ones marked), and when it started.
import { countryName, formatDate } from '../../format';
import { useI18n } from '../../i18n';
import { handlesRepatriations } from '../../permissions';
import { repatriationsApi, type RepatriationStatus } from '../../repatriationApi';
import { href, type Route } from '../../router';
import { useUser } from '../../session';
import { Labelled, WhenLoaded, useLoaded } from '../casework/common';
import { RepatriationBadge, SideText, StepOverdue } from './common';

const TABS = ['active', 'completed'] as const;

export function RepatriationList({ route }: { route: Route }) {
  const { t, tag } = useI18n();
  const user = useUser();
  const asked = route.query.get('status');
  const status: RepatriationStatus = TABS.find((s) => s === asked) ?? 'active';
  const allowed = handlesRepatriations(user.role);
  const { state, retry } = useLoaded(() => (allowed ? repatriationsApi.list(status) : Promise.resolve([])), [status, allowed]);

  const heading = (
    <h1 id="page-title" tabIndex={-1}>
      {t('repatriation.list_title')}
    </h1>
  );
  if (!allowed) {
    return (
      <section aria-labelledby="page-title">
        {heading}
        <p>{t('repatriation.not_allowed')}</p>
      </section>
    );
  }
  const labels = { active: t('repatriation.tab_active'), completed: t('repatriation.tab_completed') };
  return (
    <section aria-labelledby="page-title">
      {heading}
      <p class="lead">{t('repatriation.list_intro')}</p>
      <nav class="tabs" aria-label={t('repatriation.tabs_label')}>
        <ul>
          {TABS.map((s) => (
            <li key={s}>
              <a href={href('/repatriations', { status: s })} aria-current={s === status ? 'page' : undefined}>
                {labels[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{labels[status]}</h2>
      <WhenLoaded loaded={state} onRetry={retry}>
        {(items) =>
          items.length === 0 ? (
            <p class="summary">{status === 'active' ? t('repatriation.empty_active') : t('repatriation.empty_completed')}</p>
          ) : (
            <table class="cases repatriations">
              <caption class="visually-hidden">{labels[status]}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('repatriation.col_repatriation')}</th>
                  <th scope="col">{t('repatriation.col_other')}</th>
                  <th scope="col">{t('repatriation.col_side')}</th>
                  <th scope="col">{t('repatriation.col_progress')}</th>
                  <th scope="col">{t('repatriation.col_now')}</th>
                  <th scope="col">{t('repatriation.col_started')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => {
                  const other = r.side === 'destination' ? r.origin_organisation : r.destination_organisation;
                  return (
                    <tr key={r.id} data-repatriation-id={r.id}>
                      <td data-label={t('repatriation.col_repatriation')}>
                        <a href={href(`/repatriations/${r.id}`)}>{t('repatriation.title', { id: r.id })}</a>
                        <div class="muted small">
                          <Labelled label={r.flow.title} />
                        </div>
                      </td>
                      <td data-label={t('repatriation.col_other')}>
                        <span dir="auto">{other.name}</span>
                        <div class="muted small">{countryName(other.country, tag)}</div>
                      </td>
                      <td data-label={t('repatriation.col_side')}>
                        <SideText side={r.side} />
                      </td>
                      <td data-label={t('repatriation.col_progress')}>
                        <RepatriationBadge status={r.status} />{' '}
                        {t('repatriation.progress_value', { done: r.steps_done, total: r.steps_total })}
                      </td>
                      <td data-label={t('repatriation.col_now')}>
                        {(r.current_steps ?? []).map((s) => (
                          <div key={s.code}>
                            <Labelled label={s.title} />
                            {s.state === 'blocked' ? ` · ${t('rp_state.blocked')}` : ''}
                            {s.overdue ? <StepOverdue /> : null}
                          </div>
                        ))}
                      </td>
                      <td data-label={t('repatriation.col_started')}>{formatDate(r.started_on, tag)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </WhenLoaded>
    </section>
  );
}
