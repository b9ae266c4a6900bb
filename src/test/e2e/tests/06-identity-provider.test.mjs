import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startFromForm, screenshot, progressOf, BASE_URL, KEYCLOAK_URL, LONG } from '../support/panel.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Collects what the browser refused under the CSP, so a scenario can assert there was nothing. */
async function watchViolations(page) {
  page.violations = [];
  page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) page.violations.push(message.text()); });
}

/** Clicks "sign in with your organisation", types at Keycloak's own login page, and comes back signed in. */
async function signInAtKeycloak(page, user, { landsOn = `#signed-in-as[data-user="${user}"]` } = {}) {
  await page.goto('/');
  await page.selectOption('#ui-language', 'en');
  await page.click('#sign-in-oidc');
  await page.waitForURL((url) => url.href.startsWith(KEYCLOAK_URL), { timeout: LONG });
  await page.waitForSelector('#username');
  await page.fill('#username', user);
  await page.fill('#password', `${user}-password`);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.href.startsWith(BASE_URL) && !url.searchParams.has('code'), { timeout: LONG });
  await page.waitForSelector(landsOn);
}

test('an editor signs in at Keycloak, starts a generation, watches it, renews the token and signs out at Keycloak', async () => {
  assert.ok(KEYCLOAK_URL, 'PanelE2EIT sets KEYCLOAK_URL');
  const page = await openPage(browser);
  await watchViolations(page);
  await page.goto('/');
  await page.waitForSelector('#sign-in-oidc');
  assert.ok(await page.isVisible('#token'), 'the admin token stays offered when the server has one');
  await screenshot(page, 'sign-in-oidc');

  await page.click('#sign-in-oidc');
  await page.waitForURL((url) => url.href.startsWith(KEYCLOAK_URL));
  const authorize = new URL(page.url());
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(authorize.searchParams.get('response_type'), 'code');
  assert.ok(authorize.searchParams.get('code_challenge')?.length >= 43);
  await page.waitForSelector('#username');
  await screenshot(page, 'keycloak-login');
  await page.fill('#username', 'eddie');
  await page.fill('#password', 'eddie-password');
  await page.click('#kc-login');
  await page.waitForURL((url) => url.href.startsWith(BASE_URL) && !url.searchParams.has('code'));
  await page.waitForSelector('#signed-in-as[data-user="eddie"]');
  assert.match(await page.textContent('#signed-in-as'), /eddie \(editor\)/);
  assert.equal(new URL(page.url()).search, '', 'the code and state are gone from the address');
  assert.equal(await page.evaluate(() => localStorage.getItem('ai-content-oidc-session')), null, 'tokens stay in this tab');

  const hash = await startFromForm(page, { title: `Signed in at Keycloak ${Date.now().toString(36)}`, sections: 2, images: 1 });
  assert.match(hash, /^[A-Za-z0-9]{12}$/);
  await page.waitForSelector('#started-by');
  assert.match(await page.textContent('#started-by'), /eddie/);
  await page.waitForFunction(() => Number(document.querySelector('#progress')?.getAttribute('aria-valuenow')) > 0, null, { timeout: LONG });
  assert.ok(await progressOf(page) > 0);
  await screenshot(page, 'generation-signed-in');

  const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('ai-content-oidc-session')).access_token);
  const renewed = await page.evaluate(async () => (await import('/js/oidc.js')).renew());
  assert.ok(renewed && renewed !== before, 'the refresh token brought a new access token');
  await page.waitForSelector('#generation[data-status="completed"]', { timeout: LONG });

  await page.click('#sign-out');
  await page.waitForURL((url) => url.href.startsWith(BASE_URL), { timeout: LONG });
  await page.waitForSelector('#sign-in-oidc');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('ai-content-oidc-session')), null);
  // the session at Keycloak ended too: signing in asks for the password again
  await page.click('#sign-in-oidc');
  await page.waitForSelector('#username');
  assert.deepEqual(page.violations, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a viewer can watch but not start, and a user without a role is told so', async () => {
  const viewer = await openPage(browser);
  await watchViolations(viewer);
  await signInAtKeycloak(viewer, 'vera');
  await viewer.waitForSelector('#viewer-only');
  assert.equal(await viewer.$('#start-form'), null);
  await viewer.waitForSelector('#recent .list-body table, #recent .list-body p.muted:not(:empty)');
  assert.deepEqual(viewer.violations, []);
  await viewer.context().close();

  const nobody = await openPage(browser);
  await signInAtKeycloak(nobody, 'nora', { landsOn: '#no-access' });
  assert.match(await nobody.textContent('#no-access'), /viewer, editor or admin/);
  await screenshot(nobody, 'no-access');
  await nobody.context().close();
});
