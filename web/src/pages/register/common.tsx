// Shared by the register screens: the status badge, the public source line,
// the caller's access level, and the choices of the forms.
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../format';
import { useI18n, type T } from '../../i18n';
import { registerApi, type AccessLevel, type Entry, type RegisterStatus, type Source } from '../../registerApi';
import './register.css';

// Red for what stands against someone now, grey for what no longer does.
export function StatusBadge({ status }: { status: RegisterStatus }) {
  const { t } = useI18n();
  return <span class={`badge reg-status reg-status--${status}`}>{t(`register_status.${status}`)}</span>;
}

// "Court: Bangkok Criminal Court 12/2569", or for a case, that its number
// is not public.
export function SourceLine({ source }: { source: Source }) {
  const { t } = useI18n();
  return (
    <span>
      {t(`register_source.${source.kind}`)}
      {': '}
      {source.reference ? <span dir="auto">{source.reference}</span> : <span class="muted">{t('register.reference_not_public')}</span>}
    </span>
  );
}

// The kind, role and country line: "Person · broker · Thailand".
export function KindLine({ entry }: { entry: Entry }) {
  const { t, tag } = useI18n();
  let country = entry.country;
  try {
    country = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' }).of(entry.country) ?? entry.country;
  } catch {
    // Older browsers: the code.
  }
  return (
    <span>
      {t(`register_kind.${entry.kind}`)} · {t(`register_role.${entry.role}`)} · {country}
    </span>
  );
}

export function StatusSince({ entry }: { entry: Entry }) {
  const { t, tag } = useI18n();
  return <span>{t('register.status_since', { date: formatDate(entry.status_date, tag) })}</span>;
}

// The entry's first name for those who may see it; otherwise its number.
export function entryTitle(t: T, entry: Entry): string {
  return entry.detail?.names[0] ?? t('register.entry_number', { id: entry.id });
}

// The caller's level in the register, asked once per page.
export function useAccess(): AccessLevel | null {
  const [level, setLevel] = useState<AccessLevel | null>(null);
  useEffect(() => {
    let live = true;
    registerApi.access().then(
      (r) => live && setLevel(r.level),
      () => live && setLevel('check'),
    );
    return () => {
      live = false;
    };
  }, []);
  return level;
}

// Options for a fixed list whose labels are catalogue keys `${prefix}.${value}`.
export function options<V extends string>(t: T, prefix: string, values: readonly V[]) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}

// One value per line in a textarea, and back.
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const REGION_COUNTRIES = ['TH', 'KH', 'LA', 'MM', 'VN', 'SG', 'MY', 'ID', 'PH', 'CN'];
