// Filing a family tracing request (#/tracing/new): who is searching and how
// to reach them, whom they are looking for (names in any script, a birth
// date or an age), where that person was last known to be and what the
// searcher remembers. A supervisor may name another tracing officer.
import { useState } from 'preact/hooks';
import { Alert, Field } from '../../components/Field';
import { PERSON_FIELDS, PersonFields, emptyDraft, validateDraft } from '../../components/PersonForm';
import { splitError, type FieldErrors } from '../../errors';
import { setFlash } from '../../flash';
import { focusFirstError } from '../../focus';
import { useI18n } from '../../i18n';
import { filesTracingRequests } from '../../permissions';
import { href, navigate } from '../../router';
import { useOrgUsers, useUser } from '../../session';
import { tracingApi, type Searcher } from '../../tracingApi';
import { generalText } from '../casework/common';
import { OfficerField } from './OfficerField';

// Limits from docs/api/openapi.yaml.
const LINE_MAX = 200;
const CONTACT_MAX = 500;
const TEXT_MAX = 4000;

const SEARCHER_FIELDS = ['searcher.name', 'searcher.relationship', 'searcher.contact'] as const;
const OTHER_FIELDS = ['sought.last_known_place', 'sought.remembers', 'officer_id'] as const;
// The API names the sought person's fields "sought.person.X"; the person
// form shows them as "person.X".
const API_FIELDS = [...SEARCHER_FIELDS, ...OTHER_FIELDS, ...PERSON_FIELDS.map((f) => `sought.${f}`)];

function formErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) out[k.startsWith('sought.person.') ? k.slice('sought.'.length) : k] = v;
  return out;
}

export function NewTracingRequest() {
  const { t } = useI18n();
  const user = useUser();
  const supervisor = user.role === 'supervisor';
  const users = useOrgUsers(user.id);
  const [searcher, setSearcher] = useState<Searcher>({ name: '', relationship: '', contact: '' });
  const [draft, setDraft] = useState(emptyDraft);
  const [place, setPlace] = useState('');
  const [remembers, setRemembers] = useState('');
  const [officer, setOfficer] = useState(String(user.id));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const back = (
    <p class="back">
      <a href={href('/tracing')}>{t('tracing.back_to_list')}</a>
    </p>
  );

  if (!filesTracingRequests(user.role)) {
    return (
      <section aria-labelledby="page-title">
        {back}
        <h1 id="page-title" tabIndex={-1}>
          {t('tracing.new_title')}
        </h1>
        <p>{t('tracing.new_not_allowed')}</p>
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setGeneral(null);
    const { person, errors: found } = validateDraft(draft, t);
    const s = { name: searcher.name.trim(), relationship: searcher.relationship.trim(), contact: searcher.contact.trim() };
    if (!s.name) found['searcher.name'] = t('tracing.v_searcher_name');
    if (!s.relationship) found['searcher.relationship'] = t('tracing.v_relationship');
    if (!s.contact) found['searcher.contact'] = t('tracing.v_contact');
    setErrors(found);
    if (!person || Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const created = await tracingApi.create({
        searcher: s,
        sought: { person, last_known_place: place.trim(), remembers: remembers.trim() },
        ...(officer && Number(officer) !== user.id ? { officer_id: Number(officer) } : {}),
      });
      setFlash('tracing.created_notice');
      navigate(href(`/tracing/${created.id}`), true);
    } catch (err) {
      const split = splitError(t, err, API_FIELDS);
      setErrors(formErrors(split.fields));
      setGeneral(generalText(t, split));
      setBusy(false);
      focusFirstError();
    }
  };

  const setS = (key: keyof Searcher) => (e: Event) =>
    setSearcher({ ...searcher, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <section aria-labelledby="page-title">
      {back}
      <h1 id="page-title" tabIndex={-1}>
        {t('tracing.new_title')}
      </h1>
      <p class="lead">{t('tracing.new_intro')}</p>
      {general ? <Alert kind="error">{general}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('tracing.searcher_legend')}</legend>
          <div class="grid">
            <Field name="searcher.name" label={t('tracing.searcher_name')} error={errors['searcher.name']} required requiredText={t('common.required')}>
              {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={LINE_MAX} value={searcher.name} onInput={setS('name')} />}
            </Field>
            <Field
              name="searcher.relationship"
              label={t('tracing.relationship')}
              hint={t('tracing.relationship_hint')}
              error={errors['searcher.relationship']}
              required
              requiredText={t('common.required')}
            >
              {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={LINE_MAX} value={searcher.relationship} onInput={setS('relationship')} />}
            </Field>
          </div>
          <Field
            name="searcher.contact"
            label={t('tracing.contact')}
            hint={t('tracing.contact_hint')}
            error={errors['searcher.contact']}
            required
            requiredText={t('common.required')}
          >
            {(c) => <textarea {...c} rows={2} dir="auto" maxLength={CONTACT_MAX} value={searcher.contact} onInput={setS('contact')} />}
          </Field>
        </fieldset>

        <h2>{t('tracing.sought_title')}</h2>
        <p class="hint">{t('tracing.sought_hint')}</p>
        <PersonFields draft={draft} onChange={setDraft} errors={errors} />
        <fieldset>
          <legend>{t('tracing.memory_legend')}</legend>
          <Field name="sought.last_known_place" label={t('tracing.last_known_place')} error={errors['sought.last_known_place']}>
            {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={LINE_MAX} value={place} onInput={(e) => setPlace(e.currentTarget.value)} />}
          </Field>
          <Field name="sought.remembers" label={t('tracing.remembers')} hint={t('tracing.remembers_hint')} error={errors['sought.remembers']}>
            {(c) => <textarea {...c} rows={4} dir="auto" maxLength={TEXT_MAX} value={remembers} onInput={(e) => setRemembers(e.currentTarget.value)} />}
          </Field>
        </fieldset>

        {supervisor ? (
          <fieldset>
            <legend>{t('tracing.officer_legend')}</legend>
            <OfficerField value={officer} onChange={setOfficer} users={users} me={user} error={errors['officer_id']} />
          </fieldset>
        ) : (
          <p class="note">{t('tracing.you_are_officer')}</p>
        )}

        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.saving') : t('tracing.submit')}
          </button>
          <a class="button" href={href('/tracing')}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
