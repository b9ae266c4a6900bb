import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, signIn, startFromForm, waitForStatus, progressOf, screenshot, uniqueTitle } from '../support/panel.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// The demo model works on all sections (and all images) at once, so the size hardly changes how
// long a run takes; PanelE2EIT's model delay keeps it going long enough for a reload or a cancel.
const LONG_RUN = { sections: 12, images: 8 };

test('a reload in the middle of a generation picks it up again and follows it to the end', async () => {
  const page = await openPage(browser);
  await signIn(page);
  const hash = await startFromForm(page, { title: uniqueTitle('Reload me'), ...LONG_RUN });
  await waitForStatus(page, 'processing');
  const before = await progressOf(page);

  await page.reload();
  await page.waitForSelector('#generation');
  assert.equal(new URL(page.url()).searchParams.get('session'), hash, 'the hash stays in the address');
  await page.waitForSelector('#generation:not([data-status="unknown"])');
  assert.ok(await progressOf(page) >= before, 'no step back after the reload');
  assert.equal(await page.getAttribute('#connection', 'data-connection') === 'starting', false);

  await waitForStatus(page, 'completed');
  assert.equal(await progressOf(page), 100);
  await page.waitForSelector('#article[data-partial="false"]');
  assert.equal(await page.$$eval('#article .article-section', (sections) => sections.length), LONG_RUN.sections);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a second tab cancels, the first tab shows it cancelled, and a restart there finishes the run', async () => {
  // Both tabs are signed in before the run starts, so the second one only has to open it and cancel.
  const second = await openPage(browser);
  await signIn(second);
  const first = await openPage(browser);
  await signIn(first);
  const hash = await startFromForm(first, { title: uniqueTitle('Two tabs'), ...LONG_RUN });
  await first.waitForSelector('#cancel:not([disabled])');

  await second.goto(`/?session=${hash}`);
  await second.waitForSelector('#cancel:not([disabled])');

  await second.click('#cancel');
  await second.waitForSelector('#confirm-cancel[open]');
  await screenshot(second, 'cancel-confirmation');
  await second.click('#confirm-cancel-no');
  await second.waitForSelector('#confirm-cancel:not([open])', { state: 'attached' });
  assert.ok(await second.isEnabled('#cancel'), 'saying no keeps it running');

  await second.click('#cancel');
  await second.click('#confirm-cancel-yes');
  await waitForStatus(second, 'cancelled');

  await waitForStatus(first, 'cancelled');
  await first.waitForSelector('#generation-alert[data-kind="cancelled"]');
  await first.waitForSelector('#connection[data-connection="finished"]');
  assert.ok(await first.isDisabled('#cancel'));
  assert.ok(await first.isEnabled('#restart'));
  assert.equal(await first.$$eval('#steps li[data-state="stopped"]', (items) => items.length), 1);
  const stoppedAt = await progressOf(first);
  assert.ok(stoppedAt < 100);
  await screenshot(first, 'generation-cancelled');

  await first.click('#restart');
  await first.waitForSelector('#generation[data-status="processing"], #generation[data-status="pending"], #generation[data-status="completed"]');
  await waitForStatus(first, 'completed');
  assert.equal(await progressOf(first), 100);
  await first.waitForSelector('#article[data-partial="false"]');
  assert.equal(await first.$$eval('#article .article-section', (sections) => sections.length), LONG_RUN.sections);
  assert.match(await first.textContent('#generation .badges'), /Attempt 2/);
  assert.deepEqual(first.errors, []);
  assert.deepEqual(second.errors, []);
  await first.context().close();
  await second.context().close();
});

test('a part that fails shows the failure with its message, and a restart finishes the run', async () => {
  const page = await openPage(browser);
  await signIn(page);
  // the demo model fails the summary once when the title asks for it
  await startFromForm(page, { title: uniqueTitle('Flaky summary [demo-fail:summary]'), sections: 2, images: 1 });
  await waitForStatus(page, 'failed');
  await page.waitForSelector('#generation-alert[data-kind="failed"]');
  assert.match(await page.textContent('#generation-alert'), /failed: .*summary/i);
  assert.ok(await page.isEnabled('#restart'));
  assert.ok(await page.isDisabled('#cancel'));
  assert.equal(await page.getAttribute('#steps li[data-state="stopped"]', 'data-step'), 'summary_generation');
  await page.waitForSelector('#article[data-partial="true"] .article-section');
  await screenshot(page, 'generation-failed');

  await page.click('#restart');
  await waitForStatus(page, 'completed');
  await page.waitForSelector('#generation-alert', { state: 'hidden' });
  await page.waitForSelector('#article[data-partial="false"] #article-summary');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
