import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, signIn, screenshot, BASE_URL, ADMIN_TOKEN } from '../support/panel.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the panel\'s files forbid inline script and sniffing and keep the referrer; the API is not sniffed', async () => {
  for (const path of ['/', '/?session=abcdefABCDEF', '/index.html', '/js/app.js', '/js/ai-content-polling.js', '/css/panel.css']) {
    const response = await fetch(new URL(path, BASE_URL));
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/, `${path}: ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
    assert.match(csp, /img-src 'self' blob: data:/, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    assert.ok(response.headers.get('referrer-policy'), path);
  }
  const apiAnswer = await fetch(new URL('/api/ai-content', BASE_URL));
  assert.equal(apiAnswer.status, 401);
  assert.equal(apiAnswer.headers.get('x-content-type-options'), 'nosniff');
  const script = await fetch(new URL('/js/ai-content-polling.js', BASE_URL));
  assert.match(script.headers.get('content-type') ?? '', /javascript/, 'modules need a JavaScript type under nosniff');
});

test('a wrong token is refused, an unreachable server is told apart, the right token opens the panel', async () => {
  const page = await openPage(browser);
  await page.goto('/');
  await page.selectOption('#ui-language', 'en');
  await screenshot(page, 'sign-in');

  await page.fill('#token', `${ADMIN_TOKEN}-wrong`);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('#sign-in-message[data-kind="refused"]');
  assert.match(await page.textContent('#sign-in-message'), /refused/i);

  await page.route('**/api/ai-content?limit=1', (route) => route.abort('connectionrefused'));
  await page.fill('#token', ADMIN_TOKEN);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('#sign-in-message[data-kind="unreachable"]');
  assert.match(await page.textContent('#sign-in-message'), /cannot be reached/i);
  await page.unroute('**/api/ai-content?limit=1');

  await signIn(page);
  await page.waitForSelector('#start-form');
  await page.waitForSelector('#recent .list-body table, #recent .list-body p.muted:not(:empty)');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('ai-content-admin-token')), ADMIN_TOKEN);
  assert.equal(await page.evaluate(() => localStorage.getItem('ai-content-admin-token')), null, 'the token stays in this tab');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
