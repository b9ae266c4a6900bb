import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, signIn, startFromForm, waitForStatus, screenshot, uniqueTitle } from '../support/panel.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Records every value the bar and the article take, so a test can look back at the way there. */
function recordProgress() {
  window.__seen = { progress: [], partialSections: [] };
  new MutationObserver(() => {
    const bar = document.getElementById('progress');
    const value = bar ? Number(bar.getAttribute('aria-valuenow')) : null;
    if (value !== null && window.__seen.progress.at(-1) !== value) window.__seen.progress.push(value);
    const article = document.getElementById('article');
    if (article?.dataset.partial === 'true') {
      const count = article.querySelectorAll('.article-section').length;
      if (window.__seen.partialSections.at(-1) !== count) window.__seen.partialSections.push(count);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

test('the form checks its fields in the page, and shows the server\'s field errors beside them', async () => {
  const page = await openPage(browser);
  await signIn(page);
  await page.waitForSelector('#start-form');

  await page.fill('#title', '   ');
  await page.fill('#sections', '25');
  await page.click('#start');
  await page.waitForSelector('#title-error:not(:empty)');
  await page.waitForSelector('#sections-error:not(:empty)');
  assert.equal(await page.getAttribute('#sections', 'aria-invalid'), 'true');
  assert.equal(await page.textContent('#images-error'), '');
  await screenshot(page, 'form-errors');

  // A page that lets a bad value through (an old copy, edited limits) still meets the server's check.
  await page.evaluate(() => { document.getElementById('sections').dataset.max = '99'; });
  await page.fill('#title', uniqueTitle('Server check'));
  await page.fill('#sections', '30');
  const [rejected] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/ai-content') && response.request().method() === 'POST'),
    page.click('#start'),
  ]);
  assert.equal(rejected.status(), 400);
  assert.match(rejected.headers()['content-type'], /application\/problem\+json/);
  const problem = await rejected.json();
  assert.ok(problem.errors.some((error) => String(error.field).includes('sections')), JSON.stringify(problem));
  await page.waitForSelector('#sections-error:not(:empty)');
  assert.equal(await page.textContent('#title-error'), '');
  assert.ok(await page.isVisible('#start-form'), 'still on the form');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a generation started from the form fills the bar to 100% and renders the whole article', async () => {
  const page = await openPage(browser);
  await page.addInitScript(recordProgress);
  await signIn(page);
  const title = uniqueTitle('Composting at home');
  const hash = await startFromForm(page, { title, language: 'en', sections: 6, images: 3 });
  assert.match(hash, /^[A-Za-z0-9]{12}$/);
  assert.equal(await page.getAttribute('#progress', 'role'), 'progressbar');
  await page.waitForSelector('#steps li[aria-current="step"]');
  await page.waitForSelector('#generation-title:not(:empty)');
  assert.equal(await page.textContent('#generation-title'), title);
  await page.waitForSelector('#article[data-partial="true"] .article-section');
  await screenshot(page, 'generation-running');

  await waitForStatus(page, 'completed');
  await page.waitForSelector('#article[data-partial="false"] #article-faq');
  assert.equal(await page.getAttribute('#progress', 'aria-valuenow'), '100');
  assert.deepEqual(await page.$$eval('#steps li', (items) => items.map((item) => item.dataset.state)), Array(7).fill('done'));
  assert.equal(await page.$$eval('#steps li[aria-current]', (items) => items.length), 0);
  assert.ok(await page.isDisabled('#cancel'));
  assert.ok(await page.isDisabled('#restart'));
  assert.equal(await page.textContent('#sections-count'), '6 of 6');
  assert.equal(await page.textContent('#images-count'), '3 of 3');

  const article = await page.$eval('#article', (node) => ({
    lang: node.lang, dir: node.dir,
    title: node.querySelector('.article-title').textContent,
    toc: node.querySelectorAll('.toc li').length,
    sections: [...node.querySelectorAll('.article-section')].map((section) => ({
      heading: section.querySelector('h2').textContent, paragraphs: section.querySelectorAll('p').length,
      subheadings: section.querySelectorAll('.section-body h3').length, items: section.querySelectorAll('.section-body li strong').length,
    })),
    summary: node.querySelector('#article-summary p')?.textContent ?? '',
    metaDescription: node.querySelector('#article-meta dd')?.textContent ?? '',
    keywords: node.querySelectorAll('#article-meta .keywords li').length,
    faq: node.querySelectorAll('#article-faq details').length,
  }));
  assert.equal(article.lang, 'en');
  assert.equal(article.dir, 'ltr');
  assert.equal(article.title, title);
  assert.equal(article.toc, 6);
  assert.equal(article.sections.length, 6);
  assert.ok(article.sections.every((section) => section.heading && section.paragraphs > 0), JSON.stringify(article.sections));
  // sections are Markdown: the demo model's sub-heading and list come out as elements, through the allow-list
  assert.ok(article.sections.every((section) => section.subheadings === 1 && section.items === 1), JSON.stringify(article.sections));
  assert.ok(article.summary.length > 0);
  assert.ok(article.keywords > 0);
  assert.ok(article.faq > 0);

  // images come through blob: URLs (fetched with the bearer header) and really decode
  await page.waitForFunction(() => {
    const images = [...document.querySelectorAll('#article figure img')];
    return images.length === 3 && images.every((img) => img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0);
  });

  const seen = await page.evaluate(() => window.__seen);
  assert.equal(seen.progress.at(-1), 100);
  assert.ok(seen.progress.every((value, i) => i === 0 || value >= seen.progress[i - 1]), `never backwards: ${seen.progress}`);
  assert.ok(seen.progress.some((value) => value > 0 && value < 100), `saw the bar in between: ${seen.progress}`);
  assert.ok(seen.partialSections.length > 0, 'a partial article was shown before the end');
  await page.$eval('#article', (node) => node.scrollIntoView());
  await screenshot(page, 'generation-completed');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
