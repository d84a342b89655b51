// Intake in the browser: (l) a hotline operator takes an urgent phone report,
// it shows in the duty queue ahead of every less urgent report; a supervisor
// assigns an agency and creates a case from it, and the case opens with the
// reported person filled in. (m) The public report page works without signing
// in and shows the receipt number.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  BASE, apiCall, assertHeading, en, field, heading, launch, referenceOnPage, signIn, signOut, withContext,
} from './helpers.mjs';

const RANK = { immediate_danger: 0, urgent: 1, routine: 2 };

// A required field's label ends with "(required)".
const required = (page, key) => page.getByLabel(`${en[key]} (${en['common.required']})`, { exact: true });

describe('intake', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('(l) an urgent phone report goes up the duty queue, is assigned and becomes a case', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      const what = `Two girls kept in a karaoke bar in Hat Yai, calling for help ${randomBytes(3).toString('hex')}`;

      // The operator takes the call.
      await signIn(page, 'th-hotline-hotline');
      await page.getByRole('link', { name: en['intake.nav'], exact: true }).click();
      await assertHeading(page, en['intake.queue_title']);
      await page.getByRole('link', { name: en['intake.new_report'], exact: true }).click();
      await assertHeading(page, en['intake.new_title']);
      await field(page, 'intake.channel').selectOption({ label: en['channel.phone_hotline'] });
      await page.getByRole('radio', { name: en['urgency.urgent'], exact: true }).check();
      await field(page, 'intake.language').fill('my');
      await page.getByLabel(en['intake.interpreter_used'], { exact: true }).check();
      await required(page, 'intake.what_happened').fill(what);
      await field(page, 'intake.location_country').fill('TH');
      await field(page, 'intake.location').fill('Karaoke bar near the market, Hat Yai');
      // Two reported people, the first a child.
      const first = page.getByRole('group', { name: en['intake.person_n'].replace('{n}', '1') });
      await first.getByLabel(en['intake.person_name'], { exact: true }).fill('နွယ်နီ');
      await first.getByLabel(en['person.approximate_age'], { exact: true }).fill('15');
      await first.getByLabel(en['person.gender'], { exact: true }).selectOption({ label: en['gender.Feminine'] });
      await first.getByLabel(en['intake.person_citizenship'], { exact: true }).fill('MM');
      await first.getByLabel(en['intake.person_child'], { exact: true }).check();
      await page.getByRole('button', { name: en['intake.add_person'], exact: true }).click();
      const second = page.getByRole('group', { name: en['intake.person_n'].replace('{n}', '2') });
      await second.getByLabel(en['intake.person_description'], { exact: true }).fill('Her cousin, about 19');
      await field(page, 'intake.reporter_name').fill('Ko Aung');
      await field(page, 'intake.reporter_contact').fill('+95 9 555 0101');
      const saved = await apiCall(page, 'POST', /\/api\/v1\/intake-reports$/, () =>
        page.getByRole('button', { name: en['intake.submit_report'], exact: true }).click(),
      );
      assert.equal(saved.status(), 201, `saving the report answered ${saved.status()}: ${await saved.text()}`);
      const report = await saved.json();
      assert.equal(report.persons.length, 2);

      // Back in the queue: the report is ahead of every less urgent one.
      await assertHeading(page, en['intake.queue_title']);
      await page.getByText(en['intake.saved_notice']).waitFor();
      const rows = page.locator('table.intake-queue tbody tr');
      await rows.first().waitFor();
      const ids = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.reportId)));
      const at = ids.indexOf(report.id);
      assert.ok(at >= 0, 'the new report is in the queue');
      const queue = await (await page.request.get(`${BASE}/api/v1/intake-reports`)).json();
      assert.deepEqual(ids, queue.items.map((r) => r.id), 'the screen keeps the API order');
      for (const r of queue.items.slice(0, at)) assert.ok(RANK[r.urgency] <= RANK.urgent, 'only as urgent or more above it');
      for (const r of queue.items.slice(at + 1)) assert.ok(RANK[r.urgency] >= RANK.urgent, 'nothing more urgent below it');
      const row = rows.nth(at);
      const rowText = await row.innerText();
      assert.ok(rowText.includes(en['urgency.urgent']), rowText);
      assert.ok(rowText.includes(en['channel.phone_hotline']), rowText);
      assert.ok(rowText.includes(en['intake.unassigned']), rowText);
      assert.match(rowText, /min|now|minute/i, 'the age in words');
      await signOut(page);

      // The supervisor assigns an agency and creates the case.
      await signIn(page, 'th-hotline-supervisor');
      await page.goto(`${BASE}/#/intake`);
      await assertHeading(page, en['intake.queue_title']);
      await apiCall(page, 'GET', new RegExp(`/api/v1/intake-reports/${report.id}$`), () =>
        page.locator(`tr[data-report-id="${report.id}"] a`).first().click(),
      );
      await assertHeading(page, en['intake.report_title']);
      await page.getByText('Ko Aung').waitFor();  // supervisors see who reported
      await field(page, 'intake.team').fill('Mobile team South');
      await field(page, 'intake.agency').selectOption({ label: 'Demo Anti-Trafficking Police Division (Thailand)' });
      const assigned = await apiCall(page, 'POST', new RegExp(`/api/v1/intake-reports/${report.id}/assign$`), () =>
        page.getByRole('button', { name: en['intake.assign_submit'], exact: true }).click(),
      );
      assert.equal(assigned.status(), 200, await assigned.text());
      await page.getByText(en['intake.assigned_notice']).waitFor();
      await page.getByText('Mobile team South · Demo Anti-Trafficking Police Division (Thailand)').waitFor();

      await page.getByRole('button', { name: en['intake.create_open'], exact: true }).click();
      assert.equal(await field(page, 'person.first_name').inputValue(), 'နွယ်နီ', 'prefilled from the first person');
      assert.equal(await field(page, 'person.approximate_age').inputValue(), '15');
      assert.equal(await field(page, 'person.citizenship').inputValue(), 'MM');
      await field(page, 'person.languages').fill('my');
      const created = await apiCall(page, 'POST', new RegExp(`/api/v1/intake-reports/${report.id}/create-case$`), () =>
        page.getByRole('button', { name: en['intake.create_submit'], exact: true }).click(),
      );
      assert.equal(created.status(), 201, await created.text());
      const body = await created.json();
      await page.waitForURL(new RegExp(`#/cases/${body.case.id}$`));
      assert.equal(await referenceOnPage(page), body.case.reference);
      await page.getByText(en['intake.case_created_notice']).waitFor();
      assert.equal(await field(page, 'person.first_name').inputValue(), 'နွယ်နီ');

      // Linked: it has left the queue.
      const after = await (await page.request.get(`${BASE}/api/v1/intake-reports`)).json();
      assert.ok(!after.items.some((r) => r.id === report.id));
    });
  });

  test('(m) the public report page works without signing in and shows the receipt', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await page.goto(`${BASE}/`);
      await assertHeading(page, en['signin.title']);
      await page.getByRole('link', { name: en['public.signin_link'], exact: true }).click();
      await assertHeading(page, en['public.title']);
      await page.getByText(en['public.next_1']).waitFor();  // what happens next, before sending
      // The form says what is missing without asking the server.
      await page.getByRole('button', { name: en['public.submit'], exact: true }).click();
      await page.getByText(en['public.v_what']).waitFor();
      await required(page, 'public.what_happened').fill('Men on a fishing boat say they have not been paid for a year and cannot leave.');
      await field(page, 'public.where').fill('Pier 3, Samut Sakhon');
      await field(page, 'public.country').selectOption('TH');
      await field(page, 'public.who').fill('About ten men from Cambodia');
      await field(page, 'public.how_many').fill('10');
      await page.getByRole('radio', { name: en['public_urgency.routine'], exact: true }).check();
      const sent = await apiCall(page, 'POST', /\/api\/v1\/public\/reports$/, () =>
        page.getByRole('button', { name: en['public.submit'], exact: true }).click(),
      );
      assert.equal(sent.status(), 201, await sent.text());
      const { receipt } = await sent.json();
      await assertHeading(page, en['public.thanks_title']);
      assert.equal((await page.getByTestId('receipt').innerText()).trim(), receipt);
      assert.match(receipt, /^R-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await page.getByText(en['public.next_2']).waitFor();
      const cookies = await context.cookies();
      assert.ok(!cookies.some((c) => c.name === 'trm_session'), 'no session was made');
      assert.equal(await heading(page).count(), 1);
    });
  });
});
