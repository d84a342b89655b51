// Family tracing requests through the API: a case found from a name in
// Latin letters only while its consent covers family tracing by the
// officer's organisation; only the officer sees candidates and decides;
// handing over, closing and what a closed request refuses; stale versions;
// and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus, tag } from './helpers.mjs';

// This file's users: a Singapore shelter holds the cases; the Cambodian
// anti-trafficking police file the tracing requests (its case worker is the
// officer, its supervisor oversees, its admin is a colleague who sees nothing).
const HOLDER = 'sg-shelter-caseworker';
const OFFICER = 'kh-police-caseworker';
const SUPERVISOR = 'kh-police-supervisor';
const COLLEAGUE = 'kh-police-admin';

// A birth date no other test's person has, so the engine ranks our case first.
function randomBirthDate() {
  const y = 1970 + Math.floor(Math.random() * 30);
  const m = 1 + Math.floor(Math.random() * 12);
  const d = 1 + Math.floor(Math.random() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// A made-up family name of Latin letters, different in each test.
function familyName() {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'so', 'tha', 'vu', 'ny', 'pe', 'ro'];
  const hex = tag();
  return 'Ke' + [...hex.slice(0, 4)].map((c) => syllables[parseInt(c, 16) % syllables.length]).join('');
}

async function caseWithConsent({ person, consent }) {
  const { token } = await signIn(HOLDER);
  const c = await createCase(token, { gender: 'Feminine', citizenship: ['KH'], languages: ['km'], ...person });
  for (const body of consent) {
    assertStatus(await api('POST', `/api/v1/cases/${c.id}/consents`, { token, body: {
      purpose: 'family_tracing', explained_in_language: 'km', ...body } }), 201, 'consent');
  }
  return { token, c };
}

function requestBody(sought, extra = {}) {
  return {
    searcher: { name: 'Chan Sophea', relationship: 'mother', contact: '+855 12 345 678' },
    sought: { person: { gender: 'Feminine', citizenship: ['KH'], ...sought }, last_known_place: 'Poipet', remembers: 'Went to work abroad.' },
    ...extra,
  };
}

async function file(token, body) {
  const r = await api('POST', '/api/v1/tracing-requests', { token, body });
  assertStatus(r, 201, 'file a request');
  return r.json;
}

const candidates = (token, id) => api('GET', `/api/v1/tracing-requests/${id}/candidates`, { token });
const caseIds = (r) => r.json.items.map((x) => x.case.id);

test('a Khmer-script case is found from Latin letters, only by the officer, while consent covers it', async () => {
  const birth = randomBirthDate();
  const { token: holder, c } = await caseWithConsent({
    person: { first_name: 'សុខា', second_name: 'ចាន់', birth_date: birth },
    consent: [{ decision: 'given', scope: { kind: 'country', country: 'KH' }, interpreter_used: true }],
  });
  const officer = await signIn(OFFICER);
  const req = await file(officer.token, requestBody({ first_name: 'Sokha', second_name: 'Chan', birth_date: birth }));
  assert.equal(req.status, 'open');
  assert.equal(req.version, 1);
  assert.equal(req.officer.id, officer.user.id);
  assert.equal(req.organisation.country, 'KH');
  assert.equal(req.may_see_candidates, true);
  assert.equal(req.searcher.relationship, 'mother');
  assert.equal(req.sought.person.first_name, 'Sokha');

  const found = await candidates(officer.token, req.id);
  assertStatus(found, 200, 'candidates');
  const mine = found.json.items.find((x) => x.case.id === c.id);
  assert.ok(mine, `the case among ${JSON.stringify(caseIds(found))}`);
  assert.deepEqual(Object.keys(mine).sort(), ['case', 'decision', 'officer_decision', 'probability', 'reasons']);
  assert.deepEqual(Object.keys(mine.case).sort(), ['id', 'owner', 'person', 'reference']);
  assert.deepEqual(Object.keys(mine.case.person).sort(),
    ['approximate_age', 'birth_date', 'citizenship', 'first_name', 'gender', 'middle_name', 'second_name'],
    'names, gender, birth date or age, citizenship: nothing else of the case');
  assert.equal(mine.case.reference, c.reference);
  assert.equal(mine.case.owner.country, 'SG');
  assert.equal(mine.case.person.first_name, 'សុខា');
  assert.ok(['same', 'review', 'possible'].includes(mine.decision));
  assert.ok(mine.probability > 0 && mine.probability <= 1);
  const name = mine.reasons.find((r) => r.field === 'name');
  assert.ok(name && typeof name.level === 'string' && typeof name.weight === 'number', JSON.stringify(mine.reasons));
  assert.equal(mine.officer_decision, null);

  // The supervisor sees the request, not its candidates; anyone else nothing.
  const supervisor = await signIn(SUPERVISOR);
  const seen = await api('GET', `/api/v1/tracing-requests/${req.id}`, { token: supervisor.token });
  assertStatus(seen, 200);
  assert.equal(seen.json.may_see_candidates, false);
  assert.equal(seen.json.may_reassign, true);
  assertError(await candidates(supervisor.token, req.id), 403, 'permission_denied');
  for (const who of [COLLEAGUE, HOLDER]) {
    const { token } = await signIn(who);
    assertError(await api('GET', `/api/v1/tracing-requests/${req.id}`, { token }), 404, 'not_found', null, who);
    assertError(await candidates(token, req.id), 404, 'not_found', null, who);
    const list = await api('GET', '/api/v1/tracing-requests', { token });
    assertStatus(list, 200);
    assert.ok(!list.json.items.some((x) => x.id === req.id), `${who} lists it`);
  }

  // Withdrawn: gone at once.
  assertStatus(await api('POST', `/api/v1/cases/${c.id}/consents`, { token: holder, body: {
    purpose: 'family_tracing', decision: 'withdrawn', scope: { kind: 'country', country: 'KH' } } }), 201);
  assert.ok(!caseIds(await candidates(officer.token, req.id)).includes(c.id), 'withdrawn consent');
});

test('refused consent, or consent to another organisation or country: not a candidate', async () => {
  const family = familyName();
  const birth = randomBirthDate();
  const { token: holder } = await signIn(HOLDER);
  const orgs = (await api('GET', '/api/v1/organisations', { token: holder })).json.items;
  const other = orgs.find((o) => o.country === 'KH' && o.type === 'NGO');
  assert.ok(other, 'a Cambodian NGO');
  const scopes = [
    [{ decision: 'refused', scope: { kind: 'anyone' } }],
    [{ decision: 'given', scope: { kind: 'organisation', organisation_id: other.id } }],
    [{ decision: 'given', scope: { kind: 'country', country: 'TH' } }],
  ];
  const ids = [];
  for (const consent of scopes) {
    const { c } = await caseWithConsent({ person: { first_name: 'Dara', second_name: family, birth_date: birth }, consent });
    ids.push(c.id);
  }
  const { c: covered } = await caseWithConsent({
    person: { first_name: 'Dara', second_name: family, birth_date: birth },
    consent: [{ decision: 'given', scope: { kind: 'anyone' } }],
  });
  const officer = await signIn(OFFICER);
  const req = await file(officer.token, requestBody({ first_name: 'Dara', second_name: family, birth_date: birth }));
  const found = caseIds(await candidates(officer.token, req.id));
  assert.ok(found.includes(covered.id), 'consent given to anyone');
  for (const id of ids) assert.ok(!found.includes(id), `case ${id} is not covered`);
});

test('decisions on candidates: once per case, changed with the version read', async () => {
  const family = familyName();
  const birth = randomBirthDate();
  const { c } = await caseWithConsent({
    person: { first_name: 'Vanna', second_name: family, birth_date: birth },
    consent: [{ decision: 'given', scope: { kind: 'anyone' } }],
  });
  const { c: unconsenting } = await caseWithConsent({ person: { first_name: 'Vanna', second_name: family, birth_date: birth }, consent: [] });
  const officer = await signIn(OFFICER);
  const req = await file(officer.token, requestBody({ first_name: 'Vanna', second_name: family, birth_date: birth }));
  const decide = (token, body) => api('POST', `/api/v1/tracing-requests/${req.id}/decisions`, { token, body });
  assertError(await decide(officer.token, { case_id: unconsenting.id, decision: 'possible' }), 400, 'invalid_argument', 'case_id');
  assertError(await decide((await signIn(SUPERVISOR)).token, { case_id: c.id, decision: 'possible' }), 403, 'permission_denied');
  const d = await decide(officer.token, { case_id: c.id, decision: 'possible', note: 'Same village; ask the shelter.' });
  assertStatus(d, 201);
  assert.equal(d.headers.get('location'), `/api/v1/tracing-requests/${req.id}/decisions/${d.json.id}`);
  assert.equal(d.json.decision, 'possible');
  assert.equal(d.json.decided_by.id, officer.user.id);
  assertError(await decide(officer.token, { case_id: c.id, decision: 'confirmed' }), 409, 'already_exists');
  const mine = (await candidates(officer.token, req.id)).json.items.find((x) => x.case.id === c.id);
  assert.equal(mine.officer_decision.id, d.json.id);
  assert.equal(mine.officer_decision.note, 'Same village; ask the shelter.');

  const change = (version, decision) => api('PATCH', `/api/v1/tracing-requests/${req.id}/decisions/${d.json.id}`,
    { token: officer.token, body: { version, decision } });
  const confirmed = await change(1, 'confirmed');
  assertStatus(confirmed, 200);
  assert.equal(confirmed.json.version, 2);
  assertError(await change(1, 'ruled_out'), 409, 'conflict', null, 'stale version');
  const after = (await candidates(officer.token, req.id)).json.items.find((x) => x.case.id === c.id);
  assert.equal(after.officer_decision.decision, 'confirmed', 'the stale change wrote nothing');
  assertError(await api('PATCH', `/api/v1/tracing-requests/${req.id}/decisions/99999999`,
    { token: officer.token, body: { version: 1, decision: 'possible' } }), 404, 'not_found');
});

test('hand over, close with an outcome; a closed request does not change', async () => {
  const officer = await signIn(OFFICER);
  const supervisor = await signIn(SUPERVISOR);
  const req = await file(officer.token, requestBody({ first_name: 'Bora', second_name: familyName(), approximate_age: 30 }));
  const patch = (token, body) => api('PATCH', `/api/v1/tracing-requests/${req.id}`, { token, body });
  assertError(await patch(officer.token, { version: 1, officer_id: supervisor.user.id }), 403, 'permission_denied',
    null, 'the officer does not hand over');
  const moved = await patch(supervisor.token, { version: 1, officer_id: supervisor.user.id });
  assertStatus(moved, 200);
  assert.equal(moved.json.officer.id, supervisor.user.id);
  assert.equal(moved.json.version, 2);
  assertError(await api('GET', `/api/v1/tracing-requests/${req.id}`, { token: officer.token }), 404, 'not_found',
    null, 'the former officer');
  assertError(await patch(supervisor.token, { version: 1, officer_id: officer.user.id }), 409, 'conflict');
  assertError(await patch(supervisor.token, { version: 2, status: 'closed', outcome: '  ' }), 400, 'invalid_argument', 'outcome');
  const closed = await patch(supervisor.token, { version: 2, status: 'closed', outcome: 'Found in a shelter in Singapore; family told.' });
  assertStatus(closed, 200);
  assert.equal(closed.json.status, 'closed');
  assert.equal(closed.json.outcome, 'Found in a shelter in Singapore; family told.');
  assert.ok(closed.json.closed_at);
  assert.equal(closed.json.may_reassign, false);
  assertError(await patch(supervisor.token, { version: 3, officer_id: officer.user.id }), 422, 'failed_precondition');
  assertError(await patch(supervisor.token, { version: 3, status: 'closed', outcome: 'again' }), 422, 'failed_precondition');
  assertError(await patch(supervisor.token, { version: 3, status: 'open' }), 422, 'failed_precondition', null, 'never reopened');
  assertError(await api('POST', `/api/v1/tracing-requests/${req.id}/decisions`, { token: supervisor.token,
    body: { case_id: 1, decision: 'possible' } }), 422, 'failed_precondition');
  const read = await api('GET', `/api/v1/tracing-requests/${req.id}`, { token: supervisor.token });
  assert.equal(read.json.version, 3, 'nothing written after closing');
  const closedList = await api('GET', '/api/v1/tracing-requests?status=closed', { token: supervisor.token });
  assert.ok(closedList.json.items.some((x) => x.id === req.id));
  const openList = await api('GET', '/api/v1/tracing-requests?status=open', { token: supervisor.token });
  assert.ok(!openList.json.items.some((x) => x.id === req.id));
});

test('bad input gets a clear error and files nothing', async () => {
  const officer = await signIn(OFFICER);
  const supervisor = await signIn(SUPERVISOR);
  const token = officer.token;
  const family = familyName();
  const good = requestBody({ first_name: 'Sophal', second_name: family });
  const bad = [
    [{ ...good, colour: 'red' }, 'colour'],
    [{ ...good, searcher: { ...good.searcher, age: 40 } }, 'searcher.age'],
    [{ ...good, sought: { ...good.sought, hair: 'black' } }, 'sought.hair'],
    [{ ...good, sought: { ...good.sought, person: { ...good.sought.person, nickname: 'x' } } }, 'sought.person.nickname'],
    [{ ...good, searcher: 'Chan Sophea' }, 'searcher'],
    [{ ...good, searcher: { ...good.searcher, name: 42 } }, 'searcher.name'],
    [{ ...good, searcher: { ...good.searcher, name: '' } }, 'searcher.name'],
    [{ ...good, searcher: { ...good.searcher, name: 'x'.repeat(201) } }, 'searcher.name'],
    [{ ...good, searcher: { ...good.searcher, name: 'a\u0000b' } }, 'searcher.name'],
    [{ ...good, searcher: { name: 'A', relationship: 'mother' } }, 'searcher.contact'],
    [{ ...good, sought: { ...good.sought, remembers: 'x'.repeat(4001) } }, 'sought.remembers'],
    [{ ...good, sought: { ...good.sought, last_known_place: ['Poipet'] } }, 'sought.last_known_place'],
    [{ ...good, sought: { ...good.sought, person: { ...good.sought.person, gender: 'Female' } } }, 'sought.person.gender'],
    [{ ...good, sought: { ...good.sought, person: { ...good.sought.person, birth_date: '2001-02-30' } } }, 'sought.person.birth_date'],
    [{ ...good, sought: { ...good.sought, person: { ...good.sought.person, approximate_age: '30' } } }, 'sought.person.approximate_age'],
    [{ ...good, sought: { ...good.sought, person: { gender: 'Feminine' } } }, 'sought.person.first_name'],
    [{ ...good, sought: { last_known_place: 'Poipet' } }, 'sought.person'],
    [{ searcher: good.searcher }, 'sought'],
    [{ ...good, officer_id: 'me' }, 'officer_id'],
    [{ ...good, officer_id: 0 }, 'officer_id'],
  ];
  for (const [body, field] of bad) {
    const r = await api('POST', '/api/v1/tracing-requests', { token, body });
    assertError(r, 400, 'invalid_argument', field, JSON.stringify(body).slice(0, 120));
  }
  // Broken UTF-8 and a body that is not JSON.
  const broken = Buffer.concat([Buffer.from('{"searcher":{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]);
  assertError(await api('POST', '/api/v1/tracing-requests', { token, body: broken }), 400, 'invalid_argument');
  assertError(await api('POST', '/api/v1/tracing-requests', { token, body: '[1,2]' }), 400, 'invalid_argument');
  // Who may name the officer, and whom.
  assertError(await api('POST', '/api/v1/tracing-requests', { token, body: { ...good, officer_id: supervisor.user.id } }),
    403, 'permission_denied', null, 'a case worker names another officer');
  const holder = await signIn(HOLDER);
  assertError(await api('POST', '/api/v1/tracing-requests', { token: supervisor.token, body: { ...good, officer_id: holder.user.id } }),
    400, 'invalid_argument', 'officer_id', 'an officer of another organisation');
  assertError(await api('POST', '/api/v1/tracing-requests', { token: (await signIn(COLLEAGUE)).token, body: good }),
    403, 'permission_denied', null, 'an organisation admin files');
  const list = await api('GET', '/api/v1/tracing-requests', { token: supervisor.token });
  assert.ok(!list.json.items.some((x) => x.sought.person.second_name === family), 'nothing was filed');

  // The other routes.
  const req = await file(token, good);
  const patch = (body) => api('PATCH', `/api/v1/tracing-requests/${req.id}`, { token: supervisor.token, body });
  assertError(await patch({ version: 1, status: 'done', outcome: 'x' }), 400, 'invalid_argument', 'status');
  assertError(await patch({ version: '1', officer_id: officer.user.id }), 400, 'invalid_argument', 'version');
  assertError(await patch({ version: 1 }), 400, 'invalid_argument', 'officer_id', 'nothing to change');
  assertError(await patch({ version: 1, outcome: 'Found.' }), 400, 'invalid_argument', 'outcome', 'an outcome without closing');
  assertError(await patch({ version: 1, officer_id: officer.user.id, colour: 'red' }), 400, 'invalid_argument', 'colour');
  assertError(await patch({ version: 1, status: 'closed', outcome: 'x'.repeat(4001) }), 400, 'invalid_argument', 'outcome');
  const decide = (body) => api('POST', `/api/v1/tracing-requests/${req.id}/decisions`, { token, body });
  assertError(await decide({ case_id: 1, decision: 'maybe' }), 400, 'invalid_argument', 'decision');
  assertError(await decide({ case_id: '1', decision: 'possible' }), 400, 'invalid_argument', 'case_id');
  assertError(await decide({ case_id: 1, decision: 'possible', note: 'x'.repeat(2001) }), 400, 'invalid_argument', 'note');
  assertError(await decide({ case_id: 1, decision: 'possible', verdict: 'yes' }), 400, 'invalid_argument', 'verdict');
  assertError(await api('GET', '/api/v1/tracing-requests?status=pending', { token }), 400, 'invalid_argument', 'status');
  assertError(await api('GET', '/api/v1/tracing-requests?sort=name', { token }), 400, 'invalid_argument', 'sort');
  assertError(await api('GET', '/api/v1/tracing-requests/abc', { token }), 404, 'not_found');
  assertError(await api('GET', '/api/v1/tracing-requests/99999999', { token }), 404, 'not_found');
  const read = await api('GET', `/api/v1/tracing-requests/${req.id}`, { token });
  assert.equal(read.json.version, 1, 'no bad change was written');
});
