// The organisation's family tracing requests the reader may see
// (#/tracing?status=open|closed): a tracing officer sees those assigned to
// them, a supervisor all of the organisation's.
import { useI18n } from '../../i18n';
import { filesTracingRequests, tracesFamilies } from '../../permissions';
import { href, type Route } from '../../router';
import { useUser } from '../../session';
import { TRACING_STATUSES, tracingApi, type TracingStatus } from '../../tracingApi';
import { WhenLoaded, useLoaded } from '../casework/common';
import { RequestTable } from './common';

export function TracingList({ route }: { route: Route }) {
  const { t } = useI18n();
  const user = useUser();
  const asked = route.query.get('status');
  const status: TracingStatus = TRACING_STATUSES.find((s) => s === asked) ?? 'open';
  const allowed = tracesFamilies(user.role);
  const { state, retry } = useLoaded(() => (allowed ? tracingApi.list(status) : Promise.resolve([])), [status, allowed]);

  const heading = (
    <h1 id="page-title" tabIndex={-1}>
      {t('tracing.list_title')}
    </h1>
  );
  if (!allowed) {
    return (
      <section aria-labelledby="page-title">
        {heading}
        <p>{t('tracing.not_allowed')}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        {heading}
        {filesTracingRequests(user.role) ? (
          <a class="button primary" href={href('/tracing/new')}>
            {t('tracing.new_request')}
          </a>
        ) : null}
      </div>
      <p class="lead">{t('tracing.list_intro')}</p>
      <nav class="tabs" aria-label={t('tracing.tabs_label')}>
        <ul>
          {TRACING_STATUSES.map((s) => (
            <li key={s}>
              <a href={href('/tracing', { status: s })} aria-current={s === status ? 'page' : undefined}>
                {t(`tracing.tab_${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <WhenLoaded loaded={state} onRetry={retry}>
        {(items) =>
          items.length === 0 ? (
            <p class="summary">{t(`tracing.empty_${status}`)}</p>
          ) : (
            <>
              <p class="summary">{t('tracing.count', { count: items.length })}</p>
              <RequestTable items={items} />
            </>
          )
        }
      </WhenLoaded>
    </section>
  );
}
