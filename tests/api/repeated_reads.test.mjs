// Repeated reads: the server may give a case or a case list again from
// memory (service/answer_cache.h). Whatever it keeps, a change is seen by the
// very next read, another user never gets someone else's answer, and a
// session that ended is refused. Runs as the Viet Nam shelter's case worker
// and supervisor, whom no other file uses, and one outsider.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, tag, assertError, assertStatus, createCase, getCase, PASSWORD } from './helpers.mjs';

let worker;
let supervisor;
let outsider;

before(async () => {
  worker = await signIn('vn-shelter-caseworker');
  supervisor = await signIn('vn-shelter-supervisor');
  outsider = await signIn('sg-police-caseworker');
});

function person(first) {
  return {
    first_name: first,
    middle_name: '',
    second_name: 'Nguyễn',
    birth_date: null,
    approximate_age: 30,
    gender: 'Masculine',
    citizenship: ['VN'],
    languages: ['vi'],
  };
}

test('the same read twice gives the same answer', async () => {
  const c = await createCase(worker.token, person(`Minh ${tag()}`));
  const first = await api('GET', `/api/v1/cases/${c.id}`, { token: worker.token });
  const second = await api('GET', `/api/v1/cases/${c.id}`, { token: worker.token });
  assertStatus(first, 200);
  assertStatus(second, 200);
  assert.equal(second.text, first.text);
  assert.equal(second.headers.get('cache-control'), 'no-store');
});

test('a change is seen by the next read of the case and of the list', async () => {
  const t = tag();
  const c = await createCase(worker.token, person(`Lan ${t}`));
  await getCase(worker.token, c.id);
  await getCase(worker.token, c.id);
  const listed = await api('GET', '/api/v1/cases?page_size=5', { token: worker.token });
  assertStatus(listed, 200);
  assert.equal(listed.json.items[0].id, c.id, 'the newest case leads the list');

  const changed = await api('PATCH', `/api/v1/cases/${c.id}`, {
    token: worker.token, body: { version: 1, person: person(`Lan changed ${t}`) },
  });
  assertStatus(changed, 200);
  const after = await getCase(worker.token, c.id);
  assert.equal(after.version, 2);
  assert.equal(after.person.first_name, `Lan changed ${t}`);
  const relisted = await api('GET', '/api/v1/cases?page_size=5', { token: worker.token });
  assert.equal(relisted.json.items[0].version, 2);

  // A new case is counted by the very next list.
  const newer = await createCase(worker.token, person(`Hoa ${t}`));
  const third = await api('GET', '/api/v1/cases?page_size=5', { token: worker.token });
  assert.equal(third.json.items[0].id, newer.id);
  assert.equal(third.json.total, relisted.json.total + 1);
});

test('another user asking the same question gets their own answer', async () => {
  const c = await createCase(worker.token, person(`Tuấn ${tag()}`));
  await getCase(worker.token, c.id);
  await getCase(worker.token, c.id);
  // Same path, another organisation: still not found.
  const refused = await api('GET', `/api/v1/cases/${c.id}`, { token: outsider.token });
  assertError(refused, 404, 'not_found');
  const again = await api('GET', `/api/v1/cases/${c.id}`, { token: outsider.token });
  assertError(again, 404, 'not_found');
  // The supervisor of the same organisation sees it, as themself.
  const seen = await getCase(supervisor.token, c.id);
  assert.equal(seen.id, c.id);
  // Lists: each user their own.
  const mine = await api('GET', '/api/v1/cases?page_size=3', { token: worker.token });
  const theirs = await api('GET', '/api/v1/cases?page_size=3', { token: outsider.token });
  assertStatus(mine, 200);
  assertStatus(theirs, 200);
  assert.ok(!theirs.json.items.some((x) => x.id === c.id), 'the outsider does not list the case');
  const mineAssigned = await api('GET', '/api/v1/cases?page_size=3&assignee=me', { token: supervisor.token });
  assertStatus(mineAssigned, 200);
  assert.ok(!mineAssigned.json.items.some((x) => x.id === c.id), '"me" is the asker, not the first to ask');
});

test('an ended session is refused even for an answer read before', async () => {
  const c = await createCase(worker.token, person(`Hải ${tag()}`));
  const r = await api('POST', '/api/v1/auth/sign-in', {
    body: { username: 'vn-shelter-caseworker', password: PASSWORD },
  });
  assertStatus(r, 200);
  const token = r.json.token;
  await getCase(token, c.id);
  await getCase(token, c.id);
  assertStatus(await api('POST', '/api/v1/auth/sign-out', { token }), 204);
  const after = await api('GET', `/api/v1/cases/${c.id}`, { token });
  assertError(after, 401, 'unauthenticated');
  const list = await api('GET', '/api/v1/cases', { token });
  assertError(list, 401, 'unauthenticated');
});
