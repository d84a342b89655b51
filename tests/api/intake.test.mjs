// Intake through the API: the duty queue, the reporter's confidentiality, who
// assigns and links, and bad input (a clear 4xx that changes nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus, tag } from './helpers.mjs';

const OPERATOR = 'th-hotline-hotline';
const WORKER = 'th-hotline-caseworker';
const SUPERVISOR = 'th-hotline-supervisor';
const OUTSIDER = 'th-shelter-supervisor';

function report(urgency, what) {
  return {
    channel: 'phone_hotline', language: 'my', interpreter_used: true, urgency, what_happened: what,
    location_country: 'TH', location: 'Fishing boat at Ranong pier',
    persons: [{ name: 'အောင်ကျော်', approximate_age: 15, child: true, gender: 'Masculine', citizenship: 'MM' }],
    reporter: { name: 'Uncle', contact: '+95 9 123 4567', relationship: 'uncle' },
  };
}

test('the duty queue puts immediate danger first and hides the reporter from case workers', async () => {
  const op = (await signIn(OPERATOR)).token;
  const t = tag();
  const routine = await api('POST', '/api/v1/intake-reports', { token: op, body: report('routine', `routine ${t}`) });
  assertStatus(routine, 201);
  assert.equal(routine.json.reporter.contact, '+95 9 123 4567', 'the operator sees the reporter');
  const danger = await api('POST', '/api/v1/intake-reports', { token: op, body: report('immediate_danger', `danger ${t}`) });
  assertStatus(danger, 201);
  const worker = (await signIn(WORKER)).token;
  const q = await api('GET', '/api/v1/intake-reports', { token: worker });
  assertStatus(q, 200);
  const mine = q.json.items.filter((r) => r.what_happened.endsWith(t));
  assert.deepEqual(mine.map((r) => r.urgency), ['immediate_danger', 'routine']);
  const ranks = { immediate_danger: 0, urgent: 1, routine: 2 };
  for (let i = 1; i < q.json.items.length; i++)
    assert.ok(ranks[q.json.items[i - 1].urgency] <= ranks[q.json.items[i].urgency], 'queue order');
  for (const r of q.json.items) assert.equal(r.reporter, null, 'reporter hidden from a case worker');
  assert.ok(typeof mine[0].age_minutes === 'number');
  const one = await api('GET', `/api/v1/intake-reports/${danger.json.id}`, { token: worker });
  assert.equal(one.json.reporter, null);
  assert.ok(!one.text.includes('+95 9 123 4567'), 'no trace of the contact anywhere in the answer');
  const outsider = (await signIn(OUTSIDER)).token;
  assertError(await api('GET', `/api/v1/intake-reports/${danger.json.id}`, { token: outsider }), 404, 'not_found');
});

test('a supervisor assigns a mobile team; the report is linked to a case and leaves the queue', async () => {
  const op = (await signIn(OPERATOR)).token;
  const sup = (await signIn(SUPERVISOR)).token;
  const worker = (await signIn(WORKER)).token;
  const r = await api('POST', '/api/v1/intake-reports', { token: op, body: report('urgent', `assign ${tag()}`) });
  assertStatus(r, 201);
  assertError(await api('POST', `/api/v1/intake-reports/${r.json.id}/assign`, { token: op, body: { version: 1, team: 'Mobile team 1' } }), 403, 'permission_denied');
  const a = await api('POST', `/api/v1/intake-reports/${r.json.id}/assign`, { token: sup, body: { version: 1, team: 'Mobile team 1' } });
  assertStatus(a, 200);
  assert.equal(a.json.status, 'assigned');
  assertError(await api('POST', `/api/v1/intake-reports/${r.json.id}/assign`, { token: sup, body: { version: 1, team: 'x' } }), 409, 'conflict');
  const c = await createCase(worker, { first_name: 'အောင်ကျော်', gender: 'Masculine', approximate_age: 15, citizenship: ['MM'] });
  const linked = await api('POST', `/api/v1/intake-reports/${r.json.id}/link`, { token: worker, body: { version: 2, case_id: c.id } });
  assertStatus(linked, 200);
  assert.equal(linked.json.case_id, c.id);
  const q = await api('GET', '/api/v1/intake-reports', { token: worker });
  assert.ok(!q.json.items.some((x) => x.id === r.json.id), 'linked reports leave the queue');
});

test('bad intake input gets a clear 4xx and changes nothing', async () => {
  const op = (await signIn(OPERATOR)).token;
  const before = (await api('GET', '/api/v1/intake-reports', { token: op })).json.items.length;
  const good = report('urgent', 'x');
  const cases = [
    [{ ...good, channel: 'pigeon' }, 'channel'],
    [{ ...good, urgency: 'whenever' }, 'urgency'],
    [{ ...good, what_happened: '   ' }, 'what_happened'],
    [{ ...good, persons: [] }, 'persons'],
    [{ ...good, persons: 'a girl' }, 'persons'],
    [{ ...good, persons: [{ approximate_age: 300 }] }, 'persons[0].approximate_age'],
    [{ ...good, persons: [{ citizenship: 'XX' }] }, 'persons[0].citizenship'],
    [{ ...good, persons: [{ gender: 'girl' }] }, 'persons[0].gender'],
    [{ ...good, persons: [{ nick: 'x' }] }, 'persons[0].nick'],
    [{ ...good, language: 'burmese' }, 'language'],
    [{ ...good, location_country: 'Thailand' }, 'location_country'],
    [{ ...good, reporter: { anonymous: true, contact: '123' } }, 'reporter'],
    [{ ...good, reporter: { anonymous: 'yes' } }, 'reporter.anonymous'],
    [{ ...good, received_at: Date.now() + 86400000 }, 'received_at'],
    [{ ...good, extra: 1 }, 'extra'],
  ];
  for (const [body, field] of cases) {
    assertError(await api('POST', '/api/v1/intake-reports', { token: op, body }), 400, 'invalid_argument', field, JSON.stringify(body).slice(0, 120));
  }
  const after = (await api('GET', '/api/v1/intake-reports', { token: op })).json.items.length;
  assert.equal(after, before, 'nothing was written');
  const sec = (await signIn('net-secretariat')).token;
  assertError(await api('POST', '/api/v1/intake-reports', { token: sec, body: good }), 403, 'permission_denied');
});
