// The fields of one version, shared by "publish a document" and "add a
// version": the file, its language (one of the region's or another ISO 639-1
// code), the countries it applies to, the parties (MOUs), the date it takes
// effect and a summary. Controlled by the form that sends it.
import { useEffect, useState } from 'preact/hooks';
import { api, type Organisation } from '../../api';
import { Field, SelectField, type ControlProps } from '../../components/Field';
import { REGION_COUNTRIES, REGION_LANGUAGES } from '../../directoryApi';
import type { FieldErrors } from '../../errors';
import { countryName, languageName } from '../../format';
import { useI18n } from '../../i18n';
import { ACCEPTED_FILES, MAX_FILE_BYTES, fileToBase64, type VersionInput } from '../../libraryApi';
import { CheckboxGroup } from './common';

export interface VersionDraft {
  file: File | null;
  language: string; // a code, or OTHER with `other_language`
  other_language: string;
  countries: string[];
  organisations: string[]; // ids as text (checkbox values)
  effective_date: string;
  summary: string;
}

const OTHER = 'other';

export const EMPTY_VERSION: VersionDraft = {
  file: null,
  language: '',
  other_language: '',
  countries: [],
  organisations: [],
  effective_date: '',
  summary: '',
};

// The API's field names this form shows errors for.
export const VERSION_FIELDS = ['filename', 'content', 'content_base64', 'language', 'countries', 'organisations', 'effective_date', 'summary'];

// Checks what the browser can (a file chosen, its size); the server checks the rest.
export function localErrors(t: (k: string) => string, d: VersionDraft): FieldErrors {
  const e: FieldErrors = {};
  if (!d.file) e.filename = t('library.e_file');
  else if (d.file.size > MAX_FILE_BYTES) e.filename = t('library.e_file_size');
  return e;
}

export async function toInput(d: VersionDraft): Promise<VersionInput> {
  return {
    filename: d.file?.name ?? '',
    content_base64: d.file ? await fileToBase64(d.file) : '',
    language: d.language === OTHER ? d.other_language.trim() : d.language,
    countries: d.countries,
    organisations: d.organisations.map(Number),
    effective_date: d.effective_date,
    summary: d.summary.trim(),
  };
}

interface Props {
  value: VersionDraft;
  onChange: (d: VersionDraft) => void;
  errors: FieldErrors;
  showParties: boolean;
}

export function VersionFields({ value, onChange, errors, showParties }: Props) {
  const { t, tag } = useI18n();
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  useEffect(() => {
    if (!showParties || orgs.length) return;
    api.organisations().then((r) => setOrgs(r.items), () => setOrgs([]));
  }, [showParties]);
  const set = <K extends keyof VersionDraft>(k: K, v: VersionDraft[K]) => onChange({ ...value, [k]: v });
  const fileError = errors.filename ?? errors.content ?? errors.content_base64;

  return (
    <>
      <Field name="file" label={t('library.f_file')} hint={t('library.f_file_hint')} error={fileError} required requiredText={t('common.required')}>
        {(c: ControlProps) => (
          <input {...c} type="file" accept={ACCEPTED_FILES} onChange={(e) => set('file', e.currentTarget.files?.[0] ?? null)} />
        )}
      </Field>
      <SelectField
        name="language"
        label={t('library.f_language')}
        options={[
          ...REGION_LANGUAGES.map((c) => ({ value: c, label: `${languageName(c, tag)} (${c})` })),
          { value: OTHER, label: t('library.other_language') },
        ]}
        value={value.language}
        onChange={(v) => set('language', v)}
        emptyLabel={t('common.choose')}
        error={value.language === OTHER ? undefined : errors.language}
      />
      {value.language === OTHER ? (
        <Field name="other_language" label={t('library.f_other_language')} hint={t('library.f_other_language_hint')} error={errors.language}>
          {(c) => (
            <input {...c} maxLength={3} size={4} value={value.other_language} onInput={(e) => set('other_language', e.currentTarget.value)} />
          )}
        </Field>
      ) : null}
      <CheckboxGroup
        name="countries"
        legend={t('library.f_countries')}
        error={errors.countries}
        options={REGION_COUNTRIES.map((c) => ({ value: c, label: countryName(c, tag) }))}
        values={value.countries}
        onChange={(v) => set('countries', v)}
      />
      {showParties ? (
        <CheckboxGroup
          name="organisations"
          legend={t('library.f_parties')}
          hint={t('library.f_parties_hint')}
          error={errors.organisations}
          options={orgs.map((o) => ({ value: String(o.id), label: `${o.name} (${o.country})` }))}
          values={value.organisations}
          onChange={(v) => set('organisations', v)}
        />
      ) : null}
      <Field name="effective_date" label={t('library.f_effective')} error={errors.effective_date} required requiredText={t('common.required')}>
        {(c) => <input {...c} type="date" value={value.effective_date} onInput={(e) => set('effective_date', e.currentTarget.value)} />}
      </Field>
      <Field name="summary" label={t('library.f_summary')} error={errors.summary}>
        {(c) => <textarea {...c} rows={3} maxLength={4000} value={value.summary} onInput={(e) => set('summary', e.currentTarget.value)} />}
      </Field>
    </>
  );
}
