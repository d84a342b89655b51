// A new register entry (#/register/new), with its first status and its due
// process, or the edit of one (#/register/42/edit): who the person or
// organisation is, one value per line, and the reason for the change.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert, Field, RadioGroup, SelectField } from '../../components/Field';
import { splitError } from '../../errors';
import { setFlash } from '../../flash';
import { focusFirstError } from '../../focus';
import { countryName, localToday } from '../../format';
import { useI18n } from '../../i18n';
import {
  INITIAL_STATUSES,
  LIST_FIELDS,
  REGISTER_KINDS,
  REGISTER_ROLES,
  SOURCE_KINDS,
  registerApi,
  type Entry,
  type EntryFields,
  type ListField,
  type RegisterKind,
  type RegisterRole,
  type RegisterStatus,
  type SourceKind,
} from '../../registerApi';
import { href, navigate } from '../../router';
import { LoadError, generalText } from '../casework/common';
import { REGION_COUNTRIES, lines, options } from './common';

const FORM_FIELDS = ['kind', 'role', 'country', ...LIST_FIELDS, 'review_date', 'status', 'status_date', 'source.kind', 'source.reference', 'reason'];

interface Form {
  kind: RegisterKind;
  role: RegisterRole | '';
  country: string;
  lists: Record<ListField, string>;
  review_date: string;
  status: RegisterStatus | '';
  status_date: string;
  source_kind: SourceKind | '';
  source_reference: string;
  reason: string;
}

function emptyForm(): Form {
  const lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, ''])) as Record<ListField, string>;
  return { kind: 'person', role: '', country: '', lists, review_date: '', status: '', status_date: localToday(), source_kind: '', source_reference: '', reason: '' };
}

function formOf(e: Entry): Form {
  const f = emptyForm();
  f.kind = e.kind;
  f.role = e.role;
  f.country = e.country;
  for (const l of LIST_FIELDS) f.lists[l] = (e.detail?.[l] ?? []).join('\n');
  f.review_date = e.detail?.review_date ?? '';
  return f;
}

export function EntryForm({ id }: { id?: number }) {
  const { t, tag } = useI18n();
  const editing = id !== undefined;
  const [entry, setEntry] = useState<Entry | null>(null);
  const [loadErr, setLoadErr] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [form, setForm] = useState<Form>(emptyForm);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const split = err ? splitError(t, err, FORM_FIELDS) : null;

  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    registerApi.get(id).then(
      (e) => {
        if (!live) return;
        setEntry(e);
        setForm(formOf(e));
      },
      (e) => live && setLoadErr(e),
    );
    return () => {
      live = false;
    };
  }, [id, attempt]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const required = (v: string) => (submitted && !v.trim() ? t('register.v_required') : undefined);
  const title = editing ? t('register.edit_title') : t('register.new_title');

  if (editing && !entry) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {loadErr ? <LoadError err={loadErr} onRetry={() => setAttempt((n) => n + 1)} /> : <p role="status">{t('common.loading')}</p>}
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    const missingStatus = !editing && (!form.status || !form.status_date || !form.source_kind || !form.source_reference.trim());
    if (!form.role || !form.country.trim() || lines(form.lists.names).length === 0 || !form.reason.trim() || missingStatus) {
      focusFirstError();
      return;
    }
    const fields: EntryFields = {
      kind: form.kind,
      role: form.role,
      country: form.country.trim().toUpperCase(),
      review_date: form.review_date || null,
      ...(Object.fromEntries(LIST_FIELDS.map((f) => [f, lines(form.lists[f])])) as Record<ListField, string[]>),
    };
    setBusy(true);
    setErr(null);
    try {
      const saved =
        editing && entry
          ? await registerApi.edit(entry.id, entry.version, fields, form.reason.trim())
          : await registerApi.create(fields, {
              status: form.status as RegisterStatus,
              status_date: form.status_date,
              source: { kind: form.source_kind as SourceKind, reference: form.source_reference.trim() },
              reason: form.reason.trim(),
            });
      setFlash(editing ? 'register.saved' : 'register.created');
      navigate(href(`/register/${saved.id}`));
    } catch (ex) {
      setErr(ex);
      if (!(ex instanceof ApiError && ex.code === 'conflict')) focusFirstError();
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="page-title">
      <p>
        <a href={editing ? href(`/register/${id}`) : href('/register')}>{t('register.back')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      <form class="card" onSubmit={submit} noValidate aria-labelledby="page-title">
        {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
        <RadioGroup
          name="kind"
          legend={t('register.kind')}
          options={options(t, 'register_kind', REGISTER_KINDS)}
          value={form.kind}
          onChange={(v) => set('kind', v)}
          error={split?.fields['kind']}
          inline
        />
        <SelectField
          name="role"
          label={t('register.role')}
          options={options(t, 'register_role', REGISTER_ROLES)}
          value={form.role}
          onChange={(v) => set('role', v as RegisterRole | '')}
          emptyLabel={t('common.choose')}
          error={required(form.role) ?? split?.fields['role']}
        />
        <SelectField
          name="country"
          label={t('register.country')}
          options={[...REGION_COUNTRIES, ...(form.country && !REGION_COUNTRIES.includes(form.country) ? [form.country] : [])].map((c) => ({
            value: c,
            label: `${countryName(c, tag)} (${c})`,
          }))}
          value={form.country}
          onChange={(v) => set('country', v)}
          emptyLabel={t('common.choose')}
          error={required(form.country) ?? split?.fields['country']}
        />
        {LIST_FIELDS.map((f) => (
          <Field
            key={f}
            name={f}
            label={t(`register_list.${f}`)}
            hint={f === 'names' ? t('register.names_hint') : t('register.lines_hint')}
            error={(f === 'names' && submitted && lines(form.lists.names).length === 0 ? t('register.v_required') : undefined) ?? split?.fields[f]}
            required={f === 'names'}
            requiredText={t('common.required')}
          >
            {(c) => (
              <textarea
                {...c}
                rows={f === 'names' || f === 'addresses' ? 3 : 2}
                dir="auto"
                value={form.lists[f]}
                onInput={(e) => {
                  const v = e.currentTarget.value;
                  setForm((x) => ({ ...x, lists: { ...x.lists, [f]: v } }));
                }}
              />
            )}
          </Field>
        ))}
        <Field name="review_date" label={t('register.review_date')} hint={t('register.review_hint')} error={split?.fields['review_date']}>
          {(c) => <input {...c} type="date" value={form.review_date} onInput={(e) => set('review_date', e.currentTarget.value)} />}
        </Field>
        {!editing ? (
          <fieldset>
            <legend>{t('register.first_status')}</legend>
            <SelectField
              name="status"
              label={t('register.status')}
              options={options(t, 'register_status', INITIAL_STATUSES)}
              value={form.status}
              onChange={(v) => set('status', v as RegisterStatus | '')}
              emptyLabel={t('common.choose')}
              error={required(form.status) ?? split?.fields['status']}
            />
            <Field name="status_date" label={t('register.status_date')} error={required(form.status_date) ?? split?.fields['status_date']}>
              {(c) => <input {...c} type="date" value={form.status_date} onInput={(e) => set('status_date', e.currentTarget.value)} />}
            </Field>
            <SelectField
              name="source.kind"
              label={t('register.source_kind')}
              options={options(t, 'register_source', SOURCE_KINDS)}
              value={form.source_kind}
              onChange={(v) => set('source_kind', v as SourceKind | '')}
              emptyLabel={t('common.choose')}
              error={required(form.source_kind) ?? split?.fields['source.kind']}
            />
            <Field
              name="source.reference"
              label={t('register.source_reference')}
              hint={t('register.source_reference_hint')}
              error={required(form.source_reference) ?? split?.fields['source.reference']}
            >
              {(c) => <input {...c} type="text" dir="auto" maxLength={300} value={form.source_reference} onInput={(e) => set('source_reference', e.currentTarget.value)} />}
            </Field>
          </fieldset>
        ) : null}
        <Field name="reason" label={t('register.reason')} hint={t('register.reason_hint')} error={required(form.reason) ?? split?.fields['reason']}>
          {(c) => <textarea {...c} rows={3} dir="auto" maxLength={4000} value={form.reason} onInput={(e) => set('reason', e.currentTarget.value)} />}
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.saving') : editing ? t('register.save') : t('register.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
