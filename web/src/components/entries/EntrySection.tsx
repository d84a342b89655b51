// One kind of entry on a case tab: its records and a form to add one. A kind
// the case has at most one of (`multiple: false`, the victim context) is one
// record, edited in place, or its form when there is none yet.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { entriesApi, type Entry } from '../../entriesApi';
import { useI18n } from '../../i18n';
import { Alert } from '../Field';
import { emptyDraft, formLabel } from './draft';
import { findForm, type EntryEnv } from './env';
import { EntryCard } from './EntryCard';
import { EntryForm } from './EntryForm';

interface Props {
  kind: string;
  env: EntryEnv;
  intro?: string;
  // Which entries the list shows (default: all of the kind), in which order
  // (default: newest first, as the other case tabs).
  show?: (entries: Entry[]) => Entry[];
  badges?: (e: Entry) => ComponentChildren;
  below?: (e: Entry) => ComponentChildren; // shown inside an entry's card
  before?: ComponentChildren; // shown under the heading (e.g. why a new record would be refused)
  empty?: string | null; // said when the list is empty (null: nothing; default "None recorded yet.")
}

export function EntrySection({ kind, env, intro, show, badges, below, before, empty }: Props) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const form = findForm(env, kind);
  if (!form) return null; // a server without this kind: nothing to show

  const what = formLabel(t, kind);
  const titleId = `${kind}-title`;
  const own = env.entries.filter((e) => e.kind === kind);
  const listed = show ? show(own) : own.slice().reverse();

  const add = (
    <EntryForm
      form={form}
      env={env}
      initial={emptyDraft(form)}
      idPrefix={`${kind}-new`}
      title={form.multiple ? t('entries.add_title', { what }) : t('entries.record_title', { what })}
      submitLabel={form.multiple ? t('entries.add') : t('entries.save')}
      clearAfterSave
      onSave={async (fields) => {
        env.saved(await entriesApi.create(env.kase.id, kind, fields));
        setAdding(false);
        setNotice('entries.added');
      }}
      onCancel={form.multiple ? () => setAdding(false) : undefined}
    />
  );

  const list =
    listed.length === 0 ? (
      form.multiple && empty !== null ? (
        <p class="muted">{empty ?? t('entries.none')}</p>
      ) : null
    ) : (
      <ol class={`records entries entries--${kind}`} aria-labelledby={titleId}>
        {listed.map((e) => (
          <EntryCard key={e.id} form={form} env={env} entry={e} badges={badges?.(e)}>
            {below?.(e)}
          </EntryCard>
        ))}
      </ol>
    );

  return (
    <section class="entry-section" aria-labelledby={titleId} data-kind={kind}>
      <h3 id={titleId}>{what}</h3>
      {intro ? <p class="hint">{intro}</p> : null}
      {before}
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      {list}
      {!env.mayChange ? (
        !form.multiple && listed.length === 0 ? (
          <p class="muted">{t('entries.none')}</p>
        ) : null
      ) : !form.multiple ? (
        listed.length === 0 ? (
          add
        ) : null
      ) : adding ? (
        add
      ) : (
        <div class="actions">
          <button
            type="button"
            onClick={() => {
              setNotice(null);
              setAdding(true);
              // Keyboard and screen reader users land on the form they opened.
              setTimeout(() => document.getElementById(`${kind}-new-title`)?.focus(), 0);
            }}
          >
            {t('entries.add_button', { what })}
          </button>
        </div>
      )}
    </section>
  );
}
