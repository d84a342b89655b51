// Locale-aware formatting through Intl, in the interface language.

export function formatDateTime(iso: string, tag: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  } catch {
    return d.toISOString();
  }
}

export function formatNumber(n: number, tag: string): string {
  try {
    return new Intl.NumberFormat(tag).format(n);
  } catch {
    return String(n);
  }
}

function displayName(tag: string, type: 'region' | 'language', code: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type, fallback: 'none' }).of(code);
    return name ?? code;
  } catch {
    return code;
  }
}

export const countryName = (code: string, tag: string) => displayName(tag, 'region', code);
export const languageName = (code: string, tag: string) => displayName(tag, 'language', code);

// A person's name as entered, in whatever script, given name first.
export function personName(p: { first_name?: string; middle_name?: string; second_name?: string }): string {
  return [p.first_name, p.middle_name, p.second_name].filter((s) => s && s.trim()).join(' ');
}

// A calendar date ("2026-11-22", or the date part of a timestamp) in the
// interface language, without shifting it through the browser's time zone.
export function formatDate(date: string, tag: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return date;
  try {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  } catch {
    return date.slice(0, 10);
  }
}

// Today's date where the user is, as "YYYY-MM-DD".
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Under 18 by the date of birth, else by the approximate age; unknown → false.
export function isChild(p: { birth_date?: string | null; approximate_age?: number | null }, today = localToday()): boolean {
  if (p.birth_date && isRealDate(p.birth_date)) {
    const [by, bm, bd] = p.birth_date.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
    const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
    return age < 18;
  }
  if (typeof p.approximate_age === 'number') return p.approximate_age < 18;
  return false;
}
