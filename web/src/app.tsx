import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, setUnauthenticatedHandler, type User } from './api';
import { Alert } from './components/Field';
import { errorMessage } from './errors';
import { focusHeading } from './focus';
import { countryName } from './format';
import {
  I18nContext,
  LANGUAGES,
  langTag,
  loadCatalogue,
  makeT,
  rememberLanguage,
  useI18n,
  type Dict,
  type LangCode,
} from './i18n';
import { CaseList } from './pages/CaseList';
import { CASE_TABS, CaseView } from './pages/CaseView';
import { MyTasks } from './pages/MyTasks';
import { NewCase } from './pages/NewCase';
import { DirectorySearch } from './pages/directory/DirectorySearch';
import { OrgProfile } from './pages/directory/OrgProfile';
import { ProfileEdit } from './pages/directory/ProfileEdit';
import { Inbox } from './pages/referrals/Inbox';
import { LibraryDocument } from './pages/library/LibraryDocument';
import { LibraryList } from './pages/library/LibraryList';
import { PublishDocument } from './pages/library/PublishDocument';
import { ReferralReport } from './pages/reports/ReferralReport';
import { ReferralView } from './pages/referrals/ReferralView';
import { RepatriationList } from './pages/repatriations/RepatriationList';
import { RepatriationView } from './pages/repatriations/RepatriationView';
import { PaymentsToConfirm } from './pages/legal/PaymentsToConfirm';
import { EntryForm } from './pages/register/EntryForm';
import { EntryView } from './pages/register/EntryView';
import { ImportPage } from './pages/register/ImportPage';
import { RegisterHome } from './pages/register/RegisterHome';
import { DutyQueue } from './pages/intake/DutyQueue';
import { NewReport } from './pages/intake/NewReport';
import { PublicReport } from './pages/intake/PublicReport';
import { ReportView } from './pages/intake/ReportView';
import { worksIntake } from './pages/intake/common';
import { SignIn } from './pages/SignIn';
import { NewTracingRequest } from './pages/tracing/NewTracingRequest';
import { TracingList } from './pages/tracing/TracingList';
import { TracingView } from './pages/tracing/TracingView';
import { href, navigate, useRoute, type Route } from './router';
import { UserContext, forgetSessionData } from './session';
import { confirmsPayments, handlesReferrals, handlesRepatriations, readsNetworkReports, worksCases } from './permissions';
import { tracesFamilies } from './permissions';

type Session =
  | { kind: 'loading' }
  | { kind: 'signed_out'; notice: 'expired' | 'signed_out' | null }
  | { kind: 'unreachable'; err: unknown }
  | { kind: 'signed_in'; user: User };

function LanguageSwitcher() {
  const { t, lang, setLang } = useI18n();
  return (
    <div class="lang">
      <label for="lang-select">{t('header.language')}</label>
      <select id="lang-select" value={lang} onChange={(e) => setLang(e.currentTarget.value as LangCode)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.tag}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function Header({ user, onSignOut }: { user: User | null; onSignOut: () => void }) {
  const { t, tag } = useI18n();
  return (
    <header class="site-header">
      <div class="bar">
        <a class="brand" href={href('/cases')}>
          {t('app.name')}
        </a>
        {user ? (
          <nav aria-label={t('nav.label')}>
            <a href={href('/cases')}>{t('nav.cases')}</a>
            {worksCases(user.role) ? <a href={href('/cases/new')}>{t('nav.new_case')}</a> : null}
            {worksIntake(user.role) ? <a href={href('/intake')}>{t('intake.nav')}</a> : null}
            {worksCases(user.role) ? <a href={href('/tasks')}>{t('tasks.nav')}</a> : null}
            {handlesReferrals(user.role) ? <a href={href('/referrals')}>{t('referrals.nav')}</a> : null}
            {handlesRepatriations(user.role) ? <a href={href('/repatriations')}>{t('repatriation.nav')}</a> : null}
            {tracesFamilies(user.role) ? <a href={href('/tracing')}>{t('tracing.nav')}</a> : null}
            {confirmsPayments(user.role) ? <a href={href('/payments')}>{t('legal.nav_confirm')}</a> : null}
            <a href={href('/directory')}>{t('dir.nav')}</a>
            <a href={href('/library')}>{t('library.nav')}</a>
            {readsNetworkReports(user.role) ? <a href={href('/reports')}>{t('report.nav')}</a> : null}
            <a href={href('/register')}>{t('register.nav')}</a>
          </nav>
        ) : null}
        <div class="spacer" />
        <LanguageSwitcher />
      </div>
      {user ? (
        <div class="bar who">
          <p class="identity">
            <span class="visually-hidden">{t('header.signed_in_as')} </span>
            <strong dir="auto" class="user-name">
              {user.display_name}
            </strong>
            <span class="sep" aria-hidden="true">
              {' · '}
            </span>
            <span>{t(`role.${user.role}`)}</span>
            <span class="sep" aria-hidden="true">
              {' · '}
            </span>
            <span dir="auto" class="org-name">
              {user.organisation?.name}
            </span>
            {user.organisation?.country ? (
              <span class="muted">{` (${countryName(user.organisation.country, tag)})`}</span>
            ) : null}
          </p>
          <button type="button" class="link" onClick={onSignOut}>
            {t('header.sign_out')}
          </button>
        </div>
      ) : null}
    </header>
  );
}

function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('notfound.title')}
      </h1>
      <p>{t('notfound.text')}</p>
      <p>
        <a href={href('/cases')}>{t('nav.back_to_cases')}</a>
      </p>
    </section>
  );
}

function Page({ route }: { route: Route }) {
  const [first, second, ...rest] = route.segments;
  if (first === undefined) return <CaseList route={route} />;
  if (first === 'report' && second === undefined) return <PublicReport />;
  if (first === 'intake' && rest.length === 0) {
    if (second === undefined) return <DutyQueue />;
    if (second === 'new') return <NewReport />;
    if (/^[1-9]\d{0,15}$/.test(second)) return <ReportView key={second} id={Number(second)} />;
  }
  if (first === 'tasks' && second === undefined) return <MyTasks />;
  if (first === 'payments' && second === undefined) return <PaymentsToConfirm route={route} />;
  if (first === 'directory') {
    if (second === undefined) return <DirectorySearch route={route} />;
    if (/^[1-9]\d{0,15}$/.test(second) && rest.length === 0) return <OrgProfile key={second} id={Number(second)} />;
    if (/^[1-9]\d{0,15}$/.test(second) && rest.length === 1 && rest[0] === 'edit')
      return <ProfileEdit key={second} id={Number(second)} />;
  }
  if (first === 'library' && rest.length === 0) {
    if (second === undefined) return <LibraryList route={route} />;
    if (second === 'new') return <PublishDocument />;
    if (/^[1-9]\d{0,15}$/.test(second))
      return <LibraryDocument key={second} id={Number(second)} published={route.query.get('published') === '1'} />;
  }
  if (first === 'reports' && second === undefined) return <ReferralReport route={route} />;
  if (first === 'register') {
    if (second === undefined) return <RegisterHome />;
    if (second === 'new' && rest.length === 0) return <EntryForm key="new" />;
    if (second === 'import' && rest.length === 0) return <ImportPage />;
    if (/^[1-9]\d{0,15}$/.test(second) && rest.length === 0) return <EntryView key={second} id={Number(second)} />;
    if (/^[1-9]\d{0,15}$/.test(second) && rest.length === 1 && rest[0] === 'edit')
      return <EntryForm key={`edit-${second}`} id={Number(second)} />;
  }
  if (first === 'referrals' && rest.length === 0) {
    if (second === undefined) return <Inbox route={route} />;
    if (/^[1-9]\d{0,15}$/.test(second)) return <ReferralView key={second} id={Number(second)} />;
  }
  if (first === 'repatriations' && rest.length === 0) {
    if (second === undefined) return <RepatriationList route={route} />;
    if (/^[1-9]\d{0,15}$/.test(second)) return <RepatriationView key={second} id={Number(second)} />;
  }
  if (first === 'tracing' && rest.length === 0) {
    if (second === undefined) return <TracingList route={route} />;
    if (second === 'new') return <NewTracingRequest />;
    if (/^[1-9]\d{0,15}$/.test(second)) return <TracingView key={second} id={Number(second)} />;
  }
  if (first === 'cases' && rest.length === 0) {
    if (second === undefined) return <CaseList route={route} />;
    if (second === 'new') return <NewCase />;
    if (/^[1-9]\d{0,15}$/.test(second)) return <CaseView key={second} id={Number(second)} />;
  }
  if (first === 'cases' && second && /^[1-9]\d{0,15}$/.test(second) && rest.length === 1) {
    const tab = CASE_TABS.find((c) => c !== 'details' && c === rest[0]);
    if (tab) return <CaseView key={second} id={Number(second)} tab={tab} />;
  }
  return <NotFoundPage />;
}

export function App({ initialLang, initialDict }: { initialLang: LangCode; initialDict: Dict }) {
  const [lang, setLangState] = useState(initialLang);
  const [dict, setDict] = useState(initialDict);
  const [langError, setLangError] = useState<unknown>(null);
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  const route = useRoute();
  const t = makeT(dict);
  const tag = langTag(lang);

  const setLang = (code: LangCode) => {
    setLangError(null);
    loadCatalogue(code).then(
      (d) => {
        setDict(d);
        setLangState(code);
        rememberLanguage(code);
      },
      () => setLangError(new ApiError(0, 'network', '')),
    );
  };

  useEffect(() => {
    document.documentElement.lang = tag;
    document.title = t('app.name');
  }, [tag]);

  const checkSession = () => {
    setSession({ kind: 'loading' });
    api.me().then(
      (user) => setSession({ kind: 'signed_in', user }),
      (err) => setSession(err?.status === 401 ? { kind: 'signed_out', notice: null } : { kind: 'unreachable', err }),
    );
  };

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      forgetSessionData();
      setSession((s) => (s.kind === 'signed_in' ? { kind: 'signed_out', notice: 'expired' } : s));
    });
    checkSession();
  }, []);

  // Move focus to the new page's heading when the path (not the filters) changes.
  const pathKey = `${session.kind}:${route.segments.join('/')}`;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusHeading();
  }, [pathKey]);

  const signOut = async () => {
    try {
      await api.signOut();
    } catch {
      // The cookie may already be gone; the user is signed out here either way.
    }
    forgetSessionData();
    setSession({ kind: 'signed_out', notice: 'signed_out' });
    navigate(href('/cases'), true);
  };

  const user = session.kind === 'signed_in' ? session.user : null;

  let body;
  switch (session.kind) {
    case 'loading':
      body = <p role="status">{t('common.loading')}</p>;
      break;
    case 'unreachable':
      body = (
        <Alert kind="error">
          {errorMessage(t, session.err)}{' '}
          <button type="button" class="link" onClick={checkSession}>
            {t('common.retry')}
          </button>
        </Alert>
      );
      break;
    case 'signed_out':
      // The public report form is the one page open without signing in.
      body = route.segments[0] === 'report' ? <PublicReport /> : <SignIn notice={session.notice} onSignedIn={(u) => setSession({ kind: 'signed_in', user: u })} />;
      break;
    case 'signed_in':
      body = <Page route={route} />;
      break;
  }

  return (
    <I18nContext.Provider value={{ lang, tag, t, setLang }}>
      <UserContext.Provider value={user}>
        <button
          type="button"
          class="skip"
          onClick={() => document.getElementById('main')?.focus()}
        >
          {t('nav.skip')}
        </button>
        <Header user={user} onSignOut={signOut} />
        <main id="main" tabIndex={-1}>
          {langError ? <Alert kind="error">{errorMessage(t, langError)}</Alert> : null}
          {body}
        </main>
      </UserContext.Provider>
    </I18nContext.Provider>
  );
}
