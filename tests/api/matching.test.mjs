// Possible existing records through the API: a name in Thai script found from
// its Latin spelling with the reasons, only among the cases the caller may
// see; a case's possible matches without itself; decisions on pairs (same,
// different, changed with the version read, decided once), and every bad
// input answered with its field and nothing changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus } from './helpers.mjs';

// This file's users: the Myanmar task force works the cases; its admin only
// reads them; the Singapore police are another organisation.
const WORKER = 'mm-police-caseworker';
const SUPERVISOR = 'mm-police-supervisor';
const ADMIN = 'mm-police-admin';
const OUTSIDER = 'sg-police-supervisor';

// A birth date no other test uses, so each test's pair ranks first.
function freshBirthDate() {
  const day = 1 + Math.floor(Math.random() * 28);
  const month = 1 + Math.floor(Math.random() * 12);
  const year = 1970 + Math.floor(Math.random() * 35);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function person(first, second, birth, extra = {}) {
  return { first_name: first, second_name: second, birth_date: birth, gender: 'Feminine', citizenship: ['TH'], languages: ['th'], ...extra };
}

const forPerson = (token, body) => api('POST', '/api/v1/matches/person', { token, body });
const ofCase = (token, id, q = '') => api('GET', `/api/v1/cases/${id}/matches${q}`, { token });
const links = (token, id) => api('GET', `/api/v1/cases/${id}/person-links`, { token });
const decide = (token, id, body) => api('POST', `/api/v1/cases/${id}/person-links`, { token, body });
const change = (token, id, link, body) => api('PATCH', `/api/v1/cases/${id}/person-links/${link}`, { token, body });

// A Thai-script case and its Latin twin, both the worker's.
async function pair(first = 'สุภาพร', second = 'ทองคำ', latin = ['Suphaphon', 'Thongkham']) {
  const { token } = await signIn(WORKER);
  const birth = freshBirthDate();
  const thai = await createCase(token, person(first, second, birth));
  const latinCase = await createCase(token, person(latin[0], latin[1], birth));
  return { token, birth, thai, latin: latinCase };
}

function itemFor(res, id) {
  return res.json.items.find((m) => m.case.id === id);
}

test('a Thai-script name is found from its Latin spelling, with reasons', async () => {
  const { token } = await signIn(WORKER);
  const birth = freshBirthDate();
  const thai = await createCase(token, person('กมล', 'ทองคำ', birth));
  const r = await forPerson(token, { person: person('Kamon', 'Thongkham', birth) });
  assertStatus(r, 200);
  assert.deepEqual(Object.keys(r.json), ['items']);
  const best = r.json.items[0];
  assert.ok(best, r.text);
  assert.equal(best.case.id, thai.id, 'the Thai-script record comes first');
  assert.deepEqual(Object.keys(best).sort(), ['case', 'decision', 'link', 'probability', 'reasons']);
  assert.deepEqual(Object.keys(best.case).sort(), ['id', 'owner', 'person', 'reference', 'status']);
  assert.equal(best.case.reference, thai.reference);
  assert.equal(best.case.person.first_name, 'กมล', 'names as written');
  assert.equal(best.case.owner.country, 'MM');
  assert.equal(best.link, null);
  assert.ok(best.probability > 0.5 && best.probability <= 1, `probability ${best.probability}`);
  assert.ok(['same', 'review', 'possible'].includes(best.decision));
  const reason = (field) => best.reasons.find((x) => x.field === field);
  assert.equal(reason('name')?.level, 'romanised_exact', JSON.stringify(best.reasons));
  assert.equal(reason('birth_date')?.level, 'exact');
  assert.equal(reason('sex')?.level, 'same');
  assert.equal(reason('citizenship')?.level, 'same');
  for (const x of best.reasons) {
    assert.deepEqual(Object.keys(x).sort(), ['field', 'level', 'weight']);
    assert.ok(x.weight > 0, `${x.field} counts for the match`);
  }
  // Nothing is stored for the person asked about.
  const again = await forPerson(token, { person: person('Kamon', 'Thongkham', birth) });
  assert.equal(again.json.items.filter((m) => m.case.person.first_name === 'Kamon').length, 0);
});

test('only cases the caller may see are returned', async () => {
  const { token: supervisor } = await signIn(SUPERVISOR);
  const { token: worker } = await signIn(WORKER);
  const { token: outsider } = await signIn(OUTSIDER);
  const birth = freshBirthDate();
  const supervisors = await createCase(supervisor, person('อรุณี', 'ทองคำ', birth));
  const outsiders = await createCase(outsider, person('อรุณี', 'ทองคำ', birth));
  const query = { person: person('Aruni', 'Thongkham', birth) };

  const seenByWorker = await forPerson(worker, query);
  assertStatus(seenByWorker, 200);
  assert.equal(itemFor(seenByWorker, supervisors.id), undefined, 'a case worker not on the team');
  assert.equal(itemFor(seenByWorker, outsiders.id), undefined, "another organisation's case");
  const seenBySupervisor = await forPerson(supervisor, query);
  assert.ok(itemFor(seenBySupervisor, supervisors.id), seenBySupervisor.text);
  assert.equal(itemFor(seenBySupervisor, outsiders.id), undefined);
  const seenByOutsider = await forPerson(outsider, query);
  assert.ok(itemFor(seenByOutsider, outsiders.id));
  assert.equal(itemFor(seenByOutsider, supervisors.id), undefined);

  assertError(await ofCase(outsider, supervisors.id), 404, 'not_found', null, "another organisation's case");
  assertError(await links(outsider, supervisors.id), 404, 'not_found');
  assertError(await ofCase(worker, supervisors.id), 404, 'not_found', null, 'not on the team');
  // An admin sees the organisation's cases but opens none.
  assertError(await forPerson((await signIn(ADMIN)).token, query), 403, 'permission_denied');
});

test("a case's possible matches leave the case itself out", async () => {
  const { token, thai, latin } = await pair();
  const r = await ofCase(token, thai.id);
  assertStatus(r, 200);
  assert.equal(itemFor(r, thai.id), undefined);
  const other = itemFor(r, latin.id);
  assert.ok(other, r.text);
  assert.equal(r.json.items[0].case.id, latin.id);
  assert.equal(other.link, null);
  assertError(await ofCase(token, thai.id, '?limit=5'), 400, 'invalid_argument', 'limit');
  assertError(await ofCase(token, 'abc'), 404, 'not_found');
  assertError(await ofCase(token, 99999999), 404, 'not_found');
});

test('decisions: same comes back linked, different is not proposed again, both cases list them', async () => {
  const { token, thai, latin, birth } = await pair('ศิริพร', 'ทองคำ', ['Siriphon', 'Thongkham']);
  const sister = await createCase(token, person('ศิริพร', 'ทองคำ', birth, { gender: 'Feminine', citizenship: ['TH'] }));

  const same = await decide(token, thai.id, { other_case_id: latin.id, decision: 'same', note: 'Same scar on the left hand' });
  assertStatus(same, 201);
  assert.equal(same.headers.get('location'), `/api/v1/cases/${thai.id}/person-links/${same.json.id}`);
  assert.deepEqual(Object.keys(same.json).sort(), ['created_at', 'decided_at', 'decided_by', 'decision', 'id', 'note', 'other_case', 'probability', 'version']);
  assert.equal(same.json.version, 1);
  assert.equal(same.json.decision, 'same');
  assert.equal(same.json.other_case.id, latin.id);
  assert.equal(same.json.note, 'Same scar on the left hand');
  assert.ok(same.json.probability > 0.5);
  assert.equal(same.json.decided_by.display_name.length > 0, true);

  const different = await decide(token, sister.id, { other_case_id: thai.id, decision: 'different' });
  assertStatus(different, 201);
  assert.equal(different.json.note, '');

  const fromThai = await ofCase(token, thai.id);
  assert.equal(itemFor(fromThai, sister.id), undefined, 'ruled different: not proposed again');
  assert.deepEqual(itemFor(fromThai, latin.id)?.link, { id: same.json.id, decision: 'same', version: 1 });
  const fromSister = await ofCase(token, sister.id);
  assert.equal(itemFor(fromSister, thai.id), undefined, 'from either side');

  const listed = await links(token, thai.id);
  assertStatus(listed, 200);
  assert.deepEqual(listed.json.items.map((l) => [l.other_case.id, l.decision]), [[latin.id, 'same'], [sister.id, 'different']]);
  const fromLatin = await links(token, latin.id);
  assert.deepEqual(fromLatin.json.items.map((l) => [l.id, l.other_case.id]), [[same.json.id, thai.id]]);

  // Decided once, either way round.
  assertError(await decide(token, latin.id, { other_case_id: thai.id, decision: 'different' }), 409, 'already_exists');

  // Changed with the version read; then the old version is stale.
  const changed = await change(token, thai.id, different.json.id, { version: 1, decision: 'same', note: 'Birth record found' });
  assertStatus(changed, 200);
  assert.equal(changed.json.version, 2);
  assert.equal(changed.json.decision, 'same');
  assert.ok(itemFor(await ofCase(token, thai.id), sister.id), 'ruled the same now: shown again');
  assertError(await change(token, sister.id, different.json.id, { version: 1, decision: 'different' }), 409, 'conflict', null, 'stale version');
  const after = await links(token, sister.id);
  assert.deepEqual(after.json.items.map((l) => [l.version, l.decision, l.note]), [[2, 'same', 'Birth record found']], 'nothing written');
});

test('who may decide: a reading role 403, another organisation 404, an invisible other case 400', async () => {
  const { token, thai, latin } = await pair('สุภาพร', 'กมล', ['Suphaphon', 'Kamon']);
  const { token: admin } = await signIn(ADMIN);
  const { token: outsider } = await signIn(OUTSIDER);
  const { token: supervisor } = await signIn(SUPERVISOR);
  const theirs = await createCase(outsider, person('สุภาพร', 'กมล', '1990-01-01'));
  const notOnTeam = await createCase(supervisor, person('สุภาพร', 'กมล', '1990-01-01'));

  assertError(await decide(admin, thai.id, { other_case_id: latin.id, decision: 'same' }), 403, 'permission_denied');
  assertError(await decide(outsider, thai.id, { other_case_id: theirs.id, decision: 'same' }), 404, 'not_found');
  assertError(await decide(token, thai.id, { other_case_id: theirs.id, decision: 'same' }), 400, 'invalid_argument', 'other_case_id', "other organisation's case");
  assertError(await decide(token, thai.id, { other_case_id: notOnTeam.id, decision: 'same' }), 400, 'invalid_argument', 'other_case_id', 'not on the team');
  assertError(await decide(token, thai.id, { other_case_id: 99999999, decision: 'same' }), 400, 'invalid_argument', 'other_case_id', 'no such case');
  assertError(await decide(token, thai.id, { other_case_id: thai.id, decision: 'same' }), 400, 'invalid_argument', 'other_case_id', 'itself');

  const made = await decide(token, thai.id, { other_case_id: latin.id, decision: 'same' });
  assertStatus(made, 201);
  assertError(await change(admin, thai.id, made.json.id, { version: 1, decision: 'different' }), 403, 'permission_denied');
  assertError(await change(outsider, thai.id, made.json.id, { version: 1, decision: 'different' }), 404, 'not_found');
  assertError(await change(token, theirs.id, made.json.id, { version: 1, decision: 'different' }), 404, 'not_found');
  assertError(await change(token, notOnTeam.id, made.json.id, { version: 1, decision: 'different' }), 404, 'not_found');
  assertError(await change(token, thai.id, made.json.id + 100000, { version: 1, decision: 'different' }), 404, 'not_found', null, 'unknown link');
  assertError(await change(token, thai.id, 'x', { version: 1, decision: 'different' }), 404, 'not_found');
  const still = await links(token, thai.id);
  assert.deepEqual(still.json.items.map((l) => [l.version, l.decision]), [[1, 'same']]);
});

test('bad input to the person query: each refused with its field', async () => {
  const { token } = await signIn(WORKER);
  const good = person('Kamon', 'Thongkham', '1990-01-01');
  const cases = [
    [{}, 'person', 'missing person'],
    [{ person: good, limit: 3 }, 'limit', 'unknown key'],
    [{ person: 'Kamon' }, 'person', 'person not an object'],
    [{ person: null }, 'person', 'person null'],
    [{ person: { ...good, nickname: 'K' } }, 'person.nickname', 'unknown person key'],
    [{ person: { ...good, first_name: 7 } }, 'person.first_name', 'name not a string'],
    [{ person: { ...good, approximate_age: '30' } }, 'person.approximate_age', 'age not a number'],
    [{ person: { ...good, approximate_age: 300 } }, 'person.approximate_age', 'age out of range'],
    [{ person: { ...good, citizenship: 'TH' } }, 'person.citizenship', 'citizenship not a list'],
    [{ person: { ...good, gender: 'Female' } }, 'person.gender', 'unknown gender'],
    [{ person: { ...good, birth_date: '1990-02-30' } }, 'person.birth_date', 'impossible date'],
    [{ person: { ...good, first_name: '', second_name: ' ' } }, 'person.first_name', 'no name'],
  ];
  for (const [body, field, what] of cases) {
    const r = await forPerson(token, body);
    assertError(r, 400, 'invalid_argument', field, what);
  }
  assertError(await forPerson(token, [good]), 400, 'invalid_argument', null, 'an array body');
  const broken = Buffer.concat([Buffer.from('{"person":{"first_name":"Ka'), Buffer.from([0xc3, 0x28]), Buffer.from('mon"}}')]);
  assertError(await forPerson(token, broken), 400, 'invalid_argument', null, 'broken UTF-8');
  assertError(await api('POST', '/api/v1/matches/person', { token, body: JSON.stringify({ person: good }), headers: { 'Content-Type': 'text/plain' } }), 400, 'invalid_argument', null, 'not JSON');
  assertError(await api('POST', '/api/v1/matches/person', { body: { person: good } }), 401, 'unauthenticated');
});

test('bad input to decisions: each refused with its field, nothing written', async () => {
  const { token, thai, latin } = await pair('ขวัญ', 'ทองคำ', ['Khwan', 'Thongkham']);
  const post = [
    [{ decision: 'same' }, 'other_case_id', 'missing other case'],
    [{ other_case_id: String(latin.id), decision: 'same' }, 'other_case_id', 'other case not a number'],
    [{ other_case_id: 0, decision: 'same' }, 'other_case_id', 'other case 0'],
    [{ other_case_id: latin.id }, 'decision', 'missing decision'],
    [{ other_case_id: latin.id, decision: 'maybe' }, 'decision', 'unknown decision'],
    [{ other_case_id: latin.id, decision: true }, 'decision', 'decision not a string'],
    [{ other_case_id: latin.id, decision: 'same', note: 5 }, 'note', 'note not a string'],
    [{ other_case_id: latin.id, decision: 'same', note: 'x'.repeat(2001) }, 'note', 'note over 2000 bytes'],
    [{ other_case_id: latin.id, decision: 'same', note: 'ก'.repeat(667) }, 'note', 'note over 2000 bytes in Thai'],
    [{ other_case_id: latin.id, decision: 'same', confidence: 1 }, 'confidence', 'unknown key'],
  ];
  for (const [body, field, what] of post) assertError(await decide(token, thai.id, body), 400, 'invalid_argument', field, what);
  const broken = Buffer.concat([Buffer.from(`{"other_case_id":${latin.id},"decision":"same","note":"`), Buffer.from([0xff]), Buffer.from('"}')]);
  assertError(await decide(token, thai.id, broken), 400, 'invalid_argument', null, 'broken UTF-8');
  assert.deepEqual((await links(token, thai.id)).json.items, [], 'nothing written');

  const made = await decide(token, thai.id, { other_case_id: latin.id, decision: 'same', note: 'x'.repeat(2000) });
  assertStatus(made, 201, 'a note of exactly 2000 bytes');
  const id = made.json.id;
  const patch = [
    [{ decision: 'different' }, 'version', 'missing version'],
    [{ version: '1', decision: 'different' }, 'version', 'version not a number'],
    [{ version: 1 }, 'decision', 'missing decision'],
    [{ version: 1, decision: 'unsure' }, 'decision', 'unknown decision'],
    [{ version: 1, decision: 'different', note: 'x'.repeat(2001) }, 'note', 'note over 2000 bytes'],
    [{ version: 1, decision: 'different', other_case_id: latin.id }, 'other_case_id', 'unknown key'],
  ];
  for (const [body, field, what] of patch) assertError(await change(token, thai.id, id, body), 400, 'invalid_argument', field, what);
  assertError(await change(token, thai.id, id, { version: 7, decision: 'different' }), 409, 'conflict', null, 'stale version');
  const after = await links(token, thai.id);
  assert.deepEqual(after.json.items.map((l) => [l.version, l.decision, l.note.length]), [[1, 'same', 2000]], 'nothing changed');
  assertError(await api('GET', `/api/v1/cases/${thai.id}/person-links?x=1`, { token }), 400, 'invalid_argument', 'x');
});
