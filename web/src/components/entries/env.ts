// Everything the entry components need about the case they are drawn on:
// loaded once per tab and handed down, so that references between entries
// (a perpetrator's event, an action's objective) and people and organisations
// can be shown by name.
import { useEffect, useState } from 'preact/hooks';
import type { Case, Organisation, OrgUser, User } from '../../api';
import { entriesApi, type CaseForm, type Entry } from '../../entriesApi';
import { loadOrganisations, useOrgUsers } from '../../session';

export interface EntryEnv {
  kase: Case;
  me: User;
  mayChange: boolean; // the caller's role may write and the case is open
  forms: CaseForm[];
  entries: Entry[]; // every entry of the case the caller may see, oldest first
  users: OrgUser[] | null; // null while loading or when they cannot be listed
  orgs: Organisation[] | null;
  saved: (e: Entry) => void; // put a created or updated entry into `entries`
  reload: () => Promise<void>;
}

export type EnvState = { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; env: EntryEnv };

export function findForm(env: { forms: CaseForm[] }, kind: string): CaseForm | undefined {
  return env.forms.find((f) => f.kind === kind);
}

// Loads the forms and the case's entries (and organisations when a form of
// `kinds` has an organisation field).
export function useEntryEnv(kase: Case, me: User, mayChange: boolean, kinds: readonly string[]) {
  const users = useOrgUsers(me.id);
  const [forms, setForms] = useState<CaseForm[] | null>(null);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [orgs, setOrgs] = useState<Organisation[] | null>(null);
  const [err, setErr] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const fetchEntries = () => entriesApi.list(kase.id);

  useEffect(() => {
    let live = true;
    setErr(null);
    setForms(null);
    setEntries(null);
    Promise.all([entriesApi.forms(), fetchEntries()]).then(
      ([f, e]) => {
        if (!live) return;
        setForms(f);
        setEntries(e);
        const wantsOrgs = f.some((form) => kinds.includes(form.kind) && form.fields.some((x) => x.type === 'organisation'));
        // Without the list an organisation shows as its number; the form still works.
        if (wantsOrgs) loadOrganisations().then((o) => live && setOrgs(o), () => {});
      },
      (e) => live && setErr(e),
    );
    return () => {
      live = false;
    };
  }, [kase.id, attempt]);

  if (err) return { state: { kind: 'error', err } as EnvState, retry: () => setAttempt((n) => n + 1) };
  if (!forms || !entries) return { state: { kind: 'loading' } as EnvState, retry: () => {} };
  const env: EntryEnv = {
    kase,
    me,
    mayChange,
    forms,
    entries,
    users,
    orgs,
    saved: (e) =>
      setEntries((list) => {
        const all = list ?? [];
        return all.some((x) => x.id === e.id) ? all.map((x) => (x.id === e.id ? e : x)) : [...all, e];
      }),
    reload: async () => {
      try {
        setEntries(await fetchEntries());
      } catch (e) {
        setErr(e);
      }
    },
  };
  return { state: { kind: 'ready', env } as EnvState, retry: () => setAttempt((n) => n + 1) };
}
