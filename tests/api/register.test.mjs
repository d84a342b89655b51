// The register of offending recruiters through the API: the access level of
// each role, what a social worker's check shows (status and public source,
// nothing more), details for law enforcement and legal roles, linked cases
// by the case rule, due process (history, the status table, versions), import
// preview and all-or-nothing apply, the review filter, export, and bad input
// that changes nothing. Every entry here has fresh unique names and numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus, tag } from './helpers.mjs';

const SOCIAL = 'th-shelter-caseworker';  // check only
const OFFICER = 'kh-police-caseworker';  // edits (th-police-caseworker is auth.test.mjs's lockout)
const POLICE_ADMIN = 'th-police-admin';  // reads details, does not edit
const LAWYER = 'th-legal-legal';  // edits
const LEGAL_SUPERVISOR = 'th-legal-supervisor';  // edits
const LEGAL_WORKER = 'th-legal-caseworker';  // check only
const SECRETARIAT = 'net-secretariat';  // edits
const SYSADMIN = 'net-sysadmin';  // check only

async function token(user) {
  return (await signIn(user)).token;
}

// A Thai mobile number no other test uses, written two ways.
function freshPhone() {
  const d = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return { international: `+66 8${d[0]} ${d.slice(1, 4)} ${d.slice(4)}`, national: `08${d}` };
}

function brokerBody(t, phone, extra = {}) {
  return {
    kind: 'person',
    role: 'broker',
    country: 'TH',
    names: [`Broker ${t}`, `นายหน้า ${t}`],
    aliases: [`Boss ${t}`],
    licence_numbers: [`LIC-${t}`],
    addresses: [`Mae Sot ${t}`],
    phones: [phone.international],
    websites: [`jobs-${t}.com`],
    handles: [`@broker_${t}`],
    review_date: '2099-01-01',
    status: 'case_filed',
    status_date: '2025-12-01',
    source: { kind: 'case', reference: `Police case ${t}` },
    reason: `Named by three workers (${t})`,
    ...extra,
  };
}

async function createBroker(extra = {}) {
  const t = tag();
  const phone = freshPhone();
  const r = await api('POST', '/api/v1/register', { token: await token(OFFICER), body: brokerBody(t, phone, extra) });
  assertStatus(r, 201, 'create entry');
  return { t, phone, entry: r.json };
}

const check = async (user, body) => api('POST', '/api/v1/register/check', { token: await token(user), body });

test('each role has its level: check, details or edit', async () => {
  const want = {
    [SOCIAL]: 'check', [LEGAL_WORKER]: 'check', [SYSADMIN]: 'check', [POLICE_ADMIN]: 'details',
    [OFFICER]: 'edit', [LAWYER]: 'edit', [LEGAL_SUPERVISOR]: 'edit', [SECRETARIAT]: 'edit',
  };
  for (const [user, level] of Object.entries(want)) {
    const r = await api('GET', '/api/v1/register/access', { token: await token(user) });
    assertStatus(r, 200, user);
    assert.equal(r.json.level, level, user);
  }
  assertError(await api('GET', '/api/v1/register/access'), 401, 'unauthenticated');
});

test('a social worker checking the phone number sees the status and public source, nothing more', async () => {
  const { t, phone, entry } = await createBroker();
  const r = await check(SOCIAL, { phone: phone.national });
  assertStatus(r, 200);
  const items = r.json.items.filter((i) => i.entry.id === entry.id);
  assert.equal(items.length, 1, r.text);
  const { entry: seen, matches } = items[0];
  assert.equal(seen.status, 'case_filed');
  assert.deepEqual(seen.source, { kind: 'case', reference: null }, 'a police case number is not public');
  assert.equal(seen.detail, null);
  assert.equal(seen.may_edit, false);
  assert.deepEqual(matches, [{ query_field: 'phone', query_value: phone.national, entry_field: 'phone', how: 'normalised' }]);
  for (const secret of [t, phone.international, 'LIC-', 'Mae Sot', 'history', 'cases'])
    assert.ok(!r.text.includes(secret), `the answer shows ${secret}: ${r.text}`);
  assertError(await api('GET', `/api/v1/register/${entry.id}`, { token: await token(SOCIAL) }), 403, 'permission_denied');
  assertError(await api('GET', '/api/v1/register', { token: await token(SOCIAL) }), 403, 'permission_denied');
  const exported = await api('GET', '/api/v1/register/export', { token: await token(SOCIAL) });
  assertStatus(exported, 200);
  assert.match(exported.headers.get('content-type'), /^text\/csv/);
  assert.ok(exported.text.includes(`${entry.id},person,broker,,,TH,`), 'the public line of the entry');
  assert.ok(!exported.text.includes(t), 'no names or identifiers in a member\'s export');

  // The advert, pasted: phone, handle and website found in it, each explained.
  const advert = await check(SOCIAL, { text: `Factory jobs! Call ${phone.international} or LINE: broker_${t}, see www.jobs-${t}.com` });
  assertStatus(advert, 200);
  assert.deepEqual(advert.json.extracted, { phones: [phone.international], handles: [`broker_${t}`], websites: [`www.jobs-${t}.com`] });
  const hit = advert.json.items.find((i) => i.entry.id === entry.id);
  assert.deepEqual(hit.matches.map((m) => `${m.entry_field}:${m.how}`), ['phone:exact', 'handle:normalised', 'website:normalised', 'name:normalised'],
    'the broker\'s name is inside the LINE handle as well');
});

test('law enforcement and legal roles see details and history; only editors change', async () => {
  const { t, entry } = await createBroker();
  const admin = await api('GET', `/api/v1/register/${entry.id}`, { token: await token(POLICE_ADMIN) });
  assertStatus(admin, 200);
  assert.deepEqual(admin.json.detail.names, [`Broker ${t}`, `นายหน้า ${t}`]);
  assert.equal(admin.json.detail.source_reference, `Police case ${t}`);
  assert.equal(admin.json.may_edit, false);
  assert.equal(admin.json.detail.history.length, 1);
  assert.equal(admin.json.detail.history[0].reason, `Named by three workers (${t})`);
  const byName = await check(LEGAL_SUPERVISOR, { name: `BROKER  ${t.toUpperCase()}` });
  const m = byName.json.items.find((i) => i.entry.id === entry.id).matches[0];
  assert.deepEqual(m, { query_field: 'name', query_value: `BROKER  ${t.toUpperCase()}`, entry_field: 'name', how: 'normalised', entry_value: `Broker ${t}` });

  const to = (status, reason) => ({ version: null, status, status_date: '2026-01-20', source: { kind: 'court', reference: `Court ${t}` }, reason });
  for (const user of [SOCIAL, LEGAL_WORKER, SYSADMIN, POLICE_ADMIN]) {
    const r = await api('POST', `/api/v1/register/${entry.id}/status`, { token: await token(user), body: { ...to('convicted', 'x'), version: 1 } });
    assertError(r, 403, 'permission_denied', null, user);
  }
  const convicted = await api('POST', `/api/v1/register/${entry.id}/status`, { token: await token(LAWYER), body: { ...to('convicted', 'Convicted at first instance'), version: 1 } });
  assertStatus(convicted, 200);
  assert.equal(convicted.json.status, 'convicted');
  assert.deepEqual(convicted.json.source, { kind: 'court', reference: `Court ${t}` });
  const acquitted = await api('POST', `/api/v1/register/${entry.id}/status`, { token: await token(SECRETARIAT), body: { ...to('acquitted', 'Acquitted on appeal'), version: 2 } });
  assertStatus(acquitted, 200);
  const h = acquitted.json.detail.history;
  assert.deepEqual(h.map((l) => [l.from_status, l.to_status]), [[null, 'case_filed'], ['case_filed', 'convicted'], ['convicted', 'acquitted']]);
  assert.equal(h[2].actor.display_name.length > 0, true);
  const seen = await check(SOCIAL, { name: `Broker ${t}` });
  assert.equal(seen.json.items.find((i) => i.entry.id === entry.id).entry.status, 'acquitted', 'the acquittal is shown');
});

test('linked cases are shown only to those who may see the case', async () => {
  const { entry } = await createBroker();
  const lawyer = await token(LAWYER);
  const c = await createCase(lawyer, { first_name: 'Ko', second_name: `Aung ${tag()}`, gender: 'Masculine', approximate_age: 30, citizenship: ['MM'], languages: ['my'] });
  assertError(await api('POST', `/api/v1/register/${entry.id}/cases`, { token: await token(OFFICER), body: { version: 1, case_id: c.id, reason: 'named' } }), 404, 'not_found', null, 'a case the officer may not see');
  const linked = await api('POST', `/api/v1/register/${entry.id}/cases`, { token: lawyer, body: { version: 1, case_id: c.id, reason: 'The broker recruited him' } });
  assertStatus(linked, 200);
  assert.deepEqual(linked.json.detail.cases.map((x) => x.reference), [c.reference]);
  const officer = await api('GET', `/api/v1/register/${entry.id}`, { token: await token(OFFICER) });
  assert.deepEqual(officer.json.detail.cases, [], 'the officer is not on the case');
  assert.ok(!officer.text.includes(c.reference));
  const supervisor = await api('GET', `/api/v1/register/${entry.id}`, { token: await token(LEGAL_SUPERVISOR) });
  assert.equal(supervisor.json.detail.cases.length, 1, 'a supervisor of the owning organisation sees it');
  assertError(await api('POST', `/api/v1/register/${entry.id}/cases`, { token: lawyer, body: { version: 2, case_id: c.id, reason: 'again' } }), 409, 'already_exists', 'case_id');
  const unlinked = await api('POST', `/api/v1/register/${entry.id}/cases/${c.id}/unlink`, { token: lawyer, body: { version: 2, reason: 'Wrong person' } });
  assertStatus(unlinked, 200);
  assert.deepEqual(unlinked.json.detail.cases, []);
});

test('bad input and impossible changes get a clear error and change nothing', async () => {
  const officer = await token(OFFICER);
  const t = tag();
  const phone = freshPhone();
  const create = (body) => api('POST', '/api/v1/register', { token: officer, body });
  assertError(await create(brokerBody(t, phone, { status: 'guilty' })), 400, 'invalid_argument', 'status');
  assertError(await create(brokerBody(t, phone, { status: 'acquitted' })), 422, 'failed_precondition', 'status');
  assertError(await create(brokerBody(t, phone, { kind: 'company' })), 400, 'invalid_argument', 'kind');
  assertError(await create(brokerBody(t, phone, { names: 'one name' })), 400, 'invalid_argument', 'names');
  assertError(await create(brokerBody(t, phone, { names: [] })), 400, 'invalid_argument', 'names');
  assertError(await create(brokerBody(t, phone, { names: ['x'.repeat(301)] })), 400, 'invalid_argument', 'names[0]');
  assertError(await create(brokerBody(t, phone, { phones: ['call me'] })), 400, 'invalid_argument', 'phones[0]');
  assertError(await create(brokerBody(t, phone, { country: 'XX' })), 400, 'invalid_argument', 'country');
  assertError(await create(brokerBody(t, phone, { status_date: '2099-01-01' })), 400, 'invalid_argument', 'status_date');
  assertError(await create(brokerBody(t, phone, { reason: '  ' })), 400, 'invalid_argument', 'reason');
  assertError(await create(brokerBody(t, phone, { source: { kind: 'rumour', reference: 'x' } })), 400, 'invalid_argument', 'source.kind');
  assertError(await create(brokerBody(t, phone, { colour: 'red' })), 400, 'invalid_argument', 'colour');
  const broken = Buffer.concat([Buffer.from(`{"kind":"person","role":"broker","country":"TH","names":["Broker ${t} `), Buffer.from([0xc3, 0x28]), Buffer.from('"]}')]);
  assertError(await api('POST', '/api/v1/register', { token: officer, body: broken }), 400, 'invalid_argument');
  for (const user of [SOCIAL, POLICE_ADMIN, SYSADMIN, LEGAL_WORKER])
    assertError(await api('POST', '/api/v1/register', { token: await token(user), body: brokerBody(t, phone) }), 403, 'permission_denied', null, user);
  const none = await check(OFFICER, { name: `Broker ${t}` });
  assert.equal(none.json.items.length, 0, 'none of those was created');

  const { entry } = await createBroker();
  const status = (body) => api('POST', `/api/v1/register/${entry.id}/status`, { token: officer, body });
  const base = { version: 1, status: 'convicted', status_date: '2026-01-20', source: { kind: 'court', reference: 'Court 1' }, reason: 'x' };
  assertError(await status({ ...base, status: 'guilty' }), 400, 'invalid_argument', 'status');
  assertError(await status({ ...base, status: 'alleged_in_report' }), 422, 'failed_precondition', 'status');
  assertError(await status({ ...base, version: 7 }), 409, 'conflict');
  assertError(await status({ ...base, version: '1' }), 400, 'invalid_argument', 'version');
  assertError(await api('POST', `/api/v1/register/${entry.id}/status`, { token: officer, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) }), 400, 'invalid_argument');
  const edit = await api('PUT', `/api/v1/register/${entry.id}`, { token: officer, body: { version: 1, kind: 'person', role: 'broker', country: 'TH', names: ['Only'], reason: 'x' } });
  assertError(edit, 400, 'invalid_argument', 'aliases', 'a PUT names every field');
  const after = await api('GET', `/api/v1/register/${entry.id}`, { token: officer });
  assert.equal(after.json.version, 1, 'nothing changed');
  assert.equal(after.json.detail.history.length, 1);

  assertError(await check(SOCIAL, {}), 400, 'invalid_argument', 'text');
  assertError(await check(SOCIAL, { phone: 66 }), 400, 'invalid_argument', 'phone');
  assertError(await check(SOCIAL, { text: 'x'.repeat(10001) }), 400, 'invalid_argument', 'text');
  assertError(await api('POST', '/api/v1/register/check', { body: { name: 'x' } }), 401, 'unauthenticated');
  assertError(await api('GET', '/api/v1/register/abc', { token: officer }), 404, 'not_found');
  assertError(await api('GET', '/api/v1/register/999999999', { token: officer }), 404, 'not_found');
  assertError(await api('GET', '/api/v1/register?due_for_review=maybe', { token: officer }), 400, 'invalid_argument', 'due_for_review');
  assertError(await api('GET', '/api/v1/register?status=guilty', { token: officer }), 400, 'invalid_argument', 'status');
  assertError(await api('GET', '/api/v1/register?colour=red', { token: officer }), 400, 'invalid_argument', 'colour');
});

test('edits replace the fields, keep the status and need a reason', async () => {
  const { t, entry } = await createBroker();
  const officer = await token(OFFICER);
  const body = { version: 1, kind: 'person', role: 'recruiter', country: 'TH', names: [`Broker ${t}`], aliases: [], licence_numbers: [], addresses: [], phones: [], websites: [], handles: [`@new_${t}`], review_date: null };
  assertError(await api('PUT', `/api/v1/register/${entry.id}`, { token: officer, body }), 400, 'invalid_argument', 'reason');
  const r = await api('PUT', `/api/v1/register/${entry.id}`, { token: officer, body: { ...body, reason: 'New LINE account reported' } });
  assertStatus(r, 200);
  assert.equal(r.json.version, 2);
  assert.equal(r.json.role, 'recruiter');
  assert.equal(r.json.status, 'case_filed');
  assert.deepEqual(r.json.detail.handles, [`@new_${t}`]);
  assert.equal(r.json.detail.review_date, null);
  assertError(await api('PUT', `/api/v1/register/${entry.id}`, { token: officer, body: { ...body, reason: 'stale' } }), 409, 'conflict');
});

test('import: a preview of each row, then all or nothing', async () => {
  const lawyer = await token(LAWYER);
  const t = tag();
  const { entry: existing, t: et } = await createBroker();
  const header = 'kind,role,names,licence_numbers,country,status,status_date,source_kind,source_reference';
  const good = [
    `organisation,agency,Agency ${t},LIC-A-${t},TH,alleged_in_report,2026-01-05,public_list,DoE list ${t}`,
    `person,broker,broker ${et},,TH,convicted,2026-01-06,court,Court ${t}`,
  ];
  const bad = [`person,broker,Nobody ${t},,TH,guilty,2026-01-06,court,Court ${t}`, `person,broker,Ghost ${t},,TH`];
  const csv = [header, ...good, ...bad].join('\n') + '\n';
  const preview = await api('POST', '/api/v1/register/import/preview', { token: lawyer, body: { csv, reason: `List ${t}` } });
  assertStatus(preview, 200);
  assert.deepEqual([preview.json.created, preview.json.updated, preview.json.unchanged, preview.json.rejected], [1, 1, 0, 2]);
  const rows = preview.json.rows;
  assert.deepEqual(rows.map((r) => [r.line, r.action]), [[2, 'create'], [3, 'update'], [4, 'rejected'], [5, 'rejected']]);
  assert.equal(rows[1].entry_id, existing.id);
  assert.equal(rows[1].matched_by, 'name');
  assert.deepEqual([rows[1].from_status, rows[1].to_status, rows[1].status_change], ['case_filed', 'convicted', true]);
  assert.equal(rows[2].error.field, 'status');
  assert.equal(rows[3].error.field, 'csv');

  const refused = await api('POST', '/api/v1/register/import', { token: lawyer, body: { csv, reason: `List ${t}` } });
  assertError(refused, 422, 'failed_precondition', 'csv');
  assert.match(refused.json.error.message, /line 4/);
  assert.equal((await check(LAWYER, { name: `Agency ${t}` })).json.items.length, 0, 'nothing half-imported');
  assert.equal((await api('GET', `/api/v1/register/${existing.id}`, { token: lawyer })).json.version, 1);

  for (const user of [SOCIAL, POLICE_ADMIN])
    assertError(await api('POST', '/api/v1/register/import/preview', { token: await token(user), body: { csv, reason: 'x' } }), 403, 'permission_denied', null, user);
  assertError(await api('POST', '/api/v1/register/import/preview', { token: lawyer, body: { csv: 'colour\nred\n', reason: 'x' } }), 400, 'invalid_argument', 'csv');
  assertError(await api('POST', '/api/v1/register/import/preview', { token: lawyer, body: { csv } }), 400, 'invalid_argument', 'reason');

  const okCsv = [header, ...good].join('\r\n');
  const applied = await api('POST', '/api/v1/register/import', { token: lawyer, body: { csv: okCsv, reason: `List ${t}` } });
  assertStatus(applied, 200);
  assert.deepEqual([applied.json.created, applied.json.updated], [1, 1]);
  const created = applied.json.rows[0].entry_id;
  const agency = await api('GET', `/api/v1/register/${created}`, { token: lawyer });
  assert.deepEqual(agency.json.detail.licence_numbers, [`LIC-A-${t}`]);
  assert.equal(agency.json.detail.history[0].change, 'import');
  assert.equal(agency.json.detail.history[0].reason, `List ${t}`);
  const updated = await api('GET', `/api/v1/register/${existing.id}`, { token: lawyer });
  assert.equal(updated.json.status, 'convicted');
  const again = await api('POST', '/api/v1/register/import/preview', { token: lawyer, body: { csv: okCsv, reason: 'again' } });
  assert.equal(again.json.unchanged, 2);
});

test('entries on or past their review date are flagged and listed by the filter; export has details for editors', async () => {
  const { t: due, entry: dueEntry } = await createBroker({ review_date: '2025-01-01' });
  const { entry: later } = await createBroker({ review_date: '2099-01-01' });
  const r = await api('GET', '/api/v1/register?due_for_review=true', { token: await token(LAWYER) });
  assertStatus(r, 200);
  const ids = r.json.items.map((i) => i.id);
  assert.ok(ids.includes(dueEntry.id));
  assert.ok(!ids.includes(later.id));
  const item = r.json.items.find((i) => i.id === dueEntry.id);
  assert.equal(item.detail.due_for_review, true);
  assert.ok(!('history' in item.detail), 'lists leave the history to the entry page');
  const byName = await api('GET', `/api/v1/register?q=${encodeURIComponent(`broker ${due}`)}`, { token: await token(LAWYER) });
  assert.deepEqual(byName.json.items.map((i) => i.id), [dueEntry.id]);
  const exported = await api('GET', '/api/v1/register/export', { token: await token(OFFICER) });
  assertStatus(exported, 200);
  assert.ok(exported.text.startsWith('id,kind,role,names,'));
  assert.ok(exported.text.includes(`Broker ${due}|นายหน้า ${due}`));
});
