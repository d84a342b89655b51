// A repatriation through the screens: a Thai shelter records a Cambodian
// woman's consent, refers her to the Cambodian ministry for repatriation; the
// ministry accepts and starts the repatriation from the referral's page; then
// each side completes the steps it is responsible for, in the flow's order,
// through the handover at the border (who handed her over to whom) and the
// follow-up, and both see the return completed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, assertHeading, createCase, en, launch, recordConsent, signIn, withContext } from './helpers.mjs';

// This file's users: no other browser test writes with them.
const SENDER = 'th-shelter-caseworker';
const RECEIVER = 'kh-ministry-repatriation';
const MINISTRY = 'Demo Ministry of Social Affairs (Cambodia)';
const FIRST = 'សុភ័ក្រ';
const FAMILY = 'ឈិន';
const SUMMARY = 'Cambodian woman, 22, found in a factory raid in Samut Prakan; she wishes to go home to her family in Kampong Cham.';
const HANDOVER = {
  from_person: 'Ms. Kanya Srisawat',
  to_person: 'Mr. Vibol Chea',
  place: 'Aranyaprathet–Poipet international checkpoint',
};

let browser;
const shared = { caseId: null, referralId: null, repatriationId: null };

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const fill = (p) => (s) => s.replace('{id}', String(p));

async function openRepatriation(page) {
  const got = await apiCall(page, 'GET', new RegExp(`/api/v1/repatriations/${shared.repatriationId}$`), () =>
    page.goto(`${BASE}/#/repatriations/${shared.repatriationId}`),
  );
  assert.equal(got.status(), 200);
  await assertHeading(page, fill(shared.repatriationId)(en['repatriation.title']));
  return got.json();
}

function stepItem(page, code) {
  return page.locator(`ol.rp-steps > li[data-step="${code}"]`);
}

// Opens a step's form, chooses what happened, fills it and sends it; returns the answer.
async function takeStep(page, code, action, { notes, reason, documents = [], handover } = {}) {
  const item = stepItem(page, code);
  await item.getByRole('button', { name: en['repatriation.form_open'], exact: true }).click();
  const form = item.getByRole('form', { name: en['repatriation.form_label'] });
  const radio = form.getByRole('radio', { name: en[`rp_action.${action}`], exact: true });
  if (await radio.count()) await radio.check();
  if (notes) await form.getByLabel(en['repatriation.notes'], { exact: true }).fill(notes);
  if (reason) await form.getByLabel(en[`repatriation.reason_${action}`], { exact: false }).fill(reason);
  for (const [i, d] of documents.entries()) {
    await form.getByRole('button', { name: en['repatriation.document_add'], exact: true }).click();
    await form.getByLabel(en['repatriation.document_name'], { exact: true }).nth(i).fill(d.name);
    await form.getByLabel(en['repatriation.document_number'], { exact: true }).nth(i).fill(d.number);
  }
  if (handover) {
    await form.getByLabel(en['repatriation.handover_from_person'], { exact: false }).fill(handover.from_person);
    await form.getByLabel(en['repatriation.handover_to_person'], { exact: false }).fill(handover.to_person);
    await form.getByLabel(en['repatriation.handover_place'], { exact: false }).fill(handover.place);
  }
  const res = await apiCall(page, 'POST', new RegExp(`/api/v1/repatriations/${shared.repatriationId}/steps/\\d+$`), () =>
    form.getByRole('button', { name: en[`rp_do.${action}`], exact: true }).click(),
  );
  assert.equal(res.status(), 200, `${action} ${code} answered ${res.status()}: ${await res.text()}`);
  await page.getByText(en[`rp_done.${action}`], { exact: true }).waitFor();
  return res.json();
}

async function completeSteps(page, steps) {
  for (const [code, extra] of steps) {
    const rep = await takeStep(page, code, 'complete', extra);
    assert.equal(rep.steps.find((s) => s.code === code).state, 'done', code);
    await stepItem(page, code).locator('.badge', { hasText: en['rp_state.done'] }).waitFor();
  }
}

describe('a repatriation from Thailand to Cambodia', () => {
  test('the Thai shelter refers the woman to the Cambodian ministry for repatriation', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SENDER);
      const { id } = await createCase(page, {
        first_name: FIRST,
        second_name: FAMILY,
        gender: 'Feminine',
        citizenship: 'KH',
        languages: 'km',
        approximate_age: 22,
      });
      shared.caseId = id;
      const tabs = page.getByRole('navigation', { name: en['case.tabs_label'] });
      await tabs.getByRole('link', { name: en['case.tab_consent'], exact: true }).click();
      await page.waitForURL(new RegExp(`#/cases/${id}/consent$`));
      const consentForm = page.getByRole('form', { name: en['consent.form_title'] });
      await consentForm.getByRole('radio', { name: en['scope.organisation'], exact: true }).check();
      const orgSelect = consentForm.getByLabel(en['consent.organisation'], { exact: true });
      await orgSelect.locator('option', { hasText: MINISTRY }).waitFor({ state: 'attached' });
      const orgValue = await orgSelect.locator('option', { hasText: MINISTRY }).getAttribute('value');
      await recordConsent(page, id, 'purpose.referral', orgValue);
      await recordConsent(page, id, 'purpose.cross_border_disclosure', orgValue);

      await apiCall(page, 'GET', new RegExp(`/api/v1/cases/${id}/referrals$`), () =>
        tabs.getByRole('link', { name: en['referrals.tab'], exact: true }).click(),
      );
      const form = page.getByRole('form', { name: en['referrals.new_title'] });
      const to = form.getByLabel(en['referrals.to_organisation'], { exact: true });
      await to.locator('option', { hasText: MINISTRY }).waitFor({ state: 'attached' });
      await to.selectOption(orgValue);
      await form.getByLabel(en['referrals.reason'], { exact: true }).selectOption({ label: en['referral_reason.MigrationOrChangeOfLocation'] });
      await form.getByRole('checkbox', { name: en['dir_service.repatriation'], exact: true }).check();
      await form.getByLabel(en['referrals.summary'], { exact: true }).fill(SUMMARY);
      const sent = await apiCall(page, 'POST', /\/api\/v1\/referrals\/\d+\/transitions$/, () =>
        form.getByRole('button', { name: en['referrals.send'], exact: true }).click(),
      );
      assert.equal(sent.status(), 200, `sending answered ${sent.status()}: ${await sent.text()}`);
      const referral = await sent.json();
      assert.deepEqual(referral.services, ['repatriation']);
      shared.referralId = referral.id;

      // Before acceptance the referral's page says the repatriation waits for it.
      await page.goto(`${BASE}/#/referrals/${referral.id}`);
      const panel = page.getByRole('region', { name: en['repatriation.panel_title'], exact: true });
      await panel.getByText(en['repatriation.starts_after_accept'], { exact: true }).waitFor();
    });
  });

  test('the ministry accepts and starts the repatriation from the referral', async (t) => {
    assert.ok(shared.referralId, 'the first test did not send a referral');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, RECEIVER);
      await apiCall(page, 'GET', new RegExp(`/api/v1/referrals/${shared.referralId}$`), () =>
        page.goto(`${BASE}/#/referrals/${shared.referralId}`),
      );
      await assertHeading(page, fill(shared.referralId)(en['referrals.title']));
      const actions = page.getByRole('form', { name: en['referrals.actions_title'] });
      await actions.getByRole('radio', { name: en['referral_action.accept'], exact: true }).check();
      const accepted = await apiCall(page, 'POST', new RegExp(`/api/v1/referrals/${shared.referralId}/transitions$`), () =>
        actions.getByRole('button', { name: en['referral_do.accept'], exact: true }).click(),
      );
      assert.equal(accepted.status(), 200);

      const panel = page.getByRole('region', { name: en['repatriation.panel_title'], exact: true });
      await panel.getByText(en['repatriation.start_intro'], { exact: true }).waitFor();
      const started = await apiCall(page, 'POST', new RegExp(`/api/v1/referrals/${shared.referralId}/repatriation$`), () =>
        panel.getByRole('button', { name: en['repatriation.start'], exact: true }).click(),
      );
      assert.equal(started.status(), 201, `starting answered ${started.status()}: ${await started.text()}`);
      const rep = await started.json();
      assert.equal(rep.flow.id, 'th-kh');
      assert.equal(rep.side, 'origin');
      shared.repatriationId = rep.id;
      await page.waitForURL(new RegExp(`#/repatriations/${rep.id}$`));
      await assertHeading(page, fill(rep.id)(en['repatriation.title']));
      const titles = await page.locator('ol.rp-steps > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-step')));
      assert.deepEqual(titles, rep.steps.map((s) => s.code), 'the steps in the flow\'s order');
      // The first steps are the Thai side's: no form here; the origin's wait.
      const first = stepItem(page, 'identification');
      await first.getByText(en['rp_side.destination'], { exact: true }).waitFor();
      assert.equal(await first.getByRole('button', { name: en['repatriation.form_open'] }).count(), 0);
      assert.equal(await page.getByText(FIRST).count(), 0, 'the repatriation page carries no name');
    });
  });

  test('the shelter completes identification and consent to return', async (t) => {
    assert.ok(shared.repatriationId, 'no repatriation was started');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SENDER);
      const list = await apiCall(page, 'GET', /\/api\/v1\/repatriations$/, () =>
        page.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['repatriation.nav'], exact: true }).click(),
      );
      assert.equal(list.status(), 200);
      await assertHeading(page, en['repatriation.list_title']);
      const link = page.getByRole('link', { name: fill(shared.repatriationId)(en['repatriation.title']), exact: true });
      const row = page.getByRole('row').filter({ has: link });
      assert.ok((await row.innerText()).includes(MINISTRY));
      await openRepatriation(page);
      await completeSteps(page, [
        ['identification', { documents: [{ name: 'Screening and identification record', number: 'TH-SR-2031' }] }],
        ['consent-to-return', { notes: 'Explained in Khmer with an interpreter; she agrees to go home.' }],
      ]);
      // The origin country's steps are not this side's to take.
      assert.equal(await stepItem(page, 'nationality-verification').getByRole('button', { name: en['repatriation.form_open'] }).count(), 0);
    });
  });

  test('the ministry verifies nationality, traces and assesses the family, issues the travel document', async (t) => {
    assert.ok(shared.repatriationId, 'no repatriation was started');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, RECEIVER);
      await openRepatriation(page);
      // A step blocked shows why, and goes ahead once unblocked.
      await takeStep(page, 'family-tracing', 'block', { reason: 'Village chief away until next week' });
      await stepItem(page, 'family-tracing').getByText(en['repatriation.blocked_because'].replace('{reason}', 'Village chief away until next week'), { exact: true }).waitFor();
      await takeStep(page, 'family-tracing', 'unblock');
      await completeSteps(page, [
        ['nationality-verification', { documents: [{ name: 'Confirmation of nationality', number: 'KH-NV-118' }] }],
        ['family-tracing', { notes: 'Mother found in Kampong Cham.' }],
        ['family-assessment', { notes: 'Mother and aunt able and willing to care for her.' }],
        ['travel-documents', { documents: [{ name: 'Certificate of identity', number: 'KH-CI-5521' }] }],
      ]);
    });
  });

  test('the shelter agrees the date and place; the ministry records the handover through to follow-up', async (t) => {
    assert.ok(shared.repatriationId, 'no repatriation was started');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SENDER);
      await openRepatriation(page);
      await completeSteps(page, [['agreed-date-place', { notes: 'Poipet checkpoint, 09:00 on the agreed day.' }]]);
    });
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, RECEIVER);
      await openRepatriation(page);
      await completeSteps(page, [
        ['handover', { handover: HANDOVER, documents: [{ name: 'Signed handover record', number: 'HO-7781' }] }],
        ['reception', {}],
        ['reintegration-plan', { notes: 'Sewing course in Kampong Cham; small grant.' }],
        ['follow-up', { notes: 'Visited after three months: living with her mother, working.' }],
      ]);
      await page.locator('.page-head').getByText(en['rp_status.completed'], { exact: true }).waitFor();
    });
  });

  test('the shelter sees the return completed and who took her over at the border', async (t) => {
    assert.ok(shared.repatriationId, 'no repatriation was started');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, SENDER);
      const rep = await openRepatriation(page);
      assert.equal(rep.status, 'completed');
      await page.locator('.page-head').getByText(en['rp_status.completed'], { exact: true }).waitFor();
      const handover = stepItem(page, 'handover');
      const text = await handover.innerText();
      for (const part of [HANDOVER.from_person, HANDOVER.to_person, HANDOVER.place, MINISTRY]) assert.ok(text.includes(part), `${part} in ${text}`);
      // Listed with the completed ones.
      await apiCall(page, 'GET', /\/api\/v1\/repatriations$/, () => page.goto(`${BASE}/#/repatriations?status=completed`));
      await page.getByRole('link', { name: fill(shared.repatriationId)(en['repatriation.title']), exact: true }).waitFor();
    });
  });
});
