// The receiving organisation opens its own case from a referral: the Thai
// shelter refers a Cambodian woman to the Cambodian legal aid centre, which
// accepts and opens its case with only the shared person; the referral shows
// the new case's reference to the receiver only; refusals (before
// acceptance, the sender, another organisation, twice) change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus, REFERENCE_RE } from './helpers.mjs';

const SENDER = 'th-shelter-caseworker';
const RECEIVER = 'kh-legal-legal';
const RECEIVER_ADMIN = 'kh-legal-admin';
const OUTSIDER = 'vn-legal-caseworker';

async function token(user) {
  return (await signIn(user)).token;
}

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const PERSON = { first_name: 'ស្រីនាង', second_name: 'ហេង', gender: 'Feminine', birth_date: '1999-04-13', citizenship: ['KH'], languages: ['km'] };

async function sentReferral(parts = ['person', 'event']) {
  const sender = await token(SENDER);
  const c = await createCase(sender, PERSON);
  assertStatus(await api('POST', `/api/v1/cases/${c.id}/entries`, { token: sender, body: { kind: 'note', fields: { text: 'Stays with the shelter' } } }), 201);
  for (const purpose of ['referral', 'cross_border_disclosure'])
    assertStatus(await api('POST', `/api/v1/cases/${c.id}/consents`, { token: sender, body: {
      purpose, decision: 'given', scope: { kind: 'country', country: 'KH' }, explained_in_language: 'km', interpreter_used: true } }), 201);
  const to = (await signIn(RECEIVER)).user.organisation.id;
  const d = await api('POST', `/api/v1/cases/${c.id}/referrals`, { token: sender, body: {
    to_organisation_id: to, reason: 'AdditionalServicesRequired', services: ['legal_aid'], parts,
    summary: 'Unpaid wages from domestic work; wants to claim them.', respond_by: day(4) } });
  assertStatus(d, 201, 'draft');
  assertStatus(await api('POST', `/api/v1/referrals/${d.json.id}/transitions`, { token: sender, body: { action: 'send', version: 1 } }), 200);
  return { id: d.json.id, caseId: c.id, sender };
}

const accept = async (id) =>
  assertStatus(await api('POST', `/api/v1/referrals/${id}/transitions`, { token: await token(RECEIVER), body: { action: 'accept', version: 2 } }), 200, 'accept');
const open = async (user, id, body = {}) => api('POST', `/api/v1/referrals/${id}/case`, { token: await token(user), body });

test('the receiver opens its own case with only the shared person, once', async () => {
  const { id, caseId, sender } = await sentReferral();
  assertError(await open(RECEIVER, id), 422, 'failed_precondition', null, 'before acceptance');
  await accept(id);
  assertError(await open(SENDER, id), 403, 'permission_denied', null, 'the sender');
  assertError(await open(RECEIVER_ADMIN, id), 403, 'permission_denied', null, 'an org admin');
  assertError(await open(OUTSIDER, id), 404, 'not_found', null, 'another organisation');
  assertError(await open(RECEIVER, id, { assignee_id: 'me' }), 400, 'invalid_argument', 'assignee_id');
  assertError(await open(RECEIVER, id, { colour: 1 }), 400, 'invalid_argument', 'colour');

  const r = await open(RECEIVER, id);
  assertStatus(r, 201, 'open case');
  const own = r.json;
  assert.equal(r.headers.get('location'), `/api/v1/cases/${own.id}`);
  assert.notEqual(own.id, caseId);
  assert.match(own.reference, REFERENCE_RE);
  assert.equal(own.owner_organisation.id, (await signIn(RECEIVER)).user.organisation.id);
  assert.deepEqual({ ...own.person }, { ...own.person, ...PERSON });
  assert.deepEqual(own.team.map((m) => m.id), [(await signIn(RECEIVER)).user.id]);
  const entries = await api('GET', `/api/v1/cases/${own.id}/entries`, { token: await token(RECEIVER) });
  assertStatus(entries, 200);
  assert.deepEqual(entries.json.entries, [], 'the sender\'s entries stay in the sender\'s case');

  const receiverView = await api('GET', `/api/v1/referrals/${id}`, { token: await token(RECEIVER) });
  assert.deepEqual(receiverView.json.receiver_case, { id: own.id, reference: own.reference });
  const senderView = await api('GET', `/api/v1/referrals/${id}`, { token: sender });
  assert.ok(!('receiver_case' in senderView.json), 'the sender never learns the receiver\'s case');
  assertError(await api('GET', `/api/v1/cases/${own.id}`, { token: sender }), 404, 'not_found');

  assertError(await open(RECEIVER, id), 409, 'conflict', null, 'twice');
});

test('a referral that does not share the person cannot open a case', async () => {
  const { id } = await sentReferral(['event']);
  await accept(id);
  assertError(await open(RECEIVER, id), 422, 'failed_precondition');
  assertError(await open(RECEIVER, 999999999), 404, 'not_found');
});
