// Consent, screening and identification through the API: the rules, who may
// do what, and bad input (each a clear 4xx that changes nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus } from './helpers.mjs';

// This file's users: the Lao shelter works the case; the Viet Nam shelter is
// another organisation.
const WORKER = 'la-shelter-caseworker';
const ADMIN = 'la-shelter-admin';
const OUTSIDER = 'vn-shelter-caseworker';

async function setup() {
  const { token } = await signIn(WORKER);
  const c = await createCase(token, { first_name: 'ບຸນມີ', gender: 'Feminine', birth_date: '1996-04-02', citizenship: ['LA'] });
  const orgs = await api('GET', '/api/v1/organisations', { token });
  assertStatus(orgs, 200);
  const target = orgs.json.items.find((o) => o.country === 'TH' && o.type === 'LegalService');
  assert.ok(target, 'a Thai legal service in the demo directory');
  return { token, caseId: c.id, orgId: target.id };
}

const base = (caseId) => `/api/v1/cases/${caseId}`;

test('consent: given covers its recipient, withdrawal stops it at once', async () => {
  const { token, caseId, orgId } = await setup();
  const given = await api('POST', `${base(caseId)}/consents`, { token, body: {
    purpose: 'referral', decision: 'given', scope: { kind: 'organisation', organisation_id: orgId },
    explained_in_language: 'lo', interpreter_used: true, rights_notice_version: '2026-1' } });
  assertStatus(given, 201);
  assert.equal(given.json.scope.organisation_id, orgId);
  const check = (purpose, org) => api('GET', `${base(caseId)}/consents/check?purpose=${purpose}&organisation_id=${org}`, { token });
  assert.equal((await check('referral', orgId)).json.covered, true);
  assert.equal((await check('family_tracing', orgId)).json.covered, false, 'other purpose');
  const withdrawn = await api('POST', `${base(caseId)}/consents`, { token, body: {
    purpose: 'referral', decision: 'withdrawn', scope: { kind: 'organisation', organisation_id: orgId } } });
  assertStatus(withdrawn, 201);
  const after = await check('referral', orgId);
  assert.equal(after.json.covered, false);
  assert.equal(after.json.deciding_consent_id, withdrawn.json.id);
  const list = await api('GET', `${base(caseId)}/consents`, { token });
  assert.deepEqual(list.json.items.map((c) => c.decision), ['withdrawn', 'given']);
});

test('screening: evaluated with its explanation; identification recorded separately', async () => {
  const { token, caseId } = await setup();
  const observations = ['dr-job-nature', 'dr-work-conditions', 'ex-excessive-hours', 'ex-living-conditions',
    'cd-documents', 'cd-debt-bondage'].map((indicator_id) => ({ indicator_id, note: '' }));
  const set = await api('GET', '/api/v1/indicator-sets/ilo-ec-adults-labour', { token });
  assertStatus(set, 200);
  const known = new Set(set.json.indicators.map((i) => i.id));
  for (const o of observations) assert.ok(known.has(o.indicator_id), o.indicator_id);
  const usable = observations;
  const s = await api('POST', `${base(caseId)}/screenings`, { token, body: { set_id: 'ilo-ec-adults-labour', person_group: 'adult', observations: usable } });
  assertStatus(s, 201);
  assert.ok(['indicates', 'does-not-indicate'].includes(s.json.evaluation.outcome));
  assert.ok(s.json.evaluation.summary.length > 0);
  assert.equal(s.json.evaluation.dimensions.length, set.json.dimensions.length);
  const id = await api('POST', `${base(caseId)}/identifications`, { token, body: {
    status: 'ActualVictimOfTrafficking', decided_by_org_type: 'NGO', decided_on: '2026-11-01',
    reasons: 'Multi-disciplinary team agreed', screening_id: s.json.id, team_meeting: true } });
  assertStatus(id, 201);
  const history = await api('GET', `${base(caseId)}/identifications`, { token });
  assert.equal(history.json.items[0].id, id.json.id);
  assert.equal(history.json.items[0].screening_id, s.json.id);
});

test('casework follows case access: other organisations see nothing, readers change nothing', async () => {
  const { caseId } = await setup();
  const outsider = (await signIn(OUTSIDER)).token;
  for (const path of ['consents', 'screenings', 'identifications']) {
    assertError(await api('GET', `${base(caseId)}/${path}`, { token: outsider }), 404, 'not_found', null, path);
  }
  assertError(await api('GET', `${base(caseId)}/consents/check?purpose=referral&organisation_id=1`, { token: outsider }), 404, 'not_found');
  const admin = (await signIn(ADMIN)).token;
  assertStatus(await api('GET', `${base(caseId)}/consents`, { token: admin }), 200);
  assertError(await api('POST', `${base(caseId)}/consents`, { token: admin, body: {
    purpose: 'statistics', decision: 'given', scope: { kind: 'anyone' } } }), 403, 'permission_denied');
});

test('bad casework input gets a clear 4xx and changes nothing', async () => {
  const { token, caseId } = await setup();
  const cases = [
    ['consents', { purpose: 'marketing', decision: 'given', scope: { kind: 'anyone' } }, 'purpose'],
    ['consents', { purpose: 'referral', decision: 'maybe', scope: { kind: 'anyone' } }, 'decision'],
    ['consents', { purpose: 'referral', decision: 'given', scope: { kind: 'planet' } }, 'scope.kind'],
    ['consents', { purpose: 'referral', decision: 'given', scope: { kind: 'country', country: 'XX' } }, 'scope.country'],
    ['consents', { purpose: 'referral', decision: 'given', scope: { kind: 'organisation', organisation_id: 999999 } }, 'scope.organisation_id'],
    ['consents', { purpose: 'referral', decision: 'given', scope: { kind: 'anyone' }, expires_on: '2020-01-01' }, 'expires_on'],
    ['consents', { purpose: 'referral', decision: 'given', scope: { kind: 'anyone' }, expires_on: '2027-02-30' }, 'expires_on'],
    ['consents', { purpose: 'referral', decision: 'given', scope: { kind: 'anyone' }, interpreter_used: 'yes' }, 'interpreter_used'],
    ['consents', { purpose: 'referral', decision: 'given', scope: { kind: 'anyone' }, extra: 1 }, 'extra'],
    ['consents', { purpose: 'referral', decision: 'withdrawn', scope: { kind: 'anyone' }, expires_on: '2099-01-01' }, 'expires_on'],
    ['consents', { purpose: 'referral', decision: 'given', scope: { kind: 'anyone', country: 'KH' } }, 'scope.country'],
    ['consents', { purpose: 'referral', decision: 'given', scope: { kind: 'country', country: 'KH', organisation_id: 'x' } }, 'scope.organisation_id'],
    ['screenings', { set_id: 'nope', person_group: 'adult', observations: [{ indicator_id: 'x' }] }, 'set_id'],
    ['screenings', { set_id: 'ilo-forced-labour-11', person_group: 'elder', observations: [] }, 'person_group'],
    ['screenings', { set_id: 'ilo-forced-labour-11', person_group: 'adult', observations: [] }, 'observations'],
    ['screenings', { set_id: 'ilo-forced-labour-11', person_group: 'adult', observations: [{ indicator_id: 'made-up' }] }, 'observations[0].indicator_id'],
    ['screenings', { set_id: 'ilo-forced-labour-11', person_group: 'adult', observations: 'deception' }, 'observations'],
    ['identifications', { status: 'Victim', decided_by_org_type: 'NGO', decided_on: '2026-01-01', reasons: 'x' }, 'status'],
    ['identifications', { status: 'PossibleVictimOfTrafficking', decided_by_org_type: 'Army', decided_on: '2026-01-01', reasons: 'x' }, 'decided_by_org_type'],
    ['identifications', { status: 'PossibleVictimOfTrafficking', decided_by_org_type: 'NGO', decided_on: '2026-02-30', reasons: 'x' }, 'decided_on'],
    ['identifications', { status: 'PossibleVictimOfTrafficking', decided_by_org_type: 'NGO', decided_on: '2999-01-01', reasons: 'x' }, 'decided_on'],
    ['identifications', { status: 'PossibleVictimOfTrafficking', decided_by_org_type: 'NGO', decided_on: '2026-01-01', reasons: '   ' }, 'reasons'],
    ['identifications', { status: 'PossibleVictimOfTrafficking', decided_by_org_type: 'NGO', decided_on: '2026-01-01', reasons: 'x', screening_id: 999999 }, 'screening_id'],
  ];
  for (const [path, body, field] of cases) {
    const r = await api('POST', `${base(caseId)}/${path}`, { token, body });
    assertError(r, 400, 'invalid_argument', field, `${path} ${JSON.stringify(body)}`);
  }
  for (const path of ['consents', 'screenings', 'identifications']) {
    const r = await api('GET', `${base(caseId)}/${path}`, { token });
    assert.deepEqual(r.json.items, [], `${path}: nothing was written`);
  }
  assertError(await api('GET', `${base(caseId)}/consents/check?purpose=referral`, { token }), 400, 'invalid_argument', 'organisation_id');
  assertError(await api('GET', `${base(caseId)}/consents/check?purpose=x&organisation_id=1`, { token }), 400, 'invalid_argument', 'purpose');
  assertError(await api('GET', '/api/v1/indicator-sets/nope', { token }), 404, 'not_found');
});

test('rights notice: seven languages, shown from the case, receipt recorded', async () => {
  const { token, caseId } = await setup();
  const list = await api('GET', '/api/v1/rights-notices', { token });
  assertStatus(list, 200);
  const latest = list.json.latest;
  assert.ok(latest, 'a current version');
  const entry = list.json.items.find((i) => i.version === latest);
  assert.deepEqual(Object.keys(entry.titles).sort(), ['en', 'km', 'lo', 'my', 'th', 'vi', 'zh']);
  const km = await api('GET', `/api/v1/rights-notices/${latest}/km`, { token });
  assertStatus(km, 200);
  assert.match(km.json.body, /[\u1780-\u17FF]/, 'Khmer text');
  assertError(await api('GET', `/api/v1/rights-notices/${latest}/fr`, { token }), 404, 'not_found');
  assertError(await api('POST', `${base(caseId)}/rights-notices`, { token, body: { version: 'nope', language: 'km' } }), 400, 'invalid_argument', 'version');
  assertError(await api('POST', `${base(caseId)}/rights-notices`, { token, body: { version: latest, language: 'fr' } }), 400, 'invalid_argument', 'language');
  assertError(await api('POST', `${base(caseId)}/rights-notices`, { token, body: { version: latest, language: 'km', interpreter_used: 1 } }), 400, 'invalid_argument', 'interpreter_used');
  const given = await api('POST', `${base(caseId)}/rights-notices`, { token, body: { version: latest, language: 'lo', interpreter_used: true } });
  assertStatus(given, 201);
  const receipts = await api('GET', `${base(caseId)}/rights-notices`, { token });
  assert.equal(receipts.json.items.length, 1, 'only the valid request was recorded');
  assert.equal(receipts.json.items[0].language, 'lo');
  const outsider = (await signIn(OUTSIDER)).token;
  assertError(await api('GET', `${base(caseId)}/rights-notices`, { token: outsider }), 404, 'not_found');
});
