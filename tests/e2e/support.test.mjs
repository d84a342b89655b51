// Case entries on the case page, drawn from the server's forms: (n) a case
// worker of the Vietnamese legal aid network records a trafficking event
// (first with an end date before the start, refused in the browser next to
// the field, then with a control character the server refuses, shown next to
// its field), a perpetrator linked to the event, a needs assessment, a support
// objective with an action listed under it, a shelter stay, a task due
// yesterday assigned to themself (marked overdue, also on "My tasks") and a
// confidential note; (o) the organisation's admin, who sees the case but is
// neither the note's author nor a supervisor, sees only that a confidential
// note exists.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, assertHeading, createCase, en, launch, signIn, signOut, withContext } from './helpers.mjs';

const WORKER = 'vn-legal-caseworker';
const WORKER_NAME = 'Demo caseworker (vn-legal)';
const ADMIN = 'vn-legal-admin';
const NOTE_TEXT = 'She fears her recruiter knows where her family lives.';

let browser;
const shared = { id: null, reference: null };

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const fill = (key, params) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, v), en[key]);
const entriesPath = (id) => new RegExp(`/api/v1/cases/${id}/entries$`);

function utcDay(offsetDays) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function openTab(page, id, tab, labelKey) {
  const res = await apiCall(page, 'GET', entriesPath(id), () =>
    page
      .getByRole('navigation', { name: en['case.tabs_label'] })
      .getByRole('link', { name: en[labelKey], exact: true })
      .click(),
  );
  assert.equal(res.status(), 200, `GET entries answered ${res.status()}: ${await res.text()}`);
  await page.waitForURL(new RegExp(`#/cases/${id}/${tab}$`));
  await page.getByRole('heading', { level: 2, name: en[labelKey], exact: true }).waitFor();
}

// Opens the "Add" form of a kind and returns it.
async function openAddForm(page, kind) {
  const what = en[`form.${kind}`];
  await page.getByRole('button', { name: fill('entries.add_button', { what }), exact: true }).click();
  const form = page.getByRole('form', { name: fill('entries.add_title', { what }) });
  await form.waitFor();
  return form;
}

function label(kind, name) {
  return en[`field.${kind}.${name}`];
}

// The field's label with the "(required)" mark, as a screen reader hears it.
function required(kind, name) {
  return `${label(kind, name)} (${en['common.required']})`;
}

async function submit(page, form, id, { status = 201, method = 'POST', path = entriesPath(id) } = {}) {
  const res = await apiCall(page, method, path, () =>
    form.getByRole('button', { name: en['entries.add'], exact: true }).click(),
  );
  assert.equal(res.status(), status, `saving answered ${res.status()}: ${await res.text()}`);
  return { res, body: await res.json(), sent: JSON.parse(res.request().postData()) };
}

async function optionValue(select, text) {
  const option = select.locator('option', { hasText: text }).first();
  await option.waitFor({ state: 'attached' });
  const value = await option.getAttribute('value');
  assert.ok(value, `no option with "${text}"`);
  return value;
}

describe('case entries: events, support, notes and tasks', () => {
  test('(n) a case worker records the case entries', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, WORKER);
      const { id, reference } = await createCase(page, {
        first_name: 'Mai',
        second_name: 'Nguyễn',
        gender: 'Feminine',
        citizenship: 'VN',
        languages: 'vi',
        approximate_age: 24,
      });
      Object.assign(shared, { id, reference });

      // --- Events & perpetrators
      await openTab(page, id, 'events', 'entries.tab_events');
      let form = await openAddForm(page, 'event');
      await form.getByRole('radio', { name: en['pick.event_type.Recruitment'], exact: true }).check();
      await form.getByLabel(label('event', 'started_on'), { exact: true }).fill('2026-03-10');
      await form.getByLabel(label('event', 'ended_on'), { exact: true }).fill('2026-03-01');
      await form.getByLabel(label('event', 'country'), { exact: true }).selectOption('VN');
      await form.getByLabel(label('event', 'place'), { exact: true }).fill('Bus station\tLao Cai');
      // An end before the start is refused in the browser, next to the end date.
      await form.getByRole('button', { name: en['entries.add'], exact: true }).click();
      const orderError = fill('entries.v_date_order', { other: label('event', 'started_on') });
      await form.locator('.field--invalid', { has: page.locator('#f-event-new-ended_on') }).getByText(orderError).waitFor();
      assert.equal(await form.getByLabel(label('event', 'ended_on'), { exact: true }).getAttribute('aria-invalid'), 'true');

      // Fixed, the server still refuses the tab in the place: shown next to that field.
      await form.getByLabel(label('event', 'ended_on'), { exact: true }).fill('2026-03-12');
      let saved = await submit(page, form, id, { status: 400 });
      assert.equal(saved.body.error.field, 'fields.place');
      await form.locator('.field--invalid', { has: page.locator('#f-event-new-place') }).getByText(en['error.field_invalid']).waitFor();

      await form.getByLabel(label('event', 'place'), { exact: true }).fill('Bus station, Lao Cai');
      saved = await submit(page, form, id);
      assert.deepEqual(saved.sent, {
        kind: 'event',
        fields: { type: 'Recruitment', started_on: '2026-03-10', ended_on: '2026-03-12', country: 'VN', place: 'Bus station, Lao Cai' },
      });
      const event = saved.body;
      const events = page.locator('ol.entries--event > li');
      await events.first().waitFor();
      const eventText = await events.first().innerText();
      assert.ok(eventText.includes(en['pick.event_type.Recruitment']), eventText);
      assert.ok(eventText.includes('Bus station, Lao Cai'), eventText);

      form = await openAddForm(page, 'perpetrator');
      await form.getByLabel(required('perpetrator', 'name'), { exact: true }).fill('Anh Tuấn');
      await form.getByRole('checkbox', { name: en['pick.perpetrator_role.RecruiterOrIntermediary'], exact: true }).check();
      const eventSelect = form.getByLabel(label('perpetrator', 'event'), { exact: true });
      assert.equal(await optionValue(eventSelect, en['pick.event_type.Recruitment']), String(event.id));
      await eventSelect.selectOption(String(event.id));
      saved = await submit(page, form, id);
      assert.deepEqual(saved.sent.fields, { name: 'Anh Tuấn', roles: ['RecruiterOrIntermediary'], event: event.id });
      const perpetrator = await page.locator('ol.entries--perpetrator > li').first().innerText();
      assert.ok(perpetrator.includes(en['pick.perpetrator_role.RecruiterOrIntermediary']), perpetrator);

      // --- Support
      await openTab(page, id, 'support', 'entries.tab_support');
      form = await openAddForm(page, 'needs_assessment');
      await form.getByLabel(required('needs_assessment', 'assessed_on'), { exact: true }).fill(utcDay(0));
      await form.getByRole('checkbox', { name: en['pick.need.shelter'], exact: true }).check();
      await form.getByRole('checkbox', { name: en['pick.need.legal'], exact: true }).check();
      await form.getByLabel(label('needs_assessment', 'risk_level'), { exact: true }).selectOption('high');
      saved = await submit(page, form, id);
      assert.deepEqual(saved.sent.fields, { assessed_on: utcDay(0), needs: ['shelter', 'legal'], risk_level: 'high' });

      form = await openAddForm(page, 'support_objective');
      await form.getByLabel(required('support_objective', 'type'), { exact: true }).selectOption('Legal');
      await form.getByLabel(required('support_objective', 'objective'), { exact: true }).fill('Claim unpaid wages from the employer');
      await form.getByRole('radio', { name: en['pick.progress.in_progress'], exact: true }).check();
      saved = await submit(page, form, id);
      const objective = saved.body;

      form = await openAddForm(page, 'support_action');
      const objectiveSelect = form.getByLabel(required('support_action', 'objective'), { exact: true });
      await objectiveSelect.selectOption(await optionValue(objectiveSelect, 'Claim unpaid wages'));
      await form.getByLabel(required('support_action', 'action'), { exact: true }).fill('File the claim at the labour court');
      await form.getByRole('radio', { name: en['pick.progress.planned'], exact: true }).check();
      saved = await submit(page, form, id);
      assert.equal(saved.sent.fields.objective, objective.id);
      // The action is listed under its objective.
      const objectiveCard = page.locator(`ol.entries--support_objective > li[data-id="${objective.id}"]`);
      await objectiveCard.locator('li[data-kind="support_action"]', { hasText: 'File the claim at the labour court' }).waitFor();

      form = await openAddForm(page, 'service');
      await form.getByLabel(required('service', 'service_type'), { exact: true }).selectOption({ label: en['pick.service_type.shelter'] });
      await form.getByLabel(required('service', 'started_on'), { exact: true }).fill(utcDay(-3));
      saved = await submit(page, form, id);
      assert.deepEqual(saved.sent.fields, { service_type: 'shelter', started_on: utcDay(-3) });
      const service = await page.locator('ol.entries--service > li').first().innerText();
      assert.ok(service.includes(en['pick.service_type.shelter']), service);

      // --- Notes, tasks & meetings
      await openTab(page, id, 'notes', 'entries.tab_notes');
      form = await openAddForm(page, 'task');
      await form.getByLabel(required('task', 'title'), { exact: true }).fill('Call the labour inspector');
      await form.getByLabel(required('task', 'due_on'), { exact: true }).fill(utcDay(-1));
      const assignee = form.getByLabel(required('task', 'assignee'), { exact: true });
      const me = await optionValue(assignee, WORKER_NAME);
      await assignee.selectOption(me);
      saved = await submit(page, form, id);
      assert.deepEqual(saved.sent.fields, { title: 'Call the labour inspector', due_on: utcDay(-1), assignee: Number(me), done: false });
      const task = page.locator('ol.entries--task > li').first();
      await task.locator('.badge', { hasText: en['entries.overdue'] }).waitFor();

      form = await openAddForm(page, 'note');
      await form.getByLabel(required('note', 'text'), { exact: true }).fill(NOTE_TEXT);
      await form.getByLabel(label('note', 'confidential'), { exact: true }).check();
      saved = await submit(page, form, id);
      assert.deepEqual(saved.sent.fields, { text: NOTE_TEXT, confidential: true });
      const note = page.locator('ol.entries--note > li').first();
      await note.locator('dd', { hasText: NOTE_TEXT }).waitFor();
      await note.locator('.badge', { hasText: en['entries.confidential'] }).waitFor();

      // --- My tasks: the task is there, marked overdue in words, linking to its case tab.
      const res = await apiCall(page, 'GET', /\/api\/v1\/me\/tasks$/, () =>
        page.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['tasks.nav'], exact: true }).click(),
      );
      assert.equal(res.status(), 200);
      await assertHeading(page, en['tasks.title']);
      const item = page.locator('ol.tasks > li', { hasText: 'Call the labour inspector' }).filter({ hasText: reference });
      await item.waitFor();
      await item.locator('.badge', { hasText: en['entries.overdue'] }).waitFor();
      assert.equal(await item.getByRole('link', { name: reference, exact: true }).getAttribute('href'), `#/cases/${id}/notes`);
      await signOut(page);
    });
  });

  test('(o) a confidential note is shown to others of the organisation as restricted', async (t) => {
    assert.ok(shared.id, 'needs the case from (n)');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, ADMIN);
      const res = await apiCall(page, 'GET', entriesPath(shared.id), () => page.goto(`${BASE}/#/cases/${shared.id}/notes`));
      assert.equal(res.status(), 200);
      const restricted = (await res.json()).entries.find((e) => e.kind === 'note');
      assert.equal(restricted.restricted, true);
      assert.equal(restricted.fields, undefined);
      const note = page.locator('ol.entries--note > li').first();
      await note.getByText(en['entries.confidential_note'], { exact: true }).waitFor();
      assert.ok(!(await page.locator('main').innerText()).includes(NOTE_TEXT), 'the note text is not shown');
      // A read-only role: no forms.
      await page.getByText(en['casework.readonly'], { exact: true }).waitFor();
      assert.equal(await page.getByRole('button', { name: fill('entries.add_button', { what: en['form.note'] }) }).count(), 0);
    });
  });
});
