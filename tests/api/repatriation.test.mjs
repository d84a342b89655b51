// Repatriations through the API: started only from an accepted referral for
// repatriation, once, by one of its two organisations; the steps' side and
// order rules, block and unblock, stale versions, the handover; what each side
// and a third organisation see; and bad input, each refused with nothing changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus } from './helpers.mjs';

// This file's users: the Thai ministry's repatriation officer refers to the
// Cambodian ministry, whose repatriation officer and supervisor receive; the
// Lao ministry's officer is a third organisation.
const SENDER = 'th-ministry-repatriation';
const SENDER_ADMIN = 'th-ministry-admin';
const RECEIVER = 'kh-ministry-repatriation';
const RECEIVER_SUPERVISOR = 'kh-ministry-supervisor';
const RECEIVER_ADMIN = 'kh-ministry-admin';
const OUTSIDER = 'la-ministry-repatriation';

const FIRST = 'ចន្ទា';

function day(n = 0) {
  return new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
}

async function orgId(token, country, type) {
  const r = await api('GET', '/api/v1/organisations', { token });
  const o = r.json.items.find((x) => x.country === country && x.type === type);
  assert.ok(o, `a ${type} in ${country}`);
  return o.id;
}

// A case of the Thai ministry referred to the Cambodian ministry, moved as far
// as `until` ('draft', 'sent' or 'accepted').
async function referral({ until = 'accepted', services = ['repatriation'] } = {}) {
  const { token } = await signIn(SENDER);
  const receiver = (await signIn(RECEIVER)).token;
  const c = await createCase(token, { first_name: FIRST, second_name: 'ហេង', gender: 'Feminine', approximate_age: 19, citizenship: ['KH'], languages: ['km'] });
  for (const purpose of ['referral', 'cross_border_disclosure']) {
    assertStatus(await api('POST', `/api/v1/cases/${c.id}/consents`, { token, body: {
      purpose, decision: 'given', scope: { kind: 'country', country: 'KH' }, explained_in_language: 'km', interpreter_used: true } }), 201);
  }
  const to = await orgId(token, 'KH', 'CentralGovernmentOrganisation');
  const d = await api('POST', `/api/v1/cases/${c.id}/referrals`, { token, body: {
    to_organisation_id: to, reason: 'MigrationOrChangeOfLocation', services,
    summary: 'Wishes to go home to her mother in Prey Veng.', respond_by: day(5) } });
  assertStatus(d, 201);
  if (until !== 'draft') assertStatus(await api('POST', `/api/v1/referrals/${d.json.id}/transitions`, { token, body: { action: 'send', version: 1 } }), 200);
  if (until === 'accepted') assertStatus(await api('POST', `/api/v1/referrals/${d.json.id}/transitions`, { token: receiver, body: { action: 'accept', version: 2 } }), 200);
  return { token, receiver, caseId: c.id, reference: c.reference, referralId: d.json.id };
}

const start = (token, referralId, body = {}) => api('POST', `/api/v1/referrals/${referralId}/repatriation`, { token, body });
const get = (token, id) => api('GET', `/api/v1/repatriations/${id}`, { token });
const step = (rep, code) => {
  const s = rep.steps.find((x) => x.code === code);
  assert.ok(s, `step ${code}`);
  return s;
};
// Takes `action` on the step `code` of the repatriation as it is now.
async function act(token, id, code, action, extra = {}) {
  const now = await get(token, id);
  assertStatus(now, 200);
  const s = step(now.json, code);
  return api('POST', `/api/v1/repatriations/${id}/steps/${s.id}`, { token, body: { action, version: s.version, ...extra } });
}
const done = (extra = {}) => ({ date: day(0), ...extra });

test('start: only from an accepted referral for repatriation, once, by its two organisations', async () => {
  const draft = await referral({ until: 'draft' });
  assertError(await start(draft.token, draft.referralId), 422, 'failed_precondition', null, 'a draft');
  assertError(await start(draft.receiver, draft.referralId), 404, 'not_found', null, 'a draft is the sender\'s');
  const sent = await referral({ until: 'sent' });
  assertError(await start(sent.receiver, sent.referralId), 422, 'failed_precondition', null, 'not yet accepted');
  const legal = await referral({ services: ['legal_aid'] });
  assertError(await start(legal.token, legal.referralId), 422, 'failed_precondition', null, 'not for repatriation');

  const { token, receiver, referralId, reference } = await referral();
  const outsider = (await signIn(OUTSIDER)).token;
  assertError(await start(outsider, referralId), 404, 'not_found', null, 'a third organisation');
  assertError(await start((await signIn(RECEIVER_ADMIN)).token, referralId), 403, 'permission_denied', null, 'an admin');
  assertError(await start(token, referralId, { flow: 'th-la' }), 400, 'invalid_argument', 'flow');
  assertError(await api('POST', `/api/v1/referrals/${referralId}/repatriation`, { token, body: '[]' }), 400, 'invalid_argument');
  assertError(await start(token, 'abc'), 404, 'not_found');
  assertError(await api('GET', `/api/v1/referrals/${referralId}/repatriation`, { token }), 404, 'not_found', null, 'not started yet');

  const r = await start(token, referralId);
  assertStatus(r, 201);
  assert.equal(r.json.status, 'active');
  assert.equal(r.json.flow.id, 'th-kh');
  assert.equal(r.json.flow.title.km.length > 0, true, 'titles in Khmer from the flow file');
  assert.equal(r.json.side, 'destination');
  assert.equal(r.json.case_reference, reference);
  assert.equal(r.json.steps.length, 11);
  assert.deepEqual(r.json.steps.map((s) => s.state), Array(11).fill('pending'));
  const first = step(r.json, 'identification');
  assert.equal(first.side, 'destination');
  assert.equal(first.due_on, day(14));
  assert.equal(first.may_act, true);
  assert.equal(step(r.json, 'nationality-verification').may_act, false, 'the origin side\'s step');
  assert.ok(step(r.json, 'handover').records_handover);
  assertError(await start(receiver, referralId), 409, 'already_exists', null, 'once');

  // The origin side sees the progress, not the case.
  const theirs = await api('GET', `/api/v1/referrals/${referralId}/repatriation`, { token: receiver });
  assertStatus(theirs, 200);
  assert.equal(theirs.json.id, r.json.id);
  assert.equal(theirs.json.side, 'origin');
  assert.equal(theirs.json.case_id, undefined);
  assert.ok(!theirs.text.includes(reference), 'no case reference');
  assert.ok(!theirs.text.includes(FIRST), 'no name');
  assert.equal(step(theirs.json, 'nationality-verification').may_act, true);
  assertStatus(await get((await signIn(RECEIVER_SUPERVISOR)).token, r.json.id), 200);
  assertStatus(await get((await signIn(SENDER_ADMIN)).token, r.json.id), 200);
  // A third organisation sees nothing.
  assertError(await get(outsider, r.json.id), 404, 'not_found');
  assertError(await api('GET', `/api/v1/referrals/${referralId}/repatriation`, { token: outsider }), 404, 'not_found');
  const list = await api('GET', '/api/v1/repatriations', { token: outsider });
  assertStatus(list, 200);
  assert.ok(!list.json.items.some((x) => x.id === r.json.id));
  const mine = await api('GET', '/api/v1/repatriations?status=active', { token: receiver });
  const row = mine.json.items.find((x) => x.id === r.json.id);
  assert.ok(row, 'in the origin organisation\'s list');
  assert.deepEqual(row.current_steps.map((s) => s.code), ['identification']);
  assertError(await api('GET', '/api/v1/repatriations?status=paused', { token }), 400, 'invalid_argument', 'status');
  assertError(await api('GET', '/api/v1/repatriations?colour=red', { token }), 400, 'invalid_argument', 'colour');
});

test('steps: the responsible side only, in order; block and unblock; stale versions; bad input changes nothing', async () => {
  const { token, receiver, referralId } = await referral();
  const r = (await start(token, referralId)).json;
  const id = r.id;
  assertError(await act(receiver, id, 'identification', 'complete', done()), 403, 'permission_denied', null, 'destination\'s step');
  assertError(await act(token, id, 'nationality-verification', 'complete', done()), 403, 'permission_denied', null, 'origin\'s step');
  assertError(await act(receiver, id, 'nationality-verification', 'complete', done()), 422, 'failed_precondition', null, 'before consent');
  assertError(await act((await signIn(SENDER_ADMIN)).token, id, 'identification', 'complete', done()), 403, 'permission_denied', null, 'an admin reads only');
  const outsider = (await signIn(OUTSIDER)).token;
  assertError(await api('POST', `/api/v1/repatriations/${id}/steps/${step(r, 'identification').id}`, { token: outsider, body: {
    action: 'complete', version: 1, date: day(0) } }), 404, 'not_found', null, 'a third organisation');

  const s = step(r, 'identification');
  const post = (body) => api('POST', `/api/v1/repatriations/${id}/steps/${s.id}`, { token, body });
  const bad = [
    [{ action: 'teleport', version: 1 }, 'action'],
    [{ action: 'complete' }, 'version'],
    [{ action: 'complete', version: '1', date: day(0) }, 'version'],
    [{ action: 'complete', version: 1 }, 'date'],
    [{ action: 'complete', version: 1, date: 'tomorrow' }, 'date'],
    [{ action: 'complete', version: 1, date: day(2) }, 'date'],
    [{ action: 'complete', version: 1, date: day(0), notes: 'x'.repeat(4001) }, 'notes'],
    [{ action: 'complete', version: 1, date: day(0), notes: 'a\u0000b' }, 'notes'],
    [{ action: 'complete', version: 1, date: day(0), documents: 'passport' }, 'documents'],
    [{ action: 'complete', version: 1, date: day(0), documents: [{ name: ' ' }] }, 'documents.name'],
    [{ action: 'complete', version: 1, date: day(0), documents: [{ name: 'Form', colour: 'red' }] }, 'documents.colour'],
    [{ action: 'complete', version: 1, date: day(0), handover: { place: 'Poipet' } }, 'handover.from_person'],
    [{ action: 'block', version: 1 }, 'reason'],
    [{ action: 'block', version: 1, reason: 'x'.repeat(1001) }, 'reason'],
    [{ action: 'skip', version: 1, date: day(0) }, 'reason'],
    [{ action: 'complete', version: 1, date: day(0), colour: 'red' }, 'colour'],
  ];
  for (const [body, field] of bad) assertError(await post(body), 400, 'invalid_argument', field, JSON.stringify(body).slice(0, 100));
  assertError(await api('POST', `/api/v1/repatriations/${id}/steps/${s.id}`, { token, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) }), 400, 'invalid_argument', null, 'broken UTF-8');
  assertError(await api('POST', `/api/v1/repatriations/${id}/steps/abc`, { token, body: { action: 'complete', version: 1 } }), 404, 'not_found');
  assertError(await api('POST', `/api/v1/repatriations/${id}/steps/99999999`, { token, body: { action: 'block', version: 1, reason: 'x' } }), 404, 'not_found');
  const unchanged = (await get(token, id)).json;
  assert.deepEqual(unchanged.steps.map((x) => [x.state, x.version]), Array(11).fill(['pending', 1]), 'nothing changed');

  // Blocked: the other side sees why; it must be unblocked before it is done.
  const blocked = await act(token, id, 'identification', 'block', { reason: 'Waiting for a Khmer interpreter' });
  assertStatus(blocked, 200);
  assert.equal(blocked.json.steps_blocked, 1);
  const seen = step((await get(receiver, id)).json, 'identification');
  assert.equal(seen.state, 'blocked');
  assert.equal(seen.reason, 'Waiting for a Khmer interpreter');
  assertError(await act(token, id, 'identification', 'complete', done()), 422, 'failed_precondition', null, 'blocked');
  assertError(await post({ action: 'unblock', version: 1 }), 409, 'conflict', null, 'stale version');
  assertStatus(await act(token, id, 'identification', 'unblock'), 200);
  const ok = await act(token, id, 'identification', 'complete', done({ notes: 'Identified by the provincial team', documents: [{ name: 'Screening record', number: 'SR-88' }] }));
  assertStatus(ok, 200);
  const theirs = step((await get(receiver, id)).json, 'identification');
  assert.equal(theirs.state, 'done');
  assert.deepEqual(theirs.documents, [{ name: 'Screening record', number: 'SR-88' }]);
  assert.equal(theirs.done_by.display_name.length > 0, true);
  assertError(await act(token, id, 'identification', 'complete', done()), 422, 'failed_precondition', null, 'done is done');
});

test('a whole return: each side completes its steps through handover and follow-up', async () => {
  const { token, receiver, referralId } = await referral();
  const id = (await start(receiver, referralId)).json.id;
  for (const [who, code, extra] of [
    [token, 'identification', {}],
    [token, 'consent-to-return', { notes: 'Explained in Khmer with an interpreter' }],
    [receiver, 'nationality-verification', { documents: [{ name: 'Confirmation of nationality', number: 'KH-NV-7' }] }],
    [receiver, 'family-tracing', {}],
    [receiver, 'family-assessment', { notes: 'Mother and aunt able to care for her' }],
    [receiver, 'travel-documents', { documents: [{ name: 'Certificate of identity', number: 'CI-2231' }] }],
    [token, 'agreed-date-place', { notes: 'Poipet checkpoint, 09:00' }],
  ]) assertStatus(await act(who, id, code, 'complete', done(extra)), 200, code);

  assertError(await act(receiver, id, 'handover', 'complete', done()), 400, 'invalid_argument', 'handover', 'who handed over to whom');
  const handover = { from_person: 'Officer Kanya', from_organisation: 'Ministry (Thailand)', to_person: 'Officer Vibol',
    to_organisation: 'Ministry (Cambodia)', place: 'Poipet international checkpoint', date: day(0) };
  assertError(await act(receiver, id, 'handover', 'complete', done({ handover: { ...handover, date: '2026-02-30' } })), 400, 'invalid_argument', 'handover.date');
  assertError(await act(receiver, id, 'handover', 'complete', done({ handover: { ...handover, to_person: 7 } })), 400, 'invalid_argument', 'handover.to_person');
  assertError(await act(token, id, 'reception', 'complete', done()), 403, 'permission_denied');
  assertError(await act(receiver, id, 'reception', 'complete', done()), 422, 'failed_precondition', null, 'before the handover');
  assertStatus(await act(receiver, id, 'handover', 'complete', done({ handover })), 200);
  const after = step((await get(token, id)).json, 'handover');
  assert.deepEqual(after.handover, handover, 'the Thai side sees who took her over');
  for (const code of ['reception', 'reintegration-plan']) assertStatus(await act(receiver, id, code, 'complete', done()), 200, code);
  const last = await act(receiver, id, 'follow-up', 'complete', done({ notes: 'Back at school; family supportive' }));
  assertStatus(last, 200);
  assert.equal(last.json.status, 'completed');
  assert.equal(last.json.completed_on, day(0));
  assert.equal(last.json.steps_done, 11);
  assert.ok(last.json.steps.every((s) => !s.may_act), 'nothing left to do');
  const completed = await api('GET', '/api/v1/repatriations?status=completed', { token });
  assert.ok(completed.json.items.some((x) => x.id === id));
});
