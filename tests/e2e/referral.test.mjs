// A cross-border referral through the screens: a Thai shelter records a
// Cambodian woman's consent to referral and to cross-border disclosure, refers
// her to the Cambodian legal aid centre for legal aid (the parts to share are
// ticked from the service); the centre sees it in its incoming inbox with only
// the summary, accepts it, then reads the shared parts and writes a message;
// the shelter sees the message on the referral's timeline.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, assertHeading, createCase, en, launch, recordConsent, signIn, withContext } from './helpers.mjs';

// This file's users: no other browser test writes with them.
const SENDER = 'th-shelter-supervisor';
const RECEIVER = 'kh-legal-caseworker';
const LEGAL_AID = 'Demo Legal Aid Centre (Cambodia)';
const FIRST = 'ស្រីពៅ';
const FAMILY = 'ម៉ៅ';
const SUMMARY = 'Cambodian woman, 26, exploited in domestic work in Bangkok; needs legal advice on a claim for unpaid wages.';
const MESSAGE = 'We have a lawyer free on Thursday. Can she join a video call?';

let browser;
const shared = { caseId: null, referralId: null };

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const fill = (p) => (s) => s.replace('{id}', String(p));

describe('a cross-border referral', () => {
  test('the shelter records consent and refers the person for legal aid', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SENDER);
      const { id } = await createCase(page, {
        first_name: FIRST,
        second_name: FAMILY,
        gender: 'Feminine',
        citizenship: 'KH',
        languages: 'km',
        approximate_age: 26,
      });
      shared.caseId = id;

      // Consent to referral and to disclosure across the border, for the centre.
      const tabs = page.getByRole('navigation', { name: en['case.tabs_label'] });
      await tabs.getByRole('link', { name: en['case.tab_consent'], exact: true }).click();
      await page.waitForURL(new RegExp(`#/cases/${id}/consent$`));
      const orgSelect = page.getByRole('form', { name: en['consent.form_title'] }).getByLabel(en['consent.organisation'], { exact: true });
      await page.getByRole('form', { name: en['consent.form_title'] }).getByRole('radio', { name: en['scope.organisation'], exact: true }).check();
      await orgSelect.locator('option', { hasText: LEGAL_AID }).waitFor({ state: 'attached' });
      const orgValue = await orgSelect.locator('option', { hasText: LEGAL_AID }).getAttribute('value');
      await recordConsent(page, id, 'purpose.referral', orgValue, { rightsNotice: '2026-1' });
      await recordConsent(page, id, 'purpose.cross_border_disclosure', orgValue, { rightsNotice: '2026-1' });

      // The referrals tab: none yet.
      const list = await apiCall(page, 'GET', new RegExp(`/api/v1/cases/${id}/referrals$`), () =>
        tabs.getByRole('link', { name: en['referrals.tab'], exact: true }).click(),
      );
      assert.equal(list.status(), 200);
      await page.getByText(en['referrals.case_none'], { exact: true }).waitFor();

      const form = page.getByRole('form', { name: en['referrals.new_title'] });
      const to = form.getByLabel(en['referrals.to_organisation'], { exact: true });
      await to.locator('option', { hasText: LEGAL_AID }).waitFor({ state: 'attached' });
      // Grouped by country.
      assert.equal(await to.locator('optgroup', { has: page.locator('option', { hasText: LEGAL_AID }) }).count(), 1);
      await to.selectOption(orgValue);
      await form.getByLabel(en['referrals.reason'], { exact: true }).selectOption({ label: en['referral_reason.AdditionalServicesRequired'] });
      await form.getByRole('checkbox', { name: en['dir_service.legal_aid'], exact: true }).check();
      // The parts legal aid needs are ticked; others are not.
      for (const part of ['referral_part.person', 'referral_part.identification', 'form.event', 'form.perpetrator', 'form.identity_document'])
        assert.ok(await form.getByRole('checkbox', { name: en[part], exact: true }).isChecked(), `${part} ticked`);
      for (const part of ['form.needs_assessment', 'form.note'])
        assert.ok(!(await form.getByRole('checkbox', { name: en[part], exact: true }).isChecked()), `${part} not ticked`);
      await form.getByText(en['referrals.parts_explain'], { exact: true }).waitFor();
      await form.getByLabel(en['referrals.summary'], { exact: true }).fill(SUMMARY);

      const [created, sent] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new RegExp(`/api/v1/cases/${id}/referrals$`).test(new URL(r.url()).pathname)),
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/referrals\/\d+\/transitions$/.test(new URL(r.url()).pathname)),
        form.getByRole('button', { name: en['referrals.send'], exact: true }).click(),
      ]);
      assert.equal(created.status(), 201, `drafting answered ${created.status()}: ${await created.text()}`);
      const body = JSON.parse(created.request().postData());
      assert.deepEqual(body.services, ['legal_aid']);
      assert.deepEqual(body.parts, ['person', 'identification', 'victim_context', 'event', 'perpetrator', 'identity_document']);
      assert.equal(sent.status(), 200, `sending answered ${sent.status()}: ${await sent.text()}`);
      const referral = await sent.json();
      assert.equal(referral.status, 'sent');
      assert.equal(referral.cross_border, true);
      shared.referralId = referral.id;

      await page.getByText(en['referrals.sent_notice'].replace('{organisation}', LEGAL_AID), { exact: true }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: fill(referral.id)(en['referrals.referral_no']), exact: true }) });
      await row.getByText(en['referral_status.sent'], { exact: true }).waitFor();
      assert.ok((await row.innerText()).includes(LEGAL_AID));
    });
  });

  test('the legal aid centre sees only the summary, accepts, reads the shared parts and writes', async (t) => {
    assert.ok(shared.referralId, 'the first test did not send a referral');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, RECEIVER);
      const inbox = await apiCall(page, 'GET', /\/api\/v1\/referrals$/, () =>
        page.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['referrals.nav'], exact: true }).click(),
      );
      assert.equal(inbox.status(), 200);
      assert.equal(new URL(inbox.url()).searchParams.get('box'), 'incoming');
      await assertHeading(page, en['referrals.inbox_title']);
      const link = page.getByRole('link', { name: fill(shared.referralId)(en['referrals.referral_no']), exact: true });
      const row = page.getByRole('row').filter({ has: link });
      await row.waitFor();
      const text = await row.innerText();
      assert.ok(text.includes('Demo Shelter for Women and Children (Bangkok)'), text);
      assert.ok(text.includes(en['dir_service.legal_aid']), text);
      assert.ok(text.includes(en['referral_status.sent']), text);

      const got = await apiCall(page, 'GET', new RegExp(`/api/v1/referrals/${shared.referralId}$`), () => link.click());
      assert.equal(got.status(), 200);
      await assertHeading(page, fill(shared.referralId)(en['referrals.title']));
      await page.getByText(SUMMARY, { exact: true }).waitFor();
      await page.getByText(en['referrals.parts_receiver_closed'], { exact: true }).waitFor();
      assert.equal(await page.getByText(FIRST).count(), 0, 'the name is not shown before acceptance');
      assert.equal(await page.getByRole('heading', { name: en['referrals.shared_title'] }).count(), 0);

      const actions = page.getByRole('form', { name: en['referrals.actions_title'] });
      await actions.getByRole('radio', { name: en['referral_action.accept'], exact: true }).check();
      const [accepted, sharedRes] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/referrals/${shared.referralId}/transitions`),
        page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/referrals/${shared.referralId}/shared`),
        actions.getByRole('button', { name: en['referral_do.accept'], exact: true }).click(),
      ]);
      assert.equal(accepted.status(), 200, `accepting answered ${accepted.status()}: ${await accepted.text()}`);
      assert.equal(sharedRes.status(), 200, `the shared parts answered ${sharedRes.status()}: ${await sharedRes.text()}`);
      await page.getByText(en['referral_done.accept'], { exact: true }).waitFor();

      // The shared parts, read only: the person, and no form to change them.
      const sharedSection = page.getByRole('region', { name: en['referrals.shared_title'], exact: true });
      await sharedSection.getByText(`${FIRST} ${FAMILY}`, { exact: true }).waitFor();
      await sharedSection.getByRole('heading', { level: 3, name: en['referral_part.person'], exact: true }).waitFor();
      assert.equal(await sharedSection.locator('input, textarea, select').count(), 0);

      // A message on the timeline.
      const message = page.getByRole('form', { name: en['referrals.message_title'] });
      await message.getByLabel(en['referrals.message_label'], { exact: true }).fill(MESSAGE);
      const posted = await apiCall(page, 'POST', new RegExp(`/api/v1/referrals/${shared.referralId}/messages$`), () =>
        message.getByRole('button', { name: en['referrals.message_submit'], exact: true }).click(),
      );
      assert.equal(posted.status(), 201);
      await page.locator('ol.timeline > li[data-kind="message"]').getByText(MESSAGE, { exact: true }).waitFor();
    });
  });

  test('the shelter sees the answer and the message on the timeline', async (t) => {
    assert.ok(shared.referralId, 'the first test did not send a referral');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SENDER);
      const got = await apiCall(page, 'GET', new RegExp(`/api/v1/referrals/${shared.referralId}$`), () =>
        page.goto(`${BASE}/#/referrals/${shared.referralId}`),
      );
      assert.equal(got.status(), 200);
      await assertHeading(page, fill(shared.referralId)(en['referrals.title']));
      await page.locator('.page-head').getByText(en['referral_status.accepted'], { exact: true }).waitFor();
      const timeline = page.locator('ol.timeline');
      await timeline.locator('li[data-kind="message"]').getByText(MESSAGE, { exact: true }).waitFor();
      const kinds = await timeline.locator('> li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-kind')));
      assert.deepEqual(kinds, ['create', 'send', 'accept', 'message']);
      // The sender's own case is linked from the referral.
      await page.locator(`a[href="#/cases/${shared.caseId}/referrals"]`).waitFor();
      // Outgoing inbox lists it as accepted.
      await apiCall(page, 'GET', /\/api\/v1\/referrals$/, () => page.goto(`${BASE}/#/referrals?box=outgoing`));
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: fill(shared.referralId)(en['referrals.referral_no']), exact: true }) });
      await row.getByText(en['referral_status.accepted'], { exact: true }).waitFor();
    });
  });
});
