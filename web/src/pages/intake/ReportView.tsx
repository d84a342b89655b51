// One intake report (#/intake/{id}): what was reported, who reported it (for
// those who may see that), and the three ways to move it on: assign a mobile
// team or an agency (supervisors), link it to an existing case, or create a
// case from it.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type CaseSummary, type Organisation } from '../../api';
import { Alert, Field } from '../../components/Field';
import { ExistingRecords } from '../../components/ExistingRecords';
import { AssigneeField, PERSON_FIELDS, PersonFields, emptyDraft, validateDraft, type PersonDraft } from '../../components/PersonForm';
import { errorMessage, splitError, type FieldErrors } from '../../errors';
import { setFlash } from '../../flash';
import { focusFirstError } from '../../focus';
import { countryName, formatDateTime, languageName, personName } from '../../format';
import { useI18n } from '../../i18n';
import { intakeApi, type IntakeReport, type ReportedPerson } from '../../intakeApi';
import { href, navigate } from '../../router';
import { loadOrganisations, useOrgUsers, useUser } from '../../session';
import { UrgencyBadge, assignsReports, relativeAge, worksIntake } from './common';

// The new case's person, prefilled from the first reported person.
function draftFromReported(p: ReportedPerson | undefined): PersonDraft {
  const d = emptyDraft();
  if (!p) return d;
  return {
    ...d,
    first_name: p.name,
    approximate_age: p.approximate_age == null ? '' : String(p.approximate_age),
    gender: p.gender,
    citizenship: p.citizenship,
  };
}

// Every case the user can see, for linking (at most 10 pages of 100).
async function visibleCases(): Promise<CaseSummary[]> {
  const out: CaseSummary[] = [];
  for (let page = 1; page <= 10; page++) {
    const r = await api.listCases({ status: 'open', page, page_size: 100 });
    out.push(...r.items);
    if (r.items.length < 100 || out.length >= r.total) break;
  }
  return out;
}

function Facts({ report, orgs }: { report: IntakeReport; orgs: Organisation[] }) {
  const { t, tag } = useI18n();
  const orgName = orgs.find((o) => o.id === report.assigned_organisation_id)?.name;
  return (
    <dl class="facts">
      <dt>{t('intake.urgency')}</dt>
      <dd>
        <UrgencyBadge urgency={report.urgency} />
      </dd>
      <dt>{t('intake.status')}</dt>
      <dd>{t(`rstatus.${report.status}`)}</dd>
      <dt>{t('intake.channel')}</dt>
      <dd>{t(`channel.${report.channel}`)}</dd>
      <dt>{t('intake.received_at')}</dt>
      <dd>
        <time dateTime={report.received_at}>{formatDateTime(report.received_at, tag)}</time>{' '}
        <span class="muted">{`(${relativeAge(report.age_minutes, tag)})`}</span>
      </dd>
      <dt>{t('intake.language')}</dt>
      <dd>
        {report.language ? languageName(report.language, tag) : t('common.not_recorded')}
        {report.interpreter_used ? ` · ${t('intake.interpreter_used')}` : ''}
      </dd>
      <dt>{t('intake.location')}</dt>
      <dd dir="auto">
        {[report.location_country ? countryName(report.location_country, tag) : '', report.location].filter(Boolean).join(' · ') ||
          t('common.not_recorded')}
      </dd>
      {report.people_count ? (
        <>
          <dt>{t('intake.people_count')}</dt>
          <dd>{report.people_count}</dd>
        </>
      ) : null}
      {report.receipt ? (
        <>
          <dt>{t('intake.receipt')}</dt>
          <dd class="ref">{report.receipt}</dd>
        </>
      ) : null}
      <dt>{t('intake.col_assignment')}</dt>
      <dd dir="auto">{[report.assigned_team, orgName].filter(Boolean).join(' · ') || t('intake.unassigned')}</dd>
      <dt>{t('intake.col_case')}</dt>
      <dd>{report.case_id ? <a href={href(`/cases/${report.case_id}`)}>{t('intake.open_case')}</a> : t('intake.no_case')}</dd>
    </dl>
  );
}

function Persons({ persons }: { persons: ReportedPerson[] }) {
  const { t, tag } = useI18n();
  return (
    <ul class="reported-persons">
      {persons.map((p, i) => (
        <li key={i} class="reported-person">
          <strong dir="auto">{p.name || t('intake.name_unknown')}</strong>
          {p.approximate_age != null ? ` · ${t('intake.age_years', { age: p.approximate_age })}` : ''}
          {p.child ? ` · ${t('intake.children_flag')}` : ''}
          {p.gender !== 'NonSpecifiedUnknown' ? ` · ${t(`gender.${p.gender}`)}` : ''}
          {p.citizenship ? ` · ${countryName(p.citizenship, tag)}` : ''}
          {p.description ? (
            <p class="note-text" dir="auto">
              {p.description}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Reporter({ report }: { report: IntakeReport }) {
  const { t } = useI18n();
  const r = report.reporter;
  if (!r) return <p class="muted">{t('intake.reporter_hidden')}</p>;
  if (r.anonymous)
    return (
      <p>
        {t('intake.reporter_anonymous')}
        {r.relationship ? ` · ${r.relationship}` : ''}
      </p>
    );
  return (
    <dl class="facts">
      <dt>{t('intake.reporter_name')}</dt>
      <dd dir="auto">{r.name || t('common.not_recorded')}</dd>
      <dt>{t('intake.reporter_contact')}</dt>
      <dd dir="auto">{r.contact || t('common.not_recorded')}</dd>
      <dt>{t('intake.reporter_relationship')}</dt>
      <dd dir="auto">{r.relationship || t('common.not_recorded')}</dd>
    </dl>
  );
}

type Load = { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; report: IntakeReport };

export function ReportView({ id }: { id: number }) {
  const { t } = useI18n();
  const user = useUser();
  const users = useOrgUsers(user.id);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Assign
  const [team, setTeam] = useState('');
  const [agency, setAgency] = useState('');
  // Link
  const [reference, setReference] = useState('');
  const [picked, setPicked] = useState('');
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  // Create case
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState<PersonDraft>(emptyDraft);
  const [assignee, setAssignee] = useState(String(user.id));
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    let live = true;
    setLoad({ kind: 'loading' });
    intakeApi.get(id).then(
      (report) => {
        if (!live) return;
        setLoad({ kind: 'ready', report });
        setTeam(report.assigned_team);
        setAgency(report.assigned_organisation_id ? String(report.assigned_organisation_id) : '');
        setDraft(draftFromReported(report.persons[0]));
      },
      (err) => live && setLoad({ kind: 'error', err }),
    );
    loadOrganisations().then((o) => live && setOrgs(o), () => {});
    return () => {
      live = false;
    };
  }, [id, attempt]);

  useEffect(() => {
    let live = true;
    visibleCases().then((c) => live && setCases(c), () => live && setCases([]));
    return () => {
      live = false;
    };
  }, []);

  if (load.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (load.kind === 'error')
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('intake.report_title')}
        </h1>
        <Alert kind="error">
          {errorMessage(t, load.err)}{' '}
          <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </Alert>
        <p>
          <a href={href('/intake')}>{t('intake.back_to_queue')}</a>
        </p>
      </section>
    );
  const report = load.report;
  const open = report.status !== 'linked' && worksIntake(user.role);

  const failed = (err: unknown) => {
    setActionError(
      err instanceof ApiError && err.code === 'conflict' ? t('intake.conflict') : `${errorMessage(t, err)}${err instanceof ApiError && err.detail ? ` ${t('error.detail', { detail: err.detail })}` : ''}`,
    );
    setBusy(false);
    focusFirstError();
  };
  const accept = (r: IntakeReport, key: string) => {
    setLoad({ kind: 'ready', report: r });
    setNotice(key);
    setActionError(null);
    setBusy(false);
  };

  const assign = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!team.trim() && !agency) {
      setActionError(t('intake.v_assign'));
      return;
    }
    setBusy(true);
    try {
      const body: { version: number; team: string; organisation_id?: number } = { version: report.version, team: team.trim() };
      if (agency) body.organisation_id = Number(agency);
      accept(await intakeApi.assign(report.id, body), 'intake.assigned_notice');
    } catch (err) {
      failed(err);
    }
  };

  const link = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const ref = reference.trim().toUpperCase();
    const target = ref ? (cases ?? []).find((c) => c.reference === ref) : (cases ?? []).find((c) => String(c.id) === picked);
    if (!target) {
      setActionError(ref ? t('intake.v_reference_unknown') : t('intake.v_pick_case'));
      return;
    }
    setBusy(true);
    try {
      accept(await intakeApi.link(report.id, report.version, target.id), 'intake.linked_notice');
    } catch (err) {
      failed(err);
    }
  };

  // From "Possible existing records": the report belongs to a case already there.
  const linkTo = async (caseId: number) => {
    if (busy) return;
    setBusy(true);
    try {
      accept(await intakeApi.link(report.id, report.version, caseId), 'intake.linked_notice');
      setCreating(false);
    } catch (err) {
      failed(err);
    }
  };

  const createCase = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setActionError(null);
    const { person, errors: found } = validateDraft(draft, t);
    setErrors(found);
    if (!person) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const body: { version: number; person: typeof person; assignee_id?: number } = { version: report.version, person };
      if (assignee) body.assignee_id = Number(assignee);
      const done = await intakeApi.createCase(report.id, body);
      setFlash('intake.case_created_notice');
      navigate(href(`/cases/${done.case.id}`), true);
    } catch (err) {
      const split = splitError(t, err, [...PERSON_FIELDS, 'assignee_id']);
      setErrors(split.fields);
      if (split.general) failed(err);
      else {
        setBusy(false);
        focusFirstError();
      }
    }
  };

  return (
    <section aria-labelledby="page-title">
      <p class="back">
        <a href={href('/intake')}>{t('intake.back_to_queue')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {t('intake.report_title')}
      </h1>
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      {actionError ? <Alert kind="error">{actionError}</Alert> : null}
      <Facts report={report} orgs={orgs} />

      <h2>{t('intake.what_happened')}</h2>
      <p class="note-text" dir="auto">
        {report.what_happened}
      </p>
      <h2>{t('intake.legend_persons')}</h2>
      <Persons persons={report.persons} />
      <h2>{t('intake.legend_reporter')}</h2>
      <Reporter report={report} />

      {open && assignsReports(user.role) ? (
        <form class="card casework-form" onSubmit={assign} noValidate>
          <h2>{t('intake.assign_title')}</h2>
          <p class="hint">{t('intake.assign_hint')}</p>
          <div class="grid">
            <Field name="team" label={t('intake.team')}>
              {(c) => <input {...c} type="text" dir="auto" maxLength={200} value={team} onInput={(e) => setTeam(e.currentTarget.value)} />}
            </Field>
            <Field name="organisation_id" label={t('intake.agency')}>
              {(c) => (
                <select {...c} value={agency} onChange={(e) => setAgency(e.currentTarget.value)}>
                  <option value="">{t('intake.no_agency')}</option>
                  {orgs.map((o) => (
                    <option key={o.id} value={String(o.id)}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {t('intake.assign_submit')}
            </button>
          </div>
        </form>
      ) : null}

      {open ? (
        <form class="card casework-form" onSubmit={link} noValidate>
          <h2>{t('intake.link_title')}</h2>
          <div class="grid">
            <Field name="case_reference" label={t('intake.case_reference')} hint={t('intake.case_reference_hint')}>
              {(c) => (
                <input {...c} type="text" autocomplete="off" autocapitalize="characters" spellcheck={false} maxLength={11} value={reference} onInput={(e) => setReference(e.currentTarget.value)} />
              )}
            </Field>
            <Field name="case_pick" label={t('intake.case_pick')}>
              {(c) => (
                <select {...c} value={picked} disabled={!cases} onChange={(e) => setPicked(e.currentTarget.value)}>
                  <option value="">{cases ? t('common.choose') : t('common.loading')}</option>
                  {(cases ?? []).map((k) => (
                    <option key={k.id} value={String(k.id)}>
                      {`${k.reference} · ${personName(k.person ?? {})}`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {t('intake.link_submit')}
            </button>
          </div>
        </form>
      ) : null}

      {open ? (
        <div class="card casework-form">
          <h2>{t('intake.create_title')}</h2>
          {creating ? (
            <form onSubmit={createCase} noValidate>
              <p class="hint">{t('intake.create_hint')}</p>
              <PersonFields draft={draft} onChange={setDraft} errors={errors} />
              <ExistingRecords
                draft={draft}
                actions={(m) => (
                  <div class="actions">
                    <button type="button" class="button" disabled={busy} onClick={() => void linkTo(m.case.id)}>
                      {t('matching.link_report', { reference: m.case.reference })}
                    </button>
                  </div>
                )}
              />
              <div class="grid">
                <AssigneeField value={assignee} onChange={setAssignee} users={users} me={user} error={errors['assignee_id']} />
              </div>
              <div class="actions">
                <button type="submit" class="primary" disabled={busy}>
                  {busy ? t('common.saving') : t('intake.create_submit')}
                </button>
                <button type="button" class="button" onClick={() => setCreating(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          ) : (
            <button type="button" class="primary" onClick={() => setCreating(true)}>
              {t('intake.create_open')}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
