// Case entries through the API (events, perpetrators, documents, support plan,
// services, notes, tasks, meetings, follow-ups): forms, who may read and
// write, confidential notes, versions, the consent gate, my tasks, and bad
// input (each a clear 4xx that changes nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus, userIdByRole } from './helpers.mjs';

// This file's users: the Myanmar shelter works the case; the Thai legal aid
// organisation is another organisation.
const WORKER = 'mm-shelter-caseworker';
const SUPERVISOR = 'mm-shelter-supervisor';
const ADMIN = 'mm-shelter-admin';
const OUTSIDER = 'th-legal-caseworker';

async function newCase() {
  const { token } = await signIn(WORKER);
  const c = await createCase(token, { first_name: 'အောင်ကျော်', gender: 'Masculine', approximate_age: 24, citizenship: ['MM'] });
  return { token, caseId: c.id, reference: c.reference };
}
const entriesOf = (caseId) => `/api/v1/cases/${caseId}/entries`;
const add = (token, caseId, kind, fields) => api('POST', entriesOf(caseId), { token, body: { kind, fields } });

test('forms: every kind of entry is described with its fields', async () => {
  const { token } = await signIn(WORKER);
  const r = await api('GET', '/api/v1/case-forms', { token });
  assertStatus(r, 200);
  const task = r.json.forms.find((f) => f.kind === 'task');
  assert.deepEqual(task.fields.map((f) => f.name), ['title', 'due_on', 'assignee', 'done', 'details']);
  const followUp = r.json.forms.find((f) => f.kind === 'follow_up');
  assert.equal(followUp.requires_consent, 'follow_up_contact');
  const ctx = r.json.forms.find((f) => f.kind === 'victim_context');
  assert.equal(ctx.multiple, false);
  const industry = ctx.fields.find((f) => f.name === 'forced_labour_industry');
  assert.equal(industry.list, 'industry');
  assert.ok(industry.options.includes('A_AgricultureForestryAndFishing'));
  assertError(await api('GET', '/api/v1/case-forms'), 401, 'unauthenticated');
});

test('events: added, changed with its version, a stale version refused', async () => {
  const { token, caseId } = await newCase();
  const created = await add(token, caseId, 'event', {
    type: 'Exploitation', country: 'TH', province: 'Samut Sakhon', place: 'Fishing boat',
    started_on: '2025-06-01', latitude: 13.55, longitude: 100.27 });
  assertStatus(created, 201);
  assert.equal(created.json.version, 1);
  assert.equal(created.json.fields.place, 'Fishing boat');
  const fields = { ...created.json.fields, ended_on: '2026-01-15' };
  const changed = await api('PUT', `${entriesOf(caseId)}/${created.json.id}`, { token, body: { version: 1, fields } });
  assertStatus(changed, 200);
  assert.equal(changed.json.version, 2);
  const stale = await api('PUT', `${entriesOf(caseId)}/${created.json.id}`, { token, body: { version: 1, fields: { type: 'Transit' } } });
  assertError(stale, 409, 'conflict');
  const list = await api('GET', `${entriesOf(caseId)}?kind=event`, { token });
  assertStatus(list, 200);
  assert.equal(list.json.entries.length, 1);
  assert.equal(list.json.entries[0].fields.type, 'Exploitation', 'the stale write changed nothing');
  assert.equal(list.json.entries[0].fields.ended_on, '2026-01-15');
});

test('support plan: an action belongs to an objective of the same case', async () => {
  const { token, caseId } = await newCase();
  const objective = await add(token, caseId, 'support_objective', {
    type: 'Livelihood', objective: 'Stable income after return', planned_end: '2027-06-30', status: 'in_progress' });
  assertStatus(objective, 201);
  const action = await add(token, caseId, 'support_action', {
    objective: objective.json.id, action: 'Vocational training in sewing', status: 'planned', planned_on: '2027-01-10' });
  assertStatus(action, 201);
  const other = await newCase();
  assertError(await add(other.token, other.caseId, 'support_action', {
    objective: objective.json.id, action: 'x', status: 'planned' }), 400, 'invalid_argument', 'fields.objective',
    'an objective of another case');
  const service = await add(token, caseId, 'service', {
    service_type: 'daily_allowance', provider_name: 'Shelter office', started_on: '2026-11-01', amount: 150000, currency: 'MMK' });
  assertStatus(service, 201);
  assert.equal(service.json.fields.amount, 150000);
});

test('who may: outsiders see nothing, an admin reads but does not write', async () => {
  const { token, caseId } = await newCase();
  assertStatus(await add(token, caseId, 'note', { text: 'First meeting went well' }), 201);
  const outsider = (await signIn(OUTSIDER)).token;
  assertError(await api('GET', entriesOf(caseId), { token: outsider }), 404, 'not_found');
  assertError(await add(outsider, caseId, 'note', { text: 'x' }), 404, 'not_found');
  const admin = (await signIn(ADMIN)).token;
  const read = await api('GET', entriesOf(caseId), { token: admin });
  assertStatus(read, 200);
  assert.equal(read.json.entries.length, 1);
  assertError(await add(admin, caseId, 'note', { text: 'x' }), 403, 'permission_denied');
  assertError(await api('GET', entriesOf(caseId)), 401, 'unauthenticated');
  assert.equal((await api('GET', entriesOf(caseId), { token })).json.entries.length, 1);
});

test('confidential notes: the author and supervisors read them, others see only that they exist', async () => {
  const { token, caseId } = await newCase();
  const supervisor = (await signIn(SUPERVISOR)).token;
  const bySupervisor = await add(supervisor, caseId, 'note', { text: 'Disclosed abuse by the boat captain', confidential: true });
  assertStatus(bySupervisor, 201);
  const asWorker = await api('GET', `${entriesOf(caseId)}?kind=note`, { token });
  const seen = asWorker.json.entries.find((e) => e.id === bySupervisor.json.id);
  assert.equal(seen.restricted, true);
  assert.equal(seen.fields, undefined, 'no text for a reader it is not meant for');
  assert.ok(!asWorker.text.includes('captain'));
  assertError(await api('PUT', `${entriesOf(caseId)}/${seen.id}`, { token, body: { version: 1, fields: { text: 'x' } } }),
    403, 'permission_denied');
  const byWorker = await add(token, caseId, 'note', { text: 'Afraid of the broker', confidential: true });
  const asSupervisor = await api('GET', `${entriesOf(caseId)}?kind=note`, { token: supervisor });
  assert.equal(asSupervisor.json.entries.find((e) => e.id === byWorker.json.id).fields.text, 'Afraid of the broker');
});

test('victim context: one per case, then changed in place', async () => {
  const { token, caseId } = await newCase();
  const ctx = { exploitation_types: ['ForcedLabour'], forced_labour_industry: 'A_AgricultureForestryAndFishing',
    control_methods: ['DebtBondage', 'WithholdsDocuments'], recruitment_apps: ['Facebook'], age_when_trafficked: 22 };
  const first = await add(token, caseId, 'victim_context', ctx);
  assertStatus(first, 201);
  assertError(await add(token, caseId, 'victim_context', ctx), 409, 'already_exists');
  const changed = await api('PUT', `${entriesOf(caseId)}/${first.json.id}`, { token, body: { version: 1, fields: { ...ctx, education: 'PrimaryEducation' } } });
  assertStatus(changed, 200);
  assert.deepEqual(changed.json.fields.control_methods, ['DebtBondage', 'WithholdsDocuments']);
});

test('follow-up: only with consent to follow-up contact, and not after it is withdrawn', async () => {
  const { token, caseId } = await newCase();
  const visit = { method: 'phone_call', scheduled_on: '2027-02-01', status: 'scheduled' };
  assertError(await add(token, caseId, 'follow_up', visit), 422, 'failed_precondition');
  const consent = (decision) => api('POST', `/api/v1/cases/${caseId}/consents`, { token, body: {
    purpose: 'follow_up_contact', decision, scope: { kind: 'anyone' }, explained_in_language: 'my', interpreter_used: true } });
  assertStatus(await consent('given'), 201);
  assertStatus(await add(token, caseId, 'follow_up', visit), 201);
  assertStatus(await consent('withdrawn'), 201);
  assertError(await add(token, caseId, 'follow_up', visit), 422, 'failed_precondition');
  const list = await api('GET', `${entriesOf(caseId)}?kind=follow_up`, { token });
  assert.equal(list.json.entries.length, 1);
});

test('my tasks: open tasks of the caller, soonest first, overdue marked; done ones leave', async () => {
  const { token, caseId, reference } = await newCase();
  const me = (await signIn(WORKER)).user.id;
  const overdue = await add(token, caseId, 'task', { title: 'Call the embassy', due_on: '2020-01-01', assignee: me });
  assertStatus(overdue, 201);
  assertStatus(await add(token, caseId, 'task', { title: 'Book the medical check', due_on: '2199-12-31', assignee: me }), 201);
  const supervisorId = await userIdByRole(token, 'supervisor');
  assertStatus(await add(token, caseId, 'task', { title: 'Review the plan', due_on: '2020-01-01', assignee: supervisorId }), 201);
  const mine = async () => (await api('GET', '/api/v1/me/tasks', { token })).json.tasks.filter((t) => t.case_id === caseId);
  let tasks = await mine();
  assert.deepEqual(tasks.map((t) => t.entry.fields.title), ['Call the embassy', 'Book the medical check']);
  assert.deepEqual(tasks.map((t) => t.overdue), [true, false]);
  assert.equal(tasks[0].case_reference, reference);
  const done = await api('PUT', `${entriesOf(caseId)}/${overdue.json.id}`, { token, body: { version: 1, fields: { ...overdue.json.fields, done: true } } });
  assertStatus(done, 200);
  tasks = await mine();
  assert.deepEqual(tasks.map((t) => t.entry.fields.title), ['Book the medical check']);
  const outsiderTasks = await api('GET', '/api/v1/me/tasks', { token: (await signIn(OUTSIDER)).token });
  assert.ok(!outsiderTasks.json.tasks.some((t) => t.case_id === caseId));
});

test('bad input: each a clear 4xx naming the field, and nothing is written', async () => {
  const { token, caseId } = await newCase();
  const me = (await signIn(WORKER)).user.id;
  const outsiderId = (await signIn(OUTSIDER)).user.id;
  const bad = [
    [{ kind: 'diary', fields: {} }, 'kind'],
    [{ kind: 'note' }, 'fields'],
    [{ kind: 'note', fields: [] }, 'fields'],
    [{ kind: 'note', fields: { text: 'x' }, extra: 1 }, 'extra'],
    [{ kind: 7, fields: {} }, 'kind'],
    [{ kind: 'note', fields: { text: 'x', mood: 'happy' } }, 'fields'],
    [{ kind: 'note', fields: { text: 42 } }, 'fields.text'],
    [{ kind: 'note', fields: { text: '   ' } }, 'fields.text'],
    [{ kind: 'note', fields: { text: 'a\u0007b' } }, 'fields.text'],
    [{ kind: 'note', fields: { text: 'x'.repeat(10001) } }, 'fields.text'],
    [{ kind: 'note', fields: { text: 'x', confidential: 'yes' } }, 'fields.confidential'],
    [{ kind: 'event', fields: {} }, 'fields.type'],
    [{ kind: 'event', fields: { type: 'Holiday' } }, 'fields.type'],
    [{ kind: 'event', fields: { type: 'Transit', started_on: '2026-02-30' } }, 'fields.started_on'],
    [{ kind: 'event', fields: { type: 'Transit', started_on: '2026-03-02', ended_on: '2026-03-01' } }, 'fields.ended_on'],
    [{ kind: 'event', fields: { type: 'Transit', country: 'Thailand' } }, 'fields.country'],
    [{ kind: 'event', fields: { type: 'Transit', latitude: 95, longitude: 100 } }, 'fields.latitude'],
    [{ kind: 'event', fields: { type: 'Transit', latitude: 10 } }, 'fields.longitude'],
    [{ kind: 'event', fields: { type: 'Transit', place: { name: 'x' } } }, 'fields.place'],
    [{ kind: 'victim_context', fields: { age_when_trafficked: 15.5 } }, 'fields.age_when_trafficked'],
    [{ kind: 'victim_context', fields: { control_methods: 'DebtBondage' } }, 'fields.control_methods'],
    [{ kind: 'victim_context', fields: { control_methods: ['DebtBondage', 'Magic'] } }, 'fields.control_methods'],
    [{ kind: 'victim_context', fields: { control_methods: [1] } }, 'fields.control_methods'],
    [{ kind: 'task', fields: { title: 'x', due_on: '2027-01-01', assignee: outsiderId } }, 'fields.assignee'],
    [{ kind: 'task', fields: { title: 'x', due_on: '2027-01-01', assignee: -1 } }, 'fields.assignee'],
    [{ kind: 'task', fields: { title: 'x', due_on: '2027-01-01', assignee: 99999999999999999999 } }, 'fields.assignee'],
    [{ kind: 'task', fields: { title: 'x', assignee: me } }, 'fields.due_on'],
    [{ kind: 'service', fields: { service_type: 'shelter', started_on: '2026-01-01', provider_organisation: 999999 } }, 'fields.provider_organisation'],
    [{ kind: 'service', fields: { service_type: 'daily_allowance', started_on: '2026-01-01', amount: 10 } }, 'fields.currency'],
    [{ kind: 'service', fields: { service_type: 'daily_allowance', started_on: '2026-01-01', amount: -5, currency: 'THB' } }, 'fields.amount'],
    [{ kind: 'support_action', fields: { objective: 999999, action: 'x', status: 'planned' } }, 'fields.objective'],
  ];
  for (const [body, field] of bad) {
    const r = await api('POST', entriesOf(caseId), { token, body });
    assertError(r, 400, 'invalid_argument', field, JSON.stringify(body).slice(0, 120));
  }
  // Broken UTF-8 inside a field value.
  const raw = Buffer.concat([Buffer.from('{"kind":"note","fields":{"text":"ab'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]);
  assertError(await api('POST', entriesOf(caseId), { token, body: raw }), 400, 'invalid_argument');
  assertError(await api('GET', `${entriesOf(caseId)}?kind=diary`, { token }), 400, 'invalid_argument', 'kind');
  assertError(await api('GET', `${entriesOf(caseId)}?colour=red`, { token }), 400, 'invalid_argument', 'colour');
  assertError(await api('PUT', `${entriesOf(caseId)}/12x`, { token, body: { version: 1, fields: {} } }), 404, 'not_found');
  assertError(await api('PUT', `${entriesOf(caseId)}/999999`, { token, body: { version: 1, fields: { text: 'x' } } }), 404, 'not_found');
  const list = await api('GET', entriesOf(caseId), { token });
  assert.deepEqual(list.json.entries, [], 'nothing was written');
});
