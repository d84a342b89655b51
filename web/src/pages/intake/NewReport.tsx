// A new intake report (#/intake/new): everything the API accepts — channel,
// time, language and interpreter, one or more reported people (children
// marked), where, what happened, urgency and the confidential reporter.
import { useState } from 'preact/hooks';
import { GENDERS, type Gender } from '../../api';
import { Alert, Checkbox, Field, RadioGroup, SelectField } from '../../components/Field';
import { splitError, type FieldErrors } from '../../errors';
import { setFlash } from '../../flash';
import { focusFirstError } from '../../focus';
import { useI18n } from '../../i18n';
import { CHANNELS, URGENCIES, intakeApi, type Channel, type NewReport as NewReportBody, type Urgency } from '../../intakeApi';
import { href, navigate } from '../../router';
import { useUser } from '../../session';
import { worksIntake } from './common';

interface PersonDraft {
  name: string;
  approximate_age: string;
  child: boolean;
  gender: Gender;
  citizenship: string;
  description: string;
}

const emptyPerson = (): PersonDraft => ({
  name: '', approximate_age: '', child: false, gender: 'NonSpecifiedUnknown', citizenship: '', description: '',
});

const PERSON_KEYS = ['name', 'approximate_age', 'child', 'gender', 'citizenship', 'description'] as const;
const MAX_PERSONS = 50;

// API field names, most specific first so that errors land on the right input.
function fieldNames(persons: number): string[] {
  const per: string[] = [];
  for (let i = 0; i < persons; i++) for (const k of PERSON_KEYS) per.push(`persons[${i}].${k}`);
  return [
    ...per, 'persons', 'channel', 'urgency', 'received_at', 'language', 'interpreter_used', 'people_count',
    'location_country', 'location', 'what_happened', 'reporter.name', 'reporter.contact', 'reporter.relationship',
    'reporter.anonymous', 'reporter',
  ];
}

const CODE2 = /^[A-Za-z]{2}$/;

export function NewReport() {
  const { t } = useI18n();
  const user = useUser();
  const [channel, setChannel] = useState<Channel | ''>('phone_hotline');
  const [urgency, setUrgency] = useState<Urgency | ''>('');
  const [receivedAt, setReceivedAt] = useState('');
  const [language, setLanguage] = useState('');
  const [interpreter, setInterpreter] = useState(false);
  const [persons, setPersons] = useState<PersonDraft[]>([emptyPerson()]);
  const [peopleCount, setPeopleCount] = useState('');
  const [country, setCountry] = useState('');
  const [location, setLocation] = useState('');
  const [what, setWhat] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [reporter, setReporter] = useState({ name: '', contact: '', relationship: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!worksIntake(user.role)) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('intake.new_title')}
        </h1>
        <p>{t('intake.not_allowed')}</p>
      </section>
    );
  }

  const setPerson = (i: number, patch: Partial<PersonDraft>) =>
    setPersons(persons.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  // Checks what can be checked here; the server checks everything again.
  const check = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!channel) e['channel'] = t('intake.v_channel');
    if (!urgency) e['urgency'] = t('intake.v_urgency');
    if (!what.trim()) e['what_happened'] = t('intake.v_what');
    if (language.trim() && !CODE2.test(language.trim())) e['language'] = t('validation.language_codes');
    if (country.trim() && !CODE2.test(country.trim())) e['location_country'] = t('validation.country_codes');
    if (peopleCount && !(Number.isInteger(Number(peopleCount)) && Number(peopleCount) >= 1)) e['people_count'] = t('intake.v_people_count');
    if (receivedAt && new Date(receivedAt).getTime() > Date.now() + 60000) e['received_at'] = t('intake.v_received_future');
    persons.forEach((p, i) => {
      const age = p.approximate_age.trim();
      if (age && !(Number.isInteger(Number(age)) && Number(age) >= 0 && Number(age) <= 120))
        e[`persons[${i}].approximate_age`] = t('validation.age');
      if (p.citizenship.trim() && !CODE2.test(p.citizenship.trim())) e[`persons[${i}].citizenship`] = t('validation.country_codes');
    });
    return e;
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (busy) return;
    setGeneral(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0 || !channel || !urgency) {
      focusFirstError();
      return;
    }
    const body: NewReportBody = {
      channel,
      urgency,
      language: language.trim().toLowerCase(),
      interpreter_used: interpreter,
      persons: persons.map((p) => ({
        name: p.name.trim(),
        approximate_age: p.approximate_age.trim() ? Number(p.approximate_age) : null,
        child: p.child,
        gender: p.gender,
        citizenship: p.citizenship.trim().toUpperCase(),
        description: p.description.trim(),
      })),
      location_country: country.trim().toUpperCase(),
      location: location.trim(),
      what_happened: what.trim(),
      reporter: anonymous
        ? { anonymous: true, relationship: reporter.relationship.trim() }
        : { name: reporter.name.trim(), contact: reporter.contact.trim(), relationship: reporter.relationship.trim() },
    };
    if (peopleCount) body.people_count = Number(peopleCount);
    if (receivedAt) body.received_at = new Date(receivedAt).getTime();
    setBusy(true);
    try {
      await intakeApi.take(body);
      setFlash('intake.saved_notice');
      navigate(href('/intake'), true);
    } catch (err) {
      const split = splitError(t, err, fieldNames(persons.length));
      setErrors(split.fields);
      setGeneral(split.general ? (split.detail ? `${split.general} ${t('error.detail', { detail: split.detail })}` : split.general) : null);
      setBusy(false);
      focusFirstError();
    }
  };

  return (
    <section aria-labelledby="page-title">
      <p class="back">
        <a href={href('/intake')}>{t('intake.back_to_queue')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {t('intake.new_title')}
      </h1>
      <p class="lead">{t('intake.new_intro')}</p>
      {general ? <Alert kind="error">{general}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('intake.legend_call')}</legend>
          <div class="grid">
            <SelectField
              name="channel"
              label={t('intake.channel')}
              options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              value={channel}
              onChange={setChannel}
              emptyLabel={t('common.choose')}
              error={errors['channel']}
            />
            <Field name="received_at" label={t('intake.received_at')} hint={t('intake.received_at_hint')} error={errors['received_at']}>
              {(c) => <input {...c} type="datetime-local" value={receivedAt} onInput={(e) => setReceivedAt(e.currentTarget.value)} />}
            </Field>
            <Field name="language" label={t('intake.language')} hint={t('intake.language_hint')} error={errors['language']}>
              {(c) => (
                <input {...c} type="text" autocomplete="off" autocapitalize="none" spellcheck={false} maxLength={2} value={language} onInput={(e) => setLanguage(e.currentTarget.value)} />
              )}
            </Field>
          </div>
          <Checkbox name="interpreter_used" label={t('intake.interpreter_used')} checked={interpreter} onChange={setInterpreter} />
          <RadioGroup
            name="urgency"
            legend={t('intake.urgency')}
            options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            value={urgency}
            onChange={setUrgency}
            error={errors['urgency']}
            inline
          />
        </fieldset>

        <fieldset>
          <legend>{t('intake.legend_what')}</legend>
          <Field name="what_happened" label={t('intake.what_happened')} error={errors['what_happened']} required requiredText={t('common.required')}>
            {(c) => <textarea {...c} rows={5} dir="auto" maxLength={10000} value={what} onInput={(e) => setWhat(e.currentTarget.value)} />}
          </Field>
          <div class="grid">
            <Field name="location_country" label={t('intake.location_country')} hint={t('person.citizenship_hint')} error={errors['location_country']}>
              {(c) => (
                <input {...c} type="text" autocomplete="off" autocapitalize="characters" spellcheck={false} maxLength={2} value={country} onInput={(e) => setCountry(e.currentTarget.value)} />
              )}
            </Field>
            <Field name="location" label={t('intake.location')} error={errors['location']}>
              {(c) => <input {...c} type="text" dir="auto" maxLength={500} value={location} onInput={(e) => setLocation(e.currentTarget.value)} />}
            </Field>
            <Field name="people_count" label={t('intake.people_count')} hint={t('intake.people_count_hint')} error={errors['people_count']}>
              {(c) => (
                <input {...c} type="number" inputMode="numeric" min={1} max={10000} step={1} value={peopleCount} onInput={(e) => setPeopleCount(e.currentTarget.value)} />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('intake.legend_persons')}</legend>
          {errors['persons'] ? <p class="field-error">{errors['persons']}</p> : null}
          {persons.map((p, i) => (
            <div class="reported-person" key={i} role="group" aria-label={t('intake.person_n', { n: i + 1 })}>
              <h3 class="small">{t('intake.person_n', { n: i + 1 })}</h3>
              <div class="grid">
                <Field name={`persons[${i}].name`} label={t('intake.person_name')} hint={t('intake.person_name_hint')} error={errors[`persons[${i}].name`]}>
                  {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={200} value={p.name} onInput={(e) => setPerson(i, { name: e.currentTarget.value })} />}
                </Field>
                <Field name={`persons[${i}].approximate_age`} label={t('person.approximate_age')} error={errors[`persons[${i}].approximate_age`]}>
                  {(c) => (
                    <input {...c} type="number" inputMode="numeric" min={0} max={120} step={1} value={p.approximate_age} onInput={(e) => setPerson(i, { approximate_age: e.currentTarget.value })} />
                  )}
                </Field>
                <SelectField
                  name={`persons[${i}].gender`}
                  label={t('person.gender')}
                  options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
                  value={p.gender}
                  onChange={(g) => setPerson(i, { gender: g || 'NonSpecifiedUnknown' })}
                  emptyLabel={t('common.choose')}
                  error={errors[`persons[${i}].gender`]}
                />
                <Field name={`persons[${i}].citizenship`} label={t('intake.person_citizenship')} hint={t('person.citizenship_hint')} error={errors[`persons[${i}].citizenship`]}>
                  {(c) => (
                    <input {...c} type="text" autocomplete="off" autocapitalize="characters" spellcheck={false} maxLength={2} value={p.citizenship} onInput={(e) => setPerson(i, { citizenship: e.currentTarget.value })} />
                  )}
                </Field>
              </div>
              <Checkbox name={`persons[${i}].child`} label={t('intake.person_child')} checked={p.child} onChange={(v) => setPerson(i, { child: v })} />
              <Field name={`persons[${i}].description`} label={t('intake.person_description')} error={errors[`persons[${i}].description`]}>
                {(c) => <textarea {...c} rows={2} dir="auto" maxLength={2000} value={p.description} onInput={(e) => setPerson(i, { description: e.currentTarget.value })} />}
              </Field>
              {persons.length > 1 ? (
                <button type="button" class="button" onClick={() => setPersons(persons.filter((_, j) => j !== i))}>
                  {t('intake.remove_person', { n: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          {persons.length < MAX_PERSONS ? (
            <button type="button" class="button" onClick={() => setPersons([...persons, emptyPerson()])}>
              {t('intake.add_person')}
            </button>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('intake.legend_reporter')}</legend>
          <p class="hint">{t('intake.reporter_hint')}</p>
          <Checkbox name="reporter.anonymous" label={t('intake.reporter_anonymous')} checked={anonymous} onChange={setAnonymous} />
          <div class="grid">
            {anonymous ? null : (
              <>
                <Field name="reporter.name" label={t('intake.reporter_name')} error={errors['reporter.name'] ?? errors['reporter']}>
                  {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={200} value={reporter.name} onInput={(e) => setReporter({ ...reporter, name: e.currentTarget.value })} />}
                </Field>
                <Field name="reporter.contact" label={t('intake.reporter_contact')} error={errors['reporter.contact']}>
                  {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={200} value={reporter.contact} onInput={(e) => setReporter({ ...reporter, contact: e.currentTarget.value })} />}
                </Field>
              </>
            )}
            <Field name="reporter.relationship" label={t('intake.reporter_relationship')} error={errors['reporter.relationship']}>
              {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={200} value={reporter.relationship} onInput={(e) => setReporter({ ...reporter, relationship: e.currentTarget.value })} />}
            </Field>
          </div>
        </fieldset>

        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.saving') : t('intake.submit_report')}
          </button>
          <a class="button" href={href('/intake')}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
