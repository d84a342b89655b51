// Editing an organisation's directory profile (#/directory/42/edit): its own
// org admin and supervisors, or the secretariat. Saves the whole profile with
// the version it was read at; a change by someone else in between is refused
// (conflict) rather than overwritten. Capacity is the profile page's own form.
import { useEffect, useState } from 'preact/hooks';
import type { Organisation } from '../../api';
import { Alert, Checkbox, Field, RadioGroup, SelectField } from '../../components/Field';
import {
  ACCEPTS_AGE,
  ACCEPTS_SEX,
  AGREEMENT_TYPES,
  directoryApi,
  EXPLOITATIONS,
  REGION_COUNTRIES,
  SERVICES,
  type Agreement,
  type LiaisonOfficer,
  type Profile,
  type ProfileDetails,
  type ServedArea,
} from '../../directoryApi';
import { errorMessage, splitError, type FieldErrors } from '../../errors';
import { setFlash } from '../../flash';
import { countryName } from '../../format';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import { loadOrganisations } from '../../session';
import { codeOptions, options } from './common';

type State = { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; profile: Profile };

// Lists typed as text: one item per line, or separated by commas.
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const codes = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

interface OfficerDraft extends Omit<LiaisonOfficer, 'languages'> {
  languages: string;
}
interface AreaDraft {
  country: string;
  provinces: string;
}
interface Draft extends Omit<ProfileDetails, 'areas' | 'languages' | 'liaison_officers'> {
  areas: AreaDraft[];
  languages: string;
  liaison_officers: OfficerDraft[];
}

function draftOf(p: Profile): Draft {
  return {
    ...p,
    areas: p.areas.map((a: ServedArea) => ({ country: a.country, provinces: a.provinces.join('\n') })),
    languages: p.languages.join(', '),
    liaison_officers: p.liaison_officers.map((o) => ({ ...o, languages: o.languages.join(', ') })),
  };
}

function detailsOf(d: Draft): ProfileDetails {
  return {
    areas: d.areas.map((a) => ({ country: a.country, provinces: lines(a.provinces) })),
    services: d.services,
    expertise: d.expertise,
    languages: codes(d.languages),
    accepts_sex: d.accepts_sex,
    accepts_age: d.accepts_age,
    accepts_exploitation: d.accepts_exploitation,
    working_hours: d.working_hours,
    liaison_officers: d.liaison_officers.map((o) => ({ ...o, languages: codes(o.languages) })),
    agreements: d.agreements.map((a) => ({ ...a, expiry_date: a.expiry_date || null })),
  };
}

// Every field the API may name, down to each row's parts, so that an error
// lands next to its own input.
function fieldNames(d: Draft): string[] {
  const out = ['areas', 'services', 'expertise', 'languages', 'accepts_sex', 'accepts_age', 'accepts_exploitation', 'working_hours'];
  d.areas.forEach((_, i) => out.unshift(`areas[${i}].country`, `areas[${i}].provinces`));
  d.liaison_officers.forEach((_, i) =>
    out.unshift(...['name', 'title', 'phone', 'email', 'languages'].map((f) => `liaison_officers[${i}].${f}`)),
  );
  d.agreements.forEach((_, i) =>
    out.unshift(...['type', 'title', 'partner_organisation_id', 'signed_date', 'expiry_date'].map((f) => `agreements[${i}].${f}`)),
  );
  return [...out, 'liaison_officers', 'agreements'];
}

function toggle<V>(list: V[], v: V, on: boolean): V[] {
  return on ? [...list.filter((x) => x !== v), v] : list.filter((x) => x !== v);
}

export function ProfileEdit({ id }: { id: number }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    directoryApi.get(id).then(
      (profile) => live && setState({ kind: 'ready', profile }),
      (err) => live && setState({ kind: 'error', err }),
    );
    return () => {
      live = false;
    };
  }, [id, attempt]);

  if (state.kind !== 'ready' || !state.profile.can_edit) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('dir.edit_title')}
        </h1>
        {state.kind === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
        {state.kind === 'error' ? (
          <Alert kind="error">
            {errorMessage(t, state.err)}{' '}
            <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </Alert>
        ) : null}
        {state.kind === 'ready' ? <p>{t('dir.edit_not_allowed')}</p> : null}
      </section>
    );
  }
  return <EditForm key={state.profile.version} profile={state.profile} onReload={() => setAttempt((n) => n + 1)} />;
}

function EditForm({ profile, onReload }: { profile: Profile; onReload: () => void }) {
  const { t, tag } = useI18n();
  const [d, setD] = useState<Draft>(() => draftOf(profile));
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const orgId = profile.organisation.id;

  useEffect(() => {
    loadOrganisations().then(setOrgs, () => {});
  }, []);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const setRow = <K extends 'areas' | 'liaison_officers' | 'agreements'>(k: K, i: number, patch: Partial<Draft[K][number]>) =>
    setD((x) => ({ ...x, [k]: (x[k] as Draft[K][number][]).map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const removeRow = (k: 'areas' | 'liaison_officers' | 'agreements', i: number) =>
    setD((x) => ({ ...x, [k]: (x[k] as unknown[]).filter((_, j) => j !== i) }));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setGeneral(null);
    setConflict(false);
    setErrors({});
    try {
      await directoryApi.update(orgId, profile.version, detailsOf(d));
      setFlash('dir.saved');
      navigate(href(`/directory/${orgId}`));
    } catch (err) {
      const s = splitError(t, err, fieldNames(d));
      setErrors(s.fields);
      setGeneral(s.general);
      setConflict(s.general !== null && (err as { code?: string }).code === 'conflict');
    } finally {
      setBusy(false);
    }
  };

  const partnerOptions = orgs.filter((o) => o.id !== orgId).map((o) => ({ value: String(o.id), label: o.name }));
  const countries = codeOptions(REGION_COUNTRIES, d.areas.map((a) => a.country), (c) => countryName(c, tag));

  return (
    <section aria-labelledby="page-title">
      <p>
        <a href={href(`/directory/${orgId}`)}>{t('dir.back_to_profile')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {t('dir.edit_title')}
      </h1>
      <p class="lead" dir="auto">
        {profile.organisation.name}
      </p>
      <form onSubmit={submit} noValidate>
        {general ? (
          <Alert kind="error">
            {general}{' '}
            {conflict ? (
              <button type="button" class="link" onClick={onReload}>
                {t('dir.reload')}
              </button>
            ) : null}
          </Alert>
        ) : null}

        <fieldset class="choices check-grid">
          <legend>{t('dir.services')}</legend>
          {errors.services ? <p class="field-error">{errors.services}</p> : null}
          <div class="choice-list">
            {SERVICES.map((s) => (
              <Checkbox
                key={s}
                name={`service-${s}`}
                label={t(`dir_service.${s}`)}
                checked={d.services.includes(s)}
                onChange={(on) => set('services', toggle(d.services, s, on))}
              />
            ))}
          </div>
        </fieldset>

        <h2>{t('dir.areas')}</h2>
        {d.areas.map((a, i) => (
          <div class="repeat-row" key={i}>
            <SelectField
              name={`areas[${i}].country`}
              label={t('dir.f_country')}
              options={countries}
              value={a.country}
              onChange={(v) => setRow('areas', i, { country: v })}
              emptyLabel={t('common.choose')}
              error={errors[`areas[${i}].country`]}
            />
            <Field name={`areas[${i}].provinces`} label={t('dir.provinces')} hint={t('dir.provinces_hint')} error={errors[`areas[${i}].provinces`]}>
              {(c) => <textarea {...c} rows={3} value={a.provinces} onInput={(e) => setRow('areas', i, { provinces: e.currentTarget.value })} />}
            </Field>
            <button type="button" class="link" onClick={() => removeRow('areas', i)}>
              {t('dir.remove_area')}
            </button>
          </div>
        ))}
        <p>
          <button type="button" class="button" onClick={() => set('areas', [...d.areas, { country: '', provinces: '' }])}>
            {t('dir.add_area')}
          </button>
        </p>

        <Field name="expertise" label={t('dir.expertise')} error={errors.expertise}>
          {(c) => <textarea {...c} rows={4} maxLength={5000} value={d.expertise} onInput={(e) => set('expertise', e.currentTarget.value)} />}
        </Field>
        <Field name="languages" label={t('dir.languages')} hint={t('dir.codes_hint')} error={errors.languages}>
          {(c) => <input {...c} value={d.languages} onInput={(e) => set('languages', e.currentTarget.value)} />}
        </Field>
        <RadioGroup
          name="accepts_sex"
          legend={t('dir.accepts_sex')}
          options={options(t, 'dir_sex', ACCEPTS_SEX)}
          value={d.accepts_sex}
          onChange={(v) => set('accepts_sex', v)}
          error={errors.accepts_sex}
          inline
        />
        <RadioGroup
          name="accepts_age"
          legend={t('dir.accepts_age')}
          options={options(t, 'dir_age', ACCEPTS_AGE)}
          value={d.accepts_age}
          onChange={(v) => set('accepts_age', v)}
          error={errors.accepts_age}
          inline
        />
        <fieldset class="choices check-grid">
          <legend>{t('dir.exploitation')}</legend>
          <p class="hint">{t('dir.exploitation_hint')}</p>
          {errors.accepts_exploitation ? <p class="field-error">{errors.accepts_exploitation}</p> : null}
          <div class="choice-list">
            {EXPLOITATIONS.map((x) => (
              <Checkbox
                key={x}
                name={`exploitation-${x}`}
                label={t(`dir_exploitation.${x}`)}
                checked={d.accepts_exploitation.includes(x)}
                onChange={(on) => set('accepts_exploitation', toggle(d.accepts_exploitation, x, on))}
              />
            ))}
          </div>
        </fieldset>
        <Field name="working_hours" label={t('dir.working_hours')} error={errors.working_hours}>
          {(c) => <textarea {...c} rows={2} maxLength={500} value={d.working_hours} onInput={(e) => set('working_hours', e.currentTarget.value)} />}
        </Field>

        <h2>{t('dir.officers')}</h2>
        <p class="hint">{t('dir.officers_hint')}</p>
        {errors.liaison_officers ? <p class="field-error">{errors.liaison_officers}</p> : null}
        {d.liaison_officers.map((o, i) => (
          <div class="repeat-row" key={i}>
            {(['name', 'title', 'phone', 'email', 'languages'] as const).map((f) => (
              <Field
                key={f}
                name={`liaison_officers[${i}].${f}`}
                label={t(`dir.o_${f}`)}
                hint={f === 'languages' ? t('dir.codes_hint') : undefined}
                error={errors[`liaison_officers[${i}].${f}`]}
              >
                {(c) => (
                  <input
                    {...c}
                    inputMode={f === 'email' ? 'email' : f === 'phone' ? 'tel' : undefined}
                    value={o[f]}
                    onInput={(e) => setRow('liaison_officers', i, { [f]: e.currentTarget.value })}
                  />
                )}
              </Field>
            ))}
            <button type="button" class="link" onClick={() => removeRow('liaison_officers', i)}>
              {t('dir.remove_officer')}
            </button>
          </div>
        ))}
        <p>
          <button
            type="button"
            class="button"
            onClick={() => set('liaison_officers', [...d.liaison_officers, { name: '', title: '', phone: '', email: '', languages: '' }])}
          >
            {t('dir.add_officer')}
          </button>
        </p>

        <h2>{t('dir.agreements')}</h2>
        {errors.agreements ? <p class="field-error">{errors.agreements}</p> : null}
        {d.agreements.map((a, i) => (
          <div class="repeat-row" key={i}>
            <SelectField
              name={`agreements[${i}].type`}
              label={t('dir.a_type')}
              options={options(t, 'dir_agreement', AGREEMENT_TYPES)}
              value={a.type}
              onChange={(v) => v && setRow('agreements', i, { type: v })}
              emptyLabel={t('common.choose')}
              error={errors[`agreements[${i}].type`]}
            />
            <Field name={`agreements[${i}].title`} label={t('dir.a_title')} error={errors[`agreements[${i}].title`]}>
              {(c) => <input {...c} value={a.title} onInput={(e) => setRow('agreements', i, { title: e.currentTarget.value })} />}
            </Field>
            <SelectField
              name={`agreements[${i}].partner_organisation_id`}
              label={t('dir.a_partner')}
              options={partnerOptions}
              value={a.partner_organisation_id ? String(a.partner_organisation_id) : ''}
              onChange={(v) => setRow('agreements', i, { partner_organisation_id: Number(v) || 0 })}
              emptyLabel={t('common.choose')}
              error={errors[`agreements[${i}].partner_organisation_id`]}
            />
            <Field name={`agreements[${i}].signed_date`} label={t('dir.a_signed')} error={errors[`agreements[${i}].signed_date`]}>
              {(c) => <input {...c} type="date" value={a.signed_date} onInput={(e) => setRow('agreements', i, { signed_date: e.currentTarget.value })} />}
            </Field>
            <Field name={`agreements[${i}].expiry_date`} label={t('dir.a_expiry')} hint={t('dir.expiry_hint')} error={errors[`agreements[${i}].expiry_date`]}>
              {(c) => (
                <input {...c} type="date" value={a.expiry_date ?? ''} onInput={(e) => setRow('agreements', i, { expiry_date: e.currentTarget.value || null })} />
              )}
            </Field>
            <button type="button" class="link" onClick={() => removeRow('agreements', i)}>
              {t('dir.remove_agreement')}
            </button>
          </div>
        ))}
        <p>
          <button
            type="button"
            class="button"
            onClick={() =>
              set('agreements', [...d.agreements, { type: 'mou', title: '', partner_organisation_id: 0, signed_date: '', expiry_date: null } as Agreement])
            }
          >
            {t('dir.add_agreement')}
          </button>
        </p>

        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t('common.saving') : t('dir.save')}
          </button>
          <a class="button" href={href(`/directory/${orgId}`)}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
