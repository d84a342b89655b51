// The form for one step this side may act on: complete it (the day, notes,
// documents issued and, on the handover step, who handed the person over to
// whom), block it with a reason, skip it with a reason, or unblock it. Sent
// with the version the page was read at, so a change by someone else is
// reported, not overwritten.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert, Field, RadioGroup } from '../../components/Field';
import { splitError } from '../../errors';
import { focusFirstError } from '../../focus';
import { localToday } from '../../format';
import { useI18n } from '../../i18n';
import {
  actionsFor,
  repatriationsApi,
  type Handover,
  type IssuedDocument,
  type Repatriation,
  type RepatriationStep,
  type StepAction,
  type StepActionBody,
} from '../../repatriationApi';
import { generalText } from '../casework/common';

interface Props {
  repatriation: Repatriation;
  step: RepatriationStep;
  onDone: (r: Repatriation, action: StepAction) => void;
  onConflict: () => void;
}

const HANDOVER_FIELDS = ['from_person', 'from_organisation', 'to_person', 'to_organisation', 'place', 'date'] as const;
type HandoverField = (typeof HANDOVER_FIELDS)[number];

export function StepForm({ repatriation, step, onDone, onConflict }: Props) {
  const { t } = useI18n();
  const actions = actionsFor(step.state);
  const today = localToday();
  const [chosen, setChosen] = useState<StepAction | ''>(actions.length === 1 ? actions[0]! : '');
  const [date, setDate] = useState(today);
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const [docs, setDocs] = useState<IssuedDocument[]>([]);
  const [handover, setHandover] = useState<Handover>({
    from_person: '',
    from_organisation: repatriation.destination_organisation.name,
    to_person: '',
    to_organisation: repatriation.origin_organisation.name,
    place: '',
    date: today,
  });
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);

  if (actions.length === 0) return null;
  const action = actions.find((a) => a === chosen);
  const p = `s${step.id}`; // field names unique on the page
  const needsDate = action === 'complete' || action === 'skip';
  const needsReason = action === 'block' || action === 'skip';
  const needsHandover = action === 'complete' && step.records_handover;
  const split = err
    ? splitError(t, err, ['date', 'notes', 'reason', 'documents', ...HANDOVER_FIELDS.map((f) => `handover.${f}`), 'handover'])
    : null;
  const missing = (v: string) => submitted && !v.trim();
  const errorOf = (field: string, empty: boolean, text: string) => (empty ? text : split?.fields[field]);

  const send = async (a: StepAction) => {
    const body: StepActionBody = { action: a, version: step.version };
    if (a === 'complete' || a === 'skip') body.date = date;
    if ((a === 'complete' || a === 'skip') && notes.trim()) body.notes = notes.trim();
    if (a === 'block' || a === 'skip') body.reason = reason.trim();
    if (a === 'complete') {
      const filled = docs.filter((d) => d.name.trim() || d.number.trim());
      if (filled.length) body.documents = filled.map((d) => ({ name: d.name.trim(), number: d.number.trim() }));
      if (step.records_handover) body.handover = { ...handover };
    }
    setBusy(true);
    setErr(null);
    try {
      const r = await repatriationsApi.act(repatriation.id, step.id, body);
      onDone(r, a);
    } catch (ex) {
      if (ex instanceof ApiError && ex.code === 'conflict') onConflict();
      else {
        setErr(ex);
        focusFirstError();
      }
    }
    setBusy(false);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    const incomplete =
      !action ||
      (needsDate && !date) ||
      (needsReason && !reason.trim()) ||
      (needsHandover && HANDOVER_FIELDS.some((f) => !handover[f].trim()));
    if (incomplete) {
      focusFirstError();
      return;
    }
    void send(action);
  };

  const setDoc = (i: number, patch: Partial<IssuedDocument>) =>
    setDocs(docs.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const handoverLabel: Record<HandoverField, string> = {
    from_person: t('repatriation.handover_from_person'),
    from_organisation: t('repatriation.handover_from_organisation'),
    to_person: t('repatriation.handover_to_person'),
    to_organisation: t('repatriation.handover_to_organisation'),
    place: t('repatriation.handover_place'),
    date: t('repatriation.handover_date'),
  };

  return (
    <form onSubmit={submit} noValidate class="card rp-form" aria-label={t('repatriation.form_label')}>
      {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
      {actions.length > 1 ? (
        <RadioGroup
          name={`${p}-action`}
          legend={t('repatriation.action_legend')}
          options={actions.map((a) => ({ value: a, label: t(`rp_action.${a}`) }))}
          value={chosen}
          onChange={setChosen}
          error={submitted && !action ? t('repatriation.v_action') : undefined}
          disabled={busy}
          inline
        />
      ) : null}
      {needsDate ? (
        <Field
          name={`${p}-date`}
          label={action === 'skip' ? t('repatriation.date_skipped') : t('repatriation.date_done')}
          error={errorOf('date', submitted && !date, t('repatriation.v_date'))}
          required
          requiredText={t('common.required')}
        >
          {(c) => <input {...c} type="date" value={date} max={today} disabled={busy} onInput={(e) => setDate(e.currentTarget.value)} />}
        </Field>
      ) : null}
      {needsReason ? (
        <Field
          name={`${p}-reason`}
          label={action === 'block' ? t('repatriation.reason_block') : t('repatriation.reason_skip')}
          error={errorOf('reason', missing(reason), t('repatriation.v_reason'))}
          required
          requiredText={t('common.required')}
        >
          {(c) => (
            <textarea {...c} rows={2} dir="auto" maxLength={1000} value={reason} disabled={busy} onInput={(e) => setReason(e.currentTarget.value)} />
          )}
        </Field>
      ) : null}
      {needsDate ? (
        <Field name={`${p}-notes`} label={t('repatriation.notes')} error={split?.fields['notes']}>
          {(c) => (
            <textarea {...c} rows={3} dir="auto" maxLength={4000} value={notes} disabled={busy} onInput={(e) => setNotes(e.currentTarget.value)} />
          )}
        </Field>
      ) : null}
      {action === 'complete' ? (
        <fieldset class="rp-docs">
          <legend>{t('repatriation.documents_issued')}</legend>
          <p class="hint">{t('repatriation.documents_hint')}</p>
          {split?.fields['documents'] ? <p class="field-error">{split.fields['documents']}</p> : null}
          {docs.map((d, i) => (
            <div class="rp-doc-row" key={i}>
              <Field name={`${p}-doc-${i}-name`} label={t('repatriation.document_name')}>
                {(c) => <input {...c} dir="auto" maxLength={200} value={d.name} disabled={busy} onInput={(e) => setDoc(i, { name: e.currentTarget.value })} />}
              </Field>
              <Field name={`${p}-doc-${i}-number`} label={t('repatriation.document_number')}>
                {(c) => <input {...c} dir="auto" maxLength={100} value={d.number} disabled={busy} onInput={(e) => setDoc(i, { number: e.currentTarget.value })} />}
              </Field>
              <button type="button" class="link" disabled={busy} onClick={() => setDocs(docs.filter((_, j) => j !== i))}>
                {t('repatriation.document_remove')}
              </button>
            </div>
          ))}
          <button type="button" disabled={busy || docs.length >= 20} onClick={() => setDocs([...docs, { name: '', number: '' }])}>
            {t('repatriation.document_add')}
          </button>
        </fieldset>
      ) : null}
      {needsHandover ? (
        <fieldset class="rp-handover">
          <legend>{t('repatriation.handover_legend')}</legend>
          {split?.fields['handover'] ? <p class="field-error">{split.fields['handover']}</p> : null}
          {HANDOVER_FIELDS.map((f) => (
            <Field
              key={f}
              name={`${p}-handover-${f}`}
              label={handoverLabel[f]}
              error={errorOf(`handover.${f}`, missing(handover[f]), t('repatriation.v_handover'))}
              required
              requiredText={t('common.required')}
            >
              {(c) =>
                f === 'date' ? (
                  <input {...c} type="date" max={today} value={handover.date} disabled={busy} onInput={(e) => setHandover({ ...handover, date: e.currentTarget.value })} />
                ) : (
                  <input {...c} dir="auto" maxLength={f === 'place' ? 300 : 200} value={handover[f]} disabled={busy} onInput={(e) => setHandover({ ...handover, [f]: e.currentTarget.value })} />
                )
              }
            </Field>
          ))}
        </fieldset>
      ) : null}
      <div class="actions">
        <button type="submit" class={action === 'block' ? 'danger' : 'primary'} disabled={busy}>
          {busy ? t('common.saving') : action ? t(`rp_do.${action}`) : t('repatriation.do_choose')}
        </button>
      </div>
    </form>
  );
}
