// Shared by the directory screens: the capacity line, service badges and the
// choices of the search and edit forms.
import { formatDateTime, formatNumber } from '../../format';
import { useI18n, type T } from '../../i18n';
import type { Capacity, Service } from '../../directoryApi';
import './directory.css';

// "4 of 30 beds free · updated 3 Mar 2026, 10:15 by Demo supervisor", or
// "no shelter beds" when the organisation keeps none.
export function CapacityLine({ capacity }: { capacity: Capacity }) {
  const { t, tag } = useI18n();
  if (capacity.total_beds === null) return <span class="muted">{t('dir.no_beds')}</span>;
  const free = capacity.free_beds;
  return (
    <span class="capacity">
      <strong class={free === 0 ? 'beds beds--full' : 'beds'}>
        {free === null
          ? t('dir.beds_total', { total: formatNumber(capacity.total_beds, tag) })
          : t('dir.beds_free', { free: formatNumber(free, tag), total: formatNumber(capacity.total_beds, tag) })}
      </strong>
      {capacity.updated_at ? (
        <span class="muted small">
          {' · '}
          {capacity.updated_by
            ? t('dir.capacity_updated_by', {
                time: formatDateTime(capacity.updated_at, tag),
                name: capacity.updated_by.display_name,
              })
            : t('dir.capacity_updated', { time: formatDateTime(capacity.updated_at, tag) })}
        </span>
      ) : null}
    </span>
  );
}

export function ServiceList({ services }: { services: Service[] }) {
  const { t } = useI18n();
  if (services.length === 0) return <span class="muted">{t('dir.none_stated')}</span>;
  return (
    <ul class="service-list">
      {services.map((s) => (
        <li key={s} class="badge badge--neutral">
          {t(`dir_service.${s}`)}
        </li>
      ))}
    </ul>
  );
}

// Options for a fixed list whose labels are catalogue keys `${prefix}.${value}`.
export function options<V extends string>(t: T, prefix: string, values: readonly V[]) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}

// The region's codes first, then any other code already chosen, each named in
// the interface language.
export function codeOptions(codes: readonly string[], current: string[], name: (c: string) => string) {
  const all = [...codes, ...current.filter((c) => c && !codes.includes(c))];
  return all.map((value) => ({ value, label: `${name(value)} (${value})` }));
}
