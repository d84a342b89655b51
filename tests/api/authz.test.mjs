// Who sees and changes which case: organisation, role and case team.
//
// Cases here are made by th-shelter-caseworker and th-shelter-supervisor (the
// owning organisation); the other users only try to read or change them, and
// every refused attempt is checked to have changed nothing.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  api, signIn, tag, assertError, assertStatus, createCase, getCase, listAll, listTotal, userIdByRole,
  assertSameCase,
} from './helpers.mjs';

const S = {};  // username -> {token, user}
const USERS = [
  'th-shelter-caseworker', 'th-shelter-supervisor', 'th-shelter-admin', 'th-hotline-hotline',
  'kh-legal-caseworker', 'kh-legal-supervisor', 'kh-legal-legal', 'net-secretariat', 'net-sysadmin',
];

before(async () => {
  for (const u of USERS) S[u] = await signIn(u);
});

const tok = (u) => S[u].token;

function person(first) {
  return { first_name: first, second_name: 'ใจดี', citizenship: ['TH'], languages: ['th'], gender: 'Feminine' };
}

async function shelterCase() {
  const cw = S['th-shelter-caseworker'];
  return createCase(cw.token, person(`สมศรี ${tag()}`), { assignee_id: cw.user.id });
}

async function assertHidden(username, c) {
  const t = tok(username);
  const missing = await api('GET', '/api/v1/cases/999999999', { token: t });
  assertError(missing, 404, 'not_found', null, `${username}: a case that does not exist`);

  const get = await api('GET', `/api/v1/cases/${c.id}`, { token: t });
  assertError(get, 404, 'not_found', null, `${username}: GET`);
  assert.equal(get.text, missing.text, `${username}: a hidden case looks exactly like a missing one`);
  assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token: t, body: { version: c.version, person: person('Hijacked') } }),
    404, 'not_found', null, `${username}: PATCH`);
  assertError(await api('POST', `/api/v1/cases/${c.id}/close`, { token: t, body: { version: c.version, reason: 'x' } }),
    404, 'not_found', null, `${username}: close`);
  assertError(await api('POST', `/api/v1/cases/${c.id}/reopen`, { token: t, body: { version: c.version, reason: 'x' } }),
    404, 'not_found', null, `${username}: reopen`);
  const { items } = await listAll(t);
  assert.ok(!items.some((i) => i.id === c.id || i.reference === c.reference), `${username}: not in the list`);
}

async function assertUnchanged(c) {
  const now = await getCase(tok('th-shelter-supervisor'), c.id);
  assertSameCase(now, c, 'the case is unchanged');
}

test('a case of another organisation is 404 for its case worker (GET, PATCH, close, reopen) and not in their list', async () => {
  const c = await shelterCase();
  await assertHidden('kh-legal-caseworker', c);
  await assertUnchanged(c);
});

test('other organisations\' supervisor, legal officer and hotline operator cannot see it either', async () => {
  const c = await shelterCase();
  for (const u of ['kh-legal-supervisor', 'kh-legal-legal', 'th-hotline-hotline']) await assertHidden(u, c);
  await assertUnchanged(c);
});

test('the supervisor of the owning organisation sees it (GET and list)', async () => {
  const c = await shelterCase();
  const t = tok('th-shelter-supervisor');
  const r = await api('GET', `/api/v1/cases/${c.id}`, { token: t });
  assertStatus(r, 200, 'supervisor GET');
  assertSameCase(r.json, c);
  const { items } = await listAll(t);
  assert.ok(items.some((i) => i.id === c.id), 'in the supervisor\'s list');
});

test('the organisation admin sees it but may not change, close or assign it (403)', async () => {
  const c = await shelterCase();
  const t = tok('th-shelter-admin');
  const r = await api('GET', `/api/v1/cases/${c.id}`, { token: t });
  assertStatus(r, 200, 'admin GET');
  assertSameCase(r.json, c);
  const { items } = await listAll(t);
  assert.ok(items.some((i) => i.id === c.id), 'in the admin\'s list');

  assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token: t, body: { version: c.version, person: person('Admin edit') } }),
    403, 'permission_denied', null, 'admin PATCH person');
  const sup = S['th-shelter-supervisor'].user.id;
  assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token: t, body: { version: c.version, assignee_id: sup } }),
    403, 'permission_denied', null, 'admin PATCH assignee');
  assertError(await api('POST', `/api/v1/cases/${c.id}/close`, { token: t, body: { version: c.version, reason: 'Admin' } }),
    403, 'permission_denied', null, 'admin close');
  assertError(await api('POST', '/api/v1/cases', { token: t, body: { person: person('Admin case') } }),
    403, 'permission_denied', null, 'admin create');
  await assertUnchanged(c);
});

test('secretariat and system admin see no cases at all, and cannot create one', async () => {
  const c = await shelterCase();
  for (const u of ['net-secretariat', 'net-sysadmin']) {
    const t = tok(u);
    for (const q of ['', '?status=open', '?status=closed', '?assignee=me']) {
      const r = await api('GET', `/api/v1/cases${q}`, { token: t });
      assertStatus(r, 200, `${u} list${q}`);
      assert.equal(r.json.total, 0, `${u} list${q}: total`);
      assert.deepEqual(r.json.items, [], `${u} list${q}: items`);
    }
    assertError(await api('GET', `/api/v1/cases/${c.id}`, { token: t }), 404, 'not_found', null, `${u} GET`);
    assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token: t, body: { version: c.version, person: person('Net') } }),
      404, 'not_found', null, `${u} PATCH`);
    assertError(await api('POST', `/api/v1/cases/${c.id}/close`, { token: t, body: { version: c.version, reason: 'Net' } }),
      404, 'not_found', null, `${u} close`);
    const before = await listTotal(t);
    assertError(await api('POST', '/api/v1/cases', { token: t, body: { person: person('Net case') } }),
      403, 'permission_denied', null, `${u} create`);
    assert.equal(await listTotal(t), before);
  }
  await assertUnchanged(c);
});

test('team rule: a case worker sees a case of their organisation only once on its team', async () => {
  const sup = S['th-shelter-supervisor'];
  const cw = S['th-shelter-caseworker'];
  const cwId = await userIdByRole(sup.token, 'case_worker');
  assert.equal(cwId, cw.user.id, 'GET /users?organisation=mine lists the case worker');

  const c = await createCase(sup.token, person(`ทีม ${tag()}`));
  assert.equal(c.assignee, null);
  assert.deepEqual(c.team.map((m) => m.id), [sup.user.id]);

  // Not on the team yet: hidden, like a case of another organisation.
  assertError(await api('GET', `/api/v1/cases/${c.id}`, { token: cw.token }), 404, 'not_found', null, 'case worker before assignment');
  assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token: cw.token, body: { version: 1, person: person('Early') } }),
    404, 'not_found', null, 'case worker PATCH before assignment');
  assert.ok(!(await listAll(cw.token)).items.some((i) => i.id === c.id), 'not in the case worker\'s list');
  assertSameCase(await getCase(sup.token, c.id), c, 'unchanged');

  const r = await api('PATCH', `/api/v1/cases/${c.id}`, { token: sup.token, body: { version: 1, assignee_id: cwId } });
  assertStatus(r, 200, 'supervisor assigns');
  assert.equal(r.json.version, 2);
  assert.equal(r.json.assignee.id, cwId);
  assert.deepEqual(r.json.team.map((m) => m.id).sort((a, b) => a - b), [sup.user.id, cwId].sort((a, b) => a - b));

  const seen = await api('GET', `/api/v1/cases/${c.id}`, { token: cw.token });
  assertStatus(seen, 200, 'case worker after assignment');
  assertSameCase(seen.json, r.json);
  assert.ok((await listAll(cw.token)).items.some((i) => i.id === c.id), 'in the case worker\'s list');
  assert.ok((await listAll(cw.token, 'assignee=me')).items.some((i) => i.id === c.id), 'in assignee=me');
});

test('assigning a user of another organisation → 400 assignee_id, and nothing else in the request is applied', async () => {
  const sup = S['th-shelter-supervisor'];
  const cw = S['th-shelter-caseworker'];
  const outsider = S['kh-legal-caseworker'].user.id;
  const c = await shelterCase();

  for (const who of [sup, cw]) {
    const r = await api('PATCH', `/api/v1/cases/${c.id}`, {
      token: who.token, body: { version: c.version, person: person('Should not be saved'), assignee_id: outsider },
    });
    assertError(r, 400, 'invalid_argument', 'assignee_id', `${who.user.username} assigns an outsider`);
    await assertUnchanged(c);
  }

  // Nor users of the own organisation who do not work cases, nor unknown ids.
  const admin = S['th-shelter-admin'].user.id;
  for (const bad of [admin, 999999999]) {
    assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token: sup.token, body: { version: c.version, assignee_id: bad } }),
      400, 'invalid_argument', 'assignee_id', `assign ${bad}`);
  }
  await assertUnchanged(c);

  // On create too, and no case is made.
  const name = `Outsider ${tag()}`;
  assertError(await api('POST', '/api/v1/cases', { token: cw.token, body: { person: person(name), assignee_id: outsider } }),
    400, 'invalid_argument', 'assignee_id', 'create with an outsider');
  assert.ok(!(await listAll(sup.token)).items.some((i) => i.person.first_name === name), 'no case was created');
});
