// (d) A wrong password (or an unknown user) shows one generic sign-in error and
// stays on the sign-in screen without a session. Ends with a good sign-in of
// the same user, which also resets the server's failed-attempt count, so
// running this test again and again never locks the account (five failures
// in a row do).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, PASSWORD, apiCall, assertHeading, en, launch, openSignIn, withContext } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function failSignIn(page, username, password) {
  await page.getByLabel(en['signin.username'], { exact: true }).fill(username);
  await page.getByLabel(en['signin.password'], { exact: true }).fill(password);
  const res = await apiCall(page, 'POST', /\/api\/v1\/auth\/sign-in$/, () =>
    page.getByRole('button', { name: en['signin.submit'], exact: true }).click(),
  );
  assert.equal(res.status(), 401, `sign-in with bad credentials answered ${res.status()}`);
  const body = await res.json();
  assert.equal(body?.error?.code, 'unauthenticated');
  return body.error.message;
}

test('(d) a wrong password shows the generic sign-in error', async (t) => {
  await withContext(t, browser, async (context) => {
    const page = await context.newPage();
    await openSignIn(page);
    const urlBefore = page.url();

    const wrongPassword = await failSignIn(page, 'kh-legal-caseworker', 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: en['signin.failed'] });
    await alert.waitFor();
    assert.equal((await alert.innerText()).trim(), en['signin.failed']);
    await assertHeading(page, en['signin.title']);
    assert.equal(page.url(), urlBefore);
    assert.equal(await page.getByLabel(en['signin.password'], { exact: true }).inputValue(), '');
    assert.equal(await page.getByRole('button', { name: en['header.sign_out'] }).count(), 0);

    // An unknown user gets exactly the same answer, on screen and from the API.
    const unknownUser = await failSignIn(page, 'no-such-user-e2e', 'not-the-password');
    await alert.waitFor();
    assert.equal(unknownUser, wrongPassword, 'the API must not say which part was wrong');
    await assertHeading(page, en['signin.title']);

    // No session was made: a reload still shows the sign-in screen.
    const cookies = await context.cookies(BASE);
    assert.equal(cookies.filter((c) => c.name === 'trm_session' && c.value).length, 0);
    await page.reload();
    await assertHeading(page, en['signin.title']);

    // The right password still works after a failure, and the error goes away.
    await page.getByLabel(en['signin.username'], { exact: true }).fill('kh-legal-caseworker');
    await page.getByLabel(en['signin.password'], { exact: true }).fill(PASSWORD);
    const ok = await apiCall(page, 'POST', /\/api\/v1\/auth\/sign-in$/, () =>
      page.getByRole('button', { name: en['signin.submit'], exact: true }).click(),
    );
    assert.equal(ok.status(), 200);
    await assertHeading(page, en['cases.title']);
    assert.equal(await page.getByText(en['signin.failed']).count(), 0);
  });
});
