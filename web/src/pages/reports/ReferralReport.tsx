// The secretariat's referral report (#/reports?from=2026-01-01&to=2026-07-01):
// the period [from, to) and the suppression threshold in the address; the
// totals, bar charts of referrals sent by country pair, service and receiving
// organisation, and a table per section; the CSV export of the same figures.
// Counts below the threshold arrive as "<11" and are shown as such.
import { useEffect, useState } from 'preact/hooks';
import { Alert, Field } from '../../components/Field';
import { splitError } from '../../errors';
import { countryName, formatNumber, isRealDate, localToday } from '../../format';
import { useI18n, type T } from '../../i18n';
import { readsNetworkReports } from '../../permissions';
import { COUNT_COLUMNS, csvHref, reportsApi, type Cell, type ReferralReport as Report, type ReportGroup } from '../../reportsApi';
import { href, navigate, type Route } from '../../router';
import { useUser } from '../../session';
import { BarChart } from './BarChart';
import './reports.css';

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; report: Report };

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Hours under two days stay hours; longer medians read better in days.
function duration(t: T, tag: string, hours: number | null): string {
  if (hours === null) return '—';
  return hours < 48
    ? t('report.hours', { n: formatNumber(hours, tag) })
    : t('report.days', { n: formatNumber(Math.round((hours / 24) * 10) / 10, tag) });
}

function CellText({ value, tag }: { value: Cell; tag: string }) {
  return typeof value === 'number' ? <>{formatNumber(value, tag)}</> : <span class="suppressed">{value}</span>;
}

function GroupTable({ title, groups, labelOf }: { title: string; groups: ReportGroup[]; labelOf: (g: ReportGroup) => string }) {
  const { t, tag } = useI18n();
  return (
    <div class="report-table">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.group')}</th>
            {COUNT_COLUMNS.map((c) => (
              <th scope="col" class="num" key={c}>
                {t(`report_count.${c}`)}
              </th>
            ))}
            <th scope="col" class="num">{t('report.median_accept')}</th>
            <th scope="col" class="num">{t('report.median_complete')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row" dir="auto">
                {labelOf(g)}
              </th>
              {COUNT_COLUMNS.map((c) => (
                <td class="num" key={c}>
                  <CellText value={g[c]} tag={tag} />
                </td>
              ))}
              <td class="num">{duration(t, tag, g.median_hours_to_accept)}</td>
              <td class="num">{duration(t, tag, g.median_hours_to_complete)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {groups.length === 0 ? <p class="muted">{t('report.none')}</p> : null}
    </div>
  );
}

export function ReferralReport({ route }: { route: Route }) {
  const { t, tag } = useI18n();
  const user = useUser();
  const today = localToday();
  const from = route.query.get('from') ?? `${shiftDays(today, -365).slice(0, 7)}-01`;
  const to = route.query.get('to') ?? shiftDays(today, 1);
  const threshold = Number(route.query.get('threshold') ?? '11');
  const [form, setForm] = useState({ from, to, threshold: String(threshold) });
  const [state, setState] = useState<State>({ kind: 'idle' });
  const key = `${from}|${to}|${threshold}`;

  useEffect(() => {
    setForm({ from, to, threshold: String(threshold) });
    if (!readsNetworkReports(user.role)) return;
    let live = true;
    setState({ kind: 'loading' });
    reportsApi.referrals({ from, to, threshold }).then(
      (report) => live && setState({ kind: 'ready', report }),
      (err) => live && setState({ kind: 'error', err }),
    );
    return () => {
      live = false;
    };
  }, [key]);

  if (!readsNetworkReports(user.role)) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('report.title')}
        </h1>
        <p>{t('report.not_allowed')}</p>
      </section>
    );
  }

  const submit = (e: Event) => {
    e.preventDefault();
    navigate(href('/reports', { from: form.from, to: form.to, threshold: form.threshold }));
  };
  const formError = state.kind === 'error' ? splitError(t, state.err, ['from', 'to', 'threshold']) : null;
  const datesOk = isRealDate(form.from) && isRealDate(form.to);
  const r = state.kind === 'ready' ? state.report : null;
  const count = (n: number) => formatNumber(n, tag);
  const pairLabel = (g: ReportGroup) => {
    const [a, b] = g.key.split('>');
    return `${countryName(a ?? '', tag)} → ${countryName(b ?? '', tag)}`;
  };
  const serviceLabel = (g: ReportGroup) => t(`dir_service.${g.key}`);
  const orgLabel = (g: ReportGroup) => `${g.label} (${g.country ?? ''})`;

  return (
    <section aria-labelledby="page-title" class="report">
      <h1 id="page-title" tabIndex={-1}>
        {t('report.title')}
      </h1>
      <p class="lead">{t('report.intro')}</p>
      <form class="card" onSubmit={submit} noValidate aria-label={t('report.period_label')}>
        <div class="period">
          <Field name="from" label={t('report.f_from')} error={formError?.fields.from}>
            {(c) => <input {...c} type="date" value={form.from} onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} />}
          </Field>
          <Field name="to" label={t('report.f_to')} hint={t('report.f_to_hint')} error={formError?.fields.to}>
            {(c) => <input {...c} type="date" value={form.to} onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} />}
          </Field>
          <Field name="threshold" label={t('report.f_threshold')} hint={t('report.f_threshold_hint')} error={formError?.fields.threshold}>
            {(c) => (
              <input {...c} type="number" min={11} max={1000} value={form.threshold} onInput={(e) => setForm({ ...form, threshold: e.currentTarget.value })} />
            )}
          </Field>
        </div>
        <div class="actions">
          <button type="submit" class="button primary">
            {t('report.show')}
          </button>
          {datesOk ? (
            <a class="button" href={csvHref({ from, to, threshold })} download>
              {t('report.csv')}
            </a>
          ) : null}
        </div>
      </form>
      {formError?.general ? <Alert kind="error">{formError.general}</Alert> : null}
      <p role="status" class="summary">
        {state.kind === 'loading' ? t('common.loading') : r ? t('report.suppression_note', { mark: r.suppressed_as, threshold: r.threshold }) : ''}
      </p>
      {r ? (
        <>
          <h2>{t('report.totals')}</h2>
          <ul class="report-totals">
            {COUNT_COLUMNS.map((c) => (
              <li key={c}>
                <span class="figure">
                  <CellText value={r.total[c]} tag={tag} />
                </span>
                {t(`report_count.${c}`)}
              </li>
            ))}
            <li>
              <span class="figure">{duration(t, tag, r.total.median_hours_to_accept)}</span>
              {t('report.median_accept')}
            </li>
            <li>
              <span class="figure">{duration(t, tag, r.total.median_hours_to_complete)}</span>
              {t('report.median_complete')}
            </li>
          </ul>

          <h2>{t('report.by_pair')}</h2>
          <BarChart title={t('report.chart_sent_by_pair')} threshold={r.threshold} format={count}
            bars={r.by_country_pair.map((g) => ({ key: g.key, label: pairLabel(g), value: g.sent }))} />
          <GroupTable title={t('report.by_pair')} groups={r.by_country_pair} labelOf={pairLabel} />

          <h2>{t('report.by_service')}</h2>
          <BarChart title={t('report.chart_sent_by_service')} threshold={r.threshold} format={count}
            bars={r.by_service.map((g) => ({ key: g.key, label: serviceLabel(g), value: g.sent }))} />
          <GroupTable title={t('report.by_service')} groups={r.by_service} labelOf={serviceLabel} />

          <h2>{t('report.by_receiver')}</h2>
          <BarChart title={t('report.chart_accepted_by_receiver')} threshold={r.threshold} format={count}
            bars={r.by_receiving_organisation.map((g) => ({ key: g.key, label: g.label, value: g.accepted }))} />
          <GroupTable title={t('report.by_receiver')} groups={r.by_receiving_organisation} labelOf={orgLabel} />

          <h2>{t('report.by_sender')}</h2>
          <GroupTable title={t('report.by_sender')} groups={r.by_sending_organisation} labelOf={orgLabel} />

          {r.repatriations ? (
            <>
              <h2>{t('report.repatriations')}</h2>
              <ul class="report-totals" data-testid="report-repatriations">
                <li>
                  <span class="figure">
                    <CellText value={r.repatriations.completed} tag={tag} />
                  </span>
                  {t('report.rp_completed')}
                </li>
                <li>
                  <span class="figure">
                    {r.repatriations.median_days === null ? '—' : t('report.days', { n: formatNumber(r.repatriations.median_days, tag) })}
                  </span>
                  {t('report.rp_median')}
                </li>
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
