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
