/**
 * Talks to the /api endpoints with the bearer token (the identity provider's access token, else the
 * static admin token) and turns every outcome into either a value or
 * one of three errors the views can tell apart: the server refused the token (UnauthorizedError),
 * the server could not be reached or broke (UnavailableError), or it answered with a problem
 * (ProblemError, RFC 9457, with the field errors it named).
 */

import { accessToken } from './oidc.js';

const TOKEN_KEY = 'ai-content-admin-token';

/** The token every call sends: the access token of a sign-in at the provider, else the admin token. */
export function storedToken() {
  return accessToken() ?? sessionStorage.getItem(TOKEN_KEY);
}

export function rememberToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

export class UnauthorizedError extends Error {
  constructor() {
    super('the server refused the admin token');
    this.name = 'UnauthorizedError';
  }
}

export class UnavailableError extends Error {
  constructor(status, cause) {
    super(status ? `the server answered ${status}` : 'the server could not be reached', { cause });
    this.name = 'UnavailableError';
    this.status = status ?? null;
  }
}

export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `the server answered ${status}`);
    this.name = 'ProblemError';
    this.status = status;
    this.problem = problem ?? {};
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

/** Sends one request with the bearer token; the token defaults to the one kept for this tab. */
export async function request(path, { method = 'GET', body, token = storedToken(), headers = {}, signal } = {}) {
  const init = {
    method,
    signal,
    cache: 'no-store',
    headers: { Accept: 'application/json', ...headers },
  };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new UnavailableError(null, error);
  }
  if (response.status === 401) throw new UnauthorizedError();
  if (response.status >= 500) throw new UnavailableError(response.status);
  if (!response.ok) throw new ProblemError(response.status, await readJson(response));
  return response;
}

export async function requestJson(path, options) {
  const response = await request(path, options);
  return readJson(response);
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Checks a token without keeping it: resolves when the server accepts it. */
export async function checkToken(token) {
  await request('/api/ai-content?limit=1', { token });
}

export function listGenerations(limit = 20, { mine = false } = {}) {
  return requestJson(`/api/ai-content?limit=${limit}${mine ? '&mine=true' : ''}`);
}

/** Who this tab is signed in as: {name, roles}; a ProblemError 403 when the user has none of the roles. */
export function whoAmI() {
  return requestJson('/api/auth/me');
}

export function startGeneration(form) {
  return requestJson('/api/ai-content', { method: 'POST', body: form });
}

export function fetchArticle(id) {
  return requestJson(`/api/ai-content/${encodeURIComponent(id)}`);
}

export function cancelGeneration(sessionHash) {
  return requestJson(`/api/ai-content-progress/${encodeURIComponent(sessionHash)}/cancel`, { method: 'POST' });
}

export function restartGeneration(sessionHash) {
  return requestJson(`/api/ai-content-progress/${encodeURIComponent(sessionHash)}/restart`, { method: 'POST' });
}

/** Fetches an image with the bearer header (an <img src> could not send it) as an object URL. */
export async function fetchImageUrl(path) {
  const response = await request(path, { headers: { Accept: 'image/*' } });
  return URL.createObjectURL(await response.blob());
}
