// Runs last: it stops the app server under a polling page and starts it again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, signIn, startFromForm, waitForStatus, waitForConnection, switchServer, screenshot, uniqueTitle } from '../support/panel.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('when the server goes away the page says reconnecting, and it recovers when the server is back', async () => {
  const page = await openPage(browser);
  await signIn(page);
  await startFromForm(page, { title: uniqueTitle('Through an outage'), sections: 20, images: 20 });
  await waitForStatus(page, 'processing');
  await waitForConnection(page, 'live');

  await switchServer('stop');
  await waitForConnection(page, 'reconnecting');
  assert.match(await page.textContent('#connection'), /reconnecting/i);
  await screenshot(page, 'reconnecting');

  await switchServer('start');
  await page.waitForSelector('#connection:not([data-connection="reconnecting"])');
  const connection = await page.getAttribute('#connection', 'data-connection');
  assert.ok(['live', 'finished'].includes(connection), `${connection}: ${await page.textContent('#connection')}`);

  // The run that was under way when the server stopped: whatever state it came back in, the page
  // can take it to the end.
  const status = await page.getAttribute('#generation', 'data-status');
  if (status === 'processing' || status === 'pending') {
    await page.click('#cancel');
    await page.click('#confirm-cancel-yes');
    await page.waitForSelector('#generation[data-status="cancelled"], #generation[data-status="completed"], #generation[data-status="failed"]');
  }
  if (await page.getAttribute('#generation', 'data-status') !== 'completed') {
    await page.waitForSelector('#restart:not([disabled])');
    await page.click('#restart');
    await waitForStatus(page, 'completed');
  }
  await page.waitForSelector('#article[data-partial="false"]');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
