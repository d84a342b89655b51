// (p) One person's way through the hotline, end to end in the browser: a
// hotline operator takes a walk-in report; the hotline's supervisor creates a
// case from it, records the identification decision (an actual victim, by
// the NGO's team) and a support plan objective with an action; the case then
// shows the decision and the plan after a reload.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, assertHeading, en, field, launch, signIn, signOut, withContext } from './helpers.mjs';

const required = (key) => `${en[key]} (${en['common.required']})`;
const fill = (key, params) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, v), en[key]);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openTab(page, id, tab, labelKey, listPattern) {
  const res = await apiCall(page, 'GET', listPattern, () =>
    page.getByRole('navigation', { name: en['case.tabs_label'] }).getByRole('link', { name: en[labelKey], exact: true }).click(),
  );
  assert.equal(res.status(), 200, `opening ${tab}: ${res.status()} ${await res.text()}`);
  await page.waitForURL(new RegExp(`#/cases/${id}/${tab}$`));
}

describe('from a hotline report to an identified case with a support plan', () => {
  test('(p) report, case, identification, support plan', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      const what = `Walked in from a construction site; passport kept by the foreman ${randomBytes(3).toString('hex')}`;

      // 1. The hotline operator takes the report.
      await signIn(page, 'th-hotline-hotline');
      await page.goto(`${BASE}/#/intake/new`);
      await assertHeading(page, en['intake.new_title']);
      await field(page, 'intake.channel').selectOption({ label: en['channel.walk_in'] });
      await page.getByRole('radio', { name: en['urgency.urgent'], exact: true }).check();
      await page.getByLabel(required('intake.what_happened'), { exact: true }).fill(what);
      const person = page.getByRole('group', { name: fill('intake.person_n', { n: 1 }) });
      await person.getByLabel(en['intake.person_name'], { exact: true }).fill('ຄຳແພງ');
      await person.getByLabel(en['person.approximate_age'], { exact: true }).fill('27');
      await person.getByLabel(en['intake.person_citizenship'], { exact: true }).fill('LA');
      const saved = await apiCall(page, 'POST', /\/api\/v1\/intake-reports$/, () =>
        page.getByRole('button', { name: en['intake.submit_report'], exact: true }).click(),
      );
      assert.equal(saved.status(), 201, await saved.text());
      const report = await saved.json();
      await signOut(page);

      // 2. The supervisor creates the case from it.
      await signIn(page, 'th-hotline-supervisor');
      await apiCall(page, 'GET', new RegExp(`/api/v1/intake-reports/${report.id}$`), () =>
        page.goto(`${BASE}/#/intake/${report.id}`),
      );
      await assertHeading(page, en['intake.report_title']);
      await page.getByRole('button', { name: en['intake.create_open'], exact: true }).click();
      assert.equal(await field(page, 'person.first_name').inputValue(), 'ຄຳແພງ');
      await field(page, 'person.languages').fill('lo');
      const created = await apiCall(page, 'POST', new RegExp(`/api/v1/intake-reports/${report.id}/create-case$`), () =>
        page.getByRole('button', { name: en['intake.create_submit'], exact: true }).click(),
      );
      assert.equal(created.status(), 201, await created.text());
      const id = (await created.json()).case.id;
      await page.waitForURL(new RegExp(`#/cases/${id}$`));

      // 3. The identification decision.
      await openTab(page, id, 'identification', 'case.tab_identification', new RegExp(`/api/v1/cases/${id}/identifications$`));
      const decide = page.getByRole('form', { name: en['identification.form_title'] });
      await decide.getByRole('radio', { name: en['idstatus.ActualVictimOfTrafficking'], exact: true }).check();
      await decide.getByLabel(en['identification.decided_by'], { exact: true }).selectOption({ label: en['decider.NGO'] });
      await decide.getByLabel(en['identification.reasons'], { exact: false }).fill('Passport withheld, no pay for five months, threats.');
      const decided = await apiCall(page, 'POST', new RegExp(`/api/v1/cases/${id}/identifications$`), () =>
        decide.getByRole('button', { name: en['identification.submit'], exact: true }).click(),
      );
      assert.equal(decided.status(), 201, await decided.text());

      // 4. The support plan: an objective and an action under it.
      await openTab(page, id, 'support', 'entries.tab_support', new RegExp(`/api/v1/cases/${id}/entries$`));
      const add = async (kind) => {
        const what = en[`form.${kind}`];
        await page.getByRole('button', { name: fill('entries.add_button', { what }), exact: true }).click();
        const form = page.getByRole('form', { name: fill('entries.add_title', { what }) });
        await form.waitFor();
        return form;
      };
      const submit = async (form) => {
        const res = await apiCall(page, 'POST', new RegExp(`/api/v1/cases/${id}/entries$`), () =>
          form.getByRole('button', { name: en['entries.add'], exact: true }).click(),
        );
        assert.equal(res.status(), 201, await res.text());
        return res.json();
      };
      let form = await add('support_objective');
      await form.getByLabel(`${en['field.support_objective.type']} (${en['common.required']})`, { exact: true }).selectOption('Legal');
      await form.getByLabel(`${en['field.support_objective.objective']} (${en['common.required']})`, { exact: true }).fill('Recover the passport and unpaid wages');
      await form.getByRole('radio', { name: en['pick.progress.in_progress'], exact: true }).check();
      const objective = await submit(form);
      form = await add('support_action');
      const select = form.getByLabel(`${en['field.support_action.objective']} (${en['common.required']})`, { exact: true });
      await select.locator(`option[value="${objective.id}"]`).waitFor({ state: 'attached' });
      await select.selectOption(String(objective.id));
      await form.getByLabel(`${en['field.support_action.action']} (${en['common.required']})`, { exact: true }).fill('Ask the labour inspector to visit the site');
      await form.getByRole('radio', { name: en['pick.progress.planned'], exact: true }).check();
      await submit(form);

      // 5. After a reload the case shows the decision and the plan.
      await page.reload();
      await page.locator(`ol.entries--support_objective > li[data-id="${objective.id}"]`)
        .locator('li[data-kind="support_action"]', { hasText: 'Ask the labour inspector' }).waitFor();
      await openTab(page, id, 'identification', 'case.tab_identification', new RegExp(`/api/v1/cases/${id}/identifications$`));
      const top = await page.locator('ol.identifications > li').first().innerText();
      assert.ok(top.includes(en['idstatus.ActualVictimOfTrafficking']), top);
      // The report is linked and has left the duty queue.
      const queue = await (await page.request.get(`${BASE}/api/v1/intake-reports`)).json();
      assert.ok(!queue.items.some((r) => r.id === report.id));
    });
  });
});
