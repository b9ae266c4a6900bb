import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, signIn, startFromForm, waitForStatus, screenshot } from '../support/panel.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// The demo model writes the title into its headings, sections, summary, meta and FAQ, so markup in
// the title is markup in the model's output.
const IMG = '<img src=x onerror="window.__ran.push(\'img\')">';
const SCRIPT = '<script>window.__ran.push(\'script\')</script>';
const TITLE = `Markup ${IMG} and ${SCRIPT} stay text`;

test('markup in model output and user input is shown as text and never runs', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__ran = [];
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective));
  });
  await signIn(page);
  await startFromForm(page, { title: TITLE, language: 'en', sections: 2, images: 1 });
  await waitForStatus(page, 'completed');
  await page.waitForSelector('#article[data-partial="false"] #article-faq');
  await page.waitForFunction(() => [...document.querySelectorAll('#article figure img')].every((img) => img.src.startsWith('blob:')));

  assert.equal(await page.textContent('#generation-title'), TITLE);
  assert.equal(await page.textContent('#article .article-title'), TITLE);
  const articleText = await page.textContent('#article');
  assert.ok(articleText.includes(IMG) || articleText.includes('onerror'), 'the markup is visible as text in the article');
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('#app img[src="x"], #app img:not([src^="blob:"])').length,
    scripts: document.querySelectorAll('#app script, body script:not([type="module"])').length,
    handlers: document.querySelectorAll('#app [onerror], #app [onload], #app [onclick]').length,
  }));
  assert.deepEqual(injected, { images: 0, scripts: 0, handlers: 0 });
  // Nothing ran, and nothing even tried: the CSP reported no blocked inline script either.
  assert.deepEqual(await page.evaluate(() => window.__ran), []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);

  await page.click('a[href="/"]');
  await page.waitForSelector('#recent table');
  assert.ok((await page.$$eval('#recent td.title-cell a', (links) => links.map((link) => link.textContent))).includes(TITLE));
  assert.deepEqual(await page.evaluate(() => window.__ran), []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await screenshot(page, 'dashboard');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
