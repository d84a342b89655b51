// Possible existing records through the screens: the Singapore shelter's
// supervisor opens a case for a Thai woman with her name in Thai script;
// starting a new case with the Latin spelling shows that case under "Possible
// existing records" with why (the name the same after romanisation, the same
// birth date); they create it anyway, and on its "Possible matches" tab
// confirm "Same person", after which the link shows on both cases. A user of
// another organisation typing the same name sees nothing of either case.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, assertHeading, en, field, launch, referenceOnPage, signIn, withContext } from './helpers.mjs';

// This file's users: no other test writes with them.
const SUPERVISOR = 'sg-shelter-supervisor';
const OUTSIDER = 'vn-ministry-supervisor';
const THAI = { first_name: 'อรุณี', second_name: 'แก้วมณี' };
const LATIN = { first_name: 'Aruni', second_name: 'Kaeomani' };
// A birth date of this run only, so this run's cases are the best matches.
const BIRTH = (() => {
  const d = new Date(Date.UTC(1975, 0, 1) + Math.floor(Math.random() * 30 * 365) * 86400000);
  return d.toISOString().slice(0, 10);
})();
const NOTE = 'Same woman: her passport gives the Latin spelling.';

let browser;
const shared = { thai: null, latin: null };

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const matchPath = /\/api\/v1\/matches\/person$/;

// Fills the new-case form; the last field typed is the birth date, and the
// answer to the match query that carries it is returned.
async function typePerson(page, names) {
  await page.goto(`${BASE}/#/cases/new`);
  await assertHeading(page, en['newcase.title']);
  await page.getByText(en['matching.existing_hint'], { exact: true }).waitFor();
  await field(page, 'person.first_name').fill(names.first_name);
  await field(page, 'person.second_name').fill(names.second_name);
  await field(page, 'person.gender').selectOption({ label: en['gender.Feminine'] });
  await field(page, 'person.citizenship').fill('TH');
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && matchPath.test(new URL(r.url()).pathname) && (r.request().postData() ?? '').includes(BIRTH),
  );
  await field(page, 'person.birth_date').fill(BIRTH);
  const res = await answer;
  assert.equal(res.status(), 200, `the match query answered ${res.status()}: ${await res.text()}`);
  return (await res.json()).items;
}

async function submitNewCase(page) {
  const res = await apiCall(page, 'POST', /\/api\/v1\/cases$/, () =>
    page.getByRole('button', { name: en['newcase.submit'], exact: true }).click(),
  );
  assert.equal(res.status(), 201, `creating a case answered ${res.status()}`);
  const created = await res.json();
  await page.waitForURL(new RegExp(`#/cases/${created.id}$`));
  assert.equal(await referenceOnPage(page), created.reference);
  return { id: created.id, reference: created.reference };
}

async function openMatchesTab(page, id) {
  const tabs = page.getByRole('navigation', { name: en['case.tabs_label'] });
  const [matches] = await Promise.all([
    page.waitForResponse((r) => new RegExp(`/api/v1/cases/${id}/matches$`).test(new URL(r.url()).pathname)),
    page.waitForResponse((r) => new RegExp(`/api/v1/cases/${id}/person-links$`).test(new URL(r.url()).pathname)),
    tabs.getByRole('link', { name: en['matching.tab'], exact: true }).click(),
  ]);
  assert.equal(matches.status(), 200);
  await page.waitForURL(new RegExp(`#/cases/${id}/matches$`));
}

const fill = (s, params) => Object.entries(params).reduce((out, [k, v]) => out.replace(`{${k}}`, String(v)), s);

describe('possible existing records', () => {
  test('the Latin spelling finds the Thai-script case; "Same person" links both', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SUPERVISOR);

      await typePerson(page, THAI);
      shared.thai = await submitNewCase(page);

      const items = await typePerson(page, LATIN);
      assert.ok(items.some((m) => m.case.id === shared.thai.id), `the Thai-script case is among ${JSON.stringify(items.map((m) => m.case.reference))}`);
      const region = page.getByRole('region', { name: en['matching.existing_title'] });
      await region.getByText(en['matching.existing_intro'], { exact: true }).waitFor();
      const list = region.getByRole('list', { name: en['matching.existing_title'] });
      const card = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: shared.thai.reference, exact: true }) });
      await card.waitFor();
      await card.getByText(`${THAI.first_name} ${THAI.second_name}`, { exact: true }).waitFor();
      await card.getByText(en['match_band.very_likely'], { exact: true }).waitFor();
      await card.getByText(fill(en['matching.reason_line'], { field: en['match_field.name'], reason: en['match_reason.name_romanised_exact'] })).waitFor();
      await card.getByText(fill(en['matching.reason_line'], { field: en['match_field.birth_date'], reason: en['match_reason.birth_date_exact'] })).waitFor();
      await card.getByText(en['match_strength.strong_for'], { exact: false }).first().waitFor();
      // The link opens the existing case; here the supervisor records the Latin one anyway.
      assert.equal(await card.getByRole('link', { name: shared.thai.reference, exact: true }).getAttribute('href'), `#/cases/${shared.thai.id}`);
      shared.latin = await submitNewCase(page);

      // The new case's possible matches: the Thai-script case, with the two buttons.
      await openMatchesTab(page, shared.latin.id);
      const matches = page.getByRole('list', { name: en['matching.matches_title'] });
      const candidate = matches.getByRole('listitem').filter({ has: page.getByRole('link', { name: shared.thai.reference, exact: true }) });
      await candidate.waitFor();
      await candidate.getByText(en['match_band.very_likely'], { exact: true }).waitFor();
      await candidate.getByLabel(en['matching.note'], { exact: true }).fill(NOTE);
      const decided = await apiCall(page, 'POST', new RegExp(`/api/v1/cases/${shared.latin.id}/person-links$`), () =>
        candidate.getByRole('button', { name: en['matching.mark_same'], exact: true }).click(),
      );
      assert.equal(decided.status(), 201, `deciding answered ${decided.status()}: ${await decided.text()}`);
      await page.getByText(en['matching.decided_notice'], { exact: true }).waitFor();

      const linked = page.getByRole('list', { name: en['matching.linked_title'] });
      const link = linked.getByRole('listitem').filter({ has: page.getByRole('link', { name: shared.thai.reference, exact: true }) });
      await link.waitFor();
      await link.getByText(en['link_decision.same'], { exact: true }).waitFor();
      await link.getByText(NOTE, { exact: true }).waitFor();
      await link.getByText(fill(en['matching.decided_by'], { who: 'Demo supervisor (sg-shelter)', when: '' }).trim(), { exact: false }).waitFor();
      // Still suggested, now marked as linked, without the buttons.
      await candidate.getByText(en['matching.linked_badge'], { exact: true }).waitFor();
      assert.equal(await candidate.getByRole('button', { name: en['matching.mark_same'], exact: true }).count(), 0);

      // The other case shows the link too.
      await page.goto(`${BASE}/#/cases/${shared.thai.id}`);
      assert.equal(await referenceOnPage(page), shared.thai.reference);
      await openMatchesTab(page, shared.thai.id);
      const back = page
        .getByRole('list', { name: en['matching.linked_title'] })
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: shared.latin.reference, exact: true }) });
      await back.getByText(en['link_decision.same'], { exact: true }).waitFor();
      await back.getByText(`${LATIN.first_name} ${LATIN.second_name}`, { exact: true }).waitFor();
    });
  });

  test('a stale change of the decision shows the conflict alert; reloading shows the other change', async (t) => {
    assert.ok(shared.thai && shared.latin, 'the first test made the cases');
    await withContext(t, browser, async (context) => {
      const first = await context.newPage();
      await signIn(first, SUPERVISOR);
      const second = await context.newPage();
      const pages = [first, second];
      for (const page of pages) {
        await page.goto(`${BASE}/#/cases/${shared.latin.id}`);
        assert.equal(await referenceOnPage(page), shared.latin.reference);
        await openMatchesTab(page, shared.latin.id);
      }
      const linkOn = (page) =>
        page
          .getByRole('list', { name: en['matching.linked_title'] })
          .getByRole('listitem')
          .filter({ has: page.getByRole('link', { name: shared.thai.reference, exact: true }) });
      const changeTo = async (page, status) => {
        const item = linkOn(page);
        await item.getByRole('button', { name: en['matching.change'], exact: true }).click();
        const form = page.getByRole('form', { name: fill(en['matching.change_label'], { reference: shared.thai.reference }) });
        await form.getByRole('radio', { name: en['link_decision.different'], exact: true }).check();
        const res = await apiCall(page, 'PATCH', new RegExp(`/api/v1/cases/${shared.latin.id}/person-links/\\d+$`), () =>
          form.getByRole('button', { name: en['matching.save_change'], exact: true }).click(),
        );
        assert.equal(res.status(), status, `changing the decision answered ${res.status()}: ${await res.text()}`);
      };
      await changeTo(first, 200);
      await linkOn(first).getByText(en['link_decision.different'], { exact: true }).waitFor();
      await changeTo(second, 409);
      const alert = second.getByRole('alert').filter({ hasText: en['matching.conflict'] });
      await alert.waitFor();
      const path = (r) => new URL(r.url()).pathname;
      await Promise.all([
        second.waitForResponse((r) => path(r) === `/api/v1/cases/${shared.latin.id}/matches`),
        second.waitForResponse((r) => path(r) === `/api/v1/cases/${shared.latin.id}/person-links`),
        alert.getByRole('button', { name: en['matching.reload'], exact: true }).click(),
      ]);
      await linkOn(second).getByText(en['link_decision.different'], { exact: true }).waitFor();
      assert.equal(await second.getByText(en['matching.conflict']).count(), 0);
      // Ruled different: no longer suggested.
      const suggestions = second.getByRole('region', { name: en['matching.matches_title'] });
      await suggestions.getByText(en['common.loading']).waitFor({ state: 'detached' });
      assert.equal(await suggestions.getByRole('link', { name: shared.thai.reference, exact: true }).count(), 0);
    });
  });

  test('another organisation typing the same name sees nothing of it', async (t) => {
    assert.ok(shared.thai && shared.latin, 'the first test made the cases');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, OUTSIDER);
      const items = await typePerson(page, LATIN);
      const ours = items.filter((m) => m.case.id === shared.thai.id || m.case.id === shared.latin.id);
      assert.deepEqual(ours, [], "the shelter's cases are not the ministry's to see");
      const region = page.getByRole('region', { name: en['matching.existing_title'] });
      if (items.length === 0) await region.getByText(en['matching.existing_none'], { exact: true }).waitFor();
      else await region.getByRole('list', { name: en['matching.existing_title'] }).waitFor();
      for (const ref of [shared.thai.reference, shared.latin.reference])
        assert.equal(await page.getByText(ref).count(), 0, `${ref} is not shown`);
      await page.goto(`${BASE}/#/cases/${shared.thai.id}/matches`);
      await assertHeading(page, en['notfound.case_title']);
    });
  });
});
