// The duty queue (#/intake): the organisation's reports not yet linked to a
// case, most urgent first, then oldest, as the API orders them. Refreshes
// itself every 15 seconds while the page is visible.
import { useEffect, useState } from 'preact/hooks';
import type { Organisation } from '../../api';
import { Alert } from '../../components/Field';
import { errorMessage } from '../../errors';
import { takeFlash } from '../../flash';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { intakeApi, type IntakeReport } from '../../intakeApi';
import { href } from '../../router';
import { loadOrganisations, useUser } from '../../session';
import { UrgencyBadge, relativeAge, shorten, worksIntake } from './common';

const REFRESH_MS = 15000;

type State =
  | { kind: 'loading' }
  | { kind: 'error'; err: unknown; last: IntakeReport[] | null }
  | { kind: 'ready'; items: IntakeReport[]; at: Date };

export function DutyQueue() {
  const { t, tag } = useI18n();
  const user = useUser();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [notice] = useState<string | null>(() => takeFlash());
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadOrganisations().then((o) => live && setOrgs(o), () => {});
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!worksIntake(user.role)) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      clearTimeout(timer);
      intakeApi.queue().then(
        (r) => live && setState({ kind: 'ready', items: Array.isArray(r.items) ? r.items : [], at: new Date() }),
        (err) =>
          live && setState((s) => ({ kind: 'error', err, last: s.kind === 'ready' ? s.items : s.kind === 'error' ? s.last : null })),
      ).finally(() => {
        // Only while someone can see it: a hidden tab does not poll.
        if (live && document.visibilityState === 'visible') timer = setTimeout(load, REFRESH_MS);
      });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') load();
      else clearTimeout(timer);
    };
    load();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [attempt, user.id]);

  if (!worksIntake(user.role)) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('intake.queue_title')}
        </h1>
        <p>{t('intake.not_allowed')}</p>
      </section>
    );
  }

  const items = state.kind === 'ready' ? state.items : state.kind === 'error' ? state.last : null;
  const orgName = (id: number | null) => orgs.find((o) => o.id === id)?.name ?? (id ? `#${id}` : '');

  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {t('intake.queue_title')}
        </h1>
        <a class="button primary" href={href('/intake/new')}>
          {t('intake.new_report')}
        </a>
      </div>
      <p class="lead">{t('intake.queue_intro')}</p>
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      {state.kind === 'error' ? (
        <Alert kind="error">
          {errorMessage(t, state.err)}{' '}
          <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : null}
      <p class="summary">
        {state.kind === 'loading'
          ? t('common.loading')
          : items && items.length === 0
            ? t('intake.queue_empty')
            : state.kind === 'ready'
              ? t('intake.queue_updated', { time: formatDateTime(state.at.toISOString(), tag) })
              : ''}
      </p>
      {items && items.length > 0 ? (
        <table class="cases intake-queue">
          <caption class="visually-hidden">{t('intake.queue_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intake.col_urgency')}</th>
              <th scope="col">{t('intake.col_age')}</th>
              <th scope="col">{t('intake.col_channel')}</th>
              <th scope="col">{t('intake.col_summary')}</th>
              <th scope="col">{t('intake.col_assignment')}</th>
              <th scope="col">{t('intake.col_case')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} class={`report-row report-row--${r.urgency}`} data-report-id={r.id}>
                <td data-label={t('intake.col_urgency')}>
                  <UrgencyBadge urgency={r.urgency} />
                </td>
                <td data-label={t('intake.col_age')}>
                  <time dateTime={r.received_at} title={formatDateTime(r.received_at, tag)}>
                    {relativeAge(r.age_minutes, tag)}
                  </time>
                </td>
                <td data-label={t('intake.col_channel')}>{t(`channel.${r.channel}`)}</td>
                <td data-label={t('intake.col_summary')}>
                  <a href={href(`/intake/${r.id}`)} dir="auto">
                    {shorten(r.what_happened) || t('intake.open_report')}
                  </a>
                  <div class="muted small">
                    {t('intake.persons_count', { count: r.people_count ?? r.persons.length })}
                    {r.persons.some((p) => p.child) ? ` · ${t('intake.children_flag')}` : ''}
                  </div>
                </td>
                <td data-label={t('intake.col_assignment')}>
                  {r.assigned_team || r.assigned_organisation_id ? (
                    <span dir="auto">
                      {[r.assigned_team, orgName(r.assigned_organisation_id)].filter(Boolean).join(' · ')}
                    </span>
                  ) : (
                    <span class="muted">{t('intake.unassigned')}</span>
                  )}
                </td>
                <td data-label={t('intake.col_case')}>
                  {r.case_id ? (
                    <a href={href(`/cases/${r.case_id}`)}>{t('intake.open_case')}</a>
                  ) : (
                    <span class="muted">{t('intake.no_case')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
