// Pieces shared by the legal screens: a payment's amount in its currency, its
// state as a badge, and one payment as a record (the case's side and the
// partner's side see the same card; only the case's side knows the case).
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import type { Payment } from '../../legalApi';
import { formatMinor } from '../../money';

export function Amount({ p }: { p: Pick<Payment, 'amount' | 'currency' | 'minor_digits'> }) {
  const { tag } = useI18n();
  return <span class="amount">{formatMinor(p.amount, p.currency, p.minor_digits, tag)}</span>;
}

export function PaymentBadge({ p }: { p: Payment }) {
  const { t } = useI18n();
  return (
    <span class={`badge ${p.state === 'confirmed' ? 'badge--given' : 'badge--neutral'}`} data-state={p.state}>
      {t(`payment_state.${p.state}`)}
    </span>
  );
}

// `side`: which organisation the reader is, so the card names the other one.
export function PaymentFacts({ p, side }: { p: Payment; side: 'sender' | 'partner' }) {
  const { t, tag } = useI18n();
  const c = p.confirmation;
  return (
    <dl class="facts facts--record">
      <div>
        <dt>{t('legal.payment_channel')}</dt>
        <dd>{t(`payment_channel.${p.channel}`)}</dd>
      </div>
      <div>
        <dt>{t('legal.payment_sent_on')}</dt>
        <dd>{formatDate(p.sent_on, tag)}</dd>
      </div>
      <div>
        <dt>{side === 'sender' ? t('legal.payment_partner') : t('legal.payment_from')}</dt>
        <dd>{side === 'sender' ? p.confirming_organisation.name : p.from_organisation.name}</dd>
      </div>
      {p.reference ? (
        <div>
          <dt>{t('legal.payment_reference')}</dt>
          <dd dir="auto">{p.reference}</dd>
        </div>
      ) : null}
      {p.handover_note ? (
        <div class="wide">
          <dt>{t('legal.payment_handover_note')}</dt>
          <dd dir="auto" class="multiline">
            {p.handover_note}
          </dd>
        </div>
      ) : null}
      {c ? (
        <>
          <div>
            <dt>{t('legal.payment_received_on')}</dt>
            <dd>{formatDate(c.received_on, tag)}</dd>
          </div>
          <div>
            <dt>{t('legal.payment_confirmed_by')}</dt>
            <dd>{c.by.display_name}</dd>
          </div>
          {c.note ? (
            <div class="wide">
              <dt>{t('legal.payment_confirmation_note')}</dt>
              <dd dir="auto" class="multiline">
                {c.note}
              </dd>
            </div>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}
