// One input for one form field, chosen by the field's type.
import type { Organisation, UserRef } from '../../api';
import type { FormField } from '../../entriesApi';
import { countryName, languageName } from '../../format';
import { useI18n, type T } from '../../i18n';
import { REGION_CURRENCIES, currencyName } from '../../money';
import { worksCases } from '../../permissions';
import { Checkbox, Field, RadioGroup, fieldId } from '../Field';
import { COUNTRY_CODES, LANGUAGE_CODES, REGION_COUNTRIES, REGION_LANGUAGES } from './codes';
import { entrySummary } from './display';
import { fieldLabel, optionLabel, type DraftValue } from './draft';
import type { EntryEnv } from './env';

interface Props {
  kind: string;
  currency?: string; // amount: the currency chosen in the same form
  field: FormField;
  name: string; // unique on the page: several forms may show the same field
  value: DraftValue;
  onChange: (v: DraftValue) => void;
  error: string | undefined;
  env: EntryEnv;
}

// Required choices with few options are radio buttons: all answers visible at once.
const RADIO_MAX = 4;

function CodeSelect({ c, value, onChange, codes, region, name, emptyLabel }: {
  c: object;
  value: string;
  onChange: (v: string) => void;
  codes: string[];
  region: string[];
  name: (code: string) => string;
  emptyLabel: string;
}) {
  const { t, tag } = useI18n();
  const byName = (a: string, b: string) => name(a).localeCompare(name(b), tag);
  const others = codes.filter((x) => !region.includes(x)).sort(byName);
  return (
    <select {...c} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{emptyLabel}</option>
      <optgroup label={t('entries.region_group')}>
        {[...region].sort(byName).map((x) => (
          <option key={x} value={x}>
            {name(x)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('entries.other_group')}>
        {others.map((x) => (
          <option key={x} value={x}>
            {name(x)}
          </option>
        ))}
      </optgroup>
    </select>
  );
}

function orgOptions(orgs: Organisation[], tag: string) {
  const byCountry = new Map<string, Organisation[]>();
  for (const o of orgs) byCountry.set(o.country, [...(byCountry.get(o.country) ?? []), o]);
  return [...byCountry.keys()]
    .sort((a, b) => countryName(a, tag).localeCompare(countryName(b, tag), tag))
    .map((country) => (
      <optgroup key={country} label={countryName(country, tag)}>
        {(byCountry.get(country) ?? [])
          .slice()
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.name}
            </option>
          ))}
      </optgroup>
    ));
}

// People of the case's organisation who can be given work, the caller first
// named as such; the current value stays choosable even if not listed.
function userOptions(t: T, env: EntryEnv, current: string) {
  const list: UserRef[] = (env.users ?? []).filter((u) => worksCases(u.role));
  if (worksCases(env.me.role) && !list.some((u) => u.id === env.me.id)) list.push(env.me);
  if (current && !list.some((u) => String(u.id) === current))
    list.push({ id: Number(current), display_name: t('entries.user_id', { id: current }) });
  list.sort((a, b) => a.display_name.localeCompare(b.display_name));
  return list.map((u) => (
    <option key={u.id} value={String(u.id)}>
      {u.id === env.me.id ? t('case.assignee_me', { name: u.display_name }) : u.display_name}
    </option>
  ));
}

export function FieldInput({ kind, currency, field: f, name, value, onChange, error, env }: Props) {
  const { t, tag } = useI18n();
  const label = fieldLabel(t, kind, f.name);
  const required = { required: f.required, requiredText: t('common.required') };
  const text = typeof value === 'string' ? value : '';
  const set = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value);

  switch (f.type) {
    case 'bool':
      return <Checkbox name={name} label={label} checked={value === true} onChange={onChange} />;

    case 'choices': {
      const picked = Array.isArray(value) ? value : [];
      const id = fieldId(name);
      const toggle = (option: string, on: boolean) =>
        onChange(on ? [...picked, option] : picked.filter((x) => x !== option));
      return (
        <fieldset class={`choices${error ? ' field--invalid' : ''}`} id={id}>
          <legend>
            {label}
            {f.required ? <span class="required">{` (${t('common.required')})`}</span> : null}
          </legend>
          {error ? (
            <p class="field-error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          <div class="choice-list">
            {(f.options ?? []).map((o) => (
              <label key={o} class="choice">
                <input
                  type="checkbox"
                  name={name}
                  value={o}
                  checked={picked.includes(o)}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(e) => toggle(o, e.currentTarget.checked)}
                />
                <span>{optionLabel(t, f.list ?? f.name, o)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    }

    case 'choice': {
      const options = (f.options ?? []).map((o) => ({ value: o, label: optionLabel(t, f.list ?? f.name, o) }));
      if (f.required && options.length <= RADIO_MAX)
        return (
          <RadioGroup
            name={name}
            legend={`${label} (${t('common.required')})`}
            options={options}
            value={text}
            onChange={onChange}
            error={error}
            inline
          />
        );
      return (
        <Field name={name} label={label} error={error} {...required}>
          {(c) => (
            <select {...c} value={text} onChange={set}>
              <option value="">{t('common.choose')}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    }

    case 'text':
      return (
        <Field name={name} label={label} error={error} class="wide" {...required}>
          {(c) => <textarea {...c} rows={4} dir="auto" maxLength={f.max || undefined} value={text} onInput={set} />}
        </Field>
      );

    case 'date':
      return (
        <Field name={name} label={label} error={error} {...required}>
          {(c) => <input {...c} type="date" min="1900-01-01" value={text} onInput={set} />}
        </Field>
      );

    case 'integer':
    case 'number':
      return (
        <Field
          name={name}
          label={label}
          error={error}
          hint={f.min !== undefined && f.max !== undefined && f.max < 1e9 ? t('entries.range_hint', { min: f.min, max: f.max }) : undefined}
          {...required}
        >
          {(c) => (
            <input
              {...c}
              type="text"
              inputMode={f.type === 'integer' ? 'numeric' : 'decimal'}
              autocomplete="off"
              spellcheck={false}
              value={text}
              onInput={set}
            />
          )}
        </Field>
      );

    case 'country':
    case 'language':
      return (
        <Field name={name} label={label} error={error} {...required}>
          {(c) => (
            <CodeSelect
              c={c}
              value={text}
              onChange={onChange}
              codes={f.type === 'country' ? COUNTRY_CODES : LANGUAGE_CODES}
              region={f.type === 'country' ? REGION_COUNTRIES : REGION_LANGUAGES}
              name={(code) => (f.type === 'country' ? countryName(code, tag) : languageName(code, tag))}
              emptyLabel={t('common.choose')}
            />
          )}
        </Field>
      );

    case 'currency': {
      const codes = (f.currencies ?? []).map((c) => c.code);
      return (
        <Field name={name} label={label} error={error} {...required}>
          {(c) => (
            <CodeSelect
              c={c}
              value={text}
              onChange={onChange}
              codes={codes}
              region={REGION_CURRENCIES.filter((x) => codes.includes(x))}
              name={(code) => `${code} · ${currencyName(code, tag)}`}
              emptyLabel={t('common.choose')}
            />
          )}
        </Field>
      );
    }

    case 'amount':
      return (
        <Field
          name={name}
          label={currency ? `${label} (${currency})` : label}
          error={error}
          hint={currency ? undefined : t('legal.amount_hint')}
          {...required}
        >
          {(c) => <input {...c} type="text" inputMode="decimal" autocomplete="off" spellcheck={false} value={text} onInput={set} />}
        </Field>
      );

    case 'user':
      return (
        <Field name={name} label={label} error={error} {...required}>
          {(c) => (
            <select {...c} value={text} onChange={set}>
              <option value="">{t('common.choose')}</option>
              {userOptions(t, env, text)}
            </select>
          )}
        </Field>
      );

    case 'organisation':
      return (
        <Field name={name} label={label} error={error} {...required}>
          {(c) => (
            <select {...c} value={text} onChange={set}>
              <option value="">{env.orgs ? t('common.choose') : t('common.loading')}</option>
              {orgOptions(env.orgs ?? [], tag)}
              {text && !env.orgs?.some((o) => String(o.id) === text) ? (
                <option value={text}>{t('entries.organisation_id', { id: text })}</option>
              ) : null}
            </select>
          )}
        </Field>
      );

    case 'entry': {
      const targets = env.entries.filter((e) => e.kind === f.ref_kind && !e.restricted);
      return (
        <Field
          name={name}
          label={label}
          error={error}
          hint={targets.length === 0 ? t('entries.no_targets', { what: t(`form.${f.ref_kind ?? ''}`) }) : undefined}
          {...required}
        >
          {(c) => (
            <select {...c} value={text} onChange={set}>
              <option value="">{t('common.choose')}</option>
              {targets.map((e) => (
                <option key={e.id} value={String(e.id)}>
                  {entrySummary(t, tag, env, e)}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    }

    default:
      return (
        <Field name={name} label={label} error={error} {...required}>
          {(c) => <input {...c} type="text" dir="auto" autocomplete="off" maxLength={f.max || undefined} value={text} onInput={set} />}
        </Field>
      );
  }
}
