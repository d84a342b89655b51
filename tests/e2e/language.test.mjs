// (c) Switching the interface to Thai changes the sign-in screen and the case
// list, sets <html lang>, and survives a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertHeading, catalogue, en, launch, openSignIn, signIn, withContext } from './helpers.mjs';

const th = catalogue('th');
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('(c) the language switcher changes the interface to Thai and remembers it', async (t) => {
  // The strings compared must differ, or this test could not fail.
  for (const key of ['signin.title', 'signin.username', 'signin.password', 'cases.title', 'cases.filter_status', 'header.language']) {
    assert.notEqual(th[key], en[key], `th.json "${key}" is the English text`);
  }

  await withContext(t, browser, async (context) => {
    const page = await context.newPage();
    await openSignIn(page, en);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');

    await page.getByLabel(en['header.language'], { exact: true }).selectOption('th');
    await assertHeading(page, th['signin.title']);
    assert.equal(await page.getAttribute('html', 'lang'), 'th');
    await page.getByLabel(th['signin.username'], { exact: true }).waitFor();
    await page.getByLabel(th['signin.password'], { exact: true }).waitFor();
    await page.getByRole('button', { name: th['signin.submit'], exact: true }).waitFor();
    assert.equal(await page.getByLabel(en['signin.username'], { exact: true }).count(), 0);

    // Remembered across a reload.
    await page.reload();
    await assertHeading(page, th['signin.title']);
    assert.equal(await page.getAttribute('html', 'lang'), 'th');
    assert.equal(await page.getByLabel(th['header.language'], { exact: true }).inputValue(), 'th');

    // The case list after signing in is in Thai too.
    await signIn(page, 'th-shelter-caseworker', { strings: th });
    await assertHeading(page, th['cases.title']);
    await page.getByLabel(th['cases.filter_status'], { exact: true }).waitFor();
    await page.getByLabel(th['cases.filter_assignee'], { exact: true }).waitFor();
    await page.locator('p.summary').filter({ hasNotText: th['common.loading'] }).waitFor();
    if ((await page.locator('table.cases').count()) > 0) {
      const headers = (await page.getByRole('columnheader').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(headers, [
        th['cases.col_reference'],
        th['cases.col_person'],
        th['cases.col_status'],
        th['cases.col_assignee'],
        th['cases.col_updated'],
      ]);
    } else {
      await page.getByText(th['cases.empty'], { exact: true }).waitFor();
    }
    await page.getByRole('button', { name: th['header.sign_out'], exact: true }).waitFor();

    await page.reload();
    await assertHeading(page, th['cases.title']);
    assert.equal(await page.getAttribute('html', 'lang'), 'th');
  });
});
