// Cases, the happy path: create, get, patch, list (filters and paging),
// close, reopen. Runs as la-shelter-caseworker, whom no other file uses.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  api, signIn, tag, assertError, assertStatus, createCase, getCase, listAll, listTotal, REFERENCE_RE,
  assertSameCase,
} from './helpers.mjs';

const USER = 'la-shelter-caseworker';
let token;
let me;

before(async () => {
  ({ token, user: me } = await signIn(USER));
});

// A full person: every field given, so equality checks cover all of them.
function person(first, second, more = {}) {
  return {
    first_name: first,
    middle_name: '',
    second_name: second,
    birth_date: null,
    approximate_age: 25,
    gender: 'Feminine',
    citizenship: ['LA'],
    languages: ['lo'],
    ...more,
  };
}

test('create: 201 with a reference, version 1, the owner, the creator on the team', async () => {
  const t = tag();
  const p = person(`ບຸນມີ ${t}`, 'ພົມມະຈັນ', { birth_date: '2001-07-15', approximate_age: null, middle_name: 'ຄຳ' });
  const r = await api('POST', '/api/v1/cases', { token, body: { person: p } });
  assertStatus(r, 201, 'create');
  const c = r.json;
  assert.equal(typeof c.id, 'number');
  assert.match(c.reference, REFERENCE_RE);
  assert.equal(c.version, 1);
  assert.equal(c.status, 'open');
  assert.equal(c.closure_reason, null);
  assert.deepEqual(c.person, p);
  assert.equal(c.owner_organisation.id, me.organisation.id);
  assert.equal(c.owner_organisation.country, 'LA');
  assert.equal(c.created_by.id, me.id);
  assert.equal(c.updated_by.id, me.id);
  assert.equal(c.assignee, null, 'no assignee unless one is given');
  assert.deepEqual(c.team.map((m) => m.id), [me.id], 'the creator is on the team');
  assert.ok(!Number.isNaN(Date.parse(c.created_at)));
  assert.equal(c.created_at, c.updated_at);

  // Two cases never share a reference.
  const c2 = await createCase(token, person(`Second ${t}`, ''));
  assert.match(c2.reference, REFERENCE_RE);
  assert.notEqual(c2.reference, c.reference);
  assert.notEqual(c2.id, c.id);
});

test('create with an assignee of the own organisation sets assignee and team', async () => {
  const c = await createCase(token, person(`Assigned ${tag()}`, 'ວົງສາ'), { assignee_id: me.id });
  assert.equal(c.assignee.id, me.id);
  assert.equal(c.assignee.display_name, me.display_name);
  assert.deepEqual(c.team.map((m) => m.id), [me.id]);
});

test('defaults: omitted person fields come back empty, null or NonSpecifiedUnknown', async () => {
  const c = await createCase(token, { second_name: `Only ${tag()}` });
  assert.deepEqual(c.person, {
    first_name: '',
    middle_name: '',
    second_name: c.person.second_name,
    birth_date: null,
    approximate_age: null,
    gender: 'NonSpecifiedUnknown',
    citizenship: [],
    languages: [],
  });
});

test('names in Khmer, Thai, Burmese, Chinese (and other scripts) round-trip exactly', async () => {
  const people = [
    person('សុខា', 'ចាន់', { middle_name: 'ស្រីនាង', citizenship: ['KH'], languages: ['km'] }),
    person('สมศรี', 'ใจดี', { middle_name: 'จันทร์เพ็ญ', citizenship: ['TH'], languages: ['th', 'lo'] }),
    person('အောင်ကျော်', '', { middle_name: 'သန္တာဝင်း', citizenship: ['MM'], languages: ['my'] }),
    person('秀英', '王', { middle_name: '𠀋𡈽', citizenship: ['CN'], languages: ['zh'] }),
    person('Hương', 'Nguyễn', { middle_name: 'Thị', citizenship: ['VN'], languages: ['vi'] }),
    person('ສົມພອນ', 'ແກ້ວມະນີ', { citizenship: ['LA', 'TH'], languages: ['lo', 'th', 'en'] }),
  ];
  for (const p of people) {
    const t = tag();
    const sent = { ...p, second_name: `${p.second_name}${t}` };
    const created = await createCase(token, sent);
    assert.deepEqual(created.person, sent, `create answer for ${p.first_name}`);
    const got = await getCase(token, created.id);
    assert.deepEqual(got.person, sent, `GET for ${p.first_name}`);
    // Byte-exact: no normalisation, no trimming.
    assert.equal(Buffer.from(got.person.first_name).toString('hex'), Buffer.from(sent.first_name).toString('hex'));
    assert.equal(Buffer.from(got.person.middle_name).toString('hex'), Buffer.from(sent.middle_name).toString('hex'));
    const { items } = await listAll(token);
    const row = items.find((i) => i.id === created.id);
    assert.ok(row, 'in the list');
    assert.deepEqual(row.person, { first_name: sent.first_name, second_name: sent.second_name }, 'list summary');
  }
});

test('limits are inclusive: 200-character names (counted in characters, not bytes), ages 0 and 120, 29 February of a leap year', async () => {
  const khmer200 = 'ស'.repeat(200);  // 600 bytes of UTF-8
  const c = await createCase(token, person(khmer200, `Limit ${tag()}`, { middle_name: 'ก'.repeat(200) }));
  assert.equal(c.person.first_name, khmer200);
  assert.equal([...c.person.middle_name].length, 200);
  for (const age of [0, 120]) {
    const a = await createCase(token, person(`Age ${age} ${tag()}`, '', { approximate_age: age }));
    assert.equal(a.person.approximate_age, age);
  }
  for (const d of ['2024-02-29', '2000-02-29', '1999-12-31']) {
    const b = await createCase(token, person(`Born ${d} ${tag()}`, '', { birth_date: d, approximate_age: null }));
    assert.equal(b.person.birth_date, d);
  }
});

test('get returns what create returned', async () => {
  const c = await createCase(token, person(`Get ${tag()}`, 'ສີສຸວັນ'));
  const r = await api('GET', `/api/v1/cases/${c.id}`, { token });
  assertStatus(r, 200, 'get');
  assertSameCase(r.json, c);
});

test('patch: changes the person, increments the version, records who changed it', async () => {
  const c = await createCase(token, person(`Patch ${tag()}`, 'ຈັນທະວົງ'));
  const p2 = person(`${c.person.first_name} (edited)`, 'ຈັນທະວົງ', {
    approximate_age: 26, gender: 'NonConforming', citizenship: ['LA', 'TH'], languages: ['lo', 'th'],
  });
  const r = await api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 1, person: p2 } });
  assertStatus(r, 200, 'patch');
  assert.equal(r.json.version, 2);
  assert.deepEqual(r.json.person, p2);
  assert.equal(r.json.updated_by.id, me.id);
  assert.equal(r.json.reference, c.reference, 'reference never changes');
  assert.equal(r.json.created_at, c.created_at);
  assert.ok(Date.parse(r.json.updated_at) >= Date.parse(c.updated_at));

  const got = await getCase(token, c.id);
  assertSameCase(got, r.json, 'GET shows the change');

  // Assign to self, then unassign: each a new version.
  const a = await api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 2, assignee_id: me.id } });
  assertStatus(a, 200, 'assign');
  assert.equal(a.json.version, 3);
  assert.equal(a.json.assignee.id, me.id);
  assert.deepEqual(a.json.person, p2, 'person untouched when not sent');
  const u = await api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 3, assignee_id: null } });
  assertStatus(u, 200, 'unassign');
  assert.equal(u.json.version, 4);
  assert.equal(u.json.assignee, null);
});

test('list filter status=open / status=closed', async () => {
  const t = tag();
  const open = await createCase(token, person(`Open ${t}`, ''));
  const toClose = await createCase(token, person(`Closed ${t}`, ''));
  const cl = await api('POST', `/api/v1/cases/${toClose.id}/close`, { token, body: { version: 1, reason: 'Moved away' } });
  assertStatus(cl, 200, 'close');

  const closed = await listAll(token, 'status=closed');
  assert.ok(closed.items.every((i) => i.status === 'closed'), 'only closed cases');
  assert.ok(closed.items.some((i) => i.id === toClose.id), 'the closed case is listed');
  assert.ok(!closed.items.some((i) => i.id === open.id), 'the open case is not');
  assert.equal(closed.items.length, closed.total);

  const opened = await listAll(token, 'status=open');
  assert.ok(opened.items.every((i) => i.status === 'open'), 'only open cases');
  assert.ok(opened.items.some((i) => i.id === open.id));
  assert.ok(!opened.items.some((i) => i.id === toClose.id));
  assert.equal(opened.items.length, opened.total);

  const all = await listAll(token);
  assert.equal(all.total, opened.total + closed.total, 'open + closed = all');
  const row = all.items.find((i) => i.id === toClose.id);
  assert.equal(row.status, 'closed');
  assert.equal(row.version, 2);
  assert.match(row.reference, REFERENCE_RE);
});

test('list filter assignee=me (and assignee=<id>)', async () => {
  const t = tag();
  const mine = await createCase(token, person(`Mine ${t}`, ''), { assignee_id: me.id });
  const nobodys = await createCase(token, person(`Unassigned ${t}`, ''));

  const r = await listAll(token, 'assignee=me');
  assert.ok(r.items.length > 0);
  assert.ok(r.items.every((i) => i.assignee && i.assignee.id === me.id), 'only cases assigned to me');
  assert.ok(r.items.some((i) => i.id === mine.id), 'the case assigned to me is listed');
  assert.ok(!r.items.some((i) => i.id === nobodys.id), 'the unassigned case is not');

  const byId = await listAll(token, `assignee=${me.id}`);
  assert.deepEqual(byId.items.map((i) => i.id), r.items.map((i) => i.id), 'assignee=<my id> is the same list');

  const both = await listAll(token, 'assignee=me&status=open');
  assert.ok(both.items.every((i) => i.assignee.id === me.id && i.status === 'open'));
  assert.ok(both.items.some((i) => i.id === mine.id));

  const all = await listAll(token);
  assert.ok(all.items.some((i) => i.id === nobodys.id), 'the unassigned case is in the unfiltered list (creator on team)');
});

test('paging: page, page_size, total; pages cover every case once', async () => {
  const t = tag();
  for (let i = 0; i < 3; i++) await createCase(token, person(`Page ${i} ${t}`, ''));
  const total = await listTotal(token);
  assert.ok(total >= 3);

  const def = await api('GET', '/api/v1/cases', { token });
  assertStatus(def, 200, 'default page');
  assert.equal(def.json.page, 1);
  assert.equal(def.json.page_size, 20);
  assert.equal(def.json.total, total);
  assert.equal(def.json.items.length, Math.min(20, total));

  const seen = new Set();
  const pages = Math.ceil(total / 2);
  for (let page = 1; page <= pages; page++) {
    const r = await api('GET', `/api/v1/cases?page=${page}&page_size=2`, { token });
    assertStatus(r, 200, `page ${page}`);
    assert.equal(r.json.page, page);
    assert.equal(r.json.page_size, 2);
    assert.equal(r.json.total, total);
    assert.equal(r.json.items.length, page < pages ? 2 : total - 2 * (pages - 1), `items on page ${page}`);
    for (const i of r.json.items) {
      assert.ok(!seen.has(i.id), `case ${i.id} on two pages`);
      seen.add(i.id);
    }
  }
  assert.equal(seen.size, total, 'all cases seen');

  const past = await api('GET', `/api/v1/cases?page=${pages + 1}&page_size=2`, { token });
  assertStatus(past, 200, 'page past the end');
  assert.deepEqual(past.json.items, []);
  assert.equal(past.json.total, total);

  const most = await api('GET', '/api/v1/cases?page_size=100', { token });
  assertStatus(most, 200, 'page_size=100 is allowed');
  assert.equal(most.json.page_size, 100);

  // Newest change first: a freshly changed case is at the top of page 1.
  const c = await createCase(token, person(`Newest ${t}`, ''));
  const top = await api('GET', '/api/v1/cases?page=1&page_size=1', { token });
  assert.equal(top.json.items[0].id, c.id);
});

test('close with a reason, then reopen', async () => {
  const c = await createCase(token, person(`Close ${tag()}`, 'ວັນນະ'));
  const reason = 'Reunited with family in Savannakhet — ກັບບ້ານແລ້ວ';
  const cl = await api('POST', `/api/v1/cases/${c.id}/close`, { token, body: { version: 1, reason } });
  assertStatus(cl, 200, 'close');
  assert.equal(cl.json.status, 'closed');
  assert.equal(cl.json.closure_reason, reason);
  assert.equal(cl.json.version, 2);
  assert.deepEqual(cl.json.person, c.person);
  assertSameCase(await getCase(token, c.id), cl.json);

  // A closed case cannot be closed again, nor changed.
  assertError(await api('POST', `/api/v1/cases/${c.id}/close`, { token, body: { version: 2, reason: 'again' } }),
    422, 'failed_precondition', null, 'close a closed case');
  assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 2, person: person('Changed', '') } }),
    422, 'failed_precondition', null, 'patch a closed case');
  assertError(await api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 2, assignee_id: me.id } }),
    422, 'failed_precondition', null, 'assign a closed case');
  assertSameCase(await getCase(token, c.id), cl.json, 'unchanged by the refused requests');

  const re = await api('POST', `/api/v1/cases/${c.id}/reopen`, { token, body: { version: 2, reason: 'New information' } });
  assertStatus(re, 200, 'reopen');
  assert.equal(re.json.status, 'open');
  assert.equal(re.json.closure_reason, null);
  assert.equal(re.json.version, 3);
  assertError(await api('POST', `/api/v1/cases/${c.id}/reopen`, { token, body: { version: 3, reason: 'again' } }),
    422, 'failed_precondition', null, 'reopen an open case');

  // Open again: it can be changed.
  const p = await api('PATCH', `/api/v1/cases/${c.id}`, { token, body: { version: 3, person: person('After reopen', '') } });
  assertStatus(p, 200, 'patch after reopen');
  assert.equal(p.json.version, 4);
});
