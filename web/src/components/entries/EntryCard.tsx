// One entry as a record card: its filled-in fields as label and value, who
// recorded and last changed it, and "Edit", which turns the card into its
// form (saved with the version it was read at, so a concurrent change is
// reported instead of overwritten).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { entriesApi, type CaseForm, type Entry } from '../../entriesApi';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { Alert } from '../Field';
import { entrySummary, valueText } from './display';
import { draftFromEntry, fieldLabel, formLabel } from './draft';
import type { EntryEnv } from './env';
import { EntryForm } from './EntryForm';

interface Props {
  form: CaseForm;
  env: EntryEnv;
  entry: Entry;
  badges?: ComponentChildren; // e.g. "Overdue", "Confidential"
  children?: ComponentChildren; // shown under the card (an objective's actions)
}

function Stamp({ entry }: { entry: Entry }) {
  const { t, tag } = useI18n();
  return (
    <p class="muted small">
      {t('entries.recorded_by', { when: formatDateTime(entry.created_at, tag), who: entry.created_by?.display_name ?? '' })}
      {entry.version > 1 && entry.updated_at !== entry.created_at ? (
        <>
          {' · '}
          {t('entries.changed_by', { when: formatDateTime(entry.updated_at, tag), who: entry.updated_by?.display_name ?? '' })}
        </>
      ) : null}
    </p>
  );
}

export function EntryCard({ form, env, entry, badges, children }: Props) {
  const { t, tag } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (entry.restricted || !entry.fields) {
    return (
      <li class="record record--restricted" data-id={entry.id} data-kind={entry.kind}>
        <div class="record-head">
          <strong class="record-title">{t('entries.confidential_note')}</strong>
        </div>
        <p class="muted">{t('entries.restricted_hint')}</p>
        <Stamp entry={entry} />
      </li>
    );
  }

  const fields = entry.fields;
  const idPrefix = `${entry.kind}-${entry.id}`;

  if (editing) {
    return (
      <li class="record" data-id={entry.id} data-kind={entry.kind}>
        <EntryForm
          form={form}
          env={env}
          initial={draftFromEntry(form, entry)}
          idPrefix={idPrefix}
          title={t('entries.edit_title', { what: formLabel(t, form.kind) })}
          submitLabel={t('entries.save')}
          onSave={async (values) => {
            const updated = await entriesApi.update(env.kase.id, entry.id, entry.version, values);
            env.saved(updated);
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
          onReloaded={() => setEditing(false)}
          inCard
        />
        {children}
      </li>
    );
  }

  return (
    <li class="record" data-id={entry.id} data-kind={entry.kind}>
      <div class="record-head">
        <strong class="record-title" dir="auto">
          {entrySummary(t, tag, env, entry)}
        </strong>
        {badges}
      </div>
      {saved ? <Alert kind="success">{t('entries.saved')}</Alert> : null}
      <dl class="facts facts--record">
        {form.fields.map((f) => {
          const v = fields[f.name];
          if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
          const long = f.type === 'text';
          return (
            <div key={f.name} class={long || f.type === 'choices' ? 'wide' : undefined}>
              <dt>{fieldLabel(t, form.kind, f.name)}</dt>
              <dd dir={f.type === 'line' || long ? 'auto' : undefined} class={long ? 'multiline' : undefined}>
                {valueText(t, tag, env, f, v, 0, fields)}
              </dd>
            </div>
          );
        })}
      </dl>
      <Stamp entry={entry} />
      {env.mayChange ? (
        <button
          type="button"
          class="small"
          aria-label={t('entries.edit_label', { what: entrySummary(t, tag, env, entry) })}
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t('entries.edit')}
        </button>
      ) : null}
      {children}
    </li>
  );
}
