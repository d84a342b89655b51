// Identification on the case page: the decisions people made about whether the
// person is a victim of trafficking, newest first, and a form to record one.
// A screening may be linked as what informed it; it is not the decision.
import { useState } from 'preact/hooks';
import {
  api,
  DECIDING_BODIES,
  IDENTIFICATION_STATUSES,
  type Case,
  type DecidingBody,
  type Identification,
  type IdentificationStatus,
  type NewIdentification,
  type Screening,
} from '../../api';
import { Alert, Checkbox, Field, RadioGroup, SelectField } from '../../components/Field';
import { splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { formatDate, formatDateTime, isRealDate, localToday } from '../../format';
import { useI18n, type T } from '../../i18n';
import { generalText, pickLabel, readyValue, useLoaded, WhenLoaded } from './common';

const FIELDS = ['status', 'decided_by_org_type', 'decided_on', 'reasons', 'screening_id', 'team_meeting'];
const REASONS_MAX = 5000;

interface Draft {
  status: IdentificationStatus | '';
  decidedBy: DecidingBody | '';
  decidedOn: string;
  reasons: string;
  screeningId: string;
  teamMeeting: boolean;
}

function emptyDraft(): Draft {
  return { status: '', decidedBy: '', decidedOn: localToday(), reasons: '', screeningId: '', teamMeeting: false };
}

function validate(d: Draft, t: T): { body: NewIdentification | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!d.status) errors['status'] = t('identification.v_status');
  if (!d.decidedBy) errors['decided_by_org_type'] = t('identification.v_decided_by');
  const on = d.decidedOn.trim();
  if (!on) errors['decided_on'] = t('identification.v_date');
  else if (!isRealDate(on)) errors['decided_on'] = t('validation.birth_date');
  else if (on > localToday()) errors['decided_on'] = t('identification.v_date_future');
  if (!d.reasons.trim()) errors['reasons'] = t('identification.v_reasons');
  if (Object.keys(errors).length > 0 || !d.status || !d.decidedBy) return { body: null, errors };
  return {
    body: {
      status: d.status,
      decided_by_org_type: d.decidedBy,
      decided_on: on,
      reasons: d.reasons.trim(),
      screening_id: d.screeningId ? Number(d.screeningId) : null,
      team_meeting: d.teamMeeting,
    },
    errors,
  };
}

// "22 Nov 2026, 13:00 · ILO/EC … · Indicates trafficking", in the interface language.
function useScreeningText(): (s: Screening) => string {
  const { t, tag, lang } = useI18n();
  return (s) =>
    t('identification.screening_option', {
      when: formatDateTime(s.created_at, tag),
      set: pickLabel(s.set_title, lang).text || s.set_id,
      outcome: s.evaluation ? t(`outcome.${s.evaluation.outcome}`) : t('common.not_recorded'),
    });
}

function Decision({ d, screenings }: { d: Identification; screenings: Screening[] | null }) {
  const { t, tag } = useI18n();
  const screeningText = useScreeningText();
  const linked = d.screening_id != null ? screenings?.find((s) => s.id === d.screening_id) : undefined;
  return (
    <li class="record" data-id={d.id}>
      <div class="record-head">
        <strong class={`record-title idstatus idstatus--${d.status}`}>{t(`idstatus.${d.status}`)}</strong>
        {d.team_meeting ? <span class="badge badge--neutral">{t('identification.team_meeting_badge')}</span> : null}
      </div>
      <dl class="facts facts--record">
        <div>
          <dt>{t('identification.decided_by')}</dt>
          <dd>{t(`decider.${d.decided_by_org_type}`)}</dd>
        </div>
        <div>
          <dt>{t('identification.decided_on')}</dt>
          <dd>{formatDate(d.decided_on, tag)}</dd>
        </div>
        <div>
          <dt>{t('identification.screening')}</dt>
          <dd>
            {d.screening_id == null ? (
              t('identification.no_screening')
            ) : linked ? (
              screeningText(linked)
            ) : (
              t('identification.screening_id', { id: d.screening_id })
            )}
          </dd>
        </div>
        <div>
          <dt>{t('consent.recorded')}</dt>
          <dd>{t('case.by', { when: formatDateTime(d.created_at, tag), who: d.recorded_by?.display_name ?? '' })}</dd>
        </div>
        <div class="wide">
          <dt>{t('identification.reasons')}</dt>
          <dd dir="auto" class="multiline">
            {d.reasons}
          </dd>
        </div>
      </dl>
    </li>
  );
}

export function IdentificationTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t } = useI18n();
  const decisions = useLoaded(() => api.listIdentifications(kase.id).then((r) => r.items ?? []), [kase.id]);
  const screenings = useLoaded(() => api.listScreenings(kase.id).then((r) => r.items ?? []), [kase.id]);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const split = saveError ? splitError(t, saveError, FIELDS) : null;
  const validation = submitted ? validate(draft, t) : null;
  const errors: FieldErrors = { ...(validation?.errors ?? {}), ...(split?.fields ?? {}) };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const screeningText = useScreeningText();
  const screeningList = readyValue(screenings.state);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setNotice(null);
    setSaveError(null);
    setSubmitted(true);
    const { body } = validate(draft, t);
    if (!body) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const created = await api.recordIdentification(kase.id, body);
      decisions.update((list) => [created, ...list.filter((d) => d.id !== created.id)]);
      setDraft(emptyDraft());
      setSubmitted(false);
      setNotice('identification.recorded_notice');
    } catch (err) {
      setSaveError(err);
      focusFirstError();
    }
    setBusy(false);
  };

  return (
    <section class="tab-panel" aria-labelledby="identification-title">
      <h2 id="identification-title">{t('identification.title')}</h2>
      <p class="lead">{t('identification.intro')}</p>

      {mayChange ? (
        <form class="card casework-form" onSubmit={submit} noValidate aria-labelledby="identification-form-title">
          <h3 id="identification-form-title">{t('identification.form_title')}</h3>
          {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
          {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
          <fieldset class="plain" disabled={busy}>
            <RadioGroup
              name="status"
              legend={t('identification.status')}
              options={IDENTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`idstatus.${s}`) }))}
              value={draft.status}
              onChange={(v) => set('status', v)}
              error={errors['status']}
            />
            <div class="grid">
              <SelectField
                name="decided_by_org_type"
                label={t('identification.decided_by')}
                error={errors['decided_by_org_type']}
                options={DECIDING_BODIES.map((b) => ({ value: b, label: t(`decider.${b}`) }))}
                value={draft.decidedBy}
                onChange={(v) => set('decidedBy', v as DecidingBody)}
                emptyLabel={t('common.choose')}
              />
              <Field name="decided_on" label={t('identification.decided_on')} error={errors['decided_on']}>
                {(c) => (
                  <input {...c} type="date" max={localToday()} value={draft.decidedOn} onInput={(e) => set('decidedOn', e.currentTarget.value)} />
                )}
              </Field>
            </div>
            <Field
              name="reasons"
              label={t('identification.reasons')}
              hint={t('identification.reasons_hint')}
              error={errors['reasons']}
              required
              requiredText={t('common.required')}
            >
              {(c) => (
                <textarea
                  {...c}
                  rows={5}
                  dir="auto"
                  maxLength={REASONS_MAX}
                  value={draft.reasons}
                  onInput={(e) => set('reasons', e.currentTarget.value)}
                />
              )}
            </Field>
            <div>
              <Field
                name="screening_id"
                label={t('identification.screening')}
                hint={t('identification.screening_hint')}
                error={errors['screening_id']}
              >
                {(c) => (
                  <select {...c} value={draft.screeningId} onChange={(e) => set('screeningId', e.currentTarget.value)}>
                    <option value="">
                      {screenings.state.kind === 'loading' ? t('common.loading') : t('identification.no_screening')}
                    </option>
                    {(screeningList ?? []).map((s) => (
                      <option key={s.id} value={String(s.id)}>
                        {screeningText(s)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Checkbox
              name="team_meeting"
              label={t('identification.team_meeting')}
              checked={draft.teamMeeting}
              onChange={(v) => set('teamMeeting', v)}
            />
            <div class="actions">
              <button type="submit" class="primary">
                {busy ? t('common.saving') : t('identification.submit')}
              </button>
            </div>
          </fieldset>
        </form>
      ) : (
        <p class="note">{t('casework.readonly')}</p>
      )}

      <h3 id="identification-list-title">{t('identification.history_title')}</h3>
      <WhenLoaded loaded={decisions.state} onRetry={decisions.retry}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t('identification.none')}</p>
          ) : (
            <ol class="records identifications" aria-labelledby="identification-list-title">
              {list.map((d) => (
                <Decision key={d.id} d={d} screenings={screeningList} />
              ))}
            </ol>
          )
        }
      </WhenLoaded>
    </section>
  );
}
