// (e) Two pages edit the same case: the second save is refused (409) and the
// app says someone else changed the case; reloading shows the other change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, createCase, en, field, launch, referenceOnPage, signIn, withContext } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('(e) a stale edit shows the conflict message', async (t) => {
  await withContext(t, browser, async (context) => {
    const first = await context.newPage();
    await signIn(first, 'th-shelter-caseworker');
    const { id, url, reference } = await createCase(first, {
      first_name: 'ບຸນມີ',
      second_name: 'ແກ້ວມະນີ',
      gender: 'Masculine',
      citizenship: 'LA',
      languages: 'lo, th',
    });
    const casePath = new RegExp(`/api/v1/cases/${id}$`);

    // The same case in a second page of the same session.
    const second = await context.newPage();
    await apiCall(second, 'GET', casePath, () => second.goto(url));
    assert.equal(await referenceOnPage(second), reference);
    await field(second, 'person.approximate_age').waitFor();

    await field(first, 'person.approximate_age').fill('30');
    const ok = await apiCall(first, 'PATCH', casePath, () =>
      first.getByRole('button', { name: en['case.save'], exact: true }).click(),
    );
    assert.equal(ok.status(), 200);
    await first.getByText(en['case.saved'], { exact: true }).waitFor();

    await field(second, 'person.approximate_age').fill('31');
    const stale = await apiCall(second, 'PATCH', casePath, () =>
      second.getByRole('button', { name: en['case.save'], exact: true }).click(),
    );
    assert.equal(stale.status(), 409, 'a save with a stale version must answer 409');
    assert.equal((await stale.json())?.error?.code, 'conflict');
    const message = second.getByRole('alert').filter({ hasText: en['case.conflict'] });
    await message.waitFor();
    assert.equal(await second.getByText(en['case.saved'], { exact: true }).count(), 0);

    // Reloading shows the first page's change and clears the conflict.
    await apiCall(second, 'GET', casePath, () =>
      message.getByRole('button', { name: en['case.reload'], exact: true }).click(),
    );
    await second.getByText(en['case.reloaded'], { exact: true }).waitFor();
    assert.equal(await field(second, 'person.approximate_age').inputValue(), '30');
    assert.equal(await second.getByText(en['case.conflict']).count(), 0);
  });
});
