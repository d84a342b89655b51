// What the interface offers to each role. The server enforces the same rules
// (docs/api/openapi.yaml, "Who sees and changes which case"); these only avoid
// showing buttons that would always be refused.
import type { Role } from './api';

const NOT_CASE_WORKERS: ReadonlySet<Role> = new Set<Role>(['org_admin', 'secretariat', 'system_admin']);

// May create cases, and may be assigned one.
export function worksCases(role: Role): boolean {
  return !NOT_CASE_WORKERS.has(role);
}

// May change, close and reopen the cases they can see.
export function changesCases(role: Role): boolean {
  return worksCases(role);
}
