// Session-wide data shared by pages: the signed-in user and their
// organisation's people (for assignee pickers), fetched once per session.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { api, type OrgUser, type User } from './api';

export const UserContext = createContext<User | null>(null);

export function useUser(): User {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside a signed-in page');
  return user;
}

let cached: { userId: number; promise: Promise<OrgUser[] | null> } | null = null;

export function forgetSessionData(): void {
  cached = null;
}

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
