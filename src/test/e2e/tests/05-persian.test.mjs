import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, signIn, startFromForm, waitForStatus, screenshot, uniqueTitle } from '../support/panel.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a Persian generation in the Persian interface is laid out right to left with Persian labels and digits', async () => {
  const page = await openPage(browser, { locale: 'fa-IR' });
  await signIn(page, { uiLanguage: 'fa' });
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'fa');
  assert.equal(await page.textContent('#start'), 'شروع تولید');

  await startFromForm(page, { title: uniqueTitle('باغبانی در آپارتمان'), language: 'fa', sections: 3, images: 1 });
  await waitForStatus(page, 'completed');
  await page.waitForSelector('#article[data-partial="false"] #article-faq');
  await page.waitForFunction(() => [...document.querySelectorAll('#article figure img')].every((img) => img.complete && img.naturalWidth > 0));

  assert.equal(await page.getAttribute('#article', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('#article', 'lang'), 'fa');
  assert.equal(await page.$eval('#article', (node) => getComputedStyle(node).direction), 'rtl');
  assert.equal(await page.textContent('#progress-label'), 'پیشرفت');
  assert.equal(await page.textContent('#progress-percent'), '۱۰۰٪');
  assert.equal(await page.textContent('#sections-count'), '۳ از ۳');
  assert.match(await page.textContent('#elapsed'), /^[۰-۹]+:[۰-۹]{2}$/);
  assert.match(await page.textContent('#current-message'), /[\u0600-\u06FF]/, 'the message is in Persian');

  // right to left for real: the steps card sits left of the status card, headings hug the right edge
  const layout = await page.evaluate(() => {
    const box = (selector) => document.querySelector(selector).getBoundingClientRect();
    const article = box('#article');
    const heading = document.querySelector('#article .article-section h2');
    const range = document.createRange();
    range.selectNodeContents(heading);
    const text = range.getBoundingClientRect();
    return {
      stepsLeftOfStatus: box('.steps-card').right <= box('.status-card').left + 1,
      headingGapRight: Math.round(article.right - text.right),
      headingGapLeft: Math.round(text.left - article.left),
    };
  });
  assert.ok(layout.stepsLeftOfStatus, JSON.stringify(layout));
  assert.ok(layout.headingGapRight < layout.headingGapLeft, JSON.stringify(layout));
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'generation-fa');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an English article keeps its own direction inside the Persian interface', async () => {
  const page = await openPage(browser, { locale: 'fa-IR' });
  await signIn(page, { uiLanguage: 'fa' });
  await startFromForm(page, { title: uniqueTitle('Tea at dusk'), language: 'en', sections: 1, images: 0 });
  await waitForStatus(page, 'completed');
  await page.waitForSelector('#article[data-partial="false"]');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('#article', 'dir'), 'ltr');
  assert.equal(await page.getAttribute('#article', 'lang'), 'en');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone the dashboard and the generation page fit the screen', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
  await signIn(page);
  await page.waitForSelector('#recent table');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(await overflow() <= 0, 'no sideways scrolling on the dashboard');
  await page.click('#recent td.title-cell a');
  await page.waitForSelector('#generation:not([data-status="unknown"])');
  assert.ok(await overflow() <= 0, 'no sideways scrolling on the generation page');
  await screenshot(page, 'phone');
  await page.context().close();
});
