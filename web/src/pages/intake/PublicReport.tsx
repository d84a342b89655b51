// The public report form (#/report), open without signing in. It asks only
// what the public may send, says in plain words what happens next, and shows
// the receipt number once the report is in.
import { useContext, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert, Checkbox, Field, RadioGroup } from '../../components/Field';
import { errorMessage, splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { countryName, formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { UserContext } from '../../session';
import { URGENCIES, intakeApi, type PublicReceipt, type PublicReport as PublicReportBody, type Urgency } from '../../intakeApi';

// The countries of the network, offered by name (nobody outside knows ISO codes).
const COUNTRIES = ['TH', 'KH', 'LA', 'MM', 'VN', 'SG', 'MY', 'CN', 'PH', 'ID'] as const;

const FIELDS = [
  'what_happened', 'location', 'location_country', 'who_is_at_risk', 'people_count', 'children', 'urgency',
  'language', 'contact.name', 'contact.details', 'contact',
];

function NextSteps() {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('public.next_title')}</h2>
      <ol>
        <li>{t('public.next_1')}</li>
        <li>{t('public.next_2')}</li>
        <li>{t('public.next_3')}</li>
      </ol>
    </>
  );
}

export function PublicReport() {
  const { t, tag, lang } = useI18n();
  const [what, setWhat] = useState('');
  const [where, setWhere] = useState('');
  const [country, setCountry] = useState('');
  const [who, setWho] = useState('');
  const [count, setCount] = useState('');
  const [children, setChildren] = useState(false);
  const [urgency, setUrgency] = useState<Urgency | ''>('');
  const [contactName, setContactName] = useState('');
  const [contactDetails, setContactDetails] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<PublicReceipt | null>(null);
  const signedIn = useContext(UserContext) !== null;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setGeneral(null);
    const found: FieldErrors = {};
    if (!what.trim()) found['what_happened'] = t('public.v_what');
    if (!urgency) found['urgency'] = t('public.v_urgency');
    if (count && !(Number.isInteger(Number(count)) && Number(count) >= 1 && Number(count) <= 10000))
      found['people_count'] = t('intake.v_people_count');
    setErrors(found);
    if (Object.keys(found).length > 0 || !urgency) {
      focusFirstError();
      return;
    }
    const body: PublicReportBody = {
      what_happened: what.trim(),
      location: where.trim(),
      who_is_at_risk: who.trim(),
      children,
      urgency,
      language: lang,
    };
    if (country) body.location_country = country;
    if (count) body.people_count = Number(count);
    if (contactName.trim() || contactDetails.trim()) body.contact = { name: contactName.trim(), details: contactDetails.trim() };
    setBusy(true);
    try {
      setReceipt(await intakeApi.sendPublic(body));
      setTimeout(() => document.getElementById('receipt-title')?.focus(), 0);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'resource_exhausted') {
        setGeneral(t('public.too_many'));
      } else if (err instanceof ApiError && err.status === 503) {
        setGeneral(t('public.unavailable'));
      } else {
        const split = splitError(t, err, FIELDS);
        setErrors(split.fields);
        setGeneral(split.general ? errorMessage(t, err) : null);
      }
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <section class="card" aria-labelledby="receipt-title">
        <h1 id="receipt-title" tabIndex={-1}>
          {t('public.thanks_title')}
        </h1>
        <p>{t('public.receipt_intro')}</p>
        <p class="receipt" data-testid="receipt">
          {receipt.receipt}
        </p>
        <p class="muted">{t('public.received', { time: formatDateTime(receipt.received_at, tag) })}</p>
        <p>{t('public.receipt_keep')}</p>
        <NextSteps />
        <p>{t('public.danger_now')}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('public.title')}
      </h1>
      <p class="lead">{t('public.intro')}</p>
      <Alert kind="info">{t('public.danger_now')}</Alert>
      <NextSteps />
      <p>{t('public.privacy')}</p>
      {general ? <Alert kind="error">{general}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <Field name="what_happened" label={t('public.what_happened')} hint={t('public.what_happened_hint')} error={errors['what_happened']} required requiredText={t('common.required')}>
          {(c) => <textarea {...c} rows={6} dir="auto" maxLength={10000} value={what} onInput={(e) => setWhat(e.currentTarget.value)} />}
        </Field>
        <div class="grid">
          <Field name="location" label={t('public.where')} hint={t('public.where_hint')} error={errors['location']}>
            {(c) => <input {...c} type="text" dir="auto" maxLength={500} value={where} onInput={(e) => setWhere(e.currentTarget.value)} />}
          </Field>
          <Field name="location_country" label={t('public.country')} error={errors['location_country']}>
            {(c) => (
              <select {...c} value={country} onChange={(e) => setCountry(e.currentTarget.value)}>
                <option value="">{t('public.country_unknown')}</option>
                {COUNTRIES.map((code) => (
                  <option key={code} value={code}>
                    {countryName(code, tag)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field name="who_is_at_risk" label={t('public.who')} hint={t('public.who_hint')} error={errors['who_is_at_risk']}>
          {(c) => <textarea {...c} rows={3} dir="auto" maxLength={2000} value={who} onInput={(e) => setWho(e.currentTarget.value)} />}
        </Field>
        <div class="grid">
          <Field name="people_count" label={t('public.how_many')} error={errors['people_count']}>
            {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={10000} step={1} value={count} onInput={(e) => setCount(e.currentTarget.value)} />}
          </Field>
        </div>
        <Checkbox name="children" label={t('public.children')} checked={children} onChange={setChildren} />
        <RadioGroup
          name="urgency"
          legend={t('public.urgency')}
          options={URGENCIES.map((u) => ({ value: u, label: t(`public_urgency.${u}`) }))}
          value={urgency}
          onChange={setUrgency}
          error={errors['urgency']}
        />
        <fieldset>
          <legend>{t('public.contact_legend')}</legend>
          <p class="hint">{t('public.contact_hint')}</p>
          <div class="grid">
            <Field name="contact.name" label={t('public.contact_name')} error={errors['contact.name']}>
              {(c) => <input {...c} type="text" dir="auto" autocomplete="name" maxLength={200} value={contactName} onInput={(e) => setContactName(e.currentTarget.value)} />}
            </Field>
            <Field name="contact.details" label={t('public.contact_details')} hint={t('public.contact_details_hint')} error={errors['contact.details'] ?? errors['contact']}>
              {(c) => <input {...c} type="text" dir="auto" maxLength={200} value={contactDetails} onInput={(e) => setContactDetails(e.currentTarget.value)} />}
            </Field>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('public.sending') : t('public.submit')}
          </button>
        </div>
      </form>
      {signedIn ? null : (
        <p>
          <a href={href('/cases')}>{t('public.staff_signin')}</a>
        </p>
      )}
    </section>
  );
}
