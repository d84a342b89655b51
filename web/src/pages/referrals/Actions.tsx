// The steps this side may take on the referral now (domain/referral.h's
// table): send or withdraw for the sender; accept, decline, start or complete
// for the receiver; close for either once accepted. Decline, complete and
// close need a written note. Each step is sent with the version the page was
// read at, so a change by someone else is reported, not overwritten.
import { useState } from 'preact/hooks';
import { Alert, Field, RadioGroup } from '../../components/Field';
import { splitError } from '../../errors';
import { focusFirstError } from '../../focus';
import { useI18n } from '../../i18n';
import { ApiError } from '../../api';
import { actionsFor, needsNote, referralsApi, type Referral, type ReferralAction } from '../../referralsApi';
import { generalText } from '../casework/common';
import { ConsentProblem } from './common';

interface Props {
  referral: Referral;
  mayOverride: boolean; // a supervisor of the sending organisation
  onDone: (r: Referral, action: ReferralAction) => void;
  onConflict: () => void;
}

function noteLabelKey(action: ReferralAction): string {
  switch (action) {
    case 'decline':
      return 'referrals.note_decline';
    case 'complete':
      return 'referrals.note_complete';
    case 'close':
      return 'referrals.note_close';
    default:
      return 'referrals.note_optional';
  }
}

export function Actions({ referral, mayOverride, onDone, onConflict }: Props) {
  const { t } = useI18n();
  const actions = actionsFor(referral.status, referral.side);
  const [chosen, setChosen] = useState<ReferralAction | ''>(actions.length === 1 ? actions[0]! : '');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const [consent, setConsent] = useState<string | null>(null);

  if (actions.length === 0) return <p class="note">{t('referrals.no_actions')}</p>;

  const action = actions.find((a) => a === chosen);
  const noteMissing = submitted && action !== undefined && needsNote(action) && !note.trim();
  const split = err ? splitError(t, err, ['note']) : null;

  const take = async (a: ReferralAction, overrideReason?: string) => {
    setBusy(true);
    setErr(null);
    try {
      const body = { action: a, version: referral.version, ...(note.trim() ? { note: note.trim() } : {}) };
      const r = await referralsApi.act(referral.id, overrideReason ? { ...body, override_reason: overrideReason } : body);
      setNote('');
      setSubmitted(false);
      setConsent(null);
      onDone(r, a);
    } catch (ex) {
      // Only steps the table allows from the status shown are offered, so a
      // refused transition means the referral moved on: the same as a conflict.
      if (ex instanceof ApiError && (ex.code === 'conflict' || (ex.code === 'failed_precondition' && a !== 'send'))) onConflict();
      else if (a === 'send' && ex instanceof ApiError && ex.code === 'failed_precondition' && !overrideReason) {
        setConsent(ex.detail);
        setTimeout(() => document.getElementById('consent-problem')?.focus(), 0);
      } else {
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
    if (!action) {
      focusFirstError();
      return;
    }
    if (needsNote(action) && !note.trim()) {
      focusFirstError();
      return;
    }
    void take(action);
  };

  return (
    <>
      <form onSubmit={submit} noValidate aria-labelledby="actions-title" class="card">
        <h2 id="actions-title">{t('referrals.actions_title')}</h2>
        {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
        <RadioGroup
          name="action"
          legend={t('referrals.action_legend')}
          options={actions.map((a) => ({ value: a, label: t(`referral_action.${a}`) }))}
          value={chosen}
          onChange={(v) => {
            setChosen(v);
            setConsent(null);
          }}
          error={submitted && !action ? t('referrals.v_action') : undefined}
          disabled={busy}
          inline
        />
        {action ? <p class="hint">{t(`referral_hint.${action}`)}</p> : null}
        {action ? (
          <Field
            name="note"
            label={t(noteLabelKey(action))}
            error={noteMissing ? t('referrals.v_note') : split?.fields['note']}
            required={needsNote(action)}
            requiredText={t('common.required')}
          >
            {(c) => (
              <textarea
                {...c}
                rows={3}
                dir="auto"
                maxLength={4000}
                value={note}
                disabled={busy}
                onInput={(e) => setNote(e.currentTarget.value)}
              />
            )}
          </Field>
        ) : null}
        <div class="actions">
          <button type="submit" class={action === 'decline' || action === 'withdraw' ? 'danger' : 'primary'} disabled={busy}>
            {busy ? t('common.saving') : action ? t(`referral_do.${action}`) : t('referrals.do_choose')}
          </button>
        </div>
      </form>
      {consent !== null ? (
        <ConsentProblem
          detail={consent}
          caseId={referral.case_id}
          mayOverride={mayOverride}
          busy={busy}
          onOverride={(reason) => void take('send', reason)}
        />
      ) : null}
    </>
  );
}
