// A page about one record loaded by id (#/referrals/42 and the like): the hook
// that loads it, telling "not found" apart from other errors, and what the
// page shows until the record is there.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { errorMessage } from '../errors';
import { useI18n } from '../i18n';
import { Alert } from './Field';

export type RecordLoad<V> = { kind: 'loading' } | { kind: 'not_found' } | { kind: 'error'; err: unknown } | { kind: 'ready'; value: V };

// Loads `get()` whenever `id` changes. `reload` loads again and says whether
// it worked; `onReady` runs after each successful load; `set` shows a record
// the server sent back (after a change) without another round trip.
export function useRecord<V>(get: () => Promise<V>, id: number, onReady?: () => void) {
  const [load, setLoad] = useState<RecordLoad<V>>({ kind: 'loading' });
  const reload = async () => {
    try {
      setLoad({ kind: 'ready', value: await get() });
      onReady?.();
      return true;
    } catch (err) {
      setLoad(err instanceof ApiError && err.code === 'not_found' ? { kind: 'not_found' } : { kind: 'error', err });
      return false;
    }
  };
  useEffect(() => {
    setLoad({ kind: 'loading' });
    void reload();
  }, [id]);
  return { load, reload, set: (value: V) => setLoad({ kind: 'ready', value }) };
}

// The page while the record is loading, not found (with `notFoundText` if
// given) or failed to load (with a retry).
export function RecordPending({
  load,
  back,
  title,
  notFoundTitle,
  notFoundText,
  onRetry,
}: {
  load: Exclude<RecordLoad<unknown>, { kind: 'ready' }>;
  back: ComponentChildren;
  title: string;
  notFoundTitle: string;
  notFoundText?: string;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="page-title">
      {back}
      <h1 id="page-title" tabIndex={-1}>
        {load.kind === 'not_found' ? notFoundTitle : title}
      </h1>
      {load.kind === 'not_found' ? (
        notFoundText ? (
          <p>{notFoundText}</p>
        ) : null
      ) : load.kind === 'error' ? (
        <Alert kind="error">
          {errorMessage(t, load.err)}{' '}
          <button type="button" class="link" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
    </section>
  );
}

// Someone else changed the record since the page read it: `message`, and a
// button that reads it again. With an `id`, the alert can take the focus.
export function ConflictAlert({
  id,
  message,
  reloadLabel,
  onReload,
}: {
  id?: string;
  message: string;
  reloadLabel: string;
  onReload: () => void;
}) {
  return (
    <div class="alert alert--error" role="alert" id={id} tabIndex={id ? -1 : undefined}>
      <p>{message}</p>
      <button type="button" class="primary" onClick={onReload}>
        {reloadLabel}
      </button>
    </div>
  );
}
