// The cases an entry is linked to, as far as the reader may see them (the
// server leaves the others out), and for editors the forms to link a case by
// its number and to remove a link, each with a reason.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert, Field, SelectField } from '../../components/Field';
import { splitError } from '../../errors';
import { focusFirstError } from '../../focus';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { registerApi, type Entry } from '../../registerApi';
import { href } from '../../router';
import { generalText } from '../casework/common';

interface Props {
  entry: Entry;
  onDone: (e: Entry, noticeKey: string) => void;
  onConflict: () => void;
}

export function CaseLinks({ entry, onDone, onConflict }: Props) {
  const { t, tag } = useI18n();
  const cases = entry.detail?.cases ?? [];
  const [mode, setMode] = useState<'link' | 'unlink'>('link');
  const [caseId, setCaseId] = useState('');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const split = err ? splitError(t, err, ['case_id', 'reason']) : null;
  const validId = /^[1-9]\d{0,15}$/.test(caseId.trim());

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    if (!validId || !reason.trim()) {
      focusFirstError();
      return;
    }
    setBusy(true);
    setErr(null);
    try {
      const call = mode === 'link' ? registerApi.link : registerApi.unlink;
      const updated = await call(entry.id, entry.version, Number(caseId.trim()), reason.trim());
      setCaseId('');
      setReason('');
      setSubmitted(false);
      onDone(updated, mode === 'link' ? 'register.case_linked' : 'register.case_unlinked');
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
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">{t('register.cases_title')}</h2>
      <p class="hint">{t('register.cases_hint')}</p>
      {cases.length === 0 ? (
        <p class="note">{t('register.no_cases')}</p>
      ) : (
        <ul>
          {cases.map((c) => (
            <li key={c.id}>
              <a href={href(`/cases/${c.id}`)}>{c.reference}</a>{' '}
              <span class="muted small">
                {t('register.linked_meta', { at: formatDateTime(c.linked_at, tag), by: c.linked_by ?? t('register.system') })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {entry.may_edit ? (
        <form class="card" onSubmit={submit} noValidate aria-labelledby="link-title">
          <h3 id="link-title">{mode === 'link' ? t('register.link_title') : t('register.unlink_title')}</h3>
          {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
          {cases.length > 0 ? (
            <SelectField
              name="link-mode"
              label={t('register.link_mode')}
              options={[
                { value: 'link', label: t('register.link_title') },
                { value: 'unlink', label: t('register.unlink_title') },
              ]}
              value={mode}
              onChange={(v) => setMode(v === 'unlink' ? 'unlink' : 'link')}
              emptyLabel={t('common.choose')}
            />
          ) : null}
          <Field
            name="link-case"
            label={t('register.case_number')}
            hint={t('register.case_number_hint')}
            error={submitted && !validId ? t('register.v_case_number') : split?.fields['case_id']}
          >
            {(c) => <input {...c} type="text" inputMode="numeric" maxLength={16} value={caseId} onInput={(e) => setCaseId(e.currentTarget.value)} />}
          </Field>
          <Field name="link-reason" label={t('register.reason')} error={submitted && !reason.trim() ? t('register.v_required') : split?.fields['reason']}>
            {(c) => <textarea {...c} rows={2} dir="auto" maxLength={4000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <div class="actions">
            <button type="submit" class={mode === 'unlink' ? 'danger' : 'primary'} disabled={busy}>
              {busy ? t('common.saving') : mode === 'link' ? t('register.link') : t('register.unlink')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
