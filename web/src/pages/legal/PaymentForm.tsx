// Recording a payment against a claim: how it was sent (embassy, bank,
// partner organisation), how much in the claim's currency, when, and which
// organisation in the person's country is to confirm that it arrived, with
// the reference and a handover note that organisation will see.
import { useEffect, useState } from 'preact/hooks';
import type { Organisation } from '../../api';
import { Alert, Field } from '../../components/Field';
import { splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { countryName, isRealDate, localToday } from '../../format';
import { useI18n } from '../../i18n';
import { PAYMENT_CHANNELS, legalApi, type Payment, type PaymentChannel } from '../../legalApi';
import { parseMajor } from '../../money';
import { loadOrganisations, useUser } from '../../session';

const FIELDS = ['channel', 'amount', 'sent_on', 'confirming_organisation_id', 'reference', 'handover_note', 'currency', 'claim_id'] as const;

interface Props {
  caseId: number;
  claimId: number;
  currency: string;
  digits: number;
  idPrefix: string;
  onSaved: (p: Payment) => void;
  onCancel: () => void;
}

export function PaymentForm({ caseId, claimId, currency, digits, idPrefix, onSaved, onCancel }: Props) {
  const { t, tag } = useI18n();
  const me = useUser();
  const [orgs, setOrgs] = useState<Organisation[] | null>(null);
  const [channel, setChannel] = useState<PaymentChannel | ''>('');
  const [amount, setAmount] = useState('');
  const [sentOn, setSentOn] = useState(localToday());
  const [partner, setPartner] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadOrganisations().then(setOrgs, () => setOrgs([]));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setGeneral(null);
    const local: FieldErrors = {};
    const minor = parseMajor(amount.trim(), digits);
    if (!channel) local.channel = t('entries.v_required');
    if (minor === null || minor === 0) local.amount = t('legal.v_amount', { digits });
    if (!isRealDate(sentOn)) local.sent_on = t('entries.v_date');
    if (!partner) local.confirming_organisation_id = t('entries.v_required');
    setErrors(local);
    if (Object.keys(local).length > 0 || !channel || minor === null) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const p = await legalApi.recordPayment(caseId, {
        claim_id: claimId,
        channel,
        amount: minor,
        currency,
        sent_on: sentOn,
        confirming_organisation_id: Number(partner),
        reference: reference.trim(),
        handover_note: note.trim(),
      });
      onSaved(p);
    } catch (err) {
      const s = splitError(t, err, FIELDS);
      setErrors(s.fields);
      setGeneral(s.general);
      focusFirstError();
    }
    setBusy(false);
  };

  const others = (orgs ?? []).filter((o) => o.id !== me.organisation.id);
  const countries = [...new Set(others.map((o) => o.country))].sort((a, b) => countryName(a, tag).localeCompare(countryName(b, tag), tag));
  const titleId = `${idPrefix}-title`;

  return (
    <form class="card casework-form payment-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} tabIndex={-1}>
        {t('legal.payment_new')}
      </h4>
      <p class="hint">{t('legal.payment_new_hint')}</p>
      {general ? <Alert kind="error">{general}</Alert> : null}
      <fieldset class="plain" disabled={busy}>
        <div class="grid">
          <Field name={`${idPrefix}.channel`} label={t('legal.payment_channel')} error={errors.channel} required requiredText={t('common.required')}>
            {(c) => (
              <select {...c} value={channel} onChange={(e) => setChannel(e.currentTarget.value as PaymentChannel | '')}>
                <option value="">{t('common.choose')}</option>
                {PAYMENT_CHANNELS.map((x) => (
                  <option key={x} value={x}>
                    {t(`payment_channel.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name={`${idPrefix}.amount`}
            label={`${t('legal.payment_amount')} (${currency})`}
            error={errors.amount ?? errors.currency}
            required
            requiredText={t('common.required')}
          >
            {(c) => (
              <input {...c} type="text" inputMode="decimal" autocomplete="off" spellcheck={false} value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
            )}
          </Field>
          <Field name={`${idPrefix}.sent_on`} label={t('legal.payment_sent_on')} error={errors.sent_on} required requiredText={t('common.required')}>
            {(c) => <input {...c} type="date" min="1900-01-01" value={sentOn} onInput={(e) => setSentOn(e.currentTarget.value)} />}
          </Field>
          <Field
            name={`${idPrefix}.confirming_organisation_id`}
            label={t('legal.payment_partner')}
            hint={t('legal.payment_partner_hint')}
            error={errors.confirming_organisation_id}
            required
            requiredText={t('common.required')}
          >
            {(c) => (
              <select {...c} value={partner} onChange={(e) => setPartner(e.currentTarget.value)}>
                <option value="">{orgs ? t('common.choose') : t('common.loading')}</option>
                {countries.map((country) => (
                  <optgroup key={country} label={countryName(country, tag)}>
                    {others
                      .filter((o) => o.country === country)
                      .sort((a, b) => a.name.localeCompare(b.name))
                      .map((o) => (
                        <option key={o.id} value={String(o.id)}>
                          {o.name}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field name={`${idPrefix}.reference`} label={t('legal.payment_reference')} error={errors.reference}>
            {(c) => <input {...c} type="text" dir="auto" maxLength={200} value={reference} onInput={(e) => setReference(e.currentTarget.value)} />}
          </Field>
        </div>
        <Field name={`${idPrefix}.handover_note`} label={t('legal.payment_handover_note')} hint={t('legal.payment_handover_hint')} error={errors.handover_note} class="wide">
          {(c) => <textarea {...c} rows={3} dir="auto" maxLength={4000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <div class="actions">
          <button type="submit" class="primary">
            {busy ? t('common.saving') : t('legal.payment_record')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
