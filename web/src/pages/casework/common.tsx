// Pieces shared by the case page's casework tabs (consent, screening,
// identification): loading a list, showing load and save errors, and picking
// the interface language out of an indicator set's multilingual labels.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Label } from '../../api';
import { Alert } from '../../components/Field';
import { errorMessage, type SplitError } from '../../errors';
import type { LangCode, T } from '../../i18n';
import { useI18n } from '../../i18n';

export type Loaded<V> = { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; value: V };

// Loads `fetch()` when `deps` change; `retry` loads again, `update` replaces
// the value (after a create, without another round trip).
export function useLoaded<V>(fetch: () => Promise<V>, deps: unknown[]) {
  const [state, setState] = useState<Loaded<V>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    fetch().then(
      (value) => live && setState({ kind: 'ready', value }),
      (err) => live && setState({ kind: 'error', err }),
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt]);
  return {
    state,
    retry: () => setAttempt((n) => n + 1),
    update: (f: (v: V) => V) => setState((s) => (s.kind === 'ready' ? { kind: 'ready', value: f(s.value) } : s)),
  };
}

export function readyValue<V>(l: Loaded<V>): V | null {
  return l.kind === 'ready' ? l.value : null;
}

export function LoadError({ err, onRetry }: { err: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert kind="error">
      {errorMessage(t, err)}{' '}
      <button type="button" class="link" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </Alert>
  );
}

// "Loading…", the error with a retry, or the content.
export function WhenLoaded<V>({
  loaded,
  onRetry,
  children,
}: {
  loaded: Loaded<V>;
  onRetry: () => void;
  children: (v: V) => ComponentChildren;
}) {
  const { t } = useI18n();
  if (loaded.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (loaded.kind === 'error') return <LoadError err={loaded.err} onRetry={onRetry} />;
  return <>{children(loaded.value)}</>;
}

// The general (not field) part of a save error, with the server's detail.
export function generalText(t: T, split: SplitError | null): string | null {
  if (!split?.general) return null;
  return split.detail ? `${split.general} ${t('error.detail', { detail: split.detail })}` : split.general;
}

// A set's label in the interface language when the set has it, else English;
// `lang` is the language of the text returned (for the element's lang attribute).
export function pickLabel(label: Label | string | null | undefined, lang: LangCode): { text: string; lang: string } {
  if (!label) return { text: '', lang: 'en' };
  if (typeof label === 'string') return { text: label, lang: 'en' };
  const own = label[lang];
  if (own && own.trim()) return { text: own, lang: lang === 'zh' ? 'zh-Hans' : lang };
  return { text: label.en ?? '', lang: 'en' };
}

// Text in a set's language: marks English fallbacks so screen readers read them right.
export function Labelled({ label, class: cls }: { label: Label | string | null | undefined; class?: string }) {
  const { lang } = useI18n();
  const p = pickLabel(label, lang);
  return (
    <span class={cls} lang={p.lang}>
      {p.text}
    </span>
  );
}

// Server texts (explanations, reasons) come in English: shown as they are.
export function English({ text, as = 'p', class: cls }: { text: string; as?: 'p' | 'span'; class?: string }) {
  const Tag = as;
  return (
    <Tag class={cls} lang="en" dir="ltr">
      {text}
    </Tag>
  );
}
