// Family tracing through the screens: a Singapore case worker records a
// Cambodian woman (her name in Khmer script) and her consent to family
// tracing by the women's shelter in Vientiane; the shelter's case worker
// files a tracing request for her mother, naming her in Latin letters, sees
// the case among the possible matches with its reasons in words, and marks it
// a possible match; the shelter's supervisor reads the request but not the
// matches, and its admin does not find the request at all.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, assertHeading, en, field, launch, recordConsent, referenceOnPage, signIn, withContext } from './helpers.mjs';

// This file's users: no other browser test writes with them.
const HOLDER = 'sg-police-caseworker';
const OFFICER = 'la-shelter-caseworker';
const SUPERVISOR = 'la-shelter-supervisor';
const ADMIN = 'la-shelter-admin';
const SHELTER = "Demo Women's Shelter (Vientiane)";
const FIRST = 'ចាន់ធូ';
const FAMILY = 'មាស';
const LATIN_FIRST = 'Chanthou';
const LATIN_FAMILY = 'Meas';
const NOTE = 'Birth date and name fit; ask the Singapore unit to talk with her.';

// A birth date of this run's own, so the engine ranks this run's case first.
const BIRTH = (() => {
  const y = 1975 + Math.floor(Math.random() * 25);
  const m = 1 + Math.floor(Math.random() * 12);
  const d = 1 + Math.floor(Math.random() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
})();

let browser;
const shared = { caseId: null, reference: null, requestId: null };

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const fill = (s, values) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{${k}}`, String(v)), s);

describe('a family tracing request', () => {
  test('a case worker records the person and her consent to family tracing', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, HOLDER);
      await page.goto(`${BASE}/#/cases/new`);
      await assertHeading(page, en['newcase.title']);
      await field(page, 'person.first_name').fill(FIRST);
      await field(page, 'person.second_name').fill(FAMILY);
      await field(page, 'person.gender').selectOption({ label: en['gender.Feminine'] });
      await field(page, 'person.birth_date').fill(BIRTH);
      await field(page, 'person.citizenship').fill('KH');
      await field(page, 'person.languages').fill('km');
      const res = await apiCall(page, 'POST', /\/api\/v1\/cases$/, () =>
        page.getByRole('button', { name: en['newcase.submit'], exact: true }).click(),
      );
      assert.equal(res.status(), 201, `creating the case answered ${res.status()}: ${await res.text()}`);
      const created = await res.json();
      shared.caseId = created.id;
      shared.reference = await referenceOnPage(page);

      const tabs = page.getByRole('navigation', { name: en['case.tabs_label'] });
      await tabs.getByRole('link', { name: en['case.tab_consent'], exact: true }).click();
      await page.waitForURL(new RegExp(`#/cases/${created.id}/consent$`));
      const form = page.getByRole('form', { name: en['consent.form_title'] });
      await form.getByRole('radio', { name: en['scope.organisation'], exact: true }).check();
      const orgSelect = form.getByLabel(en['consent.organisation'], { exact: true });
      await orgSelect.locator('option', { hasText: SHELTER }).waitFor({ state: 'attached' });
      const orgValue = await orgSelect.locator('option', { hasText: SHELTER }).getAttribute('value');
      await recordConsent(page, created.id, 'purpose.family_tracing', orgValue);
    });
  });

  test('the tracing officer files a request in Latin letters and marks the case a possible match', async (t) => {
    assert.ok(shared.caseId, 'the first test did not record the case');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, OFFICER);
      const list = await apiCall(page, 'GET', /\/api\/v1\/tracing-requests$/, () =>
        page.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['tracing.nav'], exact: true }).click(),
      );
      assert.equal(list.status(), 200);
      await assertHeading(page, en['tracing.list_title']);
      await page.getByRole('link', { name: en['tracing.new_request'], exact: true }).click();
      await assertHeading(page, en['tracing.new_title']);

      // Required fields carry "(required)" in their label: no exact match.
      await page.getByLabel(en['tracing.searcher_name']).fill('Meas Sokunthea');
      await page.getByLabel(en['tracing.relationship']).fill('mother');
      await page.getByLabel(en['tracing.contact']).fill('Through the Poipet commune office, +855 12 000 111');
      await field(page, 'person.first_name').fill(LATIN_FIRST);
      await field(page, 'person.second_name').fill(LATIN_FAMILY);
      await field(page, 'person.gender').selectOption({ label: en['gender.Feminine'] });
      await field(page, 'person.birth_date').fill(BIRTH);
      await field(page, 'person.citizenship').fill('KH');
      await field(page, 'tracing.last_known_place').fill('Poipet');
      await field(page, 'tracing.remembers').fill('Left for work in Singapore three years ago; a scar on her chin.');
      const [created, candidates] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/tracing-requests$/.test(new URL(r.url()).pathname)),
        page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/v1\/tracing-requests\/\d+\/candidates$/.test(new URL(r.url()).pathname)),
        page.getByRole('button', { name: en['tracing.submit'], exact: true }).click(),
      ]);
      assert.equal(created.status(), 201, `filing answered ${created.status()}: ${await created.text()}`);
      const request = await created.json();
      shared.requestId = request.id;
      assert.equal(candidates.status(), 200, `candidates answered ${candidates.status()}`);
      await assertHeading(page, fill(en['tracing.title'], { id: request.id }));
      await page.getByText(en['tracing.created_notice'], { exact: true }).waitFor();

      // The case is there, from the Khmer-script record, with its reasons in words.
      const card = page.locator(`article[data-case-id="${shared.caseId}"]`);
      await card.waitFor();
      const text = await card.innerText();
      assert.ok(text.includes(`${FIRST} ${FAMILY}`), text);
      assert.ok(text.includes(shared.reference), text);
      assert.ok(text.includes('Demo Anti-Trafficking Unit (Singapore)'), text);
      assert.ok(text.includes(`${en['match_field.name']}: `), `the name's reason in words: ${text}`);
      assert.ok(
        text.includes(fill(en['matching.reason_line'], { field: en['match_field.birth_date'], reason: en['match_reason.birth_date_exact'] })),
        text,
      );

      await card.getByRole('radio', { name: en['tracing_decision.possible'], exact: true }).check();
      await card.getByLabel(en['tracing.decision_note'], { exact: true }).fill(NOTE);
      const decided = await apiCall(page, 'POST', new RegExp(`/api/v1/tracing-requests/${request.id}/decisions$`), () =>
        card.getByRole('button', { name: en['tracing.decision_save'], exact: true }).click(),
      );
      assert.equal(decided.status(), 201, `deciding answered ${decided.status()}: ${await decided.text()}`);
      assert.equal((await decided.json()).decision, 'possible');
      await card.locator('.decision-now').getByText(en['tracing_decision.possible'], { exact: true }).waitFor();
      await card.getByRole('button', { name: en['tracing.decision_change'], exact: true }).waitFor();
      await card.getByText(NOTE, { exact: true }).waitFor();
    });
  });

  test('the supervisor reads the request but not the matches; the admin finds nothing', async (t) => {
    assert.ok(shared.requestId, 'the second test did not file a request');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SUPERVISOR);
      await page.goto(`${BASE}/#/tracing/${shared.requestId}`);
      await assertHeading(page, fill(en['tracing.title'], { id: shared.requestId }));
      await page.getByText(en['tracing.candidates_officer_only'], { exact: true }).waitFor();
      assert.equal(await page.getByRole('heading', { name: en['tracing.candidates_title'], exact: true }).count(), 0);
      assert.equal(await page.locator('article.candidate').count(), 0);
      assert.ok(!(await page.locator('main').innerText()).includes(FIRST), 'no case person on the page');
      // Nor through the API with the same session.
      const status = await page.evaluate(async (id) => (await fetch(`/api/v1/tracing-requests/${id}/candidates`)).status, shared.requestId);
      assert.equal(status, 403);
    });
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, ADMIN);
      await page.goto(`${BASE}/#/tracing/${shared.requestId}`);
      await assertHeading(page, en['tracing.not_found_title']);
    });
  });
});
