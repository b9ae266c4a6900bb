// Shared by the panel scenarios: the browser, signing in, starting a generation, waiting on what
// the page shows (events, never fixed sleeps) and saving screenshots.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

export const BASE_URL = required('BASE_URL');
export const ADMIN_TOKEN = required('ADMIN_TOKEN');
export const SERVER_SWITCH_URL = process.env.SERVER_SWITCH_URL ?? null;
export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? null;
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? null;
const ARTIFACT_DIR = process.env.ARTIFACT_DIR ?? os.tmpdir();

/** Generous: the machine is shared and slow; waits end on the event, not on the clock. */
export const LONG = 180_000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (PanelE2EIT sets it)`);
  return value;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh context (its own storage) with one page; page errors are collected for assertions. */
export async function openPage(browser, { locale = 'en-GB', viewport = { width: 1200, height: 820 } } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale, viewport });
  context.setDefaultTimeout(LONG);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  return page;
}

export async function signIn(page, { uiLanguage = 'en' } = {}) {
  if (!page.url().startsWith(BASE_URL)) await page.goto('/');
  await page.selectOption('#ui-language', uiLanguage);
  await page.fill('#token', ADMIN_TOKEN);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('#sign-in', { state: 'detached' });
}

/** Fills the start form and submits it; resolves with the session hash once the generation page shows. */
export async function startFromForm(page, { title, language = 'en', sections = 3, images = 2 }) {
  await page.waitForSelector('#start-form');
  await page.fill('#title', title);
  await page.selectOption('#language', language);
  await page.fill('#sections', String(sections));
  await page.fill('#images', String(images));
  await page.click('#start');
  await page.waitForSelector('#generation');
  return new URL(page.url()).searchParams.get('session');
}

export async function progressOf(page) {
  return Number(await page.getAttribute('#progress', 'aria-valuenow'));
}

export function waitForStatus(page, status) {
  return page.waitForSelector(`#generation[data-status="${status}"]`);
}

export function waitForConnection(page, state) {
  return page.waitForSelector(`#connection[data-connection="${state}"]`);
}

/** Calls the API from the test process (setup and checks), with the admin token. */
export async function api(pathname, { method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(new URL(pathname, BASE_URL), {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? safeJson(text) : null };
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return null; }
}

/** Starts a generation through the API (when the form itself is not what a scenario is about). */
export async function startThroughApi(request) {
  const { status, json } = await api('/api/ai-content', { method: 'POST', body: request });
  if (status !== 202) throw new Error(`start answered ${status}: ${JSON.stringify(json)}`);
  return json;
}

export async function switchServer(action) {
  if (!SERVER_SWITCH_URL) throw new Error('SERVER_SWITCH_URL is not set (PanelE2EIT sets it)');
  const response = await fetch(new URL(`/${action}`, SERVER_SWITCH_URL), { method: 'POST', signal: AbortSignal.timeout(LONG * 2) });
  if (response.status !== 204) throw new Error(`server ${action} failed: ${response.status} ${await response.text()}`);
}

/** Saves a screenshot (the README shows the ones PanelE2EIT is told to write into docs/). */
export async function screenshot(page, name, { fullPage = false } = {}) {
  const directory = SCREENSHOT_DIR ?? path.join(ARTIFACT_DIR, 'screenshots');
  fs.mkdirSync(directory, { recursive: true });
  await page.evaluate(() => document.fonts?.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(directory, `panel-${name}.png`), fullPage, animations: 'disabled' });
}

export function uniqueTitle(prefix) {
  return `${prefix} ${Date.now().toString(36)}`;
}
