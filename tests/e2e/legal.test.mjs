// Legal cases in the browser (issue 6 acceptance): a lawyer of the Thai legal
// aid organisation records a criminal case and a labour claim for a Myanmar
// fisherman, the labour court awards his unpaid wages, the award is sent
// through the embassy for the Yangon shelter to confirm, with an appeal
// deadline in the lawyer's tasks; a case worker of the shelter finds the
// payment under "Payments to confirm" (amount, channel, sender, reference and
// note, nothing of the case, whose page stays closed to her) and confirms
// receipt; the lawyer then sees it confirmed on the claim.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, assertHeading, createCase, en, launch, signIn, signOut, withContext } from './helpers.mjs';

const LAWYER = 'th-legal-legal';
const LAWYER_NAME = 'Demo legal (th-legal)';
const PARTNER = 'mm-shelter-caseworker';
const PARTNER_NAME = 'Demo caseworker (mm-shelter)';
const PARTNER_ORG = 'Demo Reintegration Shelter (Yangon)';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const fill = (key, params) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, v), en[key]);
const entriesPath = (id) => new RegExp(`/api/v1/cases/${id}/entries$`);
const utcDay = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const label = (kind, name) => en[`field.${kind}.${name}`];
const required = (text) => `${text} (${en['common.required']})`;

async function openLegalTab(page, id) {
  const res = await apiCall(page, 'GET', entriesPath(id), () =>
    page.getByRole('navigation', { name: en['case.tabs_label'] }).getByRole('link', { name: en['legal.tab'], exact: true }).click(),
  );
  assert.equal(res.status(), 200, `GET entries answered ${res.status()}`);
  await page.waitForURL(new RegExp(`#/cases/${id}/legal$`));
  await page.getByRole('heading', { level: 2, name: en['legal.tab'], exact: true }).waitFor();
}

async function openAddForm(page, kind) {
  const what = en[`form.${kind}`];
  await page.getByRole('button', { name: fill('entries.add_button', { what }), exact: true }).click();
  const form = page.getByRole('form', { name: fill('entries.add_title', { what }) });
  await form.waitFor();
  return form;
}

async function save(page, form, id, buttonKey, method, status) {
  const path = method === 'POST' ? entriesPath(id) : new RegExp(`/api/v1/cases/${id}/entries/\\d+$`);
  const res = await apiCall(page, method, path, () => form.getByRole('button', { name: en[buttonKey], exact: true }).click());
  assert.equal(res.status(), status, `saving answered ${res.status()}: ${await res.text()}`);
  return { body: await res.json(), sent: JSON.parse(res.request().postData()) };
}

describe('legal cases: a labour claim and a criminal case, the award sent home and confirmed', () => {
  test('lawyer records, partner in Myanmar confirms, lawyer sees the confirmation', async (t) => {
    const reference = `EMB-${randomBytes(4).toString('hex')}`;
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, LAWYER);
      const kase = await createCase(page, {
        first_name: 'Zaw Lin',
        gender: 'Masculine',
        citizenship: 'MM',
        languages: 'my',
        approximate_age: 29,
      });
      await openLegalTab(page, kase.id);

      // --- The criminal case against the boat's captain.
      let form = await openAddForm(page, 'criminal_proceeding');
      await form.getByLabel(required(label('criminal_proceeding', 'defendant')), { exact: true }).fill('Captain of the Sea Star 9');
      await form.getByLabel(required(label('criminal_proceeding', 'charges')), { exact: true }).fill('Trafficking in persons for forced labour at sea');
      await form.getByLabel(label('criminal_proceeding', 'police_reference'), { exact: true }).fill('SK-2291/2026');
      await form.getByLabel(label('criminal_proceeding', 'court'), { exact: true }).fill('Provincial Court, Samut Sakhon');
      await form.getByLabel(required(label('criminal_proceeding', 'stage')), { exact: true }).selectOption('prosecution');
      let saved = await save(page, form, kase.id, 'entries.add', 'POST', 201);
      assert.equal(saved.sent.kind, 'criminal_proceeding');
      await page.locator('ol.entries--criminal_proceeding > li', { hasText: 'Captain of the Sea Star 9' }).waitFor();

      // --- The labour claim for unpaid wages, in baht.
      form = await openAddForm(page, 'claim');
      await form.getByRole('radio', { name: en['pick.claim_type.labour'], exact: true }).check();
      await form.getByRole('checkbox', { name: en['pick.claim_head.unpaid_wages'], exact: true }).check();
      await form.getByLabel(required(label('claim', 'respondent')), { exact: true }).fill('Sea Star Fishing Co., Ltd.');
      await form.getByLabel(required(label('claim', 'forum')), { exact: true }).selectOption('labour_court');
      await form.getByLabel(required(label('claim', 'currency')), { exact: true }).selectOption('THB');
      await form.getByLabel(required(`${label('claim', 'amount_claimed')} (THB)`), { exact: true }).fill('144,000');
      await form.getByLabel(required(label('claim', 'status')), { exact: true }).selectOption('filed');
      saved = await save(page, form, kase.id, 'entries.add', 'POST', 201);
      assert.deepEqual(saved.sent.fields, {
        claim_type: 'labour', heads: ['unpaid_wages'], respondent: 'Sea Star Fishing Co., Ltd.', forum: 'labour_court',
        currency: 'THB', amount_claimed: 14_400_000, status: 'filed',
      });
      const claimId = saved.body.id;
      const claim = page.locator(`ol.entries--claim > li[data-id="${claimId}"]`);
      await claim.locator('dd', { hasText: '144,000.00' }).waitFor();

      // --- The court awards 120,000 baht of unpaid wages.
      await claim.locator('button', { hasText: en['entries.edit'] }).first().click();
      form = page.getByRole('form', { name: fill('entries.edit_title', { what: en['form.claim'] }) });
      await form.getByLabel(`${label('claim', 'amount_awarded')} (THB)`, { exact: true }).fill('120000');
      await form.getByLabel(label('claim', 'decided_on'), { exact: true }).fill(utcDay(-3));
      await form.getByLabel(required(label('claim', 'status')), { exact: true }).selectOption('awarded');
      saved = await save(page, form, kase.id, 'entries.save', 'PUT', 200);
      assert.equal(saved.sent.version, 1);
      assert.equal(saved.sent.fields.amount_awarded, 12_000_000);
      assert.equal(saved.sent.fields.amount_claimed, 14_400_000, 'the claimed amount kept through the edit');
      await claim.locator('.badge', { hasText: en['pick.claim_status.awarded'] }).waitFor();
      await claim.locator('[data-total="outstanding"]', { hasText: '120,000.00' }).waitFor();

      // --- The employer may appeal within 15 days: a deadline in the lawyer's tasks.
      form = await openAddForm(page, 'legal_deadline');
      await form.getByLabel(required(label('legal_deadline', 'title')), { exact: true }).fill('Employer may appeal the award until');
      await form.getByLabel(required(label('legal_deadline', 'deadline_type')), { exact: true }).selectOption('appeal_window');
      await form.getByLabel(required(label('legal_deadline', 'due_on')), { exact: true }).fill(utcDay(12));
      const assignee = form.getByLabel(required(label('legal_deadline', 'assignee')), { exact: true });
      await assignee.selectOption({ label: fill('case.assignee_me', { name: LAWYER_NAME }) });
      await form.getByLabel(label('legal_deadline', 'claim'), { exact: true }).selectOption(String(claimId));
      await save(page, form, kase.id, 'entries.add', 'POST', 201);

      // --- The award is sent through the embassy, to be confirmed in Yangon.
      await claim.getByRole('button', { name: en['legal.payment_add'], exact: true }).click();
      const pay = claim.getByRole('form', { name: en['legal.payment_new'] });
      await pay.getByLabel(required(en['legal.payment_channel']), { exact: true }).selectOption('embassy');
      await pay.getByLabel(required(`${en['legal.payment_amount']} (THB)`), { exact: true }).fill('120,000.00');
      await pay.getByLabel(required(en['legal.payment_sent_on']), { exact: true }).fill(utcDay(-1));
      await pay.getByLabel(required(en['legal.payment_partner']), { exact: true }).selectOption({ label: PARTNER_ORG });
      await pay.getByLabel(en['legal.payment_reference'], { exact: true }).fill(reference);
      await pay.getByLabel(en['legal.payment_handover_note'], { exact: true }).fill('Please hand the money to Zaw Lin at your office; he has been told to expect your call.');
      const res = await apiCall(page, 'POST', new RegExp(`/api/v1/cases/${kase.id}/payments$`), () =>
        pay.getByRole('button', { name: en['legal.payment_record'], exact: true }).click(),
      );
      assert.equal(res.status(), 201, await res.text());
      const sent = JSON.parse(res.request().postData());
      assert.equal(sent.amount, 12_000_000);
      assert.equal(sent.currency, 'THB');
      assert.equal(sent.channel, 'embassy');
      await claim.getByText(en['legal.payment_recorded']).waitFor();
      const payment = claim.locator('li.payment', { hasText: reference });
      await payment.locator('.badge', { hasText: en['payment_state.awaiting_confirmation'] }).waitFor();
      await claim.locator('[data-total="paid"]', { hasText: '120,000.00' }).waitFor();

      // The deadline is in "My tasks", linking to the Legal tab.
      await page.goto(`${BASE}/#/tasks`);
      await assertHeading(page, en['tasks.title']);
      const task = page.locator('li.task', { hasText: 'Employer may appeal the award until' }).filter({ hasText: kase.reference });
      await task.waitFor();
      assert.equal(await task.getByRole('link', { name: kase.reference }).getAttribute('href'), `#/cases/${kase.id}/legal`);
      await signOut(page);

      // --- The shelter in Yangon confirms receipt, seeing nothing of the case.
      await signIn(page, PARTNER);
      await page.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['legal.nav_confirm'], exact: true }).click();
      await assertHeading(page, en['legal.confirm_title']);
      const item = page.locator('li.payment', { hasText: reference });
      await item.waitFor();
      const shown = await item.innerText();
      assert.ok(shown.includes('120,000.00'), shown);
      assert.ok(shown.includes(en['payment_channel.embassy']), shown);
      assert.ok(shown.includes('Demo Migrant Workers Legal Aid (Thailand)'), shown);
      assert.ok(shown.includes('he has been told to expect your call'), shown);
      for (const secret of [kase.reference, 'Sea Star Fishing', 'Captain of the Sea Star', 'SK-2291'])
        assert.ok(!shown.includes(secret), `the partner sees "${secret}"`);
      await item.getByLabel(required(en['legal.payment_received_on']), { exact: true }).fill(utcDay(0));
      await item.getByLabel(en['legal.payment_confirmation_note'], { exact: true }).fill('Handed over in cash at the shelter office.');
      const confirmed = await apiCall(page, 'POST', /\/api\/v1\/payments\/\d+\/confirmation$/, () =>
        item.getByRole('button', { name: en['legal.confirm_button'], exact: true }).click(),
      );
      assert.equal(confirmed.status(), 200, await confirmed.text());
      await page.getByText(en['legal.confirmed_notice']).waitFor();
      await item.locator('.badge', { hasText: en['payment_state.confirmed'] }).waitFor();

      // The case itself stays closed to her.
      const denied = await apiCall(page, 'GET', new RegExp(`/api/v1/cases/${kase.id}$`), () => page.goto(`${BASE}/#/cases/${kase.id}/legal`));
      assert.equal(denied.status(), 404);
      await assertHeading(page, en['notfound.case_title']);
      await signOut(page);

      // --- The lawyer sees the payment confirmed on the claim.
      await signIn(page, LAWYER);
      await page.goto(`${BASE}/#/cases/${kase.id}`);
      await openLegalTab(page, kase.id);
      const done = page.locator(`ol.entries--claim > li[data-id="${claimId}"] li.payment`, { hasText: reference });
      await done.locator('.badge', { hasText: en['payment_state.confirmed'] }).waitFor();
      const text = await done.innerText();
      assert.ok(text.includes(PARTNER_NAME), text);
      assert.ok(text.includes('Handed over in cash at the shelter office.'), text);
      await page.locator(`ol.entries--claim > li[data-id="${claimId}"] [data-total="received"]`, { hasText: '120,000.00' }).waitFor();
      await page.locator(`ol.entries--claim > li[data-id="${claimId}"] [data-total="outstanding"]`, { hasText: '0.00' }).waitFor();
    });
  });
});
