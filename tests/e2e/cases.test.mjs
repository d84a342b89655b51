// (a) A Thai shelter case worker creates, finds, opens, edits and reloads a
// case for a person with a Khmer name; (b) a Cambodian legal-aid case worker
// (another organisation) cannot open it by URL and does not see it listed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE,
  apiCall,
  assertHeading,
  createCase,
  en,
  field,
  findInList,
  launch,
  referenceOnPage,
  signIn,
  signOut,
  withContext,
} from './helpers.mjs';

describe('cases across organisations', () => {
  let browser;
  // Filled in by (a), used by (b).
  const shared = { url: null, id: null, reference: null };

  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('(a) Thai shelter case worker creates and edits a case with a Khmer name', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, 'th-shelter-caseworker');

      const { id, url, reference } = await createCase(page, {
        first_name: 'សុខា',
        second_name: 'ចាន់',
        gender: 'Feminine',
        citizenship: 'KH',
        languages: 'km',
      });
      assert.match(reference, /\S/);

      // Listed, with the name as entered and the status in words.
      const row = await findInList(page, reference);
      assert.ok(row, `case ${reference} is not in the list`);
      const rowText = await row.innerText();
      assert.ok(rowText.includes('សុខា'), `row lacks the given name: ${rowText}`);
      assert.ok(rowText.includes('ចាន់'), `row lacks the family name: ${rowText}`);
      assert.ok(rowText.includes(en['status.open']), `row lacks the status: ${rowText}`);

      // Open it from the list.
      await apiCall(page, 'GET', new RegExp(`/api/v1/cases/${id}$`), () =>
        row.getByRole('link', { name: reference, exact: true }).click(),
      );
      await page.waitForURL(url);
      assert.equal(await referenceOnPage(page), reference);
      assert.equal(await field(page, 'person.first_name').inputValue(), 'សុខា');
      assert.equal(await field(page, 'person.second_name').inputValue(), 'ចាន់');
      assert.equal(await field(page, 'person.gender').inputValue(), 'Feminine');
      assert.equal(await field(page, 'person.citizenship').inputValue(), 'KH');
      assert.equal(await field(page, 'person.languages').inputValue(), 'km');
      assert.equal(await field(page, 'person.approximate_age').inputValue(), '');

      // Edit: set the approximate age, save, and see it survive a reload.
      await field(page, 'person.approximate_age').fill('27');
      const saved = await apiCall(page, 'PATCH', new RegExp(`/api/v1/cases/${id}$`), () =>
        page.getByRole('button', { name: en['case.save'], exact: true }).click(),
      );
      assert.equal(saved.status(), 200, `saving answered ${saved.status()}: ${await saved.text()}`);
      await page.getByText(en['case.saved'], { exact: true }).waitFor();

      await apiCall(page, 'GET', new RegExp(`/api/v1/cases/${id}$`), () => page.reload());
      assert.equal(await referenceOnPage(page), reference);
      await field(page, 'person.approximate_age').waitFor();
      assert.equal(await field(page, 'person.approximate_age').inputValue(), '27');
      assert.equal(await field(page, 'person.first_name').inputValue(), 'សុខា');
      assert.equal(page.url(), url);

      Object.assign(shared, { url, id, reference });

      await signOut(page);
      // Signed out for real: the case URL now leads to the sign-in screen.
      await page.goto(url);
      await page.reload();
      await assertHeading(page, en['signin.title']);
      assert.equal(await page.getByText('សុខា').count(), 0);
    });
  });

  test('(b) a case worker of another organisation cannot see the case', async (t) => {
    assert.ok(shared.url, 'test (a) did not create a case');
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, 'kh-legal-caseworker');

      const res = await apiCall(page, 'GET', new RegExp(`/api/v1/cases/${shared.id}$`), () =>
        page.goto(shared.url),
      );
      assert.equal(res.status(), 404, 'the API must answer 404 for a case of another organisation');
      await assertHeading(page, en['notfound.case_title']);
      await page.getByText(en['notfound.case_text'], { exact: true }).waitFor();
      assert.equal(await page.getByText('សុខា').count(), 0, 'the person name leaked');
      assert.equal(await page.getByText(shared.reference).count(), 0, 'the reference leaked');

      // Also after a full page load of the deep link.
      await page.reload();
      await assertHeading(page, en['notfound.case_title']);

      const row = await findInList(page, shared.reference);
      assert.equal(row, null, `case ${shared.reference} is listed for another organisation`);
    });
  });
});
