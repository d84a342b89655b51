// A status change with due process: the new status (only those the table
// allows from the current one), its date, its source and a written reason.
// Sent with the version the page was read at.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert, Field, SelectField } from '../../components/Field';
import { splitError } from '../../errors';
import { focusFirstError } from '../../focus';
import { localToday } from '../../format';
import { useI18n } from '../../i18n';
import { NEXT_STATUSES, SOURCE_KINDS, registerApi, type Entry, type RegisterStatus, type SourceKind, type StatusFields } from '../../registerApi';
import { generalText } from '../casework/common';
import { options } from './common';

const FIELDS = ['status', 'status_date', 'source.kind', 'source.reference', 'reason'];

export function StatusForm({ entry, onDone, onConflict }: { entry: Entry; onDone: (e: Entry) => void; onConflict: () => void }) {
  const { t } = useI18n();
  const next = NEXT_STATUSES[entry.status];
  const [status, setStatus] = useState<RegisterStatus | ''>('');
  const [date, setDate] = useState(localToday());
  const [kind, setKind] = useState<SourceKind | ''>('');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const split = err ? splitError(t, err, FIELDS) : null;
  const missing = (v: string) => (submitted && !v.trim() ? t('register.v_required') : undefined);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    if (!status || !date || !kind || !reference.trim() || !reason.trim()) {
      focusFirstError();
      return;
    }
    const body: StatusFields = { status, status_date: date, source: { kind, reference: reference.trim() }, reason: reason.trim() };
    setBusy(true);
    setErr(null);
    try {
      const updated = await registerApi.changeStatus(entry.id, entry.version, body);
      setStatus('');
      setReference('');
      setReason('');
      setSubmitted(false);
      onDone(updated);
    } catch (ex) {
      if (ex instanceof ApiError && ex.code === 'conflict') onConflict();
      else {
        setErr(ex);
        focusFirstError();
      }
    }
    setBusy(false);
  };

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="status-title">
      <h2 id="status-title">{t('register.status_title')}</h2>
      <p class="hint">{t('register.status_hint')}</p>
      {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
      <SelectField
        name="new-status"
        label={t('register.new_status')}
        options={options(t, 'register_status', next)}
        value={status}
        onChange={(v) => setStatus(v as RegisterStatus | '')}
        emptyLabel={t('common.choose')}
        error={missing(status) ?? split?.fields['status']}
      />
      <Field name="status-date" label={t('register.status_date')} error={missing(date) ?? split?.fields['status_date']}>
        {(c) => <input {...c} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <SelectField
        name="source-kind"
        label={t('register.source_kind')}
        options={options(t, 'register_source', SOURCE_KINDS)}
        value={kind}
        onChange={(v) => setKind(v as SourceKind | '')}
        emptyLabel={t('common.choose')}
        error={missing(kind) ?? split?.fields['source.kind']}
      />
      <Field name="source-reference" label={t('register.source_reference')} hint={t('register.source_reference_hint')} error={missing(reference) ?? split?.fields['source.reference']}>
        {(c) => <input {...c} type="text" dir="auto" maxLength={300} value={reference} onInput={(e) => setReference(e.currentTarget.value)} />}
      </Field>
      <Field name="status-reason" label={t('register.reason')} hint={t('register.reason_hint')} error={missing(reason) ?? split?.fields['reason']}>
        {(c) => <textarea {...c} rows={3} dir="auto" maxLength={4000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('common.saving') : t('register.change_status')}
        </button>
      </div>
    </form>
  );
}
