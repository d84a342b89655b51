// The referral mechanism's acceptance journey (issue 4), across organisations
// and a border: a Thai shelter refers a Cambodian woman to a Cambodian legal
// aid NGO for legal help and to the Cambodian social welfare ministry for
// repatriation. The NGO accepts in its browser and sees only the shared parts,
// never the shelter's case; the repatriation runs through the handover at the
// border to the follow-up, and the secretariat's referral report counts it.
//
// The screens for sending a referral and for taking each repatriation step
// have their own browser tests (referral.test.mjs, repatriation.test.mjs);
// here those parts go through the API, and the browser checks what the
// journey adds: two receivers of one case, the NGO's limits, the finished
// return on both sides and the report.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, assertHeading, en, launch, signIn, withContext } from './helpers.mjs';
import { api as call, signIn as apiSignIn } from '../api/helpers.mjs';

// This file's users: no other browser test writes with them.
const SHELTER = 'th-shelter-admin';
const SHELTER_WORKER = 'th-shelter-caseworker';
const NGO = 'kh-legal-legal';
const MINISTRY = 'kh-ministry-supervisor';
const SECRETARIAT = 'net-secretariat';
const FIRST = 'ស្រីនិច';
const FAMILY = 'សៅ';
const NOTE_NOT_SHARED = 'Confidential: she named the broker in Poipet to our social worker.';

let browser;
const shared = { caseId: null, legal: null, repatriation: null, referralToMinistry: null, reportBefore: null };

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const fill = (p) => (s) => s.replace('{id}', String(p));
const day = (n = 0) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

// The JSON API as a member would call it, outside the browser (the API tests' client).
const api = (method, path, token, body) => call(method, path, { token, body });
async function ok(promise, status, what) {
  const r = await promise;
  assert.equal(r.status, status, `${what} answered ${r.status}: ${r.text}`);
  return r.json;
}
const token = async (username) => (await apiSignIn(username)).token;
async function orgId(tok, country, type) {
  const r = await ok(api('GET', '/api/v1/organisations', tok), 200, 'organisations');
  const o = r.items.find((x) => x.country === country && x.type === type);
  assert.ok(o, `a ${type} in ${country}`);
  return o.id;
}
// Today's report as the secretariat reads it (the period [today, tomorrow)).
const todaysReport = async () =>
  ok(api('GET', `/api/v1/reports/referrals?from=${day(0)}&to=${day(1)}`, await token(SECRETARIAT)), 200, 'the report');

// A published count grew by `by`: exactly when both are numbers; a
// suppressed count ("<11") may hide growth, but never shrinks to a number below 11.
function assertGrew(before, after, by, what) {
  if (typeof before === 'number' && typeof after === 'number') assert.equal(after, before + by, what);
  else if (typeof after === 'number') assert.ok(after >= 11, `${what}: ${after} should have been suppressed`);
  else assert.equal(after, '<11', what);
}

describe('a Cambodian woman referred from Thailand for legal help and to go home', () => {
  test('the Thai shelter records her consent and refers her to two Cambodian organisations', async () => {
    shared.reportBefore = await todaysReport();
    const tok = await token(SHELTER_WORKER);
    const c = await ok(api('POST', '/api/v1/cases', tok, { person: {
      first_name: FIRST, second_name: FAMILY, gender: 'Feminine', approximate_age: 24, citizenship: ['KH'], languages: ['km'] } }), 201, 'creating the case');
    shared.caseId = c.id;
    await ok(api('POST', `/api/v1/cases/${c.id}/entries`, tok, { kind: 'note', fields: { text: NOTE_NOT_SHARED } }), 201, 'a case note');
    for (const purpose of ['referral', 'cross_border_disclosure'])
      await ok(api('POST', `/api/v1/cases/${c.id}/consents`, tok, {
        purpose, decision: 'given', scope: { kind: 'country', country: 'KH' }, explained_in_language: 'km', interpreter_used: true }), 201, purpose);
    const send = async (to, services, reason, summary) => {
      const d = await ok(api('POST', `/api/v1/cases/${c.id}/referrals`, tok, { to_organisation_id: to, reason, services, summary, respond_by: day(3) }), 201, 'a draft');
      return ok(api('POST', `/api/v1/referrals/${d.id}/transitions`, tok, { action: 'send', version: d.version }), 200, 'sending');
    };
    const legalAid = await orgId(tok, 'KH', 'LegalService');
    const ministry = await orgId(tok, 'KH', 'CentralGovernmentOrganisation');
    shared.legal = await send(legalAid, ['legal_aid'], 'AdditionalServicesRequired',
      'Cambodian woman, 24, unpaid for eight months in a garment workshop; wants to claim her wages.');
    shared.referralToMinistry = await send(ministry, ['repatriation'], 'MigrationOrChangeOfLocation',
      'She wishes to return to her family in Battambang.');
    assert.ok(shared.legal.parts.includes('person'), 'legal aid needs the person');
    assert.ok(!shared.legal.parts.includes('notes'), 'notes are not what legal aid needs');
  });

  test('the NGO accepts and sees only the shared parts, never the shelter\'s case', async (t) => {
    assert.ok(shared.legal, 'no referral was sent');
    const id = shared.legal.id;
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, NGO);
      await apiCall(page, 'GET', new RegExp(`/api/v1/referrals/${id}$`), () => page.goto(`${BASE}/#/referrals/${id}`));
      await assertHeading(page, fill(id)(en['referrals.title']));
      assert.equal(await page.getByText(FIRST).count(), 0, 'before acceptance: only the summary');
      const actions = page.getByRole('form', { name: en['referrals.actions_title'] });
      await actions.getByRole('radio', { name: en['referral_action.accept'], exact: true }).check();
      const accepted = await apiCall(page, 'POST', new RegExp(`/api/v1/referrals/${id}/transitions$`), () =>
        actions.getByRole('button', { name: en['referral_do.accept'], exact: true }).click(),
      );
      assert.equal(accepted.status(), 200);
      const parts = page.getByRole('region', { name: en['referrals.shared_title'], exact: true });
      await parts.getByText(`${FIRST} ${FAMILY}`, { exact: true }).waitFor();
      assert.equal(await page.getByText(NOTE_NOT_SHARED).count(), 0, 'an unshared note never shows');

      // The shelter's case itself stays closed to the NGO, in the browser and by the API.
      await page.goto(`${BASE}/#/cases/${shared.caseId}`);
      await page.getByText(en['notfound.case_title'], { exact: true }).first().waitFor();
      const ngo = await token(NGO);
      for (const path of [`/api/v1/cases/${shared.caseId}`, `/api/v1/cases/${shared.caseId}/entries`, `/api/v1/cases/${shared.caseId}/consents`])
        assert.equal((await api('GET', path, ngo)).status, 404, path);
    });
  });

  test('the ministry accepts, and the return runs through the handover to the follow-up', async () => {
    assert.ok(shared.referralToMinistry, 'no referral to the ministry');
    const ministry = await token(MINISTRY);
    const shelter = await token(SHELTER_WORKER);
    const r = shared.referralToMinistry;
    await ok(api('POST', `/api/v1/referrals/${r.id}/transitions`, ministry, { action: 'accept', version: r.version }), 200, 'accepting');
    const rep = await ok(api('POST', `/api/v1/referrals/${r.id}/repatriation`, ministry, {}), 201, 'starting the repatriation');
    assert.equal(rep.flow.id, 'th-kh');
    shared.repatriation = rep.id;
    const handover = { from_person: 'Ms. Pranee Suksan', from_organisation: 'Demo Shelter for Women and Children (Bangkok)',
      to_person: 'Mr. Dara Keo', to_organisation: 'Demo Ministry of Social Affairs (Cambodia)',
      place: 'Ban Khlong Luek–Poipet checkpoint', date: day(0) };
    for (const s of rep.steps) {
      // Each step by its responsible side, at the version it has now.
      const who = s.side === 'origin' ? ministry : shelter;
      const now = await ok(api('GET', `/api/v1/repatriations/${rep.id}`, who), 200, 'reading the repatriation');
      const cur = now.steps.find((x) => x.code === s.code);
      const body = { action: 'complete', version: cur.version, date: day(0), ...(cur.records_handover ? { handover } : {}) };
      await ok(api('POST', `/api/v1/repatriations/${rep.id}/steps/${cur.id}`, who, body), 200, `step ${s.code}`);
    }
  });

  test('both sides see the return completed with the handover', async (t) => {
    assert.ok(shared.repatriation, 'no repatriation');
    for (const user of [MINISTRY, SHELTER]) {
      await withContext(t, browser, async (context) => {
        const page = await context.newPage();
        await signIn(page, user);
        const got = await apiCall(page, 'GET', new RegExp(`/api/v1/repatriations/${shared.repatriation}$`), () =>
          page.goto(`${BASE}/#/repatriations/${shared.repatriation}`),
        );
        assert.equal(got.status(), 200, `${user} reads the repatriation`);
        await assertHeading(page, fill(shared.repatriation)(en['repatriation.title']));
        await page.getByText(en['rp_status.completed'], { exact: true }).first().waitFor();
        await page.getByText('Mr. Dara Keo', { exact: false }).first().waitFor();
      });
    }
  });

  test('the secretariat\'s report counts the referrals and the return, without names', async (t) => {
    assert.ok(shared.reportBefore && shared.repatriation, 'the journey did not run');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SECRETARIAT);
      // The page first shows the last year's report; let that answer arrive
      // before asking for today's, so the two cannot be mistaken.
      const first = await apiCall(page, 'GET', /\/api\/v1\/reports\/referrals$/, () => page.goto(`${BASE}/#/reports`));
      assert.equal(first.status(), 200);
      await assertHeading(page, en['report.title']);
      await page.getByLabel(en['report.f_from'], { exact: true }).fill(day(0));
      await page.getByLabel(en['report.f_to'], { exact: true }).fill(day(1));
      const res = await apiCall(page, 'GET', /\/api\/v1\/reports\/referrals$/, () =>
        page.getByRole('button', { name: en['report.show'], exact: true }).click(),
        { query: { from: day(0), to: day(1) } },
      );
      assert.equal(res.status(), 200);
      const after = await res.json();
      const before = shared.reportBefore;
      assertGrew(before.total.sent, after.total.sent, 2, 'referrals sent today');
      assertGrew(before.total.accepted, after.total.accepted, 2, 'referrals accepted');
      assertGrew(before.repatriations.completed, after.repatriations.completed, 1, 'repatriations completed today');
      await page.getByRole('heading', { name: en['report.repatriations'], exact: true }).waitFor();
      const figures = page.getByTestId('report-repatriations');
      await figures.getByText(en['report.rp_completed']).waitFor();
      assert.equal(await page.getByText(FIRST).count(), 0, 'no names in the report');
      assert.ok(!JSON.stringify(after).includes(FIRST), 'no names in the report\'s data');
    });
  });
});
