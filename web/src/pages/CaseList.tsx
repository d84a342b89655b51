import { useEffect, useState } from 'preact/hooks';
import { api, type CaseStatus, type CaseSummary, type Page } from '../api';
import { Alert, Field } from '../components/Field';
import { errorMessage } from '../errors';
import { formatDateTime, formatNumber, personName } from '../format';
import { useI18n } from '../i18n';
import { worksCases } from '../permissions';
import { href, navigate, type Route } from '../router';
import { useUser } from '../session';

export const PAGE_SIZE = 20;

type StatusFilter = CaseStatus | 'all';
type AssigneeFilter = 'me' | 'any';

interface Filters {
  status: StatusFilter;
  assignee: AssigneeFilter;
  page: number;
}

function readFilters(q: URLSearchParams): Filters {
  const s = q.get('status');
  const a = q.get('assignee');
  const p = Number.parseInt(q.get('page') ?? '1', 10);
  return {
    status: s === 'closed' || s === 'all' ? s : 'open',
    assignee: a === 'me' ? 'me' : 'any',
    page: Number.isFinite(p) && p > 0 ? p : 1,
  };
}

function listHref(f: Filters): string {
  return href('/cases', {
    status: f.status === 'open' ? undefined : f.status,
    assignee: f.assignee === 'any' ? undefined : f.assignee,
    page: f.page === 1 ? undefined : f.page,
  });
}

type State =
  | { kind: 'loading' }
  | { kind: 'error'; err: unknown }
  | { kind: 'ready'; data: Page<CaseSummary> };

export function CaseList({ route }: { route: Route }) {
  const { t, tag } = useI18n();
  const user = useUser();
  const filters = readFilters(route.query);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = `${filters.status}|${filters.assignee}|${filters.page}`;

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    api
      .listCases({
        status: filters.status === 'all' ? undefined : filters.status,
        assignee: filters.assignee === 'me' ? 'me' : undefined,
        page: filters.page,
        page_size: PAGE_SIZE,
      })
      .then(
        (data) => live && setState({ kind: 'ready', data }),
        (err) => live && setState({ kind: 'error', err }),
      );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const setFilter = (patch: Partial<Filters>) => navigate(listHref({ ...filters, ...patch, page: 1 }));

  const data = state.kind === 'ready' ? state.data : null;
  const pageSize = data?.page_size || PAGE_SIZE;
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const from = data && data.items.length ? (data.page - 1) * pageSize + 1 : 0;
  const to = data ? from + data.items.length - Math.min(1, data.items.length) : 0;

  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {t('cases.title')}
        </h1>
        {worksCases(user.role) ? (
          <a class="button primary" href={href('/cases/new')}>
            {t('cases.new')}
          </a>
        ) : null}
      </div>

      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('cases.filters')}>
        <Field name="filter-status" label={t('cases.filter_status')}>
          {(c) => (
            <select
              {...c}
              value={filters.status}
              onChange={(e) => setFilter({ status: e.currentTarget.value as StatusFilter })}
            >
              <option value="open">{t('status.open')}</option>
              <option value="closed">{t('status.closed')}</option>
              <option value="all">{t('cases.filter_status_all')}</option>
            </select>
          )}
        </Field>
        <Field name="filter-assignee" label={t('cases.filter_assignee')}>
          {(c) => (
            <select
              {...c}
              value={filters.assignee}
              onChange={(e) => setFilter({ assignee: e.currentTarget.value as AssigneeFilter })}
            >
              <option value="any">{t('cases.filter_assignee_any')}</option>
              <option value="me">{t('cases.filter_assignee_me')}</option>
            </select>
          )}
        </Field>
      </form>

      <p class="summary" role="status">
        {state.kind === 'loading'
          ? t('common.loading')
          : data
            ? data.total === 0
              ? t('cases.empty')
              : data.items.length === 0
                ? t('cases.page_empty')
                : t('cases.showing', {
                  from: formatNumber(from, tag),
                  to: formatNumber(to, tag),
                  total: formatNumber(data.total, tag),
                })
            : ''}
      </p>

      {state.kind === 'error' ? (
        <Alert kind="error">
          {errorMessage(t, state.err)}{' '}
          <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : null}

      {data && data.items.length > 0 ? (
        <table class="cases">
          <caption class="visually-hidden">{t('cases.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.col_reference')}</th>
              <th scope="col">{t('cases.col_person')}</th>
              <th scope="col">{t('cases.col_status')}</th>
              <th scope="col">{t('cases.col_assignee')}</th>
              <th scope="col">{t('cases.col_updated')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => {
              const name = personName(c.person ?? {});
              return (
                <tr key={c.id}>
                  <td data-label={t('cases.col_reference')}>
                    <a class="ref" href={href(`/cases/${c.id}`)}>
                      {c.reference}
                    </a>
                  </td>
                  <td data-label={t('cases.col_person')}>
                    {name ? (
                      <span class="person-name" dir="auto">
                        {name}
                      </span>
                    ) : (
                      <span class="muted">{t('case.no_name')}</span>
                    )}
                  </td>
                  <td data-label={t('cases.col_status')}>
                    <span class={`badge badge--${c.status}`}>{t(`status.${c.status}`)}</span>
                  </td>
                  <td data-label={t('cases.col_assignee')}>
                    {c.assignee ? (
                      <span dir="auto">{c.assignee.display_name}</span>
                    ) : (
                      <span class="muted">{t('case.unassigned')}</span>
                    )}
                  </td>
                  <td data-label={t('cases.col_updated')}>
                    <time dateTime={c.updated_at}>{formatDateTime(c.updated_at, tag)}</time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      {data && (pages > 1 || data.page > 1) ? (
        <nav class="pager" aria-label={t('pager.label')}>
          {data.page > 1 ? (
            <a class="button" rel="prev" href={listHref({ ...filters, page: data.page - 1 })}>
              {t('pager.previous')}
            </a>
          ) : (
            <span class="button" aria-disabled="true">
              {t('pager.previous')}
            </span>
          )}
          <span class="pager-pos">
            {t('pager.position', { page: formatNumber(data.page, tag), pages: formatNumber(pages, tag) })}
          </span>
          {data.page < pages ? (
            <a class="button" rel="next" href={listHref({ ...filters, page: data.page + 1 })}>
              {t('pager.next')}
            </a>
          ) : (
            <span class="button" aria-disabled="true">
              {t('pager.next')}
            </span>
          )}
        </nav>
      ) : null}
    </section>
  );
}
