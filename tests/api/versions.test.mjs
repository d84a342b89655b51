// Optimistic concurrency: a change based on an old version is refused with
// 409 and changes nothing. Runs as mm-shelter-caseworker, whom no other file
// uses.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, tag, assertError, assertStatus, createCase, getCase, assertSameCase } from './helpers.mjs';

let token;
let me;

before(async () => {
  ({ token, user: me } = await signIn('mm-shelter-caseworker'));
});

function person(first) {
  return { first_name: first, citizenship: ['MM'], languages: ['my'], gender: 'Feminine', approximate_age: 30 };
}

// A case at version 2 (created, then changed once).
async function caseAtVersion2() {
  const t = tag();
  const c = await createCase(token, person(`ခင်မာလာ ${t}`));
  const r = await api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 1, person: person(`နွယ်နီ ${t}`) } });
  assertStatus(r, 200, 'first patch');
  assert.equal(r.json.version, 2);
  return r.json;
}

test('stale PATCH → 409 conflict, and the case keeps its data and version', async () => {
  const c = await caseAtVersion2();
  const stale = await api('PATCH', `/api/v1/cases/${c.id}`, {
    token, body: { version: 1, person: person('Overwritten'), assignee_id: me.id },
  });
  assertError(stale, 409, 'conflict', null, 'stale patch');
  const after = await getCase(token, c.id);
  assertSameCase(after, c, 'GET shows the data and version from before the stale PATCH');
  assert.equal(after.version, 2);
  assert.equal(after.assignee, null);
});

test('PATCH with a version from the future → 409 conflict, nothing changes', async () => {
  const c = await caseAtVersion2();
  assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 3, person: person('Future') } }),
    409, 'conflict', null, 'future version');
  assertSameCase(await getCase(token, c.id), c);
});

test('stale close → 409 conflict, the case stays open', async () => {
  const c = await caseAtVersion2();
  assertError(await api('POST', `/api/v1/cases/${c.id}/close`, { token, body: { version: 1, reason: 'Done' } }),
    409, 'conflict', null, 'stale close');
  const after = await getCase(token, c.id);
  assertSameCase(after, c);
  assert.equal(after.status, 'open');
  assert.equal(after.closure_reason, null);
});

test('stale reopen → 409 conflict, the case stays closed', async () => {
  const c = await caseAtVersion2();
  const cl = await api('POST', `/api/v1/cases/${c.id}/close`, { token, body: { version: 2, reason: 'Done' } });
  assertStatus(cl, 200, 'close');
  assertError(await api('POST', `/api/v1/cases/${c.id}/reopen`, { token, body: { version: 2, reason: 'Oops' } }),
    409, 'conflict', null, 'stale reopen');
  assertSameCase(await getCase(token, c.id), cl.json);
});

test('a stale PATCH to a closed case is a conflict (the version is checked first)', async () => {
  const c = await caseAtVersion2();
  const cl = await api('POST', `/api/v1/cases/${c.id}/close`, { token, body: { version: 2, reason: 'Done' } });
  assertStatus(cl, 200, 'close');
  assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 2, person: person('X') } }),
    409, 'conflict', null, 'stale patch of a closed case');
  assertSameCase(await getCase(token, c.id), cl.json);
});

test('concurrent PATCHes of the same version: exactly one wins, the others get 409', async () => {
  const c = await caseAtVersion2();
  const n = 6;
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 2, person: person(`Writer ${i}`) } })),
  );
  const winners = results.filter((r) => r.status === 200);
  const losers = results.filter((r) => r.status !== 200);
  assert.equal(winners.length, 1, `one winner; got ${results.map((r) => r.status).join(',')}`);
  for (const r of losers) assertError(r, 409, 'conflict', null, 'concurrent loser');
  const after = await getCase(token, c.id);
  assert.equal(after.version, 3);
  assert.deepEqual(after.person, winners[0].json.person, 'the winner\'s data is what is stored');
});
