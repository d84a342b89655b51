// Consent on the case page: the records, newest first (never edited: a
// withdrawal is a new record), a form to record one, and "does consent cover
// this purpose for this organisation now?".
import { useState } from 'preact/hooks';
import {
  api,
  CONSENT_DECISIONS,
  CONSENT_PURPOSES,
  SCOPE_KINDS,
  type Case,
  type Consent,
  type ConsentCheck,
  type ConsentDecision,
  type ConsentPurpose,
  type NewConsent,
  type Organisation,
  type ScopeKind,
} from '../../api';
import { Alert, Checkbox, Field, RadioGroup, SelectField } from '../../components/Field';
import { splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { countryName, formatDate, formatDateTime, isChild, isRealDate, languageName, localToday } from '../../format';
import { useI18n, type T } from '../../i18n';
import { loadOrganisations } from '../../session';
import { English, generalText, useLoaded, WhenLoaded } from './common';

// Countries offered for a country scope, besides those of the network's organisations.
const REGION = ['KH', 'TH', 'LA', 'MM', 'VN', 'CN', 'MY', 'SG', 'ID', 'PH', 'BN', 'TL', 'BD', 'IN', 'NP', 'LK', 'KR', 'JP', 'TW', 'HK'];
// Languages offered for "explained in", after the person's own.
const EXPLAIN_LANGUAGES = ['km', 'th', 'lo', 'my', 'vi', 'zh', 'en', 'ms', 'id', 'tl', 'bn', 'ne', 'hi', 'ta', 'ko', 'ja'];

const FIELDS = [
  'purpose',
  'decision',
  'scope.kind',
  'scope.country',
  'scope.organisation_id',
  'scope',
  'expires_on',
  'expires_at',
  'explained_in_language',
  'interpreter_used',
  'rights_notice_version',
  'child',
];
const CHECK_FIELDS = ['purpose', 'organisation_id'];

interface Draft {
  purpose: ConsentPurpose | '';
  decision: ConsentDecision | '';
  scopeKind: ScopeKind | '';
  country: string;
  organisationId: string;
  expiresOn: string;
  language: string;
  interpreter: boolean;
  rightsVersion: string;
  guardian: string;
  bestInterest: string;
}

function emptyDraft(language: string, rightsVersion: string): Draft {
  return {
    purpose: '',
    decision: '',
    scopeKind: '',
    country: '',
    organisationId: '',
    expiresOn: '',
    language,
    interpreter: false,
    rightsVersion,
    guardian: '',
    bestInterest: '',
  };
}

function validate(d: Draft, child: boolean, t: T): { body: NewConsent | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!d.purpose) errors['purpose'] = t('consent.v_purpose');
  if (!d.decision) errors['decision'] = t('consent.v_decision');
  if (!d.scopeKind) errors['scope.kind'] = t('consent.v_scope');
  if (d.scopeKind === 'country' && !d.country) errors['scope.country'] = t('consent.v_country');
  if (d.scopeKind === 'organisation' && !d.organisationId) errors['scope.organisation_id'] = t('consent.v_organisation');
  const expires = d.decision === 'given' ? d.expiresOn.trim() : '';
  if (expires) {
    if (!isRealDate(expires)) errors['expires_on'] = t('validation.birth_date');
    else if (expires <= localToday()) errors['expires_on'] = t('consent.v_expiry');
  }
  if (child && !d.guardian.trim() && !d.bestInterest.trim()) errors['child'] = t('consent.v_child');
  if (Object.keys(errors).length > 0 || !d.purpose || !d.decision || !d.scopeKind) return { body: null, errors };
  const scope: NewConsent['scope'] = { kind: d.scopeKind };
  if (d.scopeKind === 'country') scope.country = d.country;
  if (d.scopeKind === 'organisation') scope.organisation_id = Number(d.organisationId);
  return {
    body: {
      purpose: d.purpose,
      decision: d.decision,
      scope,
      expires_on: expires || null,
      explained_in_language: d.language,
      interpreter_used: d.interpreter,
      rights_notice_version: d.rightsVersion.trim(),
      child: child ? { guardian_name: d.guardian.trim(), best_interest_decision: d.bestInterest.trim() } : null,
    },
    errors,
  };
}

function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return localToday(d);
}

// `expires_at` is the moment cover ends (00:00Z after the last day): the last day it covers.
function lastValidDay(expiresAt: string): string {
  const ms = Date.parse(expiresAt);
  return Number.isNaN(ms) ? expiresAt : new Date(ms - 1).toISOString().slice(0, 10);
}

function sameScope(a: Consent['scope'], b: Consent['scope']): boolean {
  return (
    a?.kind === b?.kind &&
    (a?.kind !== 'country' || a.country === b.country) &&
    (a?.kind !== 'organisation' || a.organisation_id === b.organisation_id)
  );
}

// A later (newer, so earlier in the list) record for the same purpose and scope replaces it.
function superseded(list: Consent[], index: number): boolean {
  const c = list[index];
  return !!c && list.slice(0, index).some((n) => n.purpose === c.purpose && sameScope(n.scope, c.scope));
}

function ScopeText({ c }: { c: Consent }) {
  const { t, tag } = useI18n();
  const s = c.scope;
  if (s?.kind === 'country' && s.country) return <>{t('consent.scope_in_country', { country: countryName(s.country, tag) })}</>;
  if (s?.kind === 'organisation')
    return <span dir="auto">{s.organisation_name ?? t('consent.scope_org_id', { id: s.organisation_id ?? '' })}</span>;
  return <>{t('consent.scope_anyone_text')}</>;
}

function OrganisationOptions({ orgs }: { orgs: Organisation[] }) {
  const { tag } = useI18n();
  const byCountry = new Map<string, Organisation[]>();
  for (const o of orgs) {
    const list = byCountry.get(o.country) ?? [];
    list.push(o);
    byCountry.set(o.country, list);
  }
  const countries = [...byCountry.keys()].sort((a, b) => countryName(a, tag).localeCompare(countryName(b, tag), tag));
  return (
    <>
      {countries.map((c) => (
        <optgroup key={c} label={countryName(c, tag)}>
          {(byCountry.get(c) ?? [])
            .slice()
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((o) => (
              <option key={o.id} value={String(o.id)}>
                {o.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

function OrganisationSelect({
  name,
  label,
  value,
  onChange,
  error,
  orgs,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
  orgs: ReturnType<typeof useLoaded<Organisation[]>>;
}) {
  const { t } = useI18n();
  const state = orgs.state;
  return (
    <Field name={name} label={label} error={error ?? (state.kind === 'error' ? t('consent.orgs_failed') : undefined)}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{state.kind === 'loading' ? t('common.loading') : t('common.choose')}</option>
          {state.kind === 'ready' ? <OrganisationOptions orgs={state.value} /> : null}
        </select>
      )}
    </Field>
  );
}

function ConsentRecord({ c, onWithdraw }: { c: Consent; onWithdraw: (() => void) | null }) {
  const { t, tag } = useI18n();
  const expired = c.decision === 'given' && c.expires_at !== null && new Date(c.expires_at).getTime() < Date.now();
  return (
    <li class="record" data-id={c.id}>
      <div class="record-head">
        <strong class="record-title">{t(`purpose.${c.purpose}`)}</strong>
        <span class={`badge badge--${c.decision}`}>{t(`decision.${c.decision}`)}</span>
        {expired ? <span class="badge badge--expired">{t('consent.expired')}</span> : null}
      </div>
      <dl class="facts facts--record">
        <div>
          <dt>{t('consent.scope')}</dt>
          <dd>
            <ScopeText c={c} />
          </dd>
        </div>
        <div>
          <dt>{t('consent.recorded')}</dt>
          <dd>{t('case.by', { when: formatDateTime(c.decided_at, tag), who: c.recorded_by?.display_name ?? '' })}</dd>
        </div>
        {c.decision === 'given' ? (
          <div>
            <dt>{t('consent.expires')}</dt>
            <dd>{c.expires_at ? formatDate(lastValidDay(c.expires_at), tag) : t('consent.no_expiry')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('consent.explained_in')}</dt>
          <dd>
            {c.explained_in_language ? languageName(c.explained_in_language, tag) : t('common.not_recorded')}
            {' · '}
            {c.interpreter_used ? t('consent.with_interpreter') : t('consent.without_interpreter')}
          </dd>
        </div>
        <div>
          <dt>{t('consent.rights_notice')}</dt>
          <dd dir="auto">{c.rights_notice_version || t('common.not_recorded')}</dd>
        </div>
        {c.child ? (
          <>
            {c.child.guardian_name ? (
              <div>
                <dt>{t('consent.guardian')}</dt>
                <dd dir="auto">{c.child.guardian_name}</dd>
              </div>
            ) : null}
            {c.child.best_interest_decision ? (
              <div class="wide">
                <dt>{t('consent.best_interest')}</dt>
                <dd dir="auto" class="multiline">
                  {c.child.best_interest_decision}
                </dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>
      {onWithdraw ? (
        <button type="button" class="small" onClick={onWithdraw}>
          {t('consent.record_withdrawal')}
        </button>
      ) : null}
    </li>
  );
}

export function ConsentTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t, tag } = useI18n();
  const records = useLoaded(() => api.listConsents(kase.id).then((r) => r.items ?? []), [kase.id]);
  const orgs = useLoaded(() => (mayChange ? loadOrganisations() : Promise.resolve([])), [mayChange]);
  const child = isChild(kase.person ?? {});
  const personLanguages = kase.person?.languages ?? [];

  const latestVersion = records.state.kind === 'ready' ? (records.state.value[0]?.rights_notice_version ?? '') : '';
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(personLanguages[0] ?? '', ''));
  const [versionTouched, setVersionTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [prefilledFrom, setPrefilledFrom] = useState<Consent | null>(null);

  const [checkPurpose, setCheckPurpose] = useState<ConsentPurpose | ''>('');
  const [checkOrg, setCheckOrg] = useState('');
  const [checkErrors, setCheckErrors] = useState<FieldErrors>({});
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checkBusy, setCheckBusy] = useState(false);
  const [checkResult, setCheckResult] = useState<{ answer: ConsentCheck; purpose: ConsentPurpose; org: string } | null>(null);

  // The rights notice version defaults to the one last recorded on the case.
  const shown: Draft = versionTouched || draft.rightsVersion ? draft : { ...draft, rightsVersion: latestVersion };
  const split = saveError ? splitError(t, saveError, FIELDS) : null;
  const serverChildError = split?.fields['child'];
  const showChild = child || Boolean(serverChildError);
  const validation = submitted ? validate(shown, showChild, t) : null;
  const errors: FieldErrors = { ...(validation?.errors ?? {}), ...(split?.fields ?? {}) };
  const scopeError = errors['scope.kind'] ?? errors['scope'];
  // The server names a refused expiry `expires_at` (the record's field).
  const expiryError = errors['expires_on'] ?? errors['expires_at'];

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...shown, [key]: value });

  const languages = [...new Set([...personLanguages, ...EXPLAIN_LANGUAGES, ...(shown.language ? [shown.language] : [])])];
  const countries = [
    ...new Set([...REGION, ...(orgs.state.kind === 'ready' ? orgs.state.value.map((o) => o.country) : [])]),
  ].sort((a, b) => countryName(a, tag).localeCompare(countryName(b, tag), tag));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setNotice(null);
    setSaveError(null);
    setSubmitted(true);
    const { body } = validate(shown, showChild, t);
    if (!body) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const created = await api.recordConsent(kase.id, body);
      records.update((list) => [created, ...list.filter((c) => c.id !== created.id)]);
      setDraft(emptyDraft(shown.language, shown.rightsVersion));
      setVersionTouched(true);
      setSubmitted(false);
      setPrefilledFrom(null);
      setCheckResult(null);
      setNotice(created.decision === 'withdrawn' ? 'consent.withdrawal_recorded' : 'consent.recorded_notice');
    } catch (err) {
      setSaveError(err);
      focusFirstError();
    }
    setBusy(false);
  };

  const withdraw = (c: Consent) => {
    setDraft({
      ...shown,
      purpose: c.purpose,
      decision: 'withdrawn',
      scopeKind: c.scope?.kind ?? 'anyone',
      country: c.scope?.country ?? '',
      organisationId: c.scope?.organisation_id != null ? String(c.scope.organisation_id) : '',
      expiresOn: '',
    });
    setPrefilledFrom(c);
    setSubmitted(false);
    setSaveError(null);
    setNotice(null);
    setTimeout(() => {
      const el = document.getElementById('consent-form-title');
      el?.scrollIntoView({ block: 'start' });
      el?.focus();
    }, 0);
  };

  const check = async (e: Event) => {
    e.preventDefault();
    if (checkBusy) return;
    setCheckError(null);
    setCheckResult(null);
    const found: FieldErrors = {};
    if (!checkPurpose) found['purpose'] = t('consent.v_purpose');
    if (!checkOrg) found['organisation_id'] = t('consent.v_organisation');
    setCheckErrors(found);
    if (!checkPurpose || !checkOrg) {
      focusFirstError();
      return;
    }
    setCheckBusy(true);
    try {
      const answer = await api.checkConsent(kase.id, checkPurpose, Number(checkOrg));
      setCheckResult({ answer, purpose: checkPurpose, org: checkOrg });
    } catch (err) {
      const s = splitError(t, err, CHECK_FIELDS);
      setCheckErrors(s.fields);
      setCheckError(s.general ? err : null);
      focusFirstError();
    }
    setCheckBusy(false);
  };

  const checkSplit = checkError ? splitError(t, checkError, []) : null;
  const orgName = (id: string) =>
    orgs.state.kind === 'ready' ? (orgs.state.value.find((o) => String(o.id) === id)?.name ?? id) : id;
  const deciding =
    checkResult?.answer.deciding_consent_id != null && records.state.kind === 'ready'
      ? records.state.value.find((c) => c.id === checkResult.answer.deciding_consent_id)
      : undefined;

  return (
    <section class="tab-panel" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p class="lead">{t('consent.intro')}</p>
      {child ? <p class="note">{t('consent.child_note')}</p> : null}

      {mayChange ? (
        <form class="card casework-form" onSubmit={submit} noValidate aria-labelledby="consent-form-title">
          <h3 id="consent-form-title" tabIndex={-1}>
            {t('consent.form_title')}
          </h3>
          {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
          {prefilledFrom ? (
            <Alert kind="info">{t('consent.prefilled', { when: formatDateTime(prefilledFrom.decided_at, tag) })}</Alert>
          ) : null}
          {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
          <fieldset class="plain" disabled={busy}>
            <div class="grid">
              <SelectField
                name="purpose"
                label={t('consent.purpose')}
                error={errors['purpose']}
                options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
                value={shown.purpose}
                onChange={(v) => set('purpose', v as ConsentPurpose)}
                emptyLabel={t('common.choose')}
              />
            </div>
            <RadioGroup
              name="decision"
              legend={t('consent.decision')}
              inline
              options={CONSENT_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))}
              value={shown.decision}
              onChange={(v) => set('decision', v)}
              hint={shown.decision === 'withdrawn' ? t('consent.withdrawn_hint') : undefined}
              error={errors['decision']}
            />
            <RadioGroup
              name="scope.kind"
              legend={t('consent.scope')}
              options={SCOPE_KINDS.map((k) => ({ value: k, label: t(`scope.${k}`) }))}
              value={shown.scopeKind}
              onChange={(v) => set('scopeKind', v)}
              error={scopeError}
            />
            <div class="grid">
              {shown.scopeKind === 'country' ? (
                <SelectField
                  name="scope.country"
                  label={t('consent.country')}
                  error={errors['scope.country']}
                  options={countries.map((code) => ({ value: code, label: countryName(code, tag) }))}
                  value={shown.country}
                  onChange={(v) => set('country', v)}
                  emptyLabel={t('common.choose')}
                />
              ) : null}
              {shown.scopeKind === 'organisation' ? (
                <OrganisationSelect
                  name="scope.organisation_id"
                  label={t('consent.organisation')}
                  value={shown.organisationId}
                  onChange={(v) => set('organisationId', v)}
                  error={errors['scope.organisation_id']}
                  orgs={orgs}
                />
              ) : null}
              {shown.decision === 'given' ? (
                <Field name="expires_on" label={t('consent.expires_on')} hint={t('consent.expires_on_hint')} error={expiryError}>
                  {(c) => (
                    <input {...c} type="date" min={tomorrow()} value={shown.expiresOn} onInput={(e) => set('expiresOn', e.currentTarget.value)} />
                  )}
                </Field>
              ) : null}
            </div>
            <fieldset>
              <legend>{t('consent.how_explained')}</legend>
              <div class="grid">
                <Field name="explained_in_language" label={t('consent.explained_in')} error={errors['explained_in_language']}>
                  {(c) => (
                    <select {...c} value={shown.language} onChange={(e) => set('language', e.currentTarget.value)}>
                      <option value="">{t('common.not_recorded')}</option>
                      {languages.map((code) => (
                        <option key={code} value={code}>
                          {`${languageName(code, tag)} (${code})`}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  name="rights_notice_version"
                  label={t('consent.rights_notice')}
                  hint={t('consent.rights_notice_hint')}
                  error={errors['rights_notice_version']}
                >
                  {(c) => (
                    <input
                      {...c}
                      type="text"
                      autocomplete="off"
                      spellcheck={false}
                      maxLength={50}
                      value={shown.rightsVersion}
                      onInput={(e) => {
                        setVersionTouched(true);
                        set('rightsVersion', e.currentTarget.value);
                      }}
                    />
                  )}
                </Field>
              </div>
              <Checkbox
                name="interpreter_used"
                label={t('consent.interpreter_used')}
                checked={shown.interpreter}
                onChange={(v) => set('interpreter', v)}
              />
            </fieldset>
            {showChild ? (
              <fieldset class={errors['child'] ? 'field--invalid' : undefined}>
                <legend>{t('consent.child_legend')}</legend>
                <p class="hint" id="f-child-hint">
                  {t('consent.child_hint')}
                </p>
                {errors['child'] ? (
                  <p class="field-error" id="f-child-error">
                    {errors['child']}
                  </p>
                ) : null}
                <div class="grid">
                  <Field name="child.guardian_name" label={t('consent.guardian')}>
                    {(c) => (
                      <input
                        {...c}
                        type="text"
                        dir="auto"
                        autocomplete="off"
                        maxLength={200}
                        aria-invalid={errors['child'] ? 'true' : undefined}
                        aria-describedby={errors['child'] ? 'f-child-error f-child-hint' : 'f-child-hint'}
                        value={shown.guardian}
                        onInput={(e) => set('guardian', e.currentTarget.value)}
                      />
                    )}
                  </Field>
                </div>
                <Field name="child.best_interest_decision" label={t('consent.best_interest')}>
                  {(c) => (
                    <textarea
                      {...c}
                      rows={3}
                      dir="auto"
                      maxLength={2000}
                      aria-describedby="f-child-hint"
                      value={shown.bestInterest}
                      onInput={(e) => set('bestInterest', e.currentTarget.value)}
                    />
                  )}
                </Field>
              </fieldset>
            ) : null}
            <div class="actions">
              <button type="submit" class="primary">
                {busy ? t('common.saving') : t('consent.submit')}
              </button>
            </div>
          </fieldset>
        </form>
      ) : (
        <p class="note">{t('casework.readonly')}</p>
      )}

      {mayChange ? (
        <form class="card casework-form" onSubmit={check} noValidate aria-labelledby="consent-check-title">
          <h3 id="consent-check-title">{t('consent.check_title')}</h3>
          <p class="hint">{t('consent.check_intro')}</p>
          {checkSplit?.general ? <Alert kind="error">{generalText(t, checkSplit)}</Alert> : null}
          <fieldset class="plain" disabled={checkBusy}>
            <div class="grid">
              <SelectField
                name="check.purpose"
                label={t('consent.purpose')}
                error={checkErrors['purpose']}
                options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
                value={checkPurpose}
                onChange={(v) => {
                  setCheckPurpose(v as ConsentPurpose);
                  setCheckResult(null);
                }}
                emptyLabel={t('common.choose')}
              />
              <OrganisationSelect
                name="check.organisation_id"
                label={t('consent.organisation')}
                value={checkOrg}
                onChange={(v) => {
                  setCheckOrg(v);
                  setCheckResult(null);
                }}
                error={checkErrors['organisation_id']}
                orgs={orgs}
              />
            </div>
            <div class="actions">
              <button type="submit">{checkBusy ? t('common.loading') : t('consent.check_submit')}</button>
            </div>
          </fieldset>
          {checkResult ? (
            <div
              class={`check-result check-result--${checkResult.answer.covered ? 'covered' : 'not-covered'}`}
              role="status"
            >
              <p>
                <strong class="check-verdict">
                  {checkResult.answer.covered ? t('consent.covered') : t('consent.not_covered')}
                </strong>{' '}
                <span>
                  {t('consent.check_for', {
                    purpose: t(`purpose.${checkResult.purpose}`),
                    organisation: orgName(checkResult.org),
                  })}
                </span>
              </p>
              {checkResult.answer.reason ? <English text={checkResult.answer.reason} /> : null}
              {deciding ? (
                <p class="muted">{t('consent.deciding_record', { when: formatDateTime(deciding.decided_at, tag) })}</p>
              ) : null}
            </div>
          ) : null}
        </form>
      ) : null}

      <h3 id="consent-records-title">{t('consent.records_title')}</h3>
      <WhenLoaded loaded={records.state} onRetry={records.retry}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t('consent.none')}</p>
          ) : (
            <ol class="records consents" aria-labelledby="consent-records-title">
              {list.map((c, i) => (
                <ConsentRecord
                  key={c.id}
                  c={c}
                  onWithdraw={mayChange && c.decision === 'given' && !superseded(list, i) ? () => withdraw(c) : null}
                />
              ))}
            </ol>
          )
        }
      </WhenLoaded>
    </section>
  );
}
