// Field values as people read them: picklist labels, dates and numbers in the
// interface language, countries and languages by name, people, organisations
// and other entries by name instead of by number.
import type { Entry, FieldValue, FormField } from '../../entriesApi';
import { countryName, formatDate, formatNumber, languageName } from '../../format';
import type { T } from '../../i18n';
import { formatMinor, minorDigitsOf } from '../../money';
import { optionLabel } from './draft';
import { findForm, type EntryEnv } from './env';

type Names = Pick<EntryEnv, 'users' | 'orgs' | 'entries' | 'forms' | 'me'>;

export function joinList(items: string[], tag: string): string {
  try {
    return new Intl.ListFormat(tag, { style: 'short', type: 'unit' }).format(items);
  } catch {
    return items.join(', ');
  }
}

export function userName(t: T, env: Pick<Names, 'users' | 'me'>, id: number): string {
  if (id === env.me.id) return env.me.display_name;
  return env.users?.find((u) => u.id === id)?.display_name ?? t('entries.user_id', { id });
}

// `fields`: the entry's other values (an amount is shown in its currency).
export function valueText(t: T, tag: string, env: Names, f: FormField, v: FieldValue, depth = 0, fields?: Record<string, FieldValue>): string {
  switch (f.type) {
    case 'amount': {
      const code = fields?.[f.currency_field ?? ''];
      if (typeof v !== 'number' || typeof code !== 'string') return String(v);
      const currencyField = env.forms.flatMap((x) => x.fields).find((x) => x.type === 'currency');
      return formatMinor(v, code, minorDigitsOf(currencyField?.currencies ?? [], code), tag);
    }
    case 'bool':
      return v === true ? t('entries.yes') : t('entries.no');
    case 'choice':
      return optionLabel(t, f.list ?? f.name, String(v));
    case 'choices':
      return joinList((Array.isArray(v) ? v : [String(v)]).map((x) => optionLabel(t, f.list ?? f.name, x)), tag);
    case 'date':
      return formatDate(String(v), tag);
    case 'integer':
    case 'number':
      return typeof v === 'number' ? formatNumber(v, tag) : String(v);
    case 'country':
      return countryName(String(v), tag);
    case 'language':
      return languageName(String(v), tag);
    case 'user':
      return userName(t, env, Number(v));
    case 'organisation':
      return env.orgs?.find((o) => o.id === Number(v))?.name ?? t('entries.organisation_id', { id: String(v) });
    case 'entry': {
      const target = env.entries.find((e) => e.id === Number(v));
      // One level of references is enough to tell entries apart.
      return target && depth === 0 ? entrySummary(t, tag, env, target, 1) : t('entries.entry_id', { id: String(v) });
    }
    default:
      return String(v);
  }
}

// References are left out: an action listed under its objective need not repeat it.
const SUMMARY_TYPES = new Set(['choice', 'line', 'text', 'date', 'country']);
const SUMMARY_MAX = 60;

// A short line telling this entry apart from others of its kind (for lists of
// references and titles): its first few filled-in fields, texts shortened.
export function entrySummary(t: T, tag: string, env: Names, entry: Entry, depth = 0): string {
  if (entry.restricted || !entry.fields) return t('entries.confidential_note');
  const form = findForm(env, entry.kind);
  if (!form) return t('entries.entry_id', { id: entry.id });
  const parts: string[] = [];
  for (const f of form.fields) {
    if (parts.length >= 2) break;
    const v = entry.fields[f.name];
    if (v === undefined || v === '' || !SUMMARY_TYPES.has(f.type)) continue;
    let s = valueText(t, tag, env, f, v, depth);
    if ([...s].length > SUMMARY_MAX) s = `${[...s].slice(0, SUMMARY_MAX - 1).join('')}…`;
    parts.push(s.replace(/\s+/g, ' '));
  }
  // Nothing short to show (a victim context of lists only): the kind's name.
  return parts.length ? parts.join(' · ') : t(`form.${entry.kind}`);
}
