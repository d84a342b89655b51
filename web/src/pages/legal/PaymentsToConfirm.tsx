// "Payments to confirm" (#/payments?state=awaiting_confirmation|confirmed):
// money another member organisation sent for a person in this organisation's
// country. It shows only what the handover needs (amount, channel, sender,
// reference, the sender's note), never the case; a case worker or supervisor
// confirms the day it was received, once.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert, Field } from '../../components/Field';
import { errorMessage, splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { isRealDate, localToday } from '../../format';
import { useI18n } from '../../i18n';
import { PAYMENT_STATES, legalApi, type Payment, type PaymentState } from '../../legalApi';
import { confirmsPayments } from '../../permissions';
import { href, type Route } from '../../router';
import { useUser } from '../../session';
import { WhenLoaded, useLoaded } from '../casework/common';
import { Amount, PaymentBadge, PaymentFacts } from './common';

function ConfirmForm({ p, onConfirmed, onReload }: { p: Payment; onConfirmed: (p: Payment) => void; onReload: () => void }) {
  const { t } = useI18n();
  const [receivedOn, setReceivedOn] = useState(localToday());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `confirm-${p.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    if (!isRealDate(receivedOn)) {
      setErrors({ received_on: t('entries.v_date') });
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onConfirmed(await legalApi.confirm(p.id, p.version, receivedOn, note.trim()));
    } catch (err) {
      const s = splitError(t, err, ['received_on', 'note']);
      setErrors(s.fields);
      if (!s.general) focusFirstError();
      else setProblem(err);
    }
    setBusy(false);
  };

  const stale = problem instanceof ApiError && (problem.code === 'conflict' || problem.code === 'failed_precondition');
  return (
    <form class="casework-form confirm-form" onSubmit={submit} noValidate aria-label={t('legal.confirm_form')}>
      {problem ? (
        <Alert kind="error">
          {stale ? t('legal.confirm_stale') : errorMessage(t, problem)}{' '}
          {stale ? (
            <button type="button" class="link" onClick={onReload}>
              {t('entries.reload')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      <fieldset class="plain" disabled={busy}>
        <div class="grid">
          <Field name={`${prefix}.received_on`} label={t('legal.payment_received_on')} error={errors.received_on} required requiredText={t('common.required')}>
            {(c) => <input {...c} type="date" min={p.sent_on} value={receivedOn} onInput={(e) => setReceivedOn(e.currentTarget.value)} />}
          </Field>
        </div>
        <Field name={`${prefix}.note`} label={t('legal.payment_confirmation_note')} hint={t('legal.confirm_note_hint')} error={errors.note} class="wide">
          {(c) => <textarea {...c} rows={2} dir="auto" maxLength={4000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <div class="actions">
          <button type="submit" class="primary">
            {busy ? t('common.saving') : t('legal.confirm_button')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function PaymentItem({ p, onConfirmed, onReload }: { p: Payment; onConfirmed: (p: Payment) => void; onReload: () => void }) {
  return (
    <li class="record payment" data-id={p.id} data-state={p.state}>
      <div class="record-head">
        <strong class="record-title">
          <Amount p={p} />
        </strong>
        <PaymentBadge p={p} />
      </div>
      <PaymentFacts p={p} side="partner" />
      {p.state === 'awaiting_confirmation' ? <ConfirmForm p={p} onConfirmed={onConfirmed} onReload={onReload} /> : null}
    </li>
  );
}

export function PaymentsToConfirm({ route }: { route: Route }) {
  const { t } = useI18n();
  const user = useUser();
  const asked = route.query.get('state');
  const state: PaymentState = PAYMENT_STATES.find((s) => s === asked) ?? 'awaiting_confirmation';
  const allowed = confirmsPayments(user.role);
  const list = useLoaded(() => (allowed ? legalApi.toConfirm(state) : Promise.resolve([])), [state, allowed]);
  const [confirmed, setConfirmed] = useState<number | null>(null);

  const heading = (
    <h1 id="page-title" tabIndex={-1}>
      {t('legal.confirm_title')}
    </h1>
  );
  if (!allowed)
    return (
      <section aria-labelledby="page-title">
        {heading}
        <p>{t('legal.confirm_not_allowed')}</p>
      </section>
    );

  return (
    <section aria-labelledby="page-title">
      {heading}
      <p class="lead">{t('legal.confirm_intro')}</p>
      <nav class="tabs" aria-label={t('legal.confirm_boxes')}>
        <ul>
          {PAYMENT_STATES.map((s) => (
            <li key={s}>
              <a href={href('/payments', { state: s })} aria-current={s === state ? 'page' : undefined}>
                {t(`payment_box.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {confirmed !== null ? <Alert kind="success">{t('legal.confirmed_notice')}</Alert> : null}
      <WhenLoaded loaded={list.state} onRetry={list.retry}>
        {(items) =>
          items.length === 0 ? (
            <p class="muted">{state === 'confirmed' ? t('legal.confirmed_none') : t('legal.confirm_none')}</p>
          ) : (
            <ol class="records payments" aria-labelledby="page-title">
              {items.map((p) => (
                <PaymentItem
                  key={p.id}
                  p={p}
                  onReload={list.retry}
                  onConfirmed={(done) => {
                    setConfirmed(done.id);
                    list.update((l) => l.map((x) => (x.id === done.id ? done : x)));
                  }}
                />
              ))}
            </ol>
          )
        }
      </WhenLoaded>
    </section>
  );
}
