// Casework on the case page: (f) consent — record a referral consent for a
// named organisation, check it is covered, record a withdrawal, check again;
// (g) screening against the ILO/EC adults' labour list that indicates
// trafficking; (h) an identification decision linked to that screening, at
// the top of the history; (i) a read-only role sees the records but no forms;
// (j) the casework tabs in Khmer come from km.json.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE,
  apiCall,
  caseUrlOf,
  catalogue,
  createCase,
  en,
  launch,
  referenceOnPage,
  signIn,
  withContext,
} from './helpers.mjs';

const LEGAL_AID = 'Legal Aid Centre (Cambodia)';
const SET_ID = 'ilo-ec-adults-labour';
// Positive dimensions under the set's rule (2 strong, or 1 strong + 1 medium-or-weak):
// deceptive recruitment (1 strong + 1 medium), exploitation (1 strong + 1 medium),
// coercion at destination (2 strong): recruitment, exploitation and coercion all hold.
const INDICATORS = [
  'dr-job-nature', // strong
  'dr-wages', // medium
  'ex-excessive-hours', // strong
  'ex-low-pay', // medium
  'cd-documents', // strong
  'cd-debt-bondage', // strong
];

const km = catalogue('km');
let browser;
// Filled in by (f) and (g), used by the tests after them.
const shared = { id: null, url: null, reference: null, screeningId: null };

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function casePath(id, suffix = '') {
  return new RegExp(`/api/v1/cases/${id}${suffix}$`);
}

// Opens a tab of the case page with its link, waiting for the list it loads.
async function openTab(page, id, tab, linkKey, listPath, strings = en) {
  const res = await apiCall(page, 'GET', casePath(id, `/${listPath}`), () =>
    page.getByRole('navigation', { name: strings['case.tabs_label'] }).getByRole('link', { name: strings[linkKey], exact: true }).click(),
  );
  assert.equal(res.status(), 200, `GET ${listPath} answered ${res.status()}: ${await res.text()}`);
  await page.waitForURL(new RegExp(`#/cases/${id}/${tab}$`));
  return res;
}

async function openCase(page, id) {
  const res = await apiCall(page, 'GET', casePath(id), () => page.goto(caseUrlOf(id)));
  assert.equal(res.status(), 200);
  await referenceOnPage(page);
}

function form(page, titleKey, strings = en) {
  return page.getByRole('form', { name: strings[titleKey] });
}

// The value of the <option> whose text contains `text`, in a <select>.
async function optionValue(select, text) {
  await select.locator('option', { hasText: text }).first().waitFor({ state: 'attached' });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  assert.ok(value, `no option with "${text}"`);
  return value;
}

async function checkConsent(page, id, orgValue) {
  const check = form(page, 'consent.check_title');
  await check.getByLabel(en['consent.purpose'], { exact: true }).selectOption('referral');
  await check.getByLabel(en['consent.organisation'], { exact: true }).selectOption(orgValue);
  const res = await apiCall(page, 'GET', casePath(id, '/consents/check'), () =>
    check.getByRole('button', { name: en['consent.check_submit'], exact: true }).click(),
  );
  assert.equal(res.status(), 200, `the check answered ${res.status()}: ${await res.text()}`);
  const url = new URL(res.url());
  assert.equal(url.searchParams.get('purpose'), 'referral');
  assert.equal(url.searchParams.get('organisation_id'), orgValue);
  const answer = await res.json();
  const verdict = check.locator('.check-verdict');
  await verdict.waitFor();
  return { answer, verdict: (await verdict.innerText()).trim(), text: await check.locator('.check-result').innerText() };
}

describe('casework on the case page', () => {
  test('(f) consent: record, check covered, withdraw, check not covered', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, 'th-shelter-caseworker');
      const created = await createCase(page, {
        first_name: 'ស្រីនាង',
        second_name: 'សុខ',
        gender: 'Feminine',
        citizenship: 'KH',
        languages: 'km',
        approximate_age: 29,
      });
      Object.assign(shared, created);
      const { id } = created;

      // The organisations load for the pickers.
      const [orgRes] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/organisations'),
        openTab(page, id, 'consent', 'case.tab_consent', 'consents'),
      ]);
      assert.equal(orgRes.status(), 200);
      const orgs = (await orgRes.json()).items;
      const legalAid = orgs.find((o) => o.name.includes(LEGAL_AID));
      assert.ok(legalAid, `no organisation named like "${LEGAL_AID}"`);
      await page.getByRole('heading', { level: 2, name: en['consent.title'], exact: true }).waitFor();
      await page.getByText(en['consent.none'], { exact: true }).waitFor();

      // Record: referral, given, to the Cambodian legal aid NGO.
      const record = form(page, 'consent.form_title');
      await record.getByLabel(en['consent.purpose'], { exact: true }).selectOption({ label: en['purpose.referral'] });
      await record.getByRole('radio', { name: en['decision.given'], exact: true }).check();
      await record.getByRole('radio', { name: en['scope.organisation'], exact: true }).check();
      const orgSelect = record.getByLabel(en['consent.organisation'], { exact: true });
      const orgValue = await optionValue(orgSelect, LEGAL_AID);
      assert.equal(orgValue, String(legalAid.id));
      await orgSelect.selectOption(orgValue);
      // Explained in the person's language by default.
      assert.equal(await record.getByLabel(en['consent.explained_in'], { exact: true }).inputValue(), 'km');
      await record.getByLabel(en['consent.interpreter_used'], { exact: true }).check();
      // An adult: no child fields.
      assert.equal(await record.getByLabel(en['consent.guardian'], { exact: true }).count(), 0);

      // The server's refusal of a field is shown next to that field.
      const version = record.getByLabel(en['consent.rights_notice'], { exact: true });
      await version.fill('2026\t1');
      let res = await apiCall(page, 'POST', casePath(id, '/consents'), () =>
        record.getByRole('button', { name: en['consent.submit'], exact: true }).click(),
      );
      assert.equal(res.status(), 400, `a control character in the version answered ${res.status()}`);
      assert.equal((await res.json()).error.field, 'rights_notice_version');
      await record
        .locator('.field--invalid', { has: page.locator('#f-rights_notice_version') })
        .getByText(en['error.field_invalid'])
        .waitFor();
      assert.equal(await version.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('ol.consents > li').count(), 0);
      await version.fill('2026-1');

      res = await apiCall(page, 'POST', casePath(id, '/consents'), () =>
        record.getByRole('button', { name: en['consent.submit'], exact: true }).click(),
      );
      assert.equal(res.status(), 201, `recording consent answered ${res.status()}: ${await res.text()}`);
      const body = JSON.parse(res.request().postData());
      assert.deepEqual(body.scope, { kind: 'organisation', organisation_id: legalAid.id });
      assert.equal(body.purpose, 'referral');
      assert.equal(body.decision, 'given');
      assert.equal(body.explained_in_language, 'km');
      assert.equal(body.interpreter_used, true);
      assert.equal(body.child, null);
      const given = await res.json();
      await record.getByText(en['consent.recorded_notice'], { exact: true }).waitFor();

      const records = page.locator('ol.consents > li');
      await records.first().waitFor();
      assert.equal(await records.count(), 1);
      let top = await records.first().innerText();
      assert.ok(top.includes(en['purpose.referral']), `top record: ${top}`);
      assert.ok(top.includes(en['decision.given']), `top record: ${top}`);
      assert.ok(top.includes(legalAid.name), `top record lacks the organisation: ${top}`);
      assert.ok(top.includes('2026-1'), `top record lacks the rights notice version: ${top}`);
      assert.ok(top.includes(en['consent.with_interpreter']), `top record: ${top}`);

      // Covered.
      let check = await checkConsent(page, id, orgValue);
      assert.equal(check.answer.covered, true, `check: ${JSON.stringify(check.answer)}`);
      assert.equal(check.verdict, en['consent.covered']);
      assert.ok(check.text.includes(check.answer.reason), 'the reason is shown');

      // Withdraw from the record: the form is filled in with the same purpose and scope.
      await records.first().getByRole('button', { name: en['consent.record_withdrawal'], exact: true }).click();
      assert.equal(await record.getByLabel(en['consent.purpose'], { exact: true }).inputValue(), 'referral');
      assert.ok(await record.getByRole('radio', { name: en['decision.withdrawn'], exact: true }).isChecked());
      assert.ok(await record.getByRole('radio', { name: en['scope.organisation'], exact: true }).isChecked());
      assert.equal(await record.getByLabel(en['consent.organisation'], { exact: true }).inputValue(), orgValue);
      // No expiry for a withdrawal.
      assert.equal(await record.getByLabel(en['consent.expires_on'], { exact: true }).count(), 0);

      res = await apiCall(page, 'POST', casePath(id, '/consents'), () =>
        record.getByRole('button', { name: en['consent.submit'], exact: true }).click(),
      );
      assert.equal(res.status(), 201, `recording the withdrawal answered ${res.status()}: ${await res.text()}`);
      const withdrawn = await res.json();
      assert.equal(withdrawn.decision, 'withdrawn');
      assert.notEqual(withdrawn.id, given.id);
      await record.getByText(en['consent.withdrawal_recorded'], { exact: true }).waitFor();

      // Newest first: the withdrawal on top, the given consent kept below it.
      await page.waitForFunction(() => document.querySelectorAll('ol.consents > li').length === 2);
      top = await records.first().innerText();
      assert.ok(top.includes(en['decision.withdrawn']), `top record: ${top}`);
      assert.ok((await records.nth(1).innerText()).includes(en['decision.given']));

      // Not covered any more.
      check = await checkConsent(page, id, orgValue);
      assert.equal(check.answer.covered, false, `check: ${JSON.stringify(check.answer)}`);
      assert.equal(check.verdict, en['consent.not_covered']);

      // The list survives a reload, newest first.
      await apiCall(page, 'GET', casePath(id, '/consents'), () => page.reload());
      await records.nth(1).waitFor();
      assert.ok((await records.first().innerText()).includes(en['decision.withdrawn']));
    });
  });

  test('(g) screening: the ILO/EC adults list indicates trafficking', async (t) => {
    assert.ok(shared.id, 'test (f) did not create a case');
    const { id } = shared;
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, 'th-shelter-caseworker');
      await openCase(page, id);
      const [setsRes] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/indicator-sets'),
        openTab(page, id, 'screening', 'case.tab_screening', 'screenings'),
      ]);
      assert.equal(setsRes.status(), 200);
      await page.getByRole('heading', { level: 2, name: en['screening.title'], exact: true }).waitFor();
      // Screening informs; identification is a separate decision.
      assert.ok((await page.locator('#screening-informs').innerText()).includes(en['screening.informs']));
      await page.getByText(en['screening.none'], { exact: true }).waitFor();

      const screen = form(page, 'screening.form_title');
      const setRes = await apiCall(page, 'GET', new RegExp(`/api/v1/indicator-sets/${SET_ID}$`), () =>
        screen.getByLabel(en['screening.set'], { exact: true }).selectOption(SET_ID),
      );
      assert.equal(setRes.status(), 200);
      const set = await setRes.json();
      // An adult by approximate age: "adult" is preselected.
      assert.ok(await screen.getByRole('radio', { name: en['group.adult'], exact: true }).isChecked());

      // Grouped by dimension, each indicator with its grade.
      for (const d of set.dimensions) {
        await screen.getByRole('heading', { level: 4, name: d.label.en, exact: true }).waitFor();
      }
      const row = (indicatorId) => screen.locator('li.indicator').filter({ has: page.locator(`input[value="${indicatorId}"]`) });
      assert.ok((await row('dr-job-nature').innerText()).includes(en['grade.strong']));
      assert.ok((await row('dr-wages').innerText()).includes(en['grade.medium']));

      for (const ind of INDICATORS) await screen.locator(`input[type="checkbox"][value="${ind}"]`).check();
      await row('cd-documents').getByRole('textbox').fill('Passport kept by the boat owner.');

      // The adults' list has no rule for children: the server refuses, nothing is recorded.
      await screen.getByRole('radio', { name: en['group.child'], exact: true }).check();
      const refused = await apiCall(page, 'POST', casePath(id, '/screenings'), () =>
        screen.getByRole('button', { name: en['screening.submit'], exact: true }).click(),
      );
      assert.equal(refused.status(), 422, `screening a child with the adults' list answered ${refused.status()}`);
      await screen.getByRole('alert').filter({ hasText: en['error.failed_precondition'] }).waitFor();
      assert.equal(await page.locator('ol.screenings > li').count(), 0);
      await screen.getByRole('radio', { name: en['group.adult'], exact: true }).check();

      const res = await apiCall(page, 'POST', casePath(id, '/screenings'), () =>
        screen.getByRole('button', { name: en['screening.submit'], exact: true }).click(),
      );
      assert.equal(res.status(), 201, `recording the screening answered ${res.status()}: ${await res.text()}`);
      const sent = JSON.parse(res.request().postData());
      assert.equal(sent.set_id, SET_ID);
      assert.equal(sent.person_group, 'adult');
      assert.deepEqual(new Set(sent.observations.map((o) => o.indicator_id)), new Set(INDICATORS));
      assert.equal(sent.observations.find((o) => o.indicator_id === 'cd-documents').note, 'Passport kept by the boat owner.');
      const screening = await res.json();
      assert.equal(screening.evaluation.outcome, 'indicates', `evaluation: ${JSON.stringify(screening.evaluation)}`);
      shared.screeningId = screening.id;

      // The page shows the outcome, the summary and each dimension.
      const result = page.locator('.result');
      await result.getByRole('heading', { name: en['screening.result_title'], exact: true }).waitFor();
      await result.locator('.badge--outcome-indicates', { hasText: en['outcome.indicates'] }).waitFor();
      assert.ok((await result.innerText()).includes(screening.evaluation.summary), 'the summary is shown');
      const rows = result.locator('table.dimensions tbody tr');
      assert.equal(await rows.count(), set.dimensions.length);
      for (const [i, d] of screening.evaluation.dimensions.entries()) {
        const text = await rows.nth(i).innerText();
        assert.ok(text.includes(d.explanation), `${d.dimension_id}: ${text}`);
        assert.ok(text.includes(d.positive ? en['screening.positive'] : en['screening.not_positive']), `${d.dimension_id}: ${text}`);
      }
      assert.equal(await result.locator('table.dimensions .badge--positive').count(), 3);

      // Listed under past screenings, newest first, opening to its evaluation.
      const past = page.locator('ol.screenings > li');
      await past.first().waitFor();
      assert.equal(await past.count(), 1);
      await past.first().locator('summary').click();
      const body = past.first().locator('.screening-body');
      await body.locator('.evaluation .badge--outcome-indicates').waitFor();
      await body.getByText('Passport kept by the boat owner.', { exact: true }).waitFor();
      const detail = await body.innerText();
      assert.ok(detail.includes('Passport kept by the boat owner.'), `past screening: ${detail}`);
      assert.ok(detail.includes(screening.evaluation.summary));
    });
  });

  test('(h) identification: a decision linked to the screening tops the history', async (t) => {
    assert.ok(shared.id && shared.screeningId, 'tests (f) and (g) did not run');
    const { id, screeningId } = shared;
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, 'th-shelter-caseworker');
      await openCase(page, id);
      await openTab(page, id, 'identification', 'case.tab_identification', 'identifications');
      await page.getByRole('heading', { level: 2, name: en['identification.title'], exact: true }).waitFor();
      await page.getByText(en['identification.none'], { exact: true }).waitFor();

      const decide = form(page, 'identification.form_title');
      // Reasons are required: refused before anything is sent.
      await decide.getByRole('radio', { name: en['idstatus.ActualVictimOfTrafficking'], exact: true }).check();
      await decide.getByLabel(en['identification.decided_by'], { exact: true }).selectOption({ label: en['decider.NGO'] });
      await decide.getByRole('button', { name: en['identification.submit'], exact: true }).click();
      await decide.locator('.field--invalid').getByText(en['identification.v_reasons'], { exact: true }).waitFor();

      const reasons = 'The team heard her account of the recruitment and the boat.\nDocuments were withheld; debt bondage.';
      await decide.getByLabel(en['identification.reasons'], { exact: false }).fill(reasons);
      const screeningSelect = decide.getByLabel(en['identification.screening'], { exact: true });
      await screeningSelect.locator(`option[value="${screeningId}"]`).waitFor({ state: 'attached' });
      await screeningSelect.selectOption(String(screeningId));
      await decide.getByLabel(en['identification.team_meeting'], { exact: true }).check();

      const res = await apiCall(page, 'POST', casePath(id, '/identifications'), () =>
        decide.getByRole('button', { name: en['identification.submit'], exact: true }).click(),
      );
      assert.equal(res.status(), 201, `recording the decision answered ${res.status()}: ${await res.text()}`);
      const sent = JSON.parse(res.request().postData());
      assert.equal(sent.status, 'ActualVictimOfTrafficking');
      assert.equal(sent.decided_by_org_type, 'NGO');
      assert.equal(sent.screening_id, screeningId);
      assert.equal(sent.team_meeting, true);
      assert.equal(sent.reasons, reasons);
      assert.match(sent.decided_on, /^\d{4}-\d{2}-\d{2}$/);
      const decision = await res.json();
      await decide.getByText(en['identification.recorded_notice'], { exact: true }).waitFor();

      const history = page.locator('ol.identifications > li');
      await history.first().waitFor();
      const top = await history.first().innerText();
      assert.ok(top.includes(en['idstatus.ActualVictimOfTrafficking']), `top decision: ${top}`);
      assert.ok(top.includes(en['decider.NGO']), `top decision: ${top}`);
      assert.ok(top.includes('Documents were withheld; debt bondage.'), `top decision: ${top}`);
      assert.ok(top.includes(en['outcome.indicates']), `the linked screening is not named: ${top}`);
      assert.ok(top.includes(en['identification.team_meeting_badge']), `top decision: ${top}`);

      // Still at the top after a reload (from the server's list).
      const list = await apiCall(page, 'GET', casePath(id, '/identifications'), () => page.reload());
      assert.equal((await list.json()).items[0].id, decision.id);
      await history.first().waitFor();
      assert.ok((await history.first().innerText()).includes(en['idstatus.ActualVictimOfTrafficking']));
    });
  });

  test('(i) an organisation administrator reads the records but gets no forms', async (t) => {
    assert.ok(shared.id, 'test (f) did not create a case');
    const { id } = shared;
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, 'th-shelter-admin');
      await openCase(page, id);
      await openTab(page, id, 'consent', 'case.tab_consent', 'consents');
      await page.locator('ol.consents > li').first().waitFor();
      await page.getByText(en['casework.readonly'], { exact: true }).waitFor();
      assert.equal(await page.locator('form').count(), 0, 'no forms on the consent tab');
      assert.equal(await page.getByRole('button', { name: en['consent.record_withdrawal'] }).count(), 0);

      await openTab(page, id, 'screening', 'case.tab_screening', 'screenings');
      await page.locator('ol.screenings > li').first().waitFor();
      assert.equal(await page.locator('form').count(), 0, 'no forms on the screening tab');

      await openTab(page, id, 'identification', 'case.tab_identification', 'identifications');
      await page.locator('ol.identifications > li').first().waitFor();
      assert.equal(await page.locator('form').count(), 0, 'no forms on the identification tab');
    });
  });
});

test('(j) the casework tabs in Khmer come from km.json', async (t) => {
  for (const key of ['case.tab_consent', 'consent.title', 'screening.title', 'screening.informs', 'identification.title']) {
    assert.notEqual(km[key], en[key], `km.json "${key}" is the English text`);
  }
  await withContext(t, browser, async (context) => {
    const page = await context.newPage();
    await signIn(page, 'th-shelter-caseworker');
    const { id } = shared.id
      ? shared
      : await createCase(page, { first_name: 'ដារ៉ា', second_name: 'ហេង', gender: 'Feminine', citizenship: 'KH', languages: 'km' });
    await page.goto(`${BASE}/#/cases/${id}`);
    await page.getByLabel(en['header.language'], { exact: true }).selectOption('km');
    await referenceOnPage(page, km);
    assert.equal(await page.getAttribute('html', 'lang'), 'km');

    await openTab(page, id, 'consent', 'case.tab_consent', 'consents', km);
    await page.getByRole('heading', { level: 2, name: km['consent.title'], exact: true }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 2, name: en['consent.title'], exact: true }).count(), 0);
    await form(page, 'consent.form_title', km).getByLabel(km['consent.purpose'], { exact: true }).waitFor();

    await openTab(page, id, 'screening', 'case.tab_screening', 'screenings', km);
    await page.getByRole('heading', { level: 2, name: km['screening.title'], exact: true }).waitFor();
    assert.ok((await page.locator('#screening-informs').innerText()).includes(km['screening.informs']));

    await openTab(page, id, 'identification', 'case.tab_identification', 'identifications', km);
    await page.getByRole('heading', { level: 2, name: km['identification.title'], exact: true }).waitFor();
    const current = page.getByRole('navigation', { name: km['case.tabs_label'] }).locator('[aria-current="page"]');
    assert.equal((await current.innerText()).trim(), km['case.tab_identification']);
  });
});
