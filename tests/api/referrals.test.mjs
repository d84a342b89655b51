// Referrals through the API: the lifecycle (allowed and refused steps), the
// consent gate and its override, minimal disclosure (the receiver reaches no
// unshared part by any route), messages, inboxes with overdue, and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus } from './helpers.mjs';

// This file's users: the Thai ministry refers; the Cambodian ministry
// receives across the border; the Viet Nam legal aid network is outside.
const WORKER = 'th-ministry-caseworker';
const SUPERVISOR = 'th-ministry-supervisor';
const RECEIVER = 'kh-ministry-caseworker';
const RECEIVER_ADMIN = 'kh-ministry-admin';
const OUTSIDER = 'vn-legal-caseworker';

function inDays(n) {
  return new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
}

async function orgId(token, country, type) {
  const r = await api('GET', '/api/v1/organisations', { token });
  assertStatus(r, 200);
  const o = r.json.items.find((x) => x.country === country && x.type === type);
  assert.ok(o, `a ${type} in ${country}`);
  return o.id;
}

async function setup({ consent = true } = {}) {
  const { token } = await signIn(WORKER);
  const c = await createCase(token, { first_name: 'សុខា', second_name: 'ចាន់', gender: 'Feminine', approximate_age: 24, citizenship: ['KH'], languages: ['km'] });
  const to = await orgId(token, 'KH', 'CentralGovernmentOrganisation');
  const entry = (kind, fields) => api('POST', `/api/v1/cases/${c.id}/entries`, { token, body: { kind, fields } });
  assertStatus(await entry('event', { type: 'Exploitation', place: 'Private house, Bangkok' }), 201);
  assertStatus(await entry('perpetrator', { name: 'Employer Wong', roles: ['Exploiter'] }), 201);
  assertStatus(await entry('note', { text: 'She fears her husband', confidential: true }), 201);
  assertStatus(await entry('identity_document', { document_type: 'passport', status: 'held_by_employer' }), 201);
  if (consent) {
    for (const purpose of ['referral', 'cross_border_disclosure']) {
      assertStatus(await api('POST', `/api/v1/cases/${c.id}/consents`, { token, body: {
        purpose, decision: 'given', scope: { kind: 'country', country: 'KH' }, explained_in_language: 'km', interpreter_used: true } }), 201);
    }
  }
  return { token, caseId: c.id, reference: c.reference, to };
}

const draft = (token, caseId, to, extra = {}) => api('POST', `/api/v1/cases/${caseId}/referrals`, { token, body: {
  to_organisation_id: to, reason: 'MigrationOrChangeOfLocation', services: ['repatriation'],
  parts: ['person', 'identity_document'], summary: 'Cambodian woman, 24, wishes to return home; passport held by employer.',
  respond_by: inDays(5), ...extra } });
const act = (token, id, action, version, extra = {}) => api('POST', `/api/v1/referrals/${id}/transitions`, { token, body: { action, version, ...extra } });

test('lifecycle: draft, send, accept, start, complete; refused steps change nothing', async () => {
  const { token, caseId, to } = await setup();
  const receiver = (await signIn(RECEIVER)).token;
  const d = await draft(token, caseId, to);
  assertStatus(d, 201);
  assert.equal(d.json.status, 'draft');
  assert.equal(d.json.cross_border, true);
  assertError(await api('GET', `/api/v1/referrals/${d.json.id}`, { token: receiver }), 404, 'not_found', null, 'a draft is the sender\'s');
  assertError(await act(token, d.json.id, 'accept', 1), 422, 'failed_precondition', null, 'accept a draft');
  const sent = await act(token, d.json.id, 'send', 1);
  assertStatus(sent, 200);
  assert.equal(sent.json.status, 'sent');
  assertError(await act(token, d.json.id, 'accept', 2), 403, 'permission_denied', null, 'the sender accepts');
  assertError(await act(receiver, d.json.id, 'withdraw', 2), 403, 'permission_denied', null, 'the receiver withdraws');
  assertError(await act(receiver, d.json.id, 'decline', 2), 400, 'invalid_argument', 'note', 'decline without a reason');
  assertError(await act(receiver, d.json.id, 'accept', 1), 409, 'conflict', null, 'stale version');
  const accepted = await act(receiver, d.json.id, 'accept', 2);
  assertStatus(accepted, 200);
  assertError(await act(token, d.json.id, 'withdraw', 3), 422, 'failed_precondition', null, 'withdraw after acceptance');
  assertStatus(await act(receiver, d.json.id, 'start', 3), 200);
  const done = await act(receiver, d.json.id, 'complete', 4, { note: 'Returned to Battambang; handed over to family' });
  assertStatus(done, 200);
  assert.equal(done.json.status, 'completed');
  assertError(await act(receiver, d.json.id, 'close', 5, { note: 'x' }), 422, 'failed_precondition', null, 'close a completed referral');
  const seen = await api('GET', `/api/v1/referrals/${d.json.id}`, { token });
  assert.deepEqual(seen.json.timeline.map((e) => e.kind), ['create', 'send', 'accept', 'start', 'complete']);
});

test('decline with a reason, withdraw before an answer', async () => {
  const { token, caseId, to } = await setup();
  const receiver = (await signIn(RECEIVER)).token;
  const a = await draft(token, caseId, to);
  await act(token, a.json.id, 'send', 1);
  const declined = await act(receiver, a.json.id, 'decline', 2, { note: 'No capacity this month' });
  assertStatus(declined, 200);
  assert.equal(declined.json.status, 'declined');
  assert.ok(declined.json.finished_at);
  const b = await draft(token, caseId, to);
  await act(token, b.json.id, 'send', 1);
  const withdrawn = await act(token, b.json.id, 'withdraw', 2, { note: 'She chose to stay' });
  assert.equal(withdrawn.json.status, 'withdrawn');
});

test('consent gate: missing consent refuses; only a supervisor overrides, with a reason, visibly', async () => {
  const { token, caseId, to } = await setup({ consent: false });
  const d = await draft(token, caseId, to);
  assertError(await act(token, d.json.id, 'send', 1), 422, 'failed_precondition');
  assertError(await act(token, d.json.id, 'send', 1, { override_reason: 'urgent' }), 403, 'permission_denied');
  const supervisor = (await signIn(SUPERVISOR)).token;
  assertError(await act(supervisor, d.json.id, 'send', 1, { override_reason: '   ' }), 422, 'failed_precondition');
  const sent = await act(supervisor, d.json.id, 'send', 1, { override_reason: 'Court hearing tomorrow; she is in hospital and cannot be asked' });
  assertStatus(sent, 200);
  assert.equal(sent.json.consent_override.by.display_name.length > 0, true);
  const receiver = (await signIn(RECEIVER)).token;
  const seen = await api('GET', `/api/v1/referrals/${d.json.id}`, { token: receiver });
  assert.match(seen.json.consent_override.reason, /Court hearing/);
  assert.ok(seen.json.timeline.some((e) => e.kind === 'send' && /without covering consent/.test(e.text)));
});

test('disclosure: the receiver reads the summary, then only the shared parts, and never the case', async () => {
  const { token, caseId, reference, to } = await setup();
  const receiver = (await signIn(RECEIVER)).token;
  const d = await draft(token, caseId, to);
  await act(token, d.json.id, 'send', 1);
  const before = await api('GET', `/api/v1/referrals/${d.json.id}`, { token: receiver });
  assertStatus(before, 200);
  assert.equal(before.json.side, 'receiver');
  assert.equal(before.json.case_id, undefined);
  assert.ok(!before.text.includes(reference), 'no case reference');
  assert.ok(!before.text.includes('សុខា'), 'no name before acceptance');
  assertError(await api('GET', `/api/v1/referrals/${d.json.id}/shared`, { token: receiver }), 422, 'failed_precondition');
  await act(receiver, d.json.id, 'accept', 2);
  const shared = await api('GET', `/api/v1/referrals/${d.json.id}/shared`, { token: receiver });
  assertStatus(shared, 200);
  assert.equal(shared.json.person.first_name, 'សុខា');
  assert.deepEqual(shared.json.entries.map((e) => e.kind), ['identity_document']);
  assert.ok(!shared.text.includes('Employer Wong'), 'perpetrator not shared');
  assert.ok(!shared.text.includes('husband'), 'confidential note never shared');
  // Every case route stays closed to the receiver.
  for (const path of [`/api/v1/cases/${caseId}`, `/api/v1/cases/${caseId}/entries`, `/api/v1/cases/${caseId}/consents`,
    `/api/v1/cases/${caseId}/screenings`, `/api/v1/cases/${caseId}/identifications`, `/api/v1/cases/${caseId}/referrals`]) {
    const r = await api('GET', path, { token: receiver });
    assert.equal(r.status, 404, `${path}: ${r.status}`);
  }
  const list = await api('GET', '/api/v1/cases?page_size=100', { token: receiver });
  assert.ok(!list.json.items.some((c) => c.id === caseId));
  // An outsider sees nothing at all.
  const outsider = (await signIn(OUTSIDER)).token;
  assertError(await api('GET', `/api/v1/referrals/${d.json.id}`, { token: outsider }), 404, 'not_found');
  assertError(await api('GET', `/api/v1/referrals/${d.json.id}/shared`, { token: outsider }), 404, 'not_found');
  // Withdrawn consent stops sharing at once.
  assertStatus(await api('POST', `/api/v1/cases/${caseId}/consents`, { token, body: {
    purpose: 'referral', decision: 'withdrawn', scope: { kind: 'country', country: 'KH' } } }), 201);
  assertError(await api('GET', `/api/v1/referrals/${d.json.id}/shared`, { token: receiver }), 422, 'failed_precondition');
});

test('messages and inboxes: both sides write on one timeline; overdue is flagged', async () => {
  const { token, caseId, to } = await setup();
  const receiver = (await signIn(RECEIVER)).token;
  const d = await draft(token, caseId, to, { respond_by: inDays(0) });
  await act(token, d.json.id, 'send', 1);
  const m = await api('POST', `/api/v1/referrals/${d.json.id}/messages`, { token: receiver, body: { text: 'Which border crossing?' } });
  assertStatus(m, 201);
  assert.equal(m.json.timeline.at(-1).text, 'Which border crossing?');
  assertError(await api('POST', `/api/v1/referrals/${d.json.id}/messages`, { token: receiver, body: { text: ' ' } }), 400, 'invalid_argument', 'text');
  const incoming = await api('GET', '/api/v1/referrals?box=incoming', { token: receiver });
  assert.ok(incoming.json.items.some((r) => r.id === d.json.id));
  const outgoing = await api('GET', '/api/v1/referrals?box=outgoing', { token });
  assert.ok(outgoing.json.items.some((r) => r.id === d.json.id));
  const admin = (await signIn(RECEIVER_ADMIN)).token;
  assertStatus(await api('GET', `/api/v1/referrals/${d.json.id}`, { token: admin }), 200);
  assertError(await act(admin, d.json.id, 'accept', 2), 403, 'permission_denied', null, 'an admin reads but does not answer');
  // Due today is not overdue yet.
  const overdue = await api('GET', '/api/v1/referrals?box=incoming&overdue=true', { token: receiver });
  assert.ok(!overdue.json.items.some((r) => r.id === d.json.id));
  assertError(await api('GET', '/api/v1/referrals?box=sideways', { token }), 400, 'invalid_argument', 'box');
  assertError(await api('GET', '/api/v1/referrals?overdue=yes', { token }), 400, 'invalid_argument', 'overdue');
});

test('bad input: each a clear 4xx naming the field, and nothing is written', async () => {
  const { token, caseId, to } = await setup();
  const base = { to_organisation_id: to, reason: 'Other', services: ['legal_aid'], summary: 'x', respond_by: inDays(3) };
  const bad = [
    [{ ...base, reason: 'Holiday' }, 'reason'],
    [{ ...base, services: ['massage'] }, 'services'],
    [{ ...base, services: [] }, 'services'],
    [{ ...base, services: 'legal_aid' }, 'services'],
    [{ ...base, parts: ['task'] }, 'parts'],
    [{ ...base, parts: ['person', 'person'] }, 'parts'],
    [{ ...base, summary: '' }, 'summary'],
    [{ ...base, summary: 'a\u0000b' }, 'summary'],
    [{ ...base, summary: 'x'.repeat(4001) }, 'summary'],
    [{ ...base, respond_by: '2020-01-01' }, 'respond_by'],
    [{ ...base, respond_by: 'tomorrow' }, 'respond_by'],
    [{ ...base, to_organisation_id: '7' }, 'to_organisation_id'],
    [{ ...base, to_organisation_id: 99999999 }, 'to_organisation_id'],
    [{ ...base, colour: 'red' }, 'colour'],
  ];
  for (const [body, field] of bad) {
    const r = await api('POST', `/api/v1/cases/${caseId}/referrals`, { token, body });
    assertError(r, 400, 'invalid_argument', field, JSON.stringify(body).slice(0, 100));
  }
  const d = await draft(token, caseId, to);
  assertError(await act(token, d.json.id, 'teleport', 1), 400, 'invalid_argument', 'action');
  assertError(await act(token, d.json.id, 'send', '1'), 400, 'invalid_argument', 'version');
  assertError(await act(token, d.json.id, 'accept', 1, { override_reason: 'x' }), 400, 'invalid_argument', 'override_reason');
  assertError(await api('POST', `/api/v1/referrals/${d.json.id}/transitions`, { token, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) }), 400, 'invalid_argument');
  assertError(await api('GET', '/api/v1/referrals/abc', { token }), 404, 'not_found');
  const list = await api('GET', `/api/v1/cases/${caseId}/referrals`, { token });
  assert.equal(list.json.items.length, 1, 'only the one good draft');
  assert.equal(list.json.items[0].status, 'draft');
});
