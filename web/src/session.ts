// Session-wide data shared by pages: the signed-in user and their
// organisation's people (for assignee pickers), fetched once per session.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { api, type IndicatorSet, type IndicatorSetSummary, type OrgUser, type Organisation, type User } from './api';

export const UserContext = createContext<User | null>(null);

export function useUser(): User {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside a signed-in page');
  return user;
}

let cached: { userId: number; promise: Promise<OrgUser[] | null> } | null = null;

export function forgetSessionData(): void {
  cached = null;
  shared.clear();
}

// Reference data that rarely changes (organisations, indicator sets): fetched
// once per session and shared by every page that needs it. A failed fetch is
// forgotten, so the next caller tries again.
const shared = new Map<string, Promise<unknown>>();

function once<T>(key: string, fetch: () => Promise<T>): Promise<T> {
  let p = shared.get(key) as Promise<T> | undefined;
  if (!p) {
    p = fetch();
    shared.set(key, p);
    p.catch(() => {
      if (shared.get(key) === p) shared.delete(key);
    });
  }
  return p;
}

export const loadOrganisations = (): Promise<Organisation[]> =>
  once('organisations', () => api.organisations().then((r) => (Array.isArray(r.items) ? r.items : [])));

export const loadIndicatorSets = (): Promise<IndicatorSetSummary[]> =>
  once('indicator-sets', () => api.indicatorSets().then((r) => (Array.isArray(r.items) ? r.items : [])));

export const loadIndicatorSet = (id: string): Promise<IndicatorSet> =>
  once(`indicator-set:${id}`, () => api.indicatorSet(id));

// The caller's organisation's users; null when they cannot be listed (the
// picker then offers only the caller and the current assignee).
export function useOrgUsers(userId: number): OrgUser[] | null {
  const [users, setUsers] = useState<OrgUser[] | null>(null);
  useEffect(() => {
    if (!cached || cached.userId !== userId) {
      cached = {
        userId,
        promise: api.orgUsers().then(
          (r) => (Array.isArray(r.items) ? r.items : null),
          () => {
            cached = null; // try again on the next page that needs it
            return null;
          },
        ),
      };
    }
    let live = true;
    cached.promise.then((u) => live && setUsers(u));
    return () => {
      live = false;
    };
  }, [userId]);
  return users;
}
