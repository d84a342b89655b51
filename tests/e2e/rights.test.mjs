// Rights notice on the case page: (k) for a person whose language is Khmer the
// notice opens in Khmer (whatever the interface language), printing shows only
// the notice with the case reference and no names, and recording it as given
// with an interpreter puts the receipt at the top of the list, also after a reload.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE, apiCall, createCase, en, launch, referenceOnPage, signIn, withContext } from './helpers.mjs';

let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function casePath(id, suffix = '') {
  return new RegExp(`/api/v1/cases/${id}${suffix}$`);
}

describe('rights notice on the case page', () => {
  test('(k) the Khmer notice is shown, printed alone and recorded as given', async (t) => {
    await withContext(t, browser, async (context) => {
      const page = await context.newPage();
      await signIn(page, 'th-shelter-caseworker');
      const { id, reference } = await createCase(page, {
        first_name: 'ចាន់ថា',
        second_name: 'ពៅ',
        gender: 'Feminine',
        citizenship: 'KH',
        languages: 'km',
        approximate_age: 24,
      });

      const listRes = await page.request.get(`${BASE}/api/v1/rights-notices`);
      assert.equal(listRes.status(), 200);
      const { items, latest } = await listRes.json();
      const khmerTitle = items.find((v) => v.version === latest)?.titles?.km;
      assert.ok(khmerTitle, `no Khmer title for the latest version ${latest}`);

      // The tab loads the receipts and the latest notice in the person's language (km).
      const noticePath = new RegExp(`/api/v1/rights-notices/${latest}/km$`);
      const [noticeRes, receiptsRes] = await Promise.all([
        page.waitForResponse((r) => noticePath.test(new URL(r.url()).pathname)),
        apiCall(page, 'GET', casePath(id, '/rights-notices'), () =>
          page
            .getByRole('navigation', { name: en['case.tabs_label'] })
            .getByRole('link', { name: en['case.tab_rights'], exact: true })
            .click(),
        ),
      ]);
      assert.equal(noticeRes.status(), 200);
      assert.equal(receiptsRes.status(), 200);
      assert.deepEqual((await receiptsRes.json()).items, []);
      await page.waitForURL(new RegExp(`#/cases/${id}/rights$`));
      await page.getByRole('heading', { level: 2, name: en['rights.title'], exact: true }).waitFor();

      assert.equal(await page.getByLabel(en['rights.version'], { exact: true }).inputValue(), latest);
      assert.equal(await page.getByLabel(en['rights.notice_language'], { exact: true }).inputValue(), 'km');
      const notice = page.locator('article.rights-notice');
      await notice.waitFor();
      assert.equal(await notice.getAttribute('lang'), 'km');
      assert.equal((await notice.locator('#rights-notice-title').innerText()).trim(), khmerTitle);
      assert.ok((await notice.locator('.rights-notice-body > *').count()) > 0, 'the notice body is empty');
      assert.equal(await notice.locator('.rights-notice-body script, .rights-notice-body [onclick]').count(), 0);

      // Printed: the notice, the case reference, no names, no tabs, no forms.
      await page.emulateMedia({ media: 'print' });
      assert.ok(await notice.isVisible(), 'the notice is not printed');
      assert.ok((await notice.locator('.print-meta').innerText()).includes(reference), 'no case reference in print');
      assert.equal(await page.locator('.person-title').isVisible(), false, 'the name is printed');
      assert.equal(await page.locator('.site-header').isVisible(), false, 'the header is printed');
      assert.equal(await page.getByRole('navigation', { name: en['case.tabs_label'] }).isVisible(), false);
      assert.equal(await page.getByRole('form', { name: en['rights.form_title'] }).isVisible(), false);
      assert.ok(!(await page.locator('body').innerText()).includes('ចាន់ថា'), 'a name is in the printed text');
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await notice.locator('.print-meta').isVisible(), false);

      // Record it as given, with an interpreter.
      const form = page.getByRole('form', { name: en['rights.form_title'] });
      await form.getByLabel(en['rights.interpreter_used'], { exact: true }).check();
      const post = await apiCall(page, 'POST', casePath(id, '/rights-notices'), () =>
        form.getByRole('button', { name: en['rights.submit'], exact: true }).click(),
      );
      assert.equal(post.status(), 201, `recording answered ${post.status()}: ${await post.text()}`);
      const sent = JSON.parse(post.request().postData());
      assert.deepEqual(sent, { version: latest, language: 'km', interpreter_used: true });
      const created = await post.json();
      await form.getByText(en['rights.recorded_notice']).waitFor();

      const checkTop = async () => {
        const top = page.locator('ol.rights-receipts > li').first();
        await top.waitFor();
        assert.equal(await top.getAttribute('data-id'), String(created.id));
        assert.equal((await top.locator('.receipt-language').innerText()).trim(), 'Khmer');
        const text = await top.innerText();
        assert.ok(text.includes(latest), `no version in "${text}"`);
        assert.ok(text.includes(en['rights.interpreter_yes']), `no interpreter in "${text}"`);
        assert.ok(text.includes(created.given_by.display_name), `no giver in "${text}"`);
      };
      await checkTop();

      const again = await apiCall(page, 'GET', casePath(id, '/rights-notices'), () => page.reload());
      assert.equal(again.status(), 200);
      assert.equal((await again.json()).items[0].id, created.id);
      await referenceOnPage(page);
      await checkTop();
    });
  });
});
