// A search page whose criteria live in the address (#/library?kind=sop&...),
// so that a search can be linked and the back button works: the form's draft,
// the answer for the address's criteria, and the line that says how it went.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../errors';
import { useI18n } from '../i18n';
import { href, navigate, type Route } from '../router';
import { Alert } from './Field';

export type Found<V> = { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; value: V };

type Criteria<K extends string> = Partial<Record<K, string>> & { q?: string };

// Searches with the criteria named `keys` in the address of `route` whenever
// they change; `submit` puts the form's criteria (free words trimmed) into
// the address of `path`, and `retry` searches again.
export function useAddressSearch<K extends string, Q extends Criteria<K>, V>(
  route: Route,
  path: string,
  keys: readonly K[],
  search: (query: Q) => Promise<V>,
) {
  const query: Record<string, string> = {};
  for (const k of keys) query[k] = route.query.get(k) ?? '';
  const key = keys.map((k) => query[k]).join('|');
  const [form, setForm] = useState<Q>(query as Q);
  const [state, setState] = useState<Found<V>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setForm(query as Q);
    let live = true;
    setState({ kind: 'loading' });
    search(query as Q).then(
      (value) => live && setState({ kind: 'ready', value }),
      (err) => live && setState({ kind: 'error', err }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  return {
    form,
    state,
    set: (k: K) => (v: string) => setForm((f) => ({ ...f, [k]: v })),
    submit: (e: Event) => {
      e.preventDefault();
      navigate(href(path, { ...(form as Record<string, string | undefined>), q: form.q?.trim() }));
    },
    retry: () => setAttempt((n) => n + 1),
  };
}

// The error with a retry, if the search failed, and the status line: loading,
// or `count` of the answer.
export function SearchStatus<V>({ state, onRetry, count }: { state: Found<V>; onRetry: () => void; count: (v: V) => string }) {
  const { t } = useI18n();
  return (
    <>
      {state.kind === 'error' ? (
        <Alert kind="error">
          {errorMessage(t, state.err)}{' '}
          <button type="button" class="link" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : null}
      <p class="summary" role="status">
        {state.kind === 'loading' ? t('common.loading') : state.kind === 'ready' ? count(state.value) : ''}
      </p>
    </>
  );
}
