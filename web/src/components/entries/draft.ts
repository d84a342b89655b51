// What an entry form holds while it is being filled in, and the checks that
// turn it into the `fields` the API takes. The checks mirror the server's
// (src/domain/case_form.cc) so most mistakes are caught without a round trip;
// the server still decides.
import type { CaseForm, Entry, EntryFields, FormField } from '../../entriesApi';
import type { FieldErrors } from '../../errors';
import { isRealDate } from '../../format';
import type { T } from '../../i18n';
import { minorDigitsOf, minorToInput, parseMajor } from '../../money';

// Text inputs hold strings; ids and numbers too until submitted.
export type DraftValue = string | boolean | string[];
export type Draft = Record<string, DraftValue>;

// Catalogue keys derived from the forms (tests/api/case_forms.test.mjs checks
// that every one exists in every language).
export const formLabel = (t: T, kind: string) => t(`form.${kind}`);
export const fieldLabel = (t: T, kind: string, name: string) => t(`field.${kind}.${name}`);
export const optionLabel = (t: T, list: string, value: string) => t(`pick.${list}.${value}`);

export function emptyValue(f: FormField): DraftValue {
  if (f.type === 'bool') return false;
  if (f.type === 'choices') return [];
  return '';
}

export function emptyDraft(form: CaseForm): Draft {
  const d: Draft = {};
  for (const f of form.fields) d[f.name] = emptyValue(f);
  return d;
}

export function draftFromEntry(form: CaseForm, entry: Entry): Draft {
  const d = emptyDraft(form);
  const fields = entry.fields ?? {};
  for (const f of form.fields) {
    const v = fields[f.name];
    if (v === undefined || v === null) continue;
    if (f.type === 'bool') d[f.name] = v === true;
    else if (f.type === 'choices') d[f.name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.type === 'amount' && typeof v === 'number') d[f.name] = minorToInput(v, amountDigits(form, fields, f));
    else d[f.name] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return d;
}

// The minor digits of the currency an amount field is counted in (two until
// a currency is chosen).
export function amountDigits(form: CaseForm, values: Record<string, unknown>, f: FormField): number {
  const currencyField = form.fields.find((x) => x.name === f.currency_field);
  const code = values[f.currency_field ?? ''];
  return minorDigitsOf(currencyField?.currencies ?? [], typeof code === 'string' ? code : '');
}

const codePoints = (s: string) => [...s].length;

// "12,5" and "12.5" both mean twelve and a half (several of our languages
// write a decimal comma).
function parseNumber(s: string): number {
  const n = s.replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(n) ? Number(n) : NaN;
}

function present(v: DraftValue | undefined): boolean {
  if (v === undefined) return false;
  if (typeof v === 'boolean') return true;
  if (Array.isArray(v)) return v.length > 0;
  return v.trim() !== '';
}

// Checks the draft against the form. Returns the fields to send (absent
// optional values left out), or the errors keyed by field name.
export function validateDraft(form: CaseForm, d: Draft, t: T): { fields: EntryFields | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const out: EntryFields = {};
  const label = (name: string) => fieldLabel(t, form.kind, name);
  for (const f of form.fields) {
    const v = d[f.name] ?? emptyValue(f);
    if (!present(v) || (f.type === 'bool' && v === false && !f.required)) {
      if (f.type === 'bool') out[f.name] = false;
      else if (f.required) errors[f.name] = t('entries.v_required');
      continue;
    }
    if (typeof v === 'boolean') {
      out[f.name] = v;
      continue;
    }
    if (Array.isArray(v)) {
      out[f.name] = [...new Set(v)];
      continue;
    }
    const s = v.trim();
    switch (f.type) {
      case 'line':
      case 'text':
        if (f.max && codePoints(s) > f.max) errors[f.name] = t('entries.v_too_long', { max: f.max });
        else out[f.name] = s;
        break;
      case 'date':
        if (!isRealDate(s)) errors[f.name] = t('entries.v_date');
        else out[f.name] = s;
        break;
      case 'integer':
      case 'number': {
        const n = f.type === 'integer' ? (/^-?\d+$/.test(s) ? Number(s) : NaN) : parseNumber(s);
        if (Number.isNaN(n)) errors[f.name] = t(f.type === 'integer' ? 'entries.v_integer' : 'entries.v_number');
        else if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max))
          errors[f.name] = t('entries.v_range', { min: f.min ?? '', max: f.max ?? '' });
        else out[f.name] = n;
        break;
      }
      case 'user':
      case 'organisation':
      case 'entry':
        out[f.name] = Number(s);
        break;
      case 'amount': {
        const minor = parseMajor(s, amountDigits(form, d, f));
        if (minor === null) errors[f.name] = t('legal.v_amount', { digits: amountDigits(form, d, f) });
        else out[f.name] = minor;
        break;
      }
      default:
        out[f.name] = s; // choice, country, language: picked from a list
    }
  }
  for (const o of form.date_orders ?? []) {
    const from = out[o.from];
    const to = out[o.to];
    if (typeof from === 'string' && typeof to === 'string' && to < from && !errors[o.to])
      errors[o.to] = t('entries.v_date_order', { other: label(o.from) });
  }
  for (const p of form.pairs ?? []) {
    const has1 = p.first in out && !errors[p.first];
    const has2 = p.second in out && !errors[p.second];
    if (has1 && !has2 && !errors[p.second]) errors[p.second] = t('entries.v_pair', { other: label(p.first) });
    if (has2 && !has1 && !errors[p.first]) errors[p.first] = t('entries.v_pair', { other: label(p.second) });
  }
  for (const p of form.either ?? []) {
    if (!(p.first in out) && !(p.second in out) && !errors[p.first] && !errors[p.second])
      errors[p.first] = t('legal.v_either', { other: label(p.second) });
  }
  for (const f of form.fields) {
    if (f.type === 'amount' && f.name in out && f.currency_field && !(f.currency_field in out) && !errors[f.currency_field])
      errors[f.currency_field] = t('legal.v_currency_needed');
  }
  return Object.keys(errors).length > 0 ? { fields: null, errors } : { fields: out, errors };
}
