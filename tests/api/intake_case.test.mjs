// Creating a case straight from an intake report: one transaction that opens
// the case (the same rules as POST /cases), links the report and audits both.
// Every refusal (stale version, forbidden role, bad person) changes nothing:
// the report keeps its version and the organisation's case count stays.
//
// Runs as the Cambodian police's users, whom no other test file uses, so the
// counts move only because of what this file does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  api, signIn, rawRequest, getCase, listTotal, assertError, assertStatus, tag, REFERENCE_RE,
} from './helpers.mjs';

const WORKER = 'kh-police-caseworker';
const SUPERVISOR = 'kh-police-supervisor';
const ADMIN = 'kh-police-admin';
const OTHER_ORG = 'kh-shelter-supervisor';

const person = {
  first_name: 'ស្រីនាង', second_name: 'ចាន់', gender: 'Feminine', approximate_age: 16,
  citizenship: ['KH'], languages: ['km'],
};

async function takeReport(token, what) {
  const r = await api('POST', '/api/v1/intake-reports', {
    token,
    body: {
      channel: 'walk_in', urgency: 'urgent', language: 'km', what_happened: what,
      location_country: 'KH', location: 'Poipet border crossing',
      persons: [
        { name: 'ស្រីនាង', approximate_age: 16, child: true, gender: 'Feminine', citizenship: 'KH' },
        { name: 'Dara', approximate_age: 19, gender: 'Masculine', citizenship: 'KH' },
      ],
      reporter: { name: 'Aunt', contact: '+855 12 000 111', relationship: 'aunt' },
    },
  });
  assertStatus(r, 201, 'take report');
  return r.json;
}

// The state a refused request must leave untouched.
async function snapshot(reportId) {
  const sup = (await signIn(SUPERVISOR)).token;
  const report = await api('GET', `/api/v1/intake-reports/${reportId}`, { token: sup });
  assertStatus(report, 200);
  return { cases: await listTotal(sup), version: report.json.version, status: report.json.status };
}

test('a case is created from a report, linked to it, and opens for its creator', async () => {
  const worker = (await signIn(WORKER)).token;
  const t = tag();
  const report = await takeReport(worker, `create-case ${t}`);
  const before = await snapshot(report.id);
  const r = await api('POST', `/api/v1/intake-reports/${report.id}/create-case`, {
    token: worker, body: { version: report.version, person },
  });
  assertStatus(r, 201);
  assert.deepEqual(Object.keys(r.json).sort(), ['case', 'report']);
  const c = r.json.case;
  assert.match(c.reference, REFERENCE_RE);
  assert.equal(c.person.first_name, 'ស្រីនាង');
  assert.equal(c.status, 'open');
  assert.equal(r.headers.get('location'), `/api/v1/cases/${c.id}`);
  assert.equal(r.json.report.id, report.id);
  assert.equal(r.json.report.case_id, c.id);
  assert.equal(r.json.report.status, 'linked');
  assert.equal(r.json.report.version, report.version + 1);
  assert.deepEqual(await getCase(worker, c.id), c, 'the creator can open the new case');
  const after = await snapshot(report.id);
  assert.equal(after.cases, before.cases + 1, 'exactly one case more');
  const q = await api('GET', '/api/v1/intake-reports', { token: worker });
  assert.ok(!q.json.items.some((x) => x.id === report.id), 'a linked report leaves the duty queue');
  // Linked once: a second attempt (even at the current version) is refused.
  assertError(await api('POST', `/api/v1/intake-reports/${report.id}/create-case`, {
    token: worker, body: { version: after.version, person },
  }), 422, 'failed_precondition');
  assert.equal((await snapshot(report.id)).cases, after.cases);
});

test('an assignee is checked by the same rules as a new case', async () => {
  const sup = (await signIn(SUPERVISOR)).token;
  const report = await takeReport(sup, `assignee ${tag()}`);
  const users = await api('GET', '/api/v1/users?organisation=mine', { token: sup });
  const worker = users.json.items.find((u) => u.role === 'case_worker');
  const admin = users.json.items.find((u) => u.role === 'org_admin');
  const before = await snapshot(report.id);
  assertError(await api('POST', `/api/v1/intake-reports/${report.id}/create-case`, {
    token: sup, body: { version: 1, person, assignee_id: admin.id },
  }), 400, 'invalid_argument', 'assignee_id', 'an org admin cannot be assigned');
  assert.deepEqual(await snapshot(report.id), before, 'nothing written');
  const r = await api('POST', `/api/v1/intake-reports/${report.id}/create-case`, {
    token: sup, body: { version: 1, person, assignee_id: worker.id },
  });
  assertStatus(r, 201);
  assert.equal(r.json.case.assignee.id, worker.id);
});

test('a stale version is a conflict and writes nothing', async () => {
  const worker = (await signIn(WORKER)).token;
  const sup = (await signIn(SUPERVISOR)).token;
  const report = await takeReport(worker, `stale ${tag()}`);
  // Someone else changes the report first.
  assertStatus(await api('POST', `/api/v1/intake-reports/${report.id}/assign`, {
    token: sup, body: { version: 1, team: 'Mobile team Poipet' },
  }), 200);
  const before = await snapshot(report.id);
  assert.equal(before.version, 2);
  assertError(await api('POST', `/api/v1/intake-reports/${report.id}/create-case`, {
    token: worker, body: { version: 1, person },
  }), 409, 'conflict');
  assert.deepEqual(await snapshot(report.id), before, 'no case, report unchanged');
});

test('roles that may not create cases, and other organisations, are refused', async () => {
  const worker = (await signIn(WORKER)).token;
  const report = await takeReport(worker, `forbidden ${tag()}`);
  const before = await snapshot(report.id);
  const body = { version: 1, person };
  const admin = (await signIn(ADMIN)).token;
  assertError(await api('POST', `/api/v1/intake-reports/${report.id}/create-case`, { token: admin, body }),
    403, 'permission_denied', null, 'org admin');
  const sec = (await signIn('net-secretariat')).token;
  assertError(await api('POST', `/api/v1/intake-reports/${report.id}/create-case`, { token: sec, body }),
    403, 'permission_denied', null, 'secretariat');
  const other = (await signIn(OTHER_ORG)).token;
  assertError(await api('POST', `/api/v1/intake-reports/${report.id}/create-case`, { token: other, body }),
    404, 'not_found', null, 'another organisation does not learn the report exists');
  assertError(await api('POST', `/api/v1/intake-reports/${report.id}/create-case`, { body }),
    401, 'unauthenticated', null, 'not signed in');
  assert.deepEqual(await snapshot(report.id), before, 'nothing written');
});

test('bad input to create-case gets a clear 400 naming the field, and writes nothing', async () => {
  const worker = (await signIn(WORKER)).token;
  const report = await takeReport(worker, `bad ${tag()}`);
  const before = await snapshot(report.id);
  const path = `/api/v1/intake-reports/${report.id}/create-case`;
  const cases = [
    [{ version: 1 }, 'person'],
    [{ person }, 'version'],
    [{ version: '1', person }, 'version'],
    [{ version: 1, person: 'Srey Neang' }, 'person'],
    [{ version: 1, person: { ...person, gender: 'girl' } }, 'person.gender'],
    [{ version: 1, person: { ...person, citizenship: ['XX'] } }, 'person.citizenship'],
    [{ version: 1, person: { ...person, approximate_age: 'sixteen' } }, 'person.approximate_age'],
    [{ version: 1, person: { ...person, first_name: 'a\u0007b' } }, 'person.first_name'],
    [{ version: 1, person: { ...person, first_name: 'x'.repeat(5000) } }, 'person.first_name'],
    [{ version: 1, person: { ...person, nickname: 'x' } }, 'person.nickname'],
    [{ version: 1, person, assignee_id: 'me' }, 'assignee_id'],
    [{ version: 1, person, report_id: 3 }, 'report_id'],
  ];
  for (const [body, field] of cases) {
    assertError(await api('POST', path, { token: worker, body }), 400, 'invalid_argument', field,
      JSON.stringify(body).slice(0, 100));
  }
  // Broken UTF-8 inside a name: refused before anything is read.
  const raw = Buffer.concat([Buffer.from('{"version":1,"person":{"first_name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]);
  assertError(await rawRequest({
    method: 'POST', path, body: raw,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${worker}` },
  }), 400, 'invalid_argument');
  assertError(await api('POST', `/api/v1/intake-reports/999999999/create-case`, { token: worker, body: { version: 1, person } }),
    404, 'not_found');
  assert.deepEqual(await snapshot(report.id), before, 'nothing written');
});
