// The repatriation on a referral's page, for a referral that asks for it:
// its progress and a link once it has started; before that, a button to
// start it (either side, once the referral is accepted), or why it cannot yet.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert } from '../../components/Field';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { actsOnRepatriations } from '../../permissions';
import type { Referral } from '../../referralsApi';
import { repatriationsApi, type Repatriation } from '../../repatriationApi';
import { href, navigate } from '../../router';
import { useUser } from '../../session';
import { English, LoadError, useLoaded } from '../casework/common';
import { RepatriationBadge } from './common';

const STARTABLE = new Set(['accepted', 'in_progress']);

// The referral's repatriation, or null when none has started.
async function ofReferral(id: number): Promise<Repatriation | null> {
  try {
    return await repatriationsApi.ofReferral(id);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'not_found') return null;
    throw err;
  }
}

export function RepatriationPanel({ referral }: { referral: Referral }) {
  const { t } = useI18n();
  const user = useUser();
  const { state, retry } = useLoaded(() => ofReferral(referral.id), [referral.id, referral.status]);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);

  const start = async () => {
    setBusy(true);
    setErr(null);
    try {
      const r = await repatriationsApi.start(referral.id);
      navigate(href(`/repatriations/${r.id}`));
    } catch (ex) {
      setErr(ex);
      if (ex instanceof ApiError && ex.code === 'already_exists') retry();
    }
    setBusy(false);
  };

  let body;
  if (state.kind === 'loading') body = <p role="status">{t('common.loading')}</p>;
  else if (state.kind === 'error') body = <LoadError err={state.err} onRetry={retry} />;
  else if (state.value) {
    const r = state.value;
    body = (
      <>
        <p>
          <RepatriationBadge status={r.status} />{' '}
          {t('repatriation.progress_value', { done: r.steps_done, total: r.steps_total })}
          {r.steps_overdue ? ` · ${t('repatriation.overdue_count', { count: r.steps_overdue })}` : ''}
        </p>
        <p>
          <a href={href(`/repatriations/${r.id}`)}>{t('repatriation.open')}</a>
        </p>
      </>
    );
  } else if (!STARTABLE.has(referral.status)) {
    body = <p>{t('repatriation.starts_after_accept')}</p>;
  } else if (!actsOnRepatriations(user.role)) {
    body = <p>{t('repatriation.not_started')}</p>;
  } else {
    body = (
      <>
        <p>{t('repatriation.start_intro')}</p>
        {err ? (
          <Alert kind="error">
            {errorMessage(t, err)}{' '}
            {err instanceof ApiError && err.detail ? <English text={err.detail} as="span" /> : null}
          </Alert>
        ) : null}
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void start()}>
            {busy ? t('common.saving') : t('repatriation.start')}
          </button>
        </div>
      </>
    );
  }
  return (
    <section aria-labelledby="repatriation-panel-title" class="card">
      <h2 id="repatriation-panel-title">{t('repatriation.panel_title')}</h2>
      {body}
    </section>
  );
}
