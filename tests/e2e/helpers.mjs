// Shared helpers for the browser tests: launching Debian's Chromium through
// playwright-core, fresh contexts with a screenshot on failure, the catalogue
// strings the app must show, and the few user journeys several tests share.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const catalogueDir = join(here, '..', '..', 'web', 'src', 'i18n');
const artifactsDir = join(here, 'artifacts');

export const PASSWORD = 'demo-pass-2026';

// The server under test, e.g. http://127.0.0.1:18080 (no trailing slash).
export const BASE = (() => {
  const url = process.env.TRM_URL;
  if (!url) throw new Error('Set TRM_URL to the running server, e.g. TRM_URL=http://127.0.0.1:18080');
  return url.replace(/\/+$/, '');
})();

// Catalogue strings, so tests follow the translations instead of copying them.
export function catalogue(lang) {
  const folder = join(catalogueDir, lang);
  const merged = {};
  for (const f of readdirSync(folder).filter((f) => f.endsWith('.json')).sort())
    Object.assign(merged, JSON.parse(readFileSync(join(folder, f), 'utf8')));
  return merged;
}
export const en = catalogue('en');

export function caseUrlOf(id) {
  return `${BASE}/#/cases/${id}`;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function slug(name) {
  return name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'test';
}

// Runs `fn` in a fresh browser context (own cookies and storage). On failure
// saves a screenshot of every open page to tests/e2e/artifacts/ and rethrows.
// Also fails the test when the app throws an uncaught error in any page, or
// when the browser blocks something under the server's Content-Security-Policy.
export async function withContext(t, browser, fn, options = {}) {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const pageErrors = [];
  const cspViolations = [];
  context.on('page', (page) => {
    page.on('pageerror', (err) => pageErrors.push(err));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
  });
  try {
    await fn(context);
    assert.deepEqual(pageErrors.map(String), [], 'uncaught errors in the page');
    assert.deepEqual(cspViolations, [], 'Content-Security-Policy violations');
  } catch (err) {
    mkdirSync(artifactsDir, { recursive: true });
    const pages = context.pages();
    for (let i = 0; i < pages.length; i++) {
      const file = join(artifactsDir, `${slug(t.name)}${pages.length > 1 ? `-page${i + 1}` : ''}.png`);
      await pages[i].screenshot({ path: file, fullPage: true }).catch(() => {});
    }
    throw err;
  } finally {
    await context.close();
  }
}

export function heading(page) {
  return page.getByRole('heading', { level: 1 });
}

// Waits for a GET or POST etc. to an API path (a RegExp on the URL path) that
// `action` triggers, and returns the response. `query` names parameters the
// request must carry, so that an earlier request to the same path (a page's
// first load) is not taken for the one `action` makes.
export async function apiCall(page, method, pathPattern, action, { query = {} } = {}) {
  const wanted = (r) => {
    const url = new URL(r.url());
    return r.request().method() === method && pathPattern.test(url.pathname) &&
      Object.entries(query).every(([k, v]) => url.searchParams.get(k) === v);
  };
  const [response] = await Promise.all([page.waitForResponse(wanted), action()]);
  return response;
}

export async function openSignIn(page, strings = en) {
  await page.goto(`${BASE}/`);
  await assertHeading(page, strings['signin.title']);
}

export async function assertHeading(page, text) {
  await heading(page).filter({ hasText: text }).waitFor();
  assert.equal((await heading(page).innerText()).trim(), text);
}

export async function signIn(page, username, { password = PASSWORD, strings = en } = {}) {
  await openSignIn(page, strings);
  await page.getByLabel(strings['signin.username'], { exact: true }).fill(username);
  await page.getByLabel(strings['signin.password'], { exact: true }).fill(password);
  const res = await apiCall(page, 'POST', /\/api\/v1\/auth\/sign-in$/, () =>
    page.getByRole('button', { name: strings['signin.submit'], exact: true }).click(),
  );
  assert.equal(res.status(), 200, `sign-in of ${username} answered ${res.status()}`);
  await assertHeading(page, strings['cases.title']);
}

export async function signOut(page, strings = en) {
  const res = await apiCall(page, 'POST', /\/api\/v1\/auth\/sign-out$/, () =>
    page.getByRole('button', { name: strings['header.sign_out'], exact: true }).click(),
  );
  assert.equal(res.status(), 204);
  await assertHeading(page, strings['signin.title']);
  await page.getByText(strings['signin.signed_out']).waitFor();
}

// "Case {reference}" → the reference, once the case has loaded.
export async function referenceOnPage(page, strings = en) {
  const [before, after] = strings['case.title'].split('{reference}');
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*${esc(before)}(\\S+)${esc(after)}\\s*$`);
  await heading(page).filter({ hasText: pattern }).waitFor();
  const text = await heading(page).innerText();
  const m = pattern.exec(text);
  assert.ok(m, `unexpected case heading "${text}"`);
  return m[1];
}

export function field(page, key, strings = en) {
  return page.getByLabel(strings[key], { exact: true });
}

// Fills the new-case form and creates the case. Returns its id, URL and reference.
export async function createCase(page, person, strings = en) {
  await page.goto(`${BASE}/#/cases/new`);
  await assertHeading(page, strings['newcase.title']);
  if (person.first_name !== undefined) await field(page, 'person.first_name', strings).fill(person.first_name);
  if (person.second_name !== undefined) await field(page, 'person.second_name', strings).fill(person.second_name);
  if (person.gender !== undefined)
    await field(page, 'person.gender', strings).selectOption({ label: strings[`gender.${person.gender}`] });
  if (person.citizenship !== undefined) await field(page, 'person.citizenship', strings).fill(person.citizenship);
  if (person.languages !== undefined) await field(page, 'person.languages', strings).fill(person.languages);
  if (person.approximate_age !== undefined)
    await field(page, 'person.approximate_age', strings).fill(String(person.approximate_age));
  const res = await apiCall(page, 'POST', /\/api\/v1\/cases$/, () =>
    page.getByRole('button', { name: strings['newcase.submit'], exact: true }).click(),
  );
  assert.equal(res.status(), 201, `creating a case answered ${res.status()}: ${await res.text()}`);
  const created = await res.json();
  await page.waitForURL(/#\/cases\/\d+$/);
  const id = Number(/#\/cases\/(\d+)$/.exec(page.url())[1]);
  assert.equal(id, created.id);
  const reference = await referenceOnPage(page, strings);
  assert.equal(reference, created.reference);
  await page.getByText(strings['case.created_notice']).waitFor();
  return { id, url: page.url(), reference };
}

// Looks for a case reference in the case list (all statuses, anyone), paging
// forward with the pager. Returns the row, or null when it is on no page.
export async function findInList(page, reference, { strings = en, maxPages = 50 } = {}) {
  await page.goto(`${BASE}/#/cases/new`);
  await assertHeading(page, strings['newcase.title']);
  let res = await apiCall(page, 'GET', /\/api\/v1\/cases$/, () =>
    page.goto(`${BASE}/#/cases?status=all`),
  );
  for (let n = 1; ; n++) {
    assert.equal(res.status(), 200, `the case list answered ${res.status()}`);
    const body = await res.json();
    await page.locator('p.summary').filter({ hasNotText: strings['common.loading'] }).waitFor();
    if (body.items.length > 0) await page.locator('table.cases').waitFor();
    const link = page.getByRole('link', { name: reference, exact: true });
    if ((await link.count()) > 0) return page.getByRole('row').filter({ has: link });
    const next = page.getByRole('link', { name: strings['pager.next'], exact: true });
    if (n >= maxPages || (await next.count()) === 0) return null;
    res = await apiCall(page, 'GET', /\/api\/v1\/cases$/, () => next.click());
  }
}

// Records a given consent for `purposeKey` (a catalogue key such as
// 'purpose.referral') to one organisation through the case's consent form,
// explained with an interpreter; `rightsNotice` fills the notice version.
export async function recordConsent(page, caseId, purposeKey, orgValue, { rightsNotice } = {}) {
  const record = page.getByRole('form', { name: en['consent.form_title'] });
  await record.getByLabel(en['consent.purpose'], { exact: true }).selectOption({ label: en[purposeKey] });
  await record.getByRole('radio', { name: en['decision.given'], exact: true }).check();
  await record.getByRole('radio', { name: en['scope.organisation'], exact: true }).check();
  await record.getByLabel(en['consent.organisation'], { exact: true }).selectOption(orgValue);
  await record.getByLabel(en['consent.interpreter_used'], { exact: true }).check();
  if (rightsNotice) await record.getByLabel(en['consent.rights_notice'], { exact: true }).fill(rightsNotice);
  const res = await apiCall(page, 'POST', new RegExp(`/api/v1/cases/${caseId}/consents$`), () =>
    record.getByRole('button', { name: en['consent.submit'], exact: true }).click(),
  );
  assert.equal(res.status(), 201, `recording consent answered ${res.status()}: ${await res.text()}`);
  await record.getByText(en['consent.recorded_notice'], { exact: true }).waitFor();
}
