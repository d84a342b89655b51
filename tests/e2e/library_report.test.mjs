// The secretariat's work through the screens: it publishes an SOP in the
// document library (a Khmer text file for Cambodia); a member finds it with
// the library's filters and downloads exactly the bytes that were uploaded;
// the secretariat then reads the referral report, where small counts show as
// "<11" in the tables and as dashed bars in the charts, with a CSV export.
// Then a receiving organisation opens its own case from a referral it accepted.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, assertHeading, en, launch, signIn, withContext } from './helpers.mjs';

// This file's users: no other browser test writes with them.
const SECRETARIAT = 'net-secretariat';
const MEMBER = 'vn-shelter-caseworker';
const REFERRER = 'vn-ministry-caseworker';
const RECEIVER = 'vn-shelter-supervisor';
const TAG = randomBytes(3).toString('hex');
const TITLE = `Referral SOP for Cambodia ${TAG}`;
const CONTENT = `នីតិវិធីបញ្ជូន ${TAG}\nជំហានទី ១៖ កំណត់អត្តសញ្ញាណ\n`;

let browser;
const shared = { documentId: null };

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const tomorrow = () => new Date(Date.now() + 86400000).toISOString().slice(0, 10);

describe('the document library and the referral report', () => {
  test('the secretariat publishes an SOP', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SECRETARIAT);
      await page.getByRole('link', { name: en['library.nav'], exact: true }).click();
      await assertHeading(page, en['library.title']);
      await page.getByRole('link', { name: en['library.publish_new'], exact: true }).click();
      await assertHeading(page, en['library.publish_title']);
      const form = page.locator('form.library-form');
      await form.getByLabel(en['library.f_kind'], { exact: true }).selectOption({ label: en['library_kind.sop'] });
      await form.getByLabel(en['library.f_title'], { exact: false }).fill(TITLE);
      await form.getByLabel(en['library.f_file'], { exact: false }).setInputFiles({
        name: 'referral-sop-km.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(CONTENT),
      });
      await form.getByLabel(en['library.f_language'], { exact: true }).selectOption('km');
      const countries = form.getByRole('group', { name: en['library.f_countries'] });
      await countries.getByRole('checkbox', { name: 'Cambodia', exact: true }).check();
      await form.getByLabel(en['library.f_effective'], { exact: false }).fill('2026-01-01');
      await form.getByLabel(en['library.f_summary'], { exact: true }).fill('Who does what when a person is referred to Cambodia.');
      const res = await apiCall(page, 'POST', /\/api\/v1\/library$/, () =>
        page.getByRole('button', { name: en['library.publish'], exact: true }).click(),
      );
      assert.equal(res.status(), 201, `publishing answered ${res.status()}: ${await res.text()}`);
      shared.documentId = (await res.json()).id;
      await assertHeading(page, TITLE);
      await page.getByText(en['library.published_notice'], { exact: true }).waitFor();
      await page.getByRole('heading', { name: en['library.version_n'].replace('{number}', '1'), exact: true }).waitFor();
    });
  });

  test('a member finds the SOP and downloads it', async (t) => {
    assert.ok(shared.documentId, 'the SOP was published');
    await withContext(
      t,
      browser,
      async (context) => {
        const page = await context.newPage();
        await signIn(page, MEMBER);
        await page.getByRole('link', { name: en['library.nav'], exact: true }).click();
        await assertHeading(page, en['library.title']);
        assert.equal(await page.getByRole('link', { name: en['library.publish_new'] }).count(), 0, 'members do not publish');
        const search = page.getByRole('search', { name: en['library.search_label'] });
        await search.getByLabel(en['library.f_kind'], { exact: true }).selectOption({ label: en['library_kind.sop'] });
        await search.getByLabel(en['library.f_country'], { exact: true }).selectOption('KH');
        await search.getByLabel(en['library.f_words'], { exact: true }).fill(TAG);
        await apiCall(page, 'GET', /\/api\/v1\/library$/, () =>
          page.getByRole('button', { name: en['library.search'], exact: true }).click(),
        );
        const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE, exact: true }) });
        await item.waitFor();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          item.getByRole('link', { name: /referral-sop-km\.txt/ }).click(),
        ]);
        assert.equal(download.suggestedFilename(), 'referral-sop-km.txt');
        const path = await download.path();
        assert.equal(await readFile(path, 'utf8'), CONTENT, 'the bytes that were uploaded');
      },
      { acceptDownloads: true },
    );
  });

  test('the secretariat reads the referral report with suppressed cells', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SECRETARIAT);
      // The page first loads the last year's report; wait for it before asking for another period.
      const first = await apiCall(page, 'GET', /\/api\/v1\/reports\/referrals$/, () =>
        page.getByRole('link', { name: en['report.nav'], exact: true }).click(),
      );
      assert.equal(first.status(), 200);
      await assertHeading(page, en['report.title']);
      await page.getByLabel(en['report.f_from'], { exact: true }).fill('2020-01-01');
      await page.getByLabel(en['report.f_to'], { exact: true }).fill(tomorrow());
      const res = await apiCall(page, 'GET', /\/api\/v1\/reports\/referrals$/, () =>
        page.getByRole('button', { name: en['report.show'], exact: true }).click(),
        { query: { from: '2020-01-01', to: tomorrow() } },
      );
      assert.equal(res.status(), 200);
      const report = await res.json();
      await page.getByRole('heading', { name: en['report.totals'], exact: true }).waitFor();
      const pairs = page.getByRole('table', { name: en['report.by_pair'] });
      await pairs.waitFor();
      assert.ok((await pairs.getByRole('row').count()) > 1, 'the demo network has referrals');
      // Every count the API hid is shown as "<11", and at least one is.
      const hidden = await page.getByRole('cell', { name: '<11', exact: true }).count();
      assert.ok(hidden > 0, 'small counts are shown as <11');
      const suppressedPairs = report.by_country_pair.filter((g) => g.sent === '<11').length;
      assert.equal(await page.locator('.bar-chart').first().locator('.bar--suppressed').count(), suppressedPairs);
      await page.getByRole('img', { name: en['report.chart_sent_by_pair'] }).waitFor();
      const csv = page.getByRole('link', { name: en['report.csv'], exact: true });
      assert.match(await csv.getAttribute('href'), /\/api\/v1\/reports\/referrals\.csv\?from=2020-01-01&to=/);
    });
  });

  test('a member has no report', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, MEMBER);
      assert.equal(await page.getByRole('link', { name: en['report.nav'], exact: true }).count(), 0);
      await page.goto(`${BASE}/#/reports`);
      await assertHeading(page, en['report.title']);
      await page.getByText(en['report.not_allowed'], { exact: true }).waitFor();
    });
  });

  test('the receiving shelter opens its own case from an accepted referral', async (t) => {
    await withContext(t, browser, async (context) => {
      // The referral is set up through the API as the referring ministry...
      const page = await context.newPage();
      await signIn(page, REFERRER);
      const api = (method, path, data) => context.request.fetch(`${BASE}/api/v1${path}`, { method, data });
      const created = await api('POST', '/cases', { person: { first_name: 'Hương', second_name: 'Trần', gender: 'Feminine', citizenship: ['VN'], languages: ['vi'] } });
      assert.equal(created.status(), 201);
      const caseId = (await created.json()).id;
      assert.equal((await api('POST', `/cases/${caseId}/consents`, { purpose: 'referral', decision: 'given', scope: { kind: 'anyone' }, explained_in_language: 'vi', interpreter_used: false })).status(), 201);
      const orgs = await (await api('GET', '/organisations')).json();
      const shelter = orgs.items.find((o) => o.name === 'Demo Peace House Shelter (Ha Noi)');
      const draft = await api('POST', `/cases/${caseId}/referrals`, { to_organisation_id: shelter.id, reason: 'AdditionalServicesRequired', services: ['shelter'], summary: 'Needs a safe place to stay.', respond_by: tomorrow() });
      assert.equal(draft.status(), 201);
      const referralId = (await draft.json()).id;
      assert.equal((await api('POST', `/referrals/${referralId}/transitions`, { action: 'send', version: 1 })).status(), 200);
      await context.clearCookies();
      // ...the shelter accepts it, then opens its own case on screen.
      await signIn(page, RECEIVER);
      assert.equal((await api('POST', `/referrals/${referralId}/transitions`, { action: 'accept', version: 2 })).status(), 200);
      await page.goto(`${BASE}/#/referrals/${referralId}`);
      await page.getByText(en['refcase.explain'], { exact: true }).waitFor();
      const res = await apiCall(page, 'POST', new RegExp(`/api/v1/referrals/${referralId}/case$`), () =>
        page.getByRole('button', { name: en['refcase.open'], exact: true }).click(),
      );
      assert.equal(res.status(), 201, `opening the case answered ${res.status()}: ${await res.text()}`);
      const own = await res.json();
      assert.notEqual(own.id, caseId);
      await page.waitForURL(new RegExp(`#/cases/${own.id}$`));
      await assertHeading(page, en['case.title'].replace('{reference}', own.reference));
      await page.goto(`${BASE}/#/referrals/${referralId}`);
      await page.getByRole('link', { name: own.reference, exact: true }).waitFor();
      assert.equal(await page.getByRole('button', { name: en['refcase.open'] }).count(), 0, 'once only');
    });
  });
});
