// Legal cases through the API: proceedings, claims, hearings, the witness and
// deadlines as case entries (forms, amounts in minor units with an ISO 4217
// currency, unknown values refused); deadlines in the lawyer's tasks;
// payments against a claim and their confirmation by the partner
// organisation only, once, at the version read; the partner reaches no case
// data by any route; bad input changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus, tag } from './helpers.mjs';

// This file's users: the Thai legal aid organisation's lawyer records; its
// case worker is not on the case's team; the Yangon shelter confirms
// payments (its admin may not); the Phnom Penh shelter and the Myanmar
// ministry are outsiders.
const LAWYER = 'th-legal-legal';
const LAW_WORKER = 'th-legal-caseworker';
const PARTNER = 'mm-shelter-caseworker';
const PARTNER_SUPERVISOR = 'mm-shelter-supervisor';
const PARTNER_ADMIN = 'mm-shelter-admin';
const STRANGER = 'kh-shelter-supervisor';
const OTHER_MM = 'mm-ministry-caseworker';

const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
// The server's "today" is UTC; a day back is safe in every time zone.
const YESTERDAY = day(-1);

const PARTNER_KEYS = ['amount', 'channel', 'confirmation', 'confirming_organisation', 'currency', 'from_organisation',
  'handover_note', 'id', 'minor_digits', 'reference', 'sent_on', 'state', 'version'].sort();

async function orgIdOf(token, username) {
  const { user } = await signIn(username);
  return user.organisation.id;
}

async function setup() {
  const { token, user } = await signIn(LAWYER);
  const c = await createCase(token, { first_name: 'ကျော်ဇော', gender: 'Masculine', approximate_age: 31, citizenship: ['MM'], languages: ['my'] });
  const entry = (kind, fields) => api('POST', `/api/v1/cases/${c.id}/entries`, { token, body: { kind, fields } });
  const proceeding = await entry('criminal_proceeding', {
    defendant: 'Captain of the fishing boat', charges: 'Trafficking in persons for forced labour',
    police_reference: 'PL-2291', court: 'Provincial Court, Samut Sakhon', stage: 'trial' });
  assertStatus(proceeding, 201, 'criminal proceeding');
  const claim = await entry('claim', {
    claim_type: 'labour', heads: ['unpaid_wages'], respondent: 'Sea Harvest Fishing Co.', forum: 'labour_court',
    currency: 'THB', amount_claimed: 14400000, amount_awarded: 12000000, status: 'awarded' });
  assertStatus(claim, 201, 'labour claim');
  return { token, user, caseId: c.id, reference: c.reference, entry, proceedingId: proceeding.json.id, claimId: claim.json.id };
}

const payment = (token, caseId, body) => api('POST', `/api/v1/cases/${caseId}/payments`, { token, body });
const confirm = (token, id, body) => api('POST', `/api/v1/payments/${id}/confirmation`, { token, body });

async function newPayment(s, extra = {}) {
  const partnerOrg = await orgIdOf(PARTNER, PARTNER);
  const ref = `EMB-${tag()}`;
  const r = await payment(s.token, s.caseId, {
    claim_id: s.claimId, channel: 'embassy', amount: 6000000, currency: 'THB', sent_on: YESTERDAY,
    confirming_organisation_id: partnerOrg, reference: ref, handover_note: 'Hand over in person at the shelter office.', ...extra });
  assertStatus(r, 201, 'record payment');
  return r.json;
}

test('forms: the legal kinds, amounts counted in a currency field that lists minor units', async () => {
  const { token } = await signIn(LAWYER);
  const r = await api('GET', '/api/v1/case-forms', { token });
  assertStatus(r, 200);
  const kinds = r.json.forms.map((f) => f.kind);
  for (const k of ['criminal_proceeding', 'hearing', 'claim', 'witness', 'legal_deadline']) assert.ok(kinds.includes(k), k);
  const claim = r.json.forms.find((f) => f.kind === 'claim');
  const amount = claim.fields.find((f) => f.name === 'amount_claimed');
  assert.equal(amount.type, 'amount');
  assert.equal(amount.currency_field, 'currency');
  const currency = claim.fields.find((f) => f.name === 'currency');
  assert.equal(currency.type, 'currency');
  assert.deepEqual(currency.currencies.find((c) => c.code === 'THB'), { code: 'THB', minor_digits: 2 });
  assert.deepEqual(currency.currencies.find((c) => c.code === 'VND'), { code: 'VND', minor_digits: 0 });
  const hearing = r.json.forms.find((f) => f.kind === 'hearing');
  assert.deepEqual(hearing.either, [{ first: 'proceeding', second: 'claim' }]);
});

test('records: proceedings, hearings, claims and the witness; bad values refused, nothing written', async () => {
  const s = await setup();
  assertStatus(await s.entry('hearing', { proceeding: s.proceedingId, hearing_on: day(14), purpose: 'witness_testimony',
    victim_testifies: true, testimony_mode: 'video_link' }), 201, 'hearing');
  assertStatus(await s.entry('witness', { protection_measures: ['shelter_placement', 'video_link'], attendance: 'may_testify_remotely',
    stay_status: 'special_visa', permit_expires_on: day(90) }), 201, 'witness');
  assertError(await s.entry('witness', { attendance: 'must_stay_in_country' }), 409, 'already_exists', null, 'one witness record');

  const claim = { claim_type: 'labour', respondent: 'Employer', forum: 'labour_office', currency: 'THB', amount_claimed: 100, status: 'filed' };
  const bad = [
    [{ ...claim, amount_claimed: 1000.5 }, 'fields.amount_claimed'],
    [{ ...claim, amount_claimed: '1000' }, 'fields.amount_claimed'],
    [{ ...claim, amount_claimed: -1 }, 'fields.amount_claimed'],
    [{ ...claim, amount_claimed: 1e16 }, 'fields.amount_claimed'],
    [{ ...claim, currency: 'BAHT' }, 'fields.currency'],
    [{ ...claim, currency: 'thb' }, 'fields.currency'],
    [{ ...claim, currency: undefined }, 'fields.currency'],
    [{ ...claim, status: 'won' }, 'fields.status'],
    [{ ...claim, claim_type: 'tax' }, 'fields.claim_type'],
    [{ ...claim, heads: ['unpaid_wages', 'unpaid_wages'] }, 'fields.heads'],
    [{ ...claim, respondent: 'x'.repeat(201) }, 'fields.respondent'],
    [{ ...claim, filed_on: '2026-02-10', decided_on: '2026-01-10' }, 'fields.decided_on'],
  ];
  for (const [fields, field] of bad) {
    const r = await api('POST', `/api/v1/cases/${s.caseId}/entries`, { token: s.token, body: { kind: 'claim', fields } });
    assertError(r, 400, 'invalid_argument', field, JSON.stringify(fields).slice(0, 100));
  }
  assertError(await s.entry('criminal_proceeding', { defendant: 'X', charges: 'Y', stage: 'trial', verdict: 'guilty' }),
    400, 'invalid_argument', 'fields.verdict');
  assertError(await s.entry('hearing', { hearing_on: day(3), purpose: 'trial' }), 400, 'invalid_argument', 'fields.proceeding', 'of what?');
  assertError(await s.entry('hearing', { proceeding: s.claimId, hearing_on: day(3), purpose: 'trial' }), 400, 'invalid_argument',
    'fields.proceeding', 'a claim is no proceeding');
  assertError(await s.entry('witness', { stay_status: 'tourist' }), 400, 'invalid_argument', 'fields.stay_status');
  const raw = Buffer.concat([Buffer.from('{"kind":"claim","fields":{"claim_type":"labour","respondent":"a'), Buffer.from([0xc3, 0x28]),
    Buffer.from('","forum":"labour_office","currency":"THB","amount_claimed":1,"status":"filed"}}')]);
  assertError(await api('POST', `/api/v1/cases/${s.caseId}/entries`, { token: s.token, body: raw }), 400, 'invalid_argument');

  const list = await api('GET', `/api/v1/cases/${s.caseId}/entries`, { token: s.token });
  assert.deepEqual(list.json.entries.map((e) => e.kind).sort(), ['claim', 'criminal_proceeding', 'hearing', 'witness']);
  const c = list.json.entries.find((e) => e.kind === 'claim');
  assert.equal(c.fields.amount_awarded, 12000000, 'minor units back as sent');
});

test('deadlines and hearings assigned to the lawyer are in their tasks, overdue marked', async () => {
  const s = await setup();
  const d = await s.entry('legal_deadline', { title: `Appeal window ${tag()}`, deadline_type: 'appeal_window', due_on: day(-2),
    assignee: s.user.id, claim: s.claimId });
  assertStatus(d, 201);
  const h = await s.entry('hearing', { claim: s.claimId, hearing_on: day(20), purpose: 'trial', lawyer: s.user.id });
  assertStatus(h, 201);
  const mine = async () => (await api('GET', '/api/v1/me/tasks', { token: s.token })).json.tasks.filter((t) => t.case_id === s.caseId);
  let tasks = await mine();
  assert.deepEqual(tasks.map((t) => t.entry.kind), ['legal_deadline', 'hearing']);
  assert.deepEqual(tasks.map((t) => t.overdue), [true, false]);
  assert.equal(tasks[0].entry.fields.due_on, day(-2));
  assert.equal(tasks[0].case_reference, s.reference);
  const other = (await api('GET', '/api/v1/me/tasks', { token: (await signIn(LAW_WORKER)).token })).json.tasks;
  assert.ok(!other.some((t) => t.case_id === s.caseId), 'not the case worker\'s');
  // The deadline met, the hearing held: off the list.
  assertStatus(await api('PUT', `/api/v1/cases/${s.caseId}/entries/${d.json.id}`, { token: s.token,
    body: { version: 1, fields: { ...d.json.fields, done: true } } }), 200);
  assertStatus(await api('PUT', `/api/v1/cases/${s.caseId}/entries/${h.json.id}`, { token: s.token,
    body: { version: 1, fields: { ...h.json.fields, outcome: 'adjourned', next_hearing_on: day(40) } } }), 200);
  tasks = await mine();
  assert.deepEqual(tasks, []);
});

test('payments: recorded against a claim in its currency; bad input and the wrong people refused, nothing written', async () => {
  const s = await setup();
  const partnerOrg = await orgIdOf(PARTNER, PARTNER);
  const ok = { claim_id: s.claimId, channel: 'embassy', amount: 6000000, currency: 'THB', sent_on: YESTERDAY,
    confirming_organisation_id: partnerOrg, reference: 'EMB-1', handover_note: 'note' };
  const note = await s.entry('note', { text: 'Wages to be sent through the embassy' });
  const bad = [
    [{ ...ok, colour: 'red' }, 'colour'],
    [{ ...ok, channel: 'pigeon' }, 'channel'],
    [{ ...ok, amount: 12.5 }, 'amount'],
    [{ ...ok, amount: '100' }, 'amount'],
    [{ ...ok, amount: 0 }, 'amount'],
    [{ ...ok, amount: -100 }, 'amount'],
    [{ ...ok, amount: 1e16 }, 'amount'],
    [{ ...ok, currency: 'MMK' }, 'currency'],
    [{ ...ok, currency: 'BAHT' }, 'currency'],
    [{ ...ok, sent_on: day(2) }, 'sent_on'],
    [{ ...ok, sent_on: '2026-02-30' }, 'sent_on'],
    [{ ...ok, claim_id: note.json.id }, 'claim_id'],
    [{ ...ok, claim_id: 'one' }, 'claim_id'],
    [{ ...ok, confirming_organisation_id: s.user.organisation.id }, 'confirming_organisation_id'],
    [{ ...ok, confirming_organisation_id: 999999 }, 'confirming_organisation_id'],
    [{ ...ok, reference: 'x'.repeat(201) }, 'reference'],
    [{ ...ok, handover_note: 7 }, 'handover_note'],
  ];
  for (const [body, field] of bad) assertError(await payment(s.token, s.caseId, body), 400, 'invalid_argument', field, JSON.stringify(body).slice(0, 120));
  const raw = Buffer.concat([Buffer.from(`{"claim_id":${s.claimId},"channel":"embassy","amount":1,"currency":"THB","sent_on":"${YESTERDAY}","confirming_organisation_id":${partnerOrg},"handover_note":"a`),
    Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
  assertError(await payment(s.token, s.caseId, raw), 400, 'invalid_argument');
  assertError(await payment((await signIn(LAW_WORKER)).token, s.caseId, ok), 404, 'not_found', null, 'not on the team');
  assertError(await payment((await signIn(PARTNER)).token, s.caseId, ok), 404, 'not_found', null, 'the partner');
  assertError(await payment(s.token, 999999999, ok), 404, 'not_found');
  assertError(await api('GET', `/api/v1/cases/${s.caseId}/payments?x=1`, { token: s.token }), 400, 'invalid_argument', 'x');
  const list = await api('GET', `/api/v1/cases/${s.caseId}/payments`, { token: s.token });
  assertStatus(list, 200);
  assert.deepEqual(list.json.items, [], 'nothing was written');

  const p = await newPayment(s);
  assert.equal(p.state, 'awaiting_confirmation');
  assert.equal(p.confirmation, null);
  assert.equal(p.case_id, s.caseId);
  assert.equal(p.claim_id, s.claimId);
  assert.equal(p.minor_digits, 2);
  assert.equal(p.confirming_organisation.id, partnerOrg);
});

test('confirmation: only the partner\'s case workers and supervisors, once, at the version read; the lawyer sees it', async () => {
  const s = await setup();
  const p = await newPayment(s);
  const partner = (await signIn(PARTNER)).token;

  const awaiting = await api('GET', '/api/v1/payments/to-confirm', { token: partner });
  assertStatus(awaiting, 200);
  const mine = awaiting.json.items.find((x) => x.id === p.id);
  assert.ok(mine, 'listed for the partner');
  assert.deepEqual(Object.keys(mine).sort(), PARTNER_KEYS, 'only what the partner needs');
  assert.equal(mine.reference, p.reference);
  assert.equal(mine.from_organisation.id, s.user.organisation.id);
  const outsider = await api('GET', '/api/v1/payments/to-confirm', { token: (await signIn(OTHER_MM)).token });
  assertStatus(outsider, 200);
  assert.ok(!outsider.json.items.some((x) => x.id === p.id), 'not another organisation\'s');
  assertError(await api('GET', '/api/v1/payments/to-confirm', { token: (await signIn(PARTNER_ADMIN)).token }), 403, 'permission_denied');
  assertError(await api('GET', '/api/v1/payments/to-confirm', { token: s.token }), 403, 'permission_denied', null, 'a legal officer confirms nothing');
  assertError(await api('GET', '/api/v1/payments/to-confirm?state=lost', { token: partner }), 400, 'invalid_argument', 'state');

  const body = { version: 1, received_on: YESTERDAY, note: 'Received in cash at the shelter.' };
  assertError(await confirm((await signIn(STRANGER)).token, p.id, body), 404, 'not_found', null, 'a stranger');
  assertError(await confirm((await signIn(OTHER_MM)).token, p.id, body), 404, 'not_found', null, 'another Myanmar organisation');
  assertError(await confirm((await signIn(LAW_WORKER)).token, p.id, body), 404, 'not_found', null, 'the sender, not on the team');
  assertError(await confirm(s.token, p.id, body), 403, 'permission_denied', null, 'the lawyer');
  assertError(await confirm((await signIn(PARTNER_ADMIN)).token, p.id, body), 403, 'permission_denied', null, 'the partner\'s admin');
  assertError(await confirm(partner, 999999999, body), 404, 'not_found');
  assertError(await confirm(partner, 'abc', body), 404, 'not_found');
  assertError(await confirm(partner, p.id, { ...body, version: 2 }), 409, 'conflict', null, 'stale');
  assertError(await confirm(partner, p.id, { ...body, received_on: day(3) }), 400, 'invalid_argument', 'received_on');
  assertError(await confirm(partner, p.id, { ...body, received_on: day(-30) }), 400, 'invalid_argument', 'received_on', 'before it was sent');
  assertError(await confirm(partner, p.id, { ...body, note: 'x'.repeat(4001) }), 400, 'invalid_argument', 'note');
  assertError(await confirm(partner, p.id, { ...body, extra: 1 }), 400, 'invalid_argument', 'extra');
  assertError(await confirm(partner, p.id, { received_on: YESTERDAY }), 400, 'invalid_argument', 'version');
  const still = (await api('GET', `/api/v1/cases/${s.caseId}/payments`, { token: s.token })).json.items[0];
  assert.equal(still.state, 'awaiting_confirmation', 'nothing changed');
  assert.equal(still.version, 1);

  const done = await confirm((await signIn(PARTNER_SUPERVISOR)).token, p.id, body);
  assertStatus(done, 200);
  assert.equal(done.json.state, 'confirmed');
  assert.equal(done.json.version, 2);
  assert.deepEqual(Object.keys(done.json).sort(), PARTNER_KEYS);
  assertError(await confirm(partner, p.id, { ...body, version: 2 }), 422, 'failed_precondition', null, 'confirmed once');
  assertError(await confirm(partner, p.id, body), 409, 'conflict', null, 'stale before anything else');

  const seen = (await api('GET', `/api/v1/cases/${s.caseId}/payments`, { token: s.token })).json.items[0];
  assert.equal(seen.state, 'confirmed');
  assert.equal(seen.confirmation.received_on, YESTERDAY);
  assert.equal(seen.confirmation.note, 'Received in cash at the shelter.');
  assert.equal(seen.confirmation.by.display_name, (await signIn(PARTNER_SUPERVISOR)).user.display_name);
  const confirmed = await api('GET', '/api/v1/payments/to-confirm?state=confirmed', { token: partner });
  assert.ok(confirmed.json.items.some((x) => x.id === p.id));
  assert.ok(!(await api('GET', '/api/v1/payments/to-confirm', { token: partner })).json.items.some((x) => x.id === p.id));
});

test('the partner reaches no case data by any route', async () => {
  const s = await setup();
  const p = await newPayment(s);
  for (const username of [PARTNER, PARTNER_SUPERVISOR]) {
    const { token } = await signIn(username);
    for (const path of [`/api/v1/cases/${s.caseId}`, `/api/v1/cases/${s.caseId}/entries`, `/api/v1/cases/${s.caseId}/entries?kind=claim`,
      `/api/v1/cases/${s.caseId}/payments`, `/api/v1/cases/${s.caseId}/consents`, `/api/v1/cases/${s.caseId}/referrals`,
      `/api/v1/cases/${s.caseId}/screenings`, `/api/v1/cases/${s.caseId}/identifications`, `/api/v1/cases/${s.caseId}/rights-notices`])
      assertError(await api('GET', path, { token }), 404, 'not_found', null, `${username} ${path}`);
    assertError(await api('POST', `/api/v1/cases/${s.caseId}/entries`, { token, body: { kind: 'note', fields: { text: 'x' } } }), 404, 'not_found');
    const cases = await api('GET', '/api/v1/cases?page_size=100', { token });
    assert.ok(!cases.json.items.some((c) => c.id === s.caseId), 'not in the case list');
    const tasks = await api('GET', '/api/v1/me/tasks', { token });
    assert.ok(!tasks.json.tasks.some((t) => t.case_id === s.caseId));
    const list = await api('GET', '/api/v1/payments/to-confirm', { token });
    const text = JSON.stringify(list.json.items.find((x) => x.id === p.id));
    for (const secret of [s.reference, 'ကျော်ဇော', 'Sea Harvest', 'Captain', `"case_id"`, `"claim_id"`])
      assert.ok(!text.includes(secret), `${secret} not shown to ${username}`);
  }
});
