// The frame of a case tab made of entry sections: loads the forms and the
// case's entries once, shows loading and errors, the heading and intro, and
// hands the loaded data to the sections.
import type { ComponentChildren } from 'preact';
import type { Case } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useUser } from '../../session';
import { Alert } from '../Field';
import { useEntryEnv, type EntryEnv } from './env';

interface Props {
  kase: Case;
  mayChange: boolean;
  kinds: readonly string[];
  id: string; // the heading's id
  title: string;
  intro: string;
  children: (env: EntryEnv) => ComponentChildren;
}

export function EntriesTab({ kase, mayChange, kinds, id, title, intro, children }: Props) {
  const { t } = useI18n();
  const me = useUser();
  const { state, retry } = useEntryEnv(kase, me, mayChange, kinds);
  return (
    <section class="tab-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p class="lead">{intro}</p>
      {mayChange ? null : <p class="note">{t('casework.readonly')}</p>}
      {state.kind === 'loading' ? (
        <p role="status">{t('common.loading')}</p>
      ) : state.kind === 'error' ? (
        <Alert kind="error">
          {errorMessage(t, state.err)}{' '}
          <button type="button" class="link" onClick={retry}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : (
        children(state.env)
      )}
    </section>
  );
}
