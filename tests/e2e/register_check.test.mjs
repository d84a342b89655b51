// The register's check, through the screens: a Thai police supervisor enters a broker
// (through the API) with a case filed, linked to one of their cases; a social
// worker of a Thai shelter pastes a job advert with the broker's phone number
// into the Register page and sees the broker's "case filed" status, how it
// matched, and nothing more: no names, identifiers, addresses, source
// reference, linked case or link to the entry. Then a broker entered in Thai
// script only is found by the Latin spelling, matched by name in another script.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { BASE, PASSWORD, apiCall, assertHeading, en, launch, signIn, withContext } from './helpers.mjs';

// This file's users: no other browser test writes with them.
const OFFICER = 'th-police-supervisor';  // th-police-caseworker is locked by the API tests' lockout check
const SOCIAL_WORKER = 'th-shelter-caseworker';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function call(method, path, token, body) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
}

// A broker no earlier run has entered: fresh names and a fresh number.
async function enterBroker() {
  const t = randomBytes(4).toString('hex');
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const broker = {
    name: `Somsak Broker ${t}`,
    thai: `สมศักดิ์ นายหน้า ${t}`,
    phone: `+66 9${digits[0]} ${digits.slice(1, 4)} ${digits.slice(4)}`,
    national: `09${digits.slice(0, 2)}-${digits.slice(2, 5)}-${digits.slice(5)}`,
    licence: `TH-LIC-${t}`,
    handle: `@somsak_${t}`,
    address: `Moo 4, Mae Sot ${t}`,
    reference: `Tak police case ${t}`,
  };
  const signIn = await call('POST', '/api/v1/auth/sign-in', null, { username: OFFICER, password: PASSWORD });
  assert.equal(signIn.status, 200, signIn.text);
  const token = signIn.json.token;
  const kase = await call('POST', '/api/v1/cases', token, {
    person: { first_name: 'Aung', second_name: `Min ${t}`, gender: 'Masculine', approximate_age: 29, citizenship: ['MM'], languages: ['my'] },
  });
  assert.equal(kase.status, 201, kase.text);
  const created = await call('POST', '/api/v1/register', token, {
    kind: 'person',
    role: 'broker',
    country: 'TH',
    names: [broker.name, broker.thai],
    licence_numbers: [broker.licence],
    addresses: [broker.address],
    phones: [broker.phone],
    handles: [broker.handle],
    status: 'case_filed',
    status_date: '2026-01-15',
    source: { kind: 'case', reference: broker.reference },
    reason: 'Recruited men for fishing boats; three of them made statements.',
  });
  assert.equal(created.status, 201, created.text);
  const linked = await call('POST', `/api/v1/register/${created.json.id}/cases`, token, {
    version: created.json.version,
    case_id: kase.json.id,
    reason: 'The broker recruited this man.',
  });
  assert.equal(linked.status, 200, linked.text);
  return { ...broker, id: created.json.id, caseReference: kase.json.reference };
}

test('a social worker checks a broker\'s phone number from a job advert and sees "case filed", nothing more', async (t) => {
  const broker = await enterBroker();
  await withContext(t, browser, async (context) => {
    const page = await context.newPage();
    await signIn(page, SOCIAL_WORKER);
    await page.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['register.nav'], exact: true }).click();
    await assertHeading(page, en['register.title']);

    const form = page.getByRole('form', { name: en['register.check_title'] });
    const advert = `Work on fishing boats in Malaysia, 18000 baht a month, no fees! Call Khun Somsak ${broker.national} today.`;
    await form.getByLabel(en['register_query.text'], { exact: true }).fill(advert);
    const res = await apiCall(page, 'POST', /\/api\/v1\/register\/check$/, () =>
      form.getByRole('button', { name: en['register.check'], exact: true }).click(),
    );
    assert.equal(res.status(), 200, await res.text());

    const results = page.locator('.reg-check-results');
    await results.getByText(en['register.found_in_text'].replace('{items}', broker.national), { exact: true }).waitFor();
    const card = results.locator(`li[data-entry-id="${broker.id}"]`);
    await card.waitFor();
    await card.getByText(en['register_status.case_filed'], { exact: true }).waitFor();
    const explained = en['register.match_line']
      .replace('{query}', en['register_query.text'])
      .replace('{value}', broker.national)
      .replace('{field}', en['register_field.phone'])
      .replace('{how}', en['register_how.normalised']);
    await card.getByText(explained, { exact: true }).waitFor();
    await card.getByText(en['register.reference_not_public'], { exact: true }).waitFor();

    // Nothing more: no identifiers, no linked case, no way to the entry.
    const text = await page.locator('main').innerText();
    for (const secret of [broker.name, broker.thai, broker.phone, broker.licence, broker.handle, broker.address,
      broker.reference, broker.caseReference])
      assert.ok(!text.includes(secret), `the page shows ${secret}`);
    assert.equal(await card.getByRole('link').count(), 0, 'no link to the entry');
    assert.equal(await page.locator(`a[href*="#/register/${broker.id}"]`).count(), 0);
    assert.equal(await page.getByRole('heading', { name: en['register.entries_title'], exact: true }).count(), 0, 'no list of entries');
    assert.equal(await page.getByRole('link', { name: en['register.new_entry'], exact: true }).count(), 0);
    const body = await res.json();
    const item = body.items.find((i) => i.entry.id === broker.id);
    assert.equal(item.entry.detail, null, 'the answer itself carries no details');

    // The entry's own page refuses a member who only checks.
    await page.goto(`${BASE}/#/register/${broker.id}`);
    await page.getByText(en['register.details_denied'], { exact: true }).waitFor();
  });
});

test('a social worker checks a Latin spelling and sees the Thai-script broker matched by name in another script', async (t) => {
  const signedIn = await call('POST', '/api/v1/auth/sign-in', null, { username: OFFICER, password: PASSWORD });
  assert.equal(signedIn.status, 200, signedIn.text);
  const created = await call('POST', '/api/v1/register', signedIn.json.token, {
    kind: 'person',
    role: 'broker',
    country: 'TH',
    names: ['สมชาย ใจดี'],
    status: 'alleged_in_report',
    status_date: '2026-02-01',
    source: { kind: 'case', reference: `Hotline report ${randomBytes(4).toString('hex')}` },
    reason: 'Named by four men recruited for fishing boats.',
  });
  assert.equal(created.status, 201, created.text);
  const id = created.json.id;
  await withContext(t, browser, async (context) => {
    const page = await context.newPage();
    await signIn(page, SOCIAL_WORKER);
    await page.goto(`${BASE}/#/register`);
    await assertHeading(page, en['register.title']);
    const form = page.getByRole('form', { name: en['register.check_title'] });
    await form.getByLabel(en['register_query.name'], { exact: true }).fill('Somchai Jaidee');
    const res = await apiCall(page, 'POST', /\/api\/v1\/register\/check$/, () =>
      form.getByRole('button', { name: en['register.check'], exact: true }).click(),
    );
    assert.equal(res.status(), 200, await res.text());
    const match = (await res.json()).items.find((i) => i.entry.id === id).matches[0];

    const card = page.locator(`.reg-check-results li[data-entry-id="${id}"]`);
    await card.getByText(en['register_status.alleged_in_report'], { exact: true }).waitFor();
    const explained = en['register.match_line_name']
      .replace('{query}', en['register_query.name'])
      .replace('{value}', 'Somchai Jaidee')
      .replace('{field}', en['register_field.name'])
      .replace('{how}', en['register_how.name_other_script'])
      .replace('{agreement}', en[`register_agreement.${match.agreement}`])
      .replace('{percent}', `${Math.round(match.probability * 100)}%`);
    await card.getByText(explained, { exact: true }).waitFor();
    await card.getByText(en['register.name_match_note'], { exact: true }).waitFor();
    assert.ok(!(await page.locator('main').innerText()).includes('สมชาย'), 'the register\'s spelling stays hidden');
  });
});
