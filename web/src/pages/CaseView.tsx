import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Case } from '../api';
import { Alert, Field } from '../components/Field';
import {
  AssigneeField,
  PERSON_FIELDS,
  PersonFields,
  draftFromPerson,
  emptyDraft,
  samePerson,
  validateDraft,
  type PersonDraft,
} from '../components/PersonForm';
import { errorMessage, splitError } from '../errors';
import { takeFlash } from '../flash';
import { focusFirstError } from '../focus';
import { formatDateTime, personName } from '../format';
import { useI18n } from '../i18n';
import { changesCases, managesCase } from '../permissions';
import { href } from '../router';
import { useOrgUsers, useUser } from '../session';
import { ConsentTab } from './casework/ConsentTab';
import { ContextTab } from './casework/ContextTab';
import { EventsTab } from './casework/EventsTab';
import { FollowUpTab } from './casework/FollowUpTab';
import { NotesTab } from './casework/NotesTab';
import { ReferralsTab } from './casework/ReferralsTab';
import { SupportTab } from './casework/SupportTab';
import { IdentificationTab } from './casework/IdentificationTab';
import { RightsTab } from './casework/RightsTab';
import { ScreeningTab } from './casework/ScreeningTab';
import { LegalTab } from './legal/LegalTab';
import { MatchesTab } from './casework/MatchesTab';

// The case page's parts, each at its own address: `#/cases/42` (details),
// `#/cases/42/consent`, `#/cases/42/screening`, `#/cases/42/identification`,
// `#/cases/42/rights`, and the case entries: `#/cases/42/context`, `/events`,
// `/support`, `/notes`, `/follow-up`; and the case's referrals: `/referrals`.
export const CASE_TABS = [
  'details',
  'consent',
  'screening',
  'identification',
  'rights',
  'context',
  'events',
  'support',
  'notes',
  'follow-up',
  'referrals',
  'legal',
  'matches',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

function CaseTabs({ id, current }: { id: number; current: CaseTab }) {
  const { t } = useI18n();
  const tabs: Array<{ tab: CaseTab; label: string }> = [
    { tab: 'details', label: t('case.tab_details') },
    { tab: 'consent', label: t('case.tab_consent') },
    { tab: 'screening', label: t('case.tab_screening') },
    { tab: 'identification', label: t('case.tab_identification') },
    { tab: 'rights', label: t('case.tab_rights') },
    { tab: 'context', label: t('entries.tab_context') },
    { tab: 'events', label: t('entries.tab_events') },
    { tab: 'support', label: t('entries.tab_support') },
    { tab: 'notes', label: t('entries.tab_notes') },
    { tab: 'follow-up', label: t('entries.tab_followup') },
    { tab: 'referrals', label: t('referrals.tab') },
    { tab: 'legal', label: t('legal.tab') },
    { tab: 'matches', label: t('matching.tab') },
  ];
  return (
    <nav class="tabs" aria-label={t('case.tabs_label')}>
      <ul>
        {tabs.map(({ tab, label }) => (
          <li key={tab}>
            <a
              href={href(tab === 'details' ? `/cases/${id}` : `/cases/${id}/${tab}`)}
              aria-current={tab === current ? 'page' : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const FIELDS = [...PERSON_FIELDS, 'assignee_id'];

type Load = { kind: 'loading' } | { kind: 'not_found' } | { kind: 'error'; err: unknown } | { kind: 'ready' };
type Busy = null | 'save' | 'status' | 'reload';

function isConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'conflict';
}

export function NotFoundCase() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('notfound.case_title')}
      </h1>
      <p>{t('notfound.case_text')}</p>
      <p>
        <a href={href('/cases')}>{t('nav.back_to_cases')}</a>
      </p>
    </section>
  );
}

export function CaseView({ id, tab = 'details' }: { id: number; tab?: CaseTab }) {
  const { t, tag } = useI18n();
  const user = useUser();
  const users = useOrgUsers(user.id);

  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [kase, setKase] = useState<Case | null>(null);
  const [draft, setDraft] = useState<PersonDraft>(emptyDraft);
  const [assignee, setAssignee] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<string | null>(() => takeFlash());
  const [busy, setBusy] = useState<Busy>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [statusError, setStatusError] = useState<unknown>(null);

  const accept = (c: Case) => {
    setKase(c);
    setDraft(draftFromPerson(c.person));
    setAssignee(c.assignee ? String(c.assignee.id) : '');
    setSubmitted(false);
    setSaveError(null);
    setStatusError(null);
    setConflict(false);
  };

  const fetchCase = async (): Promise<boolean> => {
    try {
      const c = await api.getCase(id);
      accept(c);
      setLoad({ kind: 'ready' });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not_found') setLoad({ kind: 'not_found' });
      else setLoad({ kind: 'error', err });
      return false;
    }
  };

  useEffect(() => {
    setLoad({ kind: 'loading' });
    void fetchCase();
  }, [id]);

  // A notice belongs to the part of the page it was given on.
  const firstTab = useRef(true);
  useEffect(() => {
    if (firstTab.current) {
      firstTab.current = false;
      return;
    }
    setNotice(null);
  }, [tab]);

  if (load.kind === 'not_found') return <NotFoundCase />;

  const heading = (
    <h1 id="page-title" tabIndex={-1}>
      {kase ? t('case.title', { reference: kase.reference }) : t('case.title_loading')}
    </h1>
  );

  if (load.kind !== 'ready' || !kase) {
    return (
      <section aria-labelledby="page-title">
        <p class="back">
          <a href={href('/cases')}>{t('nav.back_to_cases')}</a>
        </p>
        {heading}
        {load.kind === 'error' ? (
          <Alert kind="error">
            {errorMessage(t, load.err)}{' '}
            <button
              type="button"
              class="link"
              onClick={() => {
                setLoad({ kind: 'loading' });
                void fetchCase();
              }}
            >
              {t('common.retry')}
            </button>
          </Alert>
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </section>
    );
  }

  const closed = kase.status === 'closed';
  const mayChange = changesCases(user.role);
  const mayManage = managesCase(user, kase);
  const readOnly = closed || !mayChange;
  const validation = submitted ? validateDraft(draft, t) : null;
  const split = saveError && !isConflict(saveError) ? splitError(t, saveError, FIELDS) : null;
  const fieldErrors = { ...(validation?.errors ?? {}), ...(split?.fields ?? {}) };

  const reload = async () => {
    setBusy('reload');
    if (await fetchCase()) setNotice('case.reloaded');
    setBusy(null);
  };

  const failed = (err: unknown, setErr: (e: unknown) => void) => {
    if (isConflict(err)) {
      setConflict(true);
      setNotice(null);
      setTimeout(() => document.getElementById('conflict')?.focus(), 0);
    } else {
      setErr(err);
      focusFirstError();
    }
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setNotice(null);
    setSaveError(null);
    setSubmitted(true);
    const { person } = validateDraft(draft, t);
    if (!person) {
      focusFirstError();
      return;
    }
    const body: { version: number; person?: typeof person; assignee_id?: number | null } = {
      version: kase.version,
    };
    if (!samePerson(person, kase.person)) body.person = person;
    const newAssignee = assignee ? Number(assignee) : null;
    if (newAssignee !== (kase.assignee?.id ?? null)) body.assignee_id = newAssignee;
    if (!body.person && !('assignee_id' in body)) {
      setNotice('case.no_changes');
      return;
    }
    setBusy('save');
    try {
      accept(await api.updateCase(id, body));
      setNotice('case.saved');
    } catch (err) {
      failed(err, setSaveError);
    }
    setBusy(null);
  };

  const changeStatus = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setNotice(null);
    setStatusError(null);
    if (!reason.trim()) {
      setReasonMissing(true);
      focusFirstError();
      return;
    }
    setReasonMissing(false);
    setBusy('status');
    try {
      const updated = closed
        ? await api.reopenCase(id, kase.version, reason.trim())
        : await api.closeCase(id, kase.version, reason.trim());
      accept(updated);
      setReason('');
      setNotice(closed ? 'case.reopened_notice' : 'case.closed_notice');
    } catch (err) {
      failed(err, setStatusError);
    }
    setBusy(null);
  };

  const statusSplit = statusError ? splitError(t, statusError, ['reason']) : null;
  const reasonError = reasonMissing ? t('validation.reason_required') : statusSplit?.fields['reason'];
  const withDetail = (s: { general: string | null; detail: string } | null) =>
    s?.general ? (s.detail ? `${s.general} ${t('error.detail', { detail: s.detail })}` : s.general) : null;
  const name = personName(kase.person);

  return (
    <section aria-labelledby="page-title">
      <p class="back">
        <a href={href('/cases')}>{t('nav.back_to_cases')}</a>
      </p>
      <div class="page-head">
        {heading}
        <span class={`badge badge--${kase.status}`}>{t(`status.${kase.status}`)}</span>
      </div>
      {name ? (
        <p class="person-title" dir="auto">
          {name}
        </p>
      ) : null}

      {conflict ? (
        <div class="alert alert--error" role="alert" id="conflict" tabIndex={-1}>
          <p>{t('case.conflict')}</p>
          <button type="button" class="primary" onClick={reload} disabled={busy === 'reload'}>
            {t('case.reload')}
          </button>
        </div>
      ) : null}
      {notice ? <Alert kind={notice === 'case.no_changes' ? 'info' : 'success'}>{t(notice)}</Alert> : null}

      <CaseTabs id={id} current={tab} />

      {tab === 'consent' ? (
        <ConsentTab kase={kase} mayChange={mayChange} />
      ) : tab === 'screening' ? (
        <ScreeningTab kase={kase} mayChange={mayChange} />
      ) : tab === 'identification' ? (
        <IdentificationTab kase={kase} mayChange={mayChange} />
      ) : tab === 'rights' ? (
        <RightsTab kase={kase} mayChange={mayChange} />
      ) : tab === 'context' ? (
        <ContextTab kase={kase} mayChange={mayChange} />
      ) : tab === 'events' ? (
        <EventsTab kase={kase} mayChange={mayChange} />
      ) : tab === 'support' ? (
        <SupportTab kase={kase} mayChange={mayChange} />
      ) : tab === 'notes' ? (
        <NotesTab kase={kase} mayChange={mayChange} />
      ) : tab === 'follow-up' ? (
        <FollowUpTab kase={kase} mayChange={mayChange} />
      ) : tab === 'referrals' ? (
        <ReferralsTab kase={kase} mayChange={mayChange} />
      ) : tab === 'legal' ? (
        <LegalTab kase={kase} mayChange={mayChange} />
      ) : tab === 'matches' ? (
        <MatchesTab kase={kase} mayChange={mayChange} />
      ) : (
        <div class="tab-panel">
          <dl class="facts">
            <div>
              <dt>{t('case.owner')}</dt>
              <dd dir="auto">{kase.owner_organisation?.name}</dd>
            </div>
            <div>
              <dt>{t('case.created')}</dt>
              <dd>
                {t('case.by', {
                  when: formatDateTime(kase.created_at, tag),
                  who: kase.created_by?.display_name ?? '',
                })}
              </dd>
            </div>
            <div>
              <dt>{t('case.updated')}</dt>
              <dd>
                {t('case.by', {
                  when: formatDateTime(kase.updated_at, tag),
                  who: kase.updated_by?.display_name ?? '',
                })}
              </dd>
            </div>
            <div>
              <dt>{t('case.team')}</dt>
              <dd dir="auto">
                {kase.team && kase.team.length ? kase.team.map((m) => m.display_name).join(', ') : t('case.team_none')}
              </dd>
            </div>
            {closed && kase.closure_reason ? (
              <div>
                <dt>{t('case.closure_reason')}</dt>
                <dd dir="auto">{kase.closure_reason}</dd>
              </div>
            ) : null}
          </dl>

          {split?.general ? <Alert kind="error">{withDetail(split)}</Alert> : null}
          {!mayChange ? (
            <p class="note">{t('case.readonly_role')}</p>
          ) : closed ? (
            <p class="note">{t('case.closed_readonly')}</p>
          ) : null}

          <form onSubmit={save} noValidate aria-label={t('case.edit_form')}>
            <fieldset class="plain" disabled={readOnly || busy !== null}>
              <PersonFields draft={draft} onChange={setDraft} errors={fieldErrors} />
              <fieldset>
                <legend>{t('case.handling')}</legend>
                <div class="grid">
                  <AssigneeField
                    disabled={!mayManage}
                    value={assignee}
                    onChange={setAssignee}
                    users={users}
                    me={user}
                    current={kase.assignee}
                    error={fieldErrors['assignee_id']}
                  />
                </div>
              </fieldset>
              {readOnly ? null : (
                <div class="actions">
                  <button type="submit" class="primary">
                    {busy === 'save' ? t('common.saving') : t('case.save')}
                  </button>
                </div>
              )}
            </fieldset>
          </form>

          {mayManage ? (
            <form class="status-change card" onSubmit={changeStatus} noValidate aria-labelledby="status-title">
              <h2 id="status-title">{closed ? t('case.reopen_title') : t('case.close_title')}</h2>
              {statusSplit?.general ? <Alert kind="error">{withDetail(statusSplit)}</Alert> : null}
              <Field
                name="reason"
                label={closed ? t('case.reopen_reason') : t('case.close_reason')}
                error={reasonError}
              >
                {(c) => (
                  <textarea
                    {...c}
                    rows={3}
                    dir="auto"
                    maxLength={2000}
                    value={reason}
                    onInput={(e) => setReason(e.currentTarget.value)}
                    disabled={busy !== null}
                  />
                )}
              </Field>
              <div class="actions">
                <button type="submit" class={closed ? 'primary' : 'danger'} disabled={busy !== null}>
                  {closed ? t('case.reopen') : t('case.close')}
                </button>
              </div>
            </form>
          ) : null}
        </div>
      )}
    </section>
  );
}
