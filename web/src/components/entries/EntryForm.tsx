// A form drawn from a case form: one input per field, checked like the server
// checks it, with the server's own refusal shown next to the field it names.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import type { CaseForm, EntryFields, FormField } from '../../entriesApi';
import { splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { useI18n, type T } from '../../i18n';
import { href } from '../../router';
import { Alert } from '../Field';
import { emptyDraft, validateDraft, type Draft } from './draft';
import type { EntryEnv } from './env';
import { FieldInput } from './FieldInput';

interface Props {
  form: CaseForm;
  env: EntryEnv;
  initial: Draft;
  idPrefix: string; // makes input ids unique when several forms are on the page
  title: string;
  submitLabel: string;
  onSave: (fields: EntryFields) => Promise<void>;
  onCancel?: () => void;
  // After "Reload" on a conflict: an edit form closes, so the change is made
  // again on the fresh record instead of overwriting it with stale values.
  onReloaded?: () => void;
  clearAfterSave?: boolean;
  inCard?: boolean; // already inside a record card: no frame of its own
}

// Short inputs sit side by side; texts and check box groups take the whole width.
const isWide = (f: FormField) => f.type === 'text' || f.type === 'choices' || (f.type === 'choice' && f.required && (f.options?.length ?? 0) <= 4);

function withDetail(t: T, text: string, detail: string): string {
  return detail ? `${text} ${t('error.detail', { detail })}` : text;
}

// Why a save failed, in words that say what to do next.
function SaveProblem({ err, form, env, onReloaded }: { err: unknown; form: CaseForm; env: EntryEnv; onReloaded?: () => void }) {
  const { t } = useI18n();
  const detail = err instanceof ApiError ? err.detail : '';
  const code = err instanceof ApiError ? err.code : null;
  const reload = (
    <button
      type="button"
      class="link"
      onClick={async () => {
        await env.reload();
        onReloaded?.();
      }}
    >
      {t('entries.reload')}
    </button>
  );
  if (code === 'conflict')
    return (
      <Alert kind="error">
        {t('entries.conflict')} {reload}
      </Alert>
    );
  if (code === 'already_exists')
    return (
      <Alert kind="error">
        {t('entries.already_exists', { what: t(`form.${form.kind}`) })} {reload}
      </Alert>
    );
  if (code === 'failed_precondition' && form.requires_consent)
    return (
      <Alert kind="error">
        <p>{t('entries.needs_consent', { purpose: t(`purpose.${form.requires_consent}`) })}</p>
        {detail ? (
          <p lang="en" dir="ltr">
            {detail}
          </p>
        ) : null}
        <p>
          <a href={href(`/cases/${env.kase.id}/consent`)}>{t('entries.go_to_consent')}</a>
        </p>
      </Alert>
    );
  return <Alert kind="error">{withDetail(t, splitError(t, err, []).general ?? '', detail)}</Alert>;
}

export function EntryForm({ form, env, initial, idPrefix, title, submitLabel, onSave, onCancel, onReloaded, clearAfterSave, inCard }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const paths = form.fields.map((f) => `fields.${f.name}`);
  const split = saveError ? splitError(t, saveError, paths) : null;
  const serverErrors: FieldErrors = {};
  for (const [path, text] of Object.entries(split?.fields ?? {})) serverErrors[path.slice('fields.'.length)] = text;
  const validation = submitted ? validateDraft(form, draft, t) : null;
  const errors: FieldErrors = { ...(validation?.errors ?? {}), ...serverErrors };
  const titleId = `${idPrefix}-title`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setSaveError(null);
    setSubmitted(true);
    const { fields } = validateDraft(form, draft, t);
    if (!fields) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      await onSave(fields);
      if (clearAfterSave) setDraft(emptyDraft(form));
      setSubmitted(false);
    } catch (err) {
      setSaveError(err);
      focusFirstError();
    }
    setBusy(false);
  };

  const input = (f: FormField) => (
    <FieldInput
      key={f.name}
      kind={form.kind}
      currency={f.type === 'amount' && typeof draft[f.currency_field ?? ''] === 'string' ? (draft[f.currency_field ?? ''] as string) || undefined : undefined}
      field={f}
      name={`${idPrefix}.${f.name}`}
      value={draft[f.name] ?? ''}
      onChange={(v) => {
        setDraft((d) => ({ ...d, [f.name]: v }));
        // A field the server refused is shown as refused until it is changed.
        if (serverErrors[f.name]) setSaveError(null);
      }}
      error={errors[f.name]}
      env={env}
    />
  );

  // Runs of short fields go into one grid, in the form's order.
  const blocks: ComponentChildren[] = [];
  let run: FormField[] = [];
  const flush = () => {
    if (run.length) blocks.push(<div class="grid" key={`grid-${blocks.length}`}>{run.map(input)}</div>);
    run = [];
  };
  for (const f of form.fields) {
    if (isWide(f)) {
      flush();
      blocks.push(input(f));
    } else run.push(f);
  }
  flush();

  return (
    <form class={inCard ? 'casework-form' : 'card casework-form'} onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} tabIndex={-1}>
        {title}
      </h4>
      {saveError && Object.keys(serverErrors).length === 0 ? <SaveProblem err={saveError} form={form} env={env} onReloaded={onReloaded} /> : null}
      <fieldset class="plain" disabled={busy}>
        {blocks}
        <div class="actions">
          <button type="submit" class="primary">
            {busy ? t('common.saving') : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
