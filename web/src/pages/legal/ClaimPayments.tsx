// Under a claim: what was awarded, sent and confirmed as received, the
// payments with their confirmation state, and the form to record one.
import { useState } from 'preact/hooks';
import { Alert } from '../../components/Field';
import type { EntryEnv } from '../../components/entries/env';
import type { Entry } from '../../entriesApi';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import type { Payment } from '../../legalApi';
import { currenciesOf, formatMinor, minorDigitsOf } from '../../money';
import { recordsPayments } from '../../permissions';
import { Amount, PaymentBadge, PaymentFacts } from './common';
import { PaymentForm } from './PaymentForm';

interface Props {
  claim: Entry;
  env: EntryEnv;
  payments: Payment[]; // this claim's
  onRecorded: (p: Payment) => void;
}

const sum = (list: Payment[]) => list.reduce((n, p) => n + p.amount, 0);

export function ClaimPayments({ claim, env, payments, onRecorded }: Props) {
  const { t, tag } = useI18n();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState(false);
  const currency = typeof claim.fields?.['currency'] === 'string' ? (claim.fields['currency'] as string) : '';
  if (!currency) return null;
  const digits = minorDigitsOf(currenciesOf(env.forms), currency);
  const money = (n: number) => formatMinor(n, currency, digits, tag);
  const awarded = typeof claim.fields?.['amount_awarded'] === 'number' ? (claim.fields['amount_awarded'] as number) : null;
  const sent = sum(payments);
  const received = sum(payments.filter((p) => p.state === 'confirmed'));
  const titleId = `claim-${claim.id}-payments`;

  return (
    <section class="claim-payments" aria-labelledby={titleId} data-claim={claim.id}>
      <h4 id={titleId}>{t('legal.payments_title')}</h4>
      <dl class="facts facts--record money-summary">
        <div>
          <dt>{t('legal.total_awarded')}</dt>
          <dd data-total="awarded">{awarded === null ? t('common.not_recorded') : money(awarded)}</dd>
        </div>
        <div>
          <dt>{t('legal.total_paid')}</dt>
          <dd data-total="paid">{money(sent)}</dd>
        </div>
        <div>
          <dt>{t('legal.total_received')}</dt>
          <dd data-total="received">{money(received)}</dd>
        </div>
        {awarded !== null ? (
          <div>
            <dt>{t('legal.total_outstanding')}</dt>
            <dd data-total="outstanding">{money(Math.max(0, awarded - sent))}</dd>
          </div>
        ) : null}
      </dl>
      {notice ? <Alert kind="success">{t('legal.payment_recorded')}</Alert> : null}
      {payments.length === 0 ? (
        <p class="muted">{t('legal.payments_none')}</p>
      ) : (
        <ol class="records payments" aria-labelledby={titleId}>
          {payments.map((p) => (
            <li key={p.id} class="record payment" data-id={p.id} data-state={p.state}>
              <div class="record-head">
                <strong class="record-title">
                  <Amount p={p} />
                </strong>
                <PaymentBadge p={p} />
              </div>
              <PaymentFacts p={p} side="sender" />
              {p.created_at ? (
                <p class="muted small">
                  {t('entries.recorded_by', { when: formatDateTime(p.created_at, tag), who: p.created_by?.display_name ?? '' })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {env.mayChange && recordsPayments(env.me.role) && env.kase.owner_organisation.id === env.me.organisation.id ? (
        adding ? (
          <PaymentForm
            caseId={env.kase.id}
            claimId={claim.id}
            currency={currency}
            digits={digits}
            idPrefix={`payment-${claim.id}`}
            onSaved={(p) => {
              onRecorded(p);
              setAdding(false);
              setNotice(true);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <div class="actions">
            <button
              type="button"
              onClick={() => {
                setNotice(false);
                setAdding(true);
                setTimeout(() => document.getElementById(`payment-${claim.id}-title`)?.focus(), 0);
              }}
            >
              {t('legal.payment_add')}
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}
