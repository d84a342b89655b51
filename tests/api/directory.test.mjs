// The directory through the API: the ranked search of the example,
// profiles read by every member, edits and capacity by the organisation's own
// admin or supervisor (or the secretariat) with versions, refusals for
// others, and bad input (a clear 400 naming the field that changes nothing).
// Writes go to the Lao police's profile only, which no other file touches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, assertError, assertStatus, tag } from './helpers.mjs';

const READER = 'mm-police-caseworker';
const ADMIN = 'la-police-admin';
const SUPERVISOR = 'la-police-supervisor';
const WORKER = 'la-police-caseworker';
const OTHER_ADMIN = 'mm-police-admin';
const SECRETARIAT = 'net-secretariat';

async function token(user) {
  return (await signIn(user)).token;
}

async function ownOrgId(user) {
  return (await signIn(user)).user.organisation.id;
}

async function profile(tok, id) {
  const r = await api('GET', `/api/v1/directory/${id}`, { token: tok });
  assertStatus(r, 200, `profile ${id}`);
  return r.json;
}

// The editable part of a profile, as PUT takes it.
function editable(p) {
  const keys = ['areas', 'services', 'expertise', 'languages', 'accepts_sex', 'accepts_age',
    'accepts_exploitation', 'working_hours', 'liaison_officers', 'agreements'];
  const out = { version: p.version };
  for (const k of keys) out[k] = p[k];
  return out;
}

test('"legal aid in Cambodia for a woman in domestic work speaking Khmer" puts the Cambodian legal aid centre first', async () => {
  const tok = await token(READER);
  const r = await api('GET', '/api/v1/directory?service=legal_aid&country=KH&sex=female&age=adult&exploitation=ForcedLabour&language=km&q=domestic', { token: tok });
  assertStatus(r, 200);
  const first = r.json.items[0];
  assert.equal(first.organisation.name, 'Demo Legal Aid Centre (Cambodia)');
  assert.deepEqual(first.matched, ['service', 'country', 'sex', 'age', 'exploitation', 'language', 'text']);
  assert.deepEqual(first.missed, []);
  assert.deepEqual(first.words, ['domestic']);
  for (const item of r.json.items) {
    assert.ok(item.services.includes('legal_aid'), 'service is a hard filter');
    assert.ok(item.organisation.country === 'KH' || item.areas.some((a) => a.country === 'KH'), 'country is a hard filter');
    assert.ok('capacity' in item && 'free_beds' in item.capacity, 'capacity is shown');
    assert.ok(!('liaison_officers' in item), 'contacts are on the profile page');
  }
  for (let i = 1; i < r.json.items.length; i++) assert.ok(r.json.items[i - 1].score >= r.json.items[i].score, 'best first');
  const shelters = await api('GET', '/api/v1/directory?service=shelter&country=KH', { token: tok });
  assertStatus(shelters, 200);
  const withBeds = shelters.json.items.find((i) => i.capacity.total_beds !== null);
  assert.ok(withBeds && typeof withBeds.capacity.free_beds === 'number', 'shelters show their beds');
  const all = await api('GET', '/api/v1/directory', { token: tok });
  assert.ok(all.json.items.length >= 21, 'no criteria: every organisation');
});

test('every member reads a profile with its liaison officers; nobody without sign-in', async () => {
  const laPolice = await ownOrgId(ADMIN);
  const p = await profile(await token(READER), laPolice);
  assert.equal(p.organisation.id, laPolice);
  assert.ok(p.liaison_officers.length > 0);
  assert.equal(p.can_edit, false);
  assert.equal((await profile(await token(ADMIN), laPolice)).can_edit, true);
  assert.equal((await profile(await token(SECRETARIAT), laPolice)).can_edit, true);
  for (const [method, path] of [['GET', '/api/v1/directory'], ['GET', `/api/v1/directory/${laPolice}`]]) {
    assertError(await api(method, path), 401, 'unauthenticated', null, path);
  }
  assertError(await api('PUT', `/api/v1/directory/${laPolice}`, { body: editable(p) }), 401, 'unauthenticated');
  assertError(await api('POST', `/api/v1/directory/${laPolice}/capacity`, { body: { version: p.version, free_beds: 1, total_beds: 2 } }), 401, 'unauthenticated');
  assertError(await api('GET', '/api/v1/directory/999999', { token: await token(READER) }), 404, 'not_found');
  assertError(await api('GET', '/api/v1/directory/12x', { token: await token(READER) }), 404, 'not_found');
});

test('the own admin updates capacity and the supervisor the profile; a stale version is 409', async () => {
  const laPolice = await ownOrgId(ADMIN);
  const admin = await token(ADMIN);
  const before = await profile(admin, laPolice);
  const cap = await api('POST', `/api/v1/directory/${laPolice}/capacity`, { token: admin, body: { version: before.version, free_beds: 2, total_beds: 6 } });
  assertStatus(cap, 200);
  assert.equal(cap.json.version, before.version + 1);
  assert.equal(cap.json.capacity.free_beds, 2);
  assert.equal(cap.json.capacity.total_beds, 6);
  assert.equal(cap.json.capacity.updated_by.display_name, (await signIn(ADMIN)).user.display_name);
  assert.ok(cap.json.capacity.updated_at);
  assertError(await api('POST', `/api/v1/directory/${laPolice}/capacity`, { token: admin, body: { version: before.version, free_beds: 1, total_beds: 6 } }), 409, 'conflict');

  const sup = await token(SUPERVISOR);
  const hours = `Mon-Sat 08:00-17:00 (${tag()})`;
  const edit = { ...editable(cap.json), working_hours: hours, expertise: 'ການສືບສວນຄະດີຄ້າມະນຸດ' };
  const put = await api('PUT', `/api/v1/directory/${laPolice}`, { token: sup, body: edit });
  assertStatus(put, 200);
  assert.equal(put.json.working_hours, hours);
  assert.equal(put.json.expertise, 'ການສືບສວນຄະດີຄ້າມະນຸດ');
  assert.equal(put.json.capacity.free_beds, 2, 'an edit leaves the capacity alone');
  assertError(await api('PUT', `/api/v1/directory/${laPolice}`, { token: admin, body: edit }), 409, 'conflict');
  assert.equal((await profile(admin, laPolice)).working_hours, hours, 'the stale write changed nothing');

  // The secretariat may edit any profile.
  const sec = await api('POST', `/api/v1/directory/${laPolice}/capacity`, { token: await token(SECRETARIAT), body: { version: put.json.version, free_beds: 3, total_beds: 6 } });
  assertStatus(sec, 200);
});

test('another organisation\'s admin and a case worker are refused and change nothing', async () => {
  const laPolice = await ownOrgId(ADMIN);
  const before = await profile(await token(READER), laPolice);
  for (const user of [OTHER_ADMIN, WORKER, READER]) {
    const tok = await token(user);
    assertError(await api('PUT', `/api/v1/directory/${laPolice}`, { token: tok, body: { ...editable(before), working_hours: 'never' } }), 403, 'permission_denied', null, user);
    assertError(await api('POST', `/api/v1/directory/${laPolice}/capacity`, { token: tok, body: { version: before.version, free_beds: 0, total_beds: 1 } }), 403, 'permission_denied', null, user);
  }
  assert.deepEqual(await profile(await token(READER), laPolice), before);
});

test('bad input is a 400 naming the field and changes nothing', async () => {
  const laPolice = await ownOrgId(ADMIN);
  const admin = await token(ADMIN);
  const before = await profile(admin, laPolice);
  const good = editable(before);
  const officer = { name: 'Vanna', title: 'Liaison', phone: '+856 21 000', email: 'v@example.org', languages: ['lo'] };
  const agreement = { type: 'mou', title: 'MOU', partner_organisation_id: await ownOrgId(OTHER_ADMIN), signed_date: '2024-01-01', expiry_date: null };
  const bad = [
    [{ ...good, version: '1' }, 'version'],
    [{ ...good, version: 1.5 }, 'version'],
    [(({ working_hours, ...rest }) => rest)(good), 'working_hours'],
    [{ ...good, colour: 'red' }, 'colour'],
    [{ ...good, services: 'legal_aid' }, 'services'],
    [{ ...good, services: ['legal_aid', 'Shelter'] }, 'services[1]'],
    [{ ...good, services: ['shelter', 'shelter'] }, 'services'],
    [{ ...good, accepts_sex: 'female' }, 'accepts_sex'],
    [{ ...good, accepts_age: 3 }, 'accepts_age'],
    [{ ...good, accepts_exploitation: ['forced_labour'] }, 'accepts_exploitation[0]'],
    [{ ...good, languages: ['lo', 'lao'] }, 'languages[1]'],
    [{ ...good, areas: [{ country: 'Laos' }] }, 'areas[0].country'],
    [{ ...good, areas: [{ country: 'LA', provinces: [7] }] }, 'areas[0].provinces'],
    [{ ...good, areas: [{ country: 'LA', district: 'x' }] }, 'areas[0].district'],
    [{ ...good, expertise: 42 }, 'expertise'],
    [{ ...good, expertise: 'ກ'.repeat(5001) }, 'expertise'],
    [{ ...good, working_hours: 'a\u0000b' }, 'working_hours'],
    [{ ...good, liaison_officers: [{ ...officer, email: 'v@' }] }, 'liaison_officers[0].email'],
    [{ ...good, liaison_officers: [{ ...officer, phone: 'ring me', email: '' }] }, 'liaison_officers[0].phone'],
    [{ ...good, liaison_officers: [{ ...officer, languages: ['xx'] }] }, 'liaison_officers[0].languages[0]'],
    [{ ...good, liaison_officers: [officer, { ...officer, name: undefined }] }, 'liaison_officers[1].name'],
    [{ ...good, liaison_officers: ['Vanna'] }, 'liaison_officers[0]'],
    [{ ...good, agreements: [{ ...agreement, type: 'treaty' }] }, 'agreements[0].type'],
    [{ ...good, agreements: [{ ...agreement, signed_date: '2024-02-30' }] }, 'agreements[0].signed_date'],
    [{ ...good, agreements: [{ ...agreement, expiry_date: '2023-01-01' }] }, 'agreements[0].expiry_date'],
    [{ ...good, agreements: [{ ...agreement, partner_organisation_id: laPolice }] }, 'agreements[0].partner_organisation_id'],
    [{ ...good, agreements: [{ ...agreement, partner_organisation_id: 999999 }] }, 'agreements[0].partner_organisation_id'],
    [{ ...good, agreements: [{ ...agreement, partner_organisation_id: '5' }] }, 'agreements[0].partner_organisation_id'],
  ];
  for (const [body, field] of bad) {
    const r = await api('PUT', `/api/v1/directory/${laPolice}`, { token: admin, body });
    assertError(r, 400, 'invalid_argument', field, JSON.stringify(body).slice(0, 160));
  }
  const capacity = [
    [{ version: before.version, free_beds: 7, total_beds: 6 }, 'free_beds'],
    [{ version: before.version, free_beds: -1, total_beds: 6 }, 'free_beds'],
    [{ version: before.version, free_beds: '2', total_beds: 6 }, 'free_beds'],
    [{ version: before.version, free_beds: 2.5, total_beds: 6 }, 'free_beds'],
    [{ version: before.version, free_beds: 2, total_beds: null }, 'total_beds'],
    [{ version: before.version, free_beds: 2, total_beds: 1e12 }, 'total_beds'],
    [{ version: before.version, free_beds: 2 }, 'total_beds'],
    [{ free_beds: 2, total_beds: 6 }, 'version'],
    [{ version: before.version, free_beds: 2, total_beds: 6, by: 'me' }, 'by'],
  ];
  for (const [body, field] of capacity) {
    const r = await api('POST', `/api/v1/directory/${laPolice}/capacity`, { token: admin, body });
    assertError(r, 400, 'invalid_argument', field, JSON.stringify(body));
  }
  // Broken UTF-8 inside a value; a body that is not JSON; the wrong content type.
  const raw = Buffer.concat([Buffer.from(`{"version":${before.version},"expertise":"ab`), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
  assertError(await api('PUT', `/api/v1/directory/${laPolice}`, { token: admin, body: raw }), 400, 'invalid_argument');
  assertError(await api('PUT', `/api/v1/directory/${laPolice}`, { token: admin, body: '{"version":' }), 400, 'invalid_argument');
  assertError(await api('POST', `/api/v1/directory/${laPolice}/capacity`, { token: admin, body: 'version=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 400, 'invalid_argument');
  // Oversized: over the 1 MiB body limit.
  const huge = await api('PUT', `/api/v1/directory/${laPolice}`, { token: admin, body: { ...good, expertise: 'x'.repeat(1100 * 1024) } });
  assert.equal(huge.status, 413, huge.text.slice(0, 200));
  assert.deepEqual(await profile(admin, laPolice), before, 'nothing changed');
});

test('bad search parameters are a 400 naming the parameter', async () => {
  const tok = await token(READER);
  const bad = [
    ['service=lawyers', 'service'],
    ['country=Cambodia', 'country'],
    ['country=kh', 'country'],
    ['sex=women', 'sex'],
    ['age=adults', 'age'],
    ['exploitation=forced_labour', 'exploitation'],
    ['language=khm', 'language'],
    ['q=' + 'x'.repeat(201), 'q'],
    ['q=a+b+c+d+e+f+g+h+i+j+k', 'q'],
    ['colour=red', 'colour'],
  ];
  for (const [query, field] of bad) {
    assertError(await api('GET', `/api/v1/directory?${query}`, { token: tok }), 400, 'invalid_argument', field, query);
  }
  // Broken UTF-8 in the query string is refused before any parameter is read.
  assertError(await api('GET', '/api/v1/directory?q=%C3%28', { token: tok }), 400, 'invalid_argument');
  assertStatus(await api('GET', '/api/v1/directory?service=&country=&q=', { token: tok }), 200);
});
