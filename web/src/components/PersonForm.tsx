import { GENDERS, type Gender, type OrgUser, type Person, type User, type UserRef } from '../api';
import type { FieldErrors } from '../errors';
import { countryName, languageName } from '../format';
import { useI18n, type T } from '../i18n';
import { worksCases } from '../permissions';
import { Field } from './Field';

// What the inputs hold: text, converted to a `Person` on submit.
export interface PersonDraft {
  first_name: string;
  middle_name: string;
  second_name: string;
  birth_date: string;
  approximate_age: string;
  gender: Gender;
  citizenship: string;
  languages: string;
}

// Limits from docs/api/openapi.yaml, enforced here so typing stops at the limit.
const NAME_MAX = 200;

export const PERSON_FIELDS = [
  'person.first_name',
  'person.middle_name',
  'person.second_name',
  'person.birth_date',
  'person.approximate_age',
  'person.gender',
  'person.citizenship',
  'person.languages',
] as const;

export function emptyDraft(): PersonDraft {
  return {
    first_name: '',
    middle_name: '',
    second_name: '',
    birth_date: '',
    approximate_age: '',
    gender: 'NonSpecifiedUnknown',
    citizenship: '',
    languages: '',
  };
}

export function draftFromPerson(p: Person): PersonDraft {
  return {
    first_name: p.first_name ?? '',
    middle_name: p.middle_name ?? '',
    second_name: p.second_name ?? '',
    birth_date: p.birth_date ?? '',
    approximate_age: p.approximate_age == null ? '' : String(p.approximate_age),
    gender: GENDERS.includes(p.gender) ? p.gender : 'NonSpecifiedUnknown',
    citizenship: (p.citizenship ?? []).join(', '),
    languages: (p.languages ?? []).join(', '),
  };
}

function splitCodes(s: string): string[] {
  return s
    .split(/[\s,;、，]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Checks the draft the way the API will, so most mistakes are caught without a
// round trip on a slow link. Returns the person, or errors keyed by API field.
export function validateDraft(d: PersonDraft, t: T): { person: Person | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const first = d.first_name.trim();
  const second = d.second_name.trim();
  if (!first && !second) errors['person.first_name'] = t('validation.name_required');

  const birth = d.birth_date.trim();
  if (birth) {
    if (!isRealDate(birth)) errors['person.birth_date'] = t('validation.birth_date');
    else if (birth > new Date().toISOString().slice(0, 10)) errors['person.birth_date'] = t('validation.birth_date_future');
  }

  const ageText = d.approximate_age.trim();
  let age: number | null = null;
  if (ageText) {
    age = /^\d{1,3}$/.test(ageText) ? Number(ageText) : NaN;
    if (!Number.isInteger(age) || age < 0 || age > 120) errors['person.approximate_age'] = t('validation.age');
  }

  const citizenship = splitCodes(d.citizenship).map((c) => c.toUpperCase());
  if (citizenship.some((c) => !/^[A-Z]{2}$/.test(c))) errors['person.citizenship'] = t('validation.country_codes');

  const languages = splitCodes(d.languages).map((c) => c.toLowerCase());
  if (languages.some((c) => !/^[a-z]{2}$/.test(c))) errors['person.languages'] = t('validation.language_codes');

  if (Object.keys(errors).length > 0) return { person: null, errors };
  return {
    person: {
      first_name: first,
      middle_name: d.middle_name.trim(),
      second_name: second,
      birth_date: birth || null,
      approximate_age: age,
      gender: d.gender,
      citizenship: [...new Set(citizenship)],
      languages: [...new Set(languages)],
    },
    errors,
  };
}

// Same person, compared field by field after normalising.
export function samePerson(a: Person, b: Person): boolean {
  return (
    a.first_name === (b.first_name ?? '') &&
    a.middle_name === (b.middle_name ?? '') &&
    a.second_name === (b.second_name ?? '') &&
    (a.birth_date ?? null) === (b.birth_date ?? null) &&
    (a.approximate_age ?? null) === (b.approximate_age ?? null) &&
    a.gender === b.gender &&
    a.citizenship.join(',') === (b.citizenship ?? []).join(',') &&
    a.languages.join(',') === (b.languages ?? []).join(',')
  );
}

function CodeNames({ codes, kind }: { codes: string; kind: 'region' | 'language' }) {
  const { tag } = useI18n();
  const list = splitCodes(codes).filter((c) => /^[A-Za-z]{2}$/.test(c));
  if (list.length === 0) return null;
  const names = list.map((c) =>
    kind === 'region' ? countryName(c.toUpperCase(), tag) : languageName(c.toLowerCase(), tag),
  );
  return <span class="code-names">{` → ${names.join(', ')}`}</span>;
}

interface PersonFieldsProps {
  draft: PersonDraft;
  onChange: (d: PersonDraft) => void;
  errors: FieldErrors;
}

export function PersonFields({ draft, onChange, errors }: PersonFieldsProps) {
  const { t } = useI18n();
  const set =
    (key: keyof PersonDraft) =>
    (e: Event): void =>
      onChange({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <fieldset class="person">
      <legend>{t('person.legend')}</legend>
      <p class="hint">{t('person.names_hint')}</p>
      <div class="grid">
        <Field name="person.first_name" label={t('person.first_name')} error={errors['person.first_name']}>
          {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={NAME_MAX} value={draft.first_name} onInput={set('first_name')} />}
        </Field>
        <Field name="person.middle_name" label={t('person.middle_name')} error={errors['person.middle_name']}>
          {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={NAME_MAX} value={draft.middle_name} onInput={set('middle_name')} />}
        </Field>
        <Field name="person.second_name" label={t('person.second_name')} error={errors['person.second_name']}>
          {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={NAME_MAX} value={draft.second_name} onInput={set('second_name')} />}
        </Field>
        <Field name="person.gender" label={t('person.gender')} error={errors['person.gender']}>
          {(c) => (
            <select {...c} value={draft.gender} onChange={set('gender')}>
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`gender.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="person.birth_date"
          label={t('person.birth_date')}
          hint={t('person.birth_date_hint')}
          error={errors['person.birth_date']}
        >
          {(c) => <input {...c} type="date" min="1900-01-01" value={draft.birth_date} onInput={set('birth_date')} />}
        </Field>
        <Field
          name="person.approximate_age"
          label={t('person.approximate_age')}
          hint={t('person.approximate_age_hint')}
          error={errors['person.approximate_age']}
        >
          {(c) => (
            <input
              {...c}
              type="number"
              inputMode="numeric"
              min={0}
              max={120}
              step={1}
              value={draft.approximate_age}
              onInput={set('approximate_age')}
            />
          )}
        </Field>
        <Field
          name="person.citizenship"
          label={t('person.citizenship')}
          hint={
            <>
              {t('person.citizenship_hint')}
              <CodeNames codes={draft.citizenship} kind="region" />
            </>
          }
          error={errors['person.citizenship']}
        >
          {(c) => (
            <input {...c} type="text" autocomplete="off" autocapitalize="characters" spellcheck={false} value={draft.citizenship} onInput={set('citizenship')} />
          )}
        </Field>
        <Field
          name="person.languages"
          label={t('person.languages')}
          hint={
            <>
              {t('person.languages_hint')}
              <CodeNames codes={draft.languages} kind="language" />
            </>
          }
          error={errors['person.languages']}
        >
          {(c) => (
            <input {...c} type="text" autocomplete="off" autocapitalize="none" spellcheck={false} value={draft.languages} onInput={set('languages')} />
          )}
        </Field>
      </div>
    </fieldset>
  );
}

interface AssigneeProps {
  value: string;
  onChange: (v: string) => void;
  users: OrgUser[] | null;
  me: User;
  current?: UserRef | null;
  error?: string | undefined;
  disabled?: boolean;  // shown but not changeable (the caller may not assign)
}

// Assignee picker: people of the caller's own organisation, or nobody.
export function AssigneeField({ value, onChange, users, me, current, error, disabled }: AssigneeProps) {
  const { t } = useI18n();
  const options: UserRef[] = (users ?? []).filter((u) => worksCases(u.role));
  // The caller and the current assignee stay choosable even when the user
  // list could not be loaded.
  const extras: Array<UserRef | null | undefined> = [worksCases(me.role) ? me : null, current];
  for (const extra of extras) {
    if (extra && !options.some((u) => u.id === extra.id)) options.push({ id: extra.id, display_name: extra.display_name });
  }
  options.sort((a, b) => a.display_name.localeCompare(b.display_name));
  return (
    <Field name="assignee_id" label={t('case.assignee')} error={error}>
      {(c) => (
        <select {...c} disabled={disabled} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('case.unassigned')}</option>
          {options.map((u) => (
            <option key={u.id} value={String(u.id)}>
              {u.id === me.id ? t('case.assignee_me', { name: u.display_name }) : u.display_name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
