// "New referral" on the case's referrals tab: the receiving organisation
// (grouped by country), the reason, the services asked for, the parts of the
// case to share (ticked by default with what the services need, as the server
// would choose), a summary and a respond-by date. "Send" drafts the referral
// and sends it; when the person's consent does not cover it, the draft stays
// and the reason is shown, with a supervisor's "send anyway" form.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type Case, type Organisation } from '../../api';
import { Alert, Checkbox, Field, SelectField } from '../../components/Field';
import { splitError, type FieldErrors } from '../../errors';
import { countryName, isRealDate, localToday } from '../../format';
import { focusFirstError } from '../../focus';
import { useI18n, type T } from '../../i18n';
import {
  REFERRAL_PARTS,
  REFERRAL_REASONS,
  REFERRAL_SERVICES,
  defaultParts,
  referralsApi,
  type Referral,
  type ReferralPart,
  type ReferralReason,
  type ReferralService,
} from '../../referralsApi';
import { href } from '../../router';
import { loadOrganisations, useUser } from '../../session';
import { ConsentProblem, partLabel } from '../referrals/common';
import { generalText } from './common';

const FIELDS = ['to_organisation_id', 'reason', 'services', 'parts', 'summary', 'respond_by'];
const DEFAULT_DAYS = 7;

function inDays(n: number): string {
  return localToday(new Date(Date.now() + n * 86400000));
}

interface Draft {
  to: string;
  reason: ReferralReason | '';
  services: ReferralService[];
  parts: ReferralPart[] | null; // null: follow the services
  summary: string;
  respondBy: string;
}

function validate(d: Draft, t: T): FieldErrors {
  const e: FieldErrors = {};
  if (!d.to) e['to_organisation_id'] = t('referrals.v_organisation');
  if (!d.reason) e['reason'] = t('referrals.v_reason');
  if (d.services.length === 0) e['services'] = t('referrals.v_services');
  if (!d.summary.trim()) e['summary'] = t('referrals.v_summary');
  if (!isRealDate(d.respondBy)) e['respond_by'] = t('referrals.v_respond_by');
  else if (d.respondBy < localToday()) e['respond_by'] = t('referrals.v_respond_by_past');
  return e;
}

function toggle<V>(list: readonly V[], v: V, on: boolean, order: readonly V[]): V[] {
  const set = new Set(list);
  if (on) set.add(v);
  else set.delete(v);
  return order.filter((x) => set.has(x));
}

function OrganisationPicker({ orgs, own, value, onChange, error }: { orgs: Organisation[]; own: Organisation; value: string; onChange: (v: string) => void; error?: string }) {
  const { t, tag } = useI18n();
  const byCountry = new Map<string, Organisation[]>();
  for (const o of orgs) if (o.id !== own.id) byCountry.set(o.country, [...(byCountry.get(o.country) ?? []), o]);
  // The caller's own country first, then the others by name.
  const countries = [...byCountry.keys()].sort((a, b) =>
    a === own.country ? -1 : b === own.country ? 1 : countryName(a, tag).localeCompare(countryName(b, tag), tag),
  );
  return (
    <Field name="to_organisation_id" label={t('referrals.to_organisation')} hint={t('referrals.to_organisation_hint')} error={error}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{t('common.choose')}</option>
          {countries.map((country) => (
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
          ))}
        </select>
      )}
    </Field>
  );
}

function CheckGroup({ name, legend, hint, error, children }: { name: string; legend: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <fieldset
      class={`choices choices--inline${error ? ' field--invalid' : ''}`}
      id={`f-${name}`}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={[error ? `f-${name}-error` : '', hint ? `f-${name}-hint` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={`f-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`f-${name}-error`}>
          {error}
        </p>
      ) : null}
      <div class="choice-list">{children}</div>
    </fieldset>
  );
}

interface Props {
  kase: Case;
  onDraft: (r: Referral) => void;
  onSent: (r: Referral) => void;
  onStartOver: () => void;
}

export function NewReferralForm({ kase, onDraft, onSent, onStartOver }: Props) {
  const { t } = useI18n();
  const user = useUser();
  const [orgs, setOrgs] = useState<Organisation[] | null>(null);
  const [orgErr, setOrgErr] = useState<unknown>(null);
  const [d, setD] = useState<Draft>({ to: '', reason: '', services: [], parts: null, summary: '', respondBy: inDays(DEFAULT_DAYS) });
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const [draft, setDraft] = useState<Referral | null>(null); // created but not sent
  const [consent, setConsent] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadOrganisations().then((o) => live && setOrgs(o), (e) => live && setOrgErr(e));
    return () => {
      live = false;
    };
  }, []);

  const parts = d.parts ?? defaultParts(d.services);
  const errors = { ...(submitted ? validate(d, t) : {}), ...(err ? splitError(t, err, FIELDS).fields : {}) };
  const general = err ? generalText(t, splitError(t, err, FIELDS)) : null;
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));

  const send = async (r: Referral, overrideReason?: string) => {
    try {
      const sent = await referralsApi.act(r.id, { action: 'send', version: r.version, ...(overrideReason ? { override_reason: overrideReason } : {}) });
      setDraft(null);
      setConsent(null);
      onSent(sent);
    } catch (ex) {
      if (ex instanceof ApiError && ex.code === 'failed_precondition' && !overrideReason) {
        setConsent(ex.detail);
        setTimeout(() => document.getElementById('consent-problem')?.focus(), 0);
      } else {
        setErr(ex);
        focusFirstError();
      }
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setErr(null);
    setSubmitted(true);
    if (!draft) {
      if (Object.keys(validate(d, t)).length > 0) {
        focusFirstError();
        return;
      }
    }
    setBusy(true);
    try {
      let r = draft;
      if (!r) {
        r = await referralsApi.create(kase.id, {
          to_organisation_id: Number(d.to),
          reason: d.reason as ReferralReason,
          services: d.services,
          parts,
          summary: d.summary.trim(),
          respond_by: d.respondBy,
        });
        setDraft(r);
        onDraft(r);
      }
      await send(r);
    } catch (ex) {
      setErr(ex);
      focusFirstError();
    }
    setBusy(false);
  };

  const override = async (reason: string) => {
    if (!draft || busy) return;
    setBusy(true);
    setErr(null);
    await send(draft, reason);
    setBusy(false);
  };

  const mayOverride = user.role === 'supervisor' && kase.owner_organisation.id === user.organisation.id;

  return (
    <div class="card new-referral">
      <form onSubmit={submit} noValidate aria-labelledby="new-referral-title">
        <h2 id="new-referral-title">{t('referrals.new_title')}</h2>
        {general ? <Alert kind="error">{general}</Alert> : null}
        {orgErr ? <Alert kind="error">{t('referrals.orgs_failed')}</Alert> : null}
        <fieldset class="plain" disabled={busy || draft !== null}>
          {orgs ? (
            <OrganisationPicker orgs={orgs} own={user.organisation} value={d.to} onChange={(to) => set({ to })} error={errors['to_organisation_id']} />
          ) : (
            <p role="status">{t('common.loading')}</p>
          )}
          <SelectField
            name="reason"
            label={t('referrals.reason')}
            options={REFERRAL_REASONS.map((r) => ({ value: r, label: t(`referral_reason.${r}`) }))}
            value={d.reason}
            onChange={(reason) => set({ reason })}
            emptyLabel={t('common.choose')}
            error={errors['reason']}
          />
          <CheckGroup name="services" legend={t('referrals.services')} hint={t('referrals.services_hint')} error={errors['services']}>
            {REFERRAL_SERVICES.map((s) => (
              <Checkbox
                key={s}
                name={`service-${s}`}
                label={t(`dir_service.${s}`)}
                checked={d.services.includes(s)}
                onChange={(on) => set({ services: toggle(d.services, s, on, REFERRAL_SERVICES) })}
              />
            ))}
          </CheckGroup>
          <CheckGroup name="parts" legend={t('referrals.parts_legend')} hint={t('referrals.parts_explain')} error={errors['parts']}>
            {REFERRAL_PARTS.map((p) => (
              <Checkbox
                key={p}
                name={`part-${p}`}
                label={partLabel(t, p)}
                checked={parts.includes(p)}
                onChange={(on) => set({ parts: toggle(parts, p, on, REFERRAL_PARTS) })}
              />
            ))}
          </CheckGroup>
          {d.parts !== null ? (
            <p>
              <button type="button" class="link" onClick={() => set({ parts: null })}>
                {t('referrals.parts_reset')}
              </button>
            </p>
          ) : null}
          <Field name="summary" label={t('referrals.summary')} hint={t('referrals.summary_hint')} error={errors['summary']}>
            {(c) => (
              <textarea {...c} rows={4} dir="auto" maxLength={4000} value={d.summary} onInput={(e) => set({ summary: e.currentTarget.value })} />
            )}
          </Field>
          <Field name="respond_by" label={t('referrals.respond_by')} hint={t('referrals.respond_by_hint')} error={errors['respond_by']}>
            {(c) => (
              <input {...c} type="date" min={localToday()} value={d.respondBy} onInput={(e) => set({ respondBy: e.currentTarget.value })} />
            )}
          </Field>
        </fieldset>
        {draft === null || consent === null ? (
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('common.saving') : draft ? t('referrals.send_again') : t('referrals.send')}
            </button>
          </div>
        ) : null}
      </form>
      {draft && consent !== null ? (
        <>
          <ConsentProblem detail={consent} caseId={kase.id} mayOverride={mayOverride} busy={busy} onOverride={(reason) => void override(reason)} />
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => void submit(new Event('submit'))}>
              {t('referrals.send_again')}
            </button>
            <a class="button" href={href(`/referrals/${draft.id}`)}>
              {t('referrals.open_draft')}
            </a>
            <button type="button" class="link" onClick={onStartOver}>
              {t('referrals.start_over')}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
