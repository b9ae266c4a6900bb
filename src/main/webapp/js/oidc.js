/**
 * Signing in at the organisation's identity provider: OpenID Connect Authorization Code with PKCE
 * (S256), the panel being a public client (no secret). The provider's endpoints come from the
 * server (/api/auth/config), which read them by discovery. Tokens stay in sessionStorage (this tab
 * only); the access token is renewed with the refresh token a minute before it expires (or at
 * 3/4 of its life when it is shorter), and signing out ends the session at the provider too
 * (end_session_endpoint).
 */

const SESSION_KEY = 'ai-content-oidc-session';
const PENDING_KEY = 'ai-content-oidc-pending';
let options = null;
let renewal = null;
let renewing = null;
const listeners = new Set();

/** How this server signs in: {mode: 'oidc' | 'admin-token', admin_token, client_id, ...endpoints}. */
export async function signInOptions() {
  if (options) return options;
  const response = await fetch('/api/auth/config', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  options = await response.json();
  return options;
}

function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    return null;
  }
}

function keep(tokens) {
  const now = Date.now();
  const previous = session();
  const kept = {
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token ?? previous?.refresh_token ?? null,
    id_token: tokens.id_token ?? previous?.id_token ?? null,
    issued_at: now,
    expires_at: now + 1000 * (Number(tokens.expires_in) || 300),
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(kept));
  scheduleRenewal();
  return kept;
}

/** The current access token of the provider, or null. */
export function accessToken() {
  return session()?.access_token ?? null;
}

export function hasSession() {
  return accessToken() !== null;
}

/** Called with the new access token after each renewal, and with null when the session ended. */
export function onTokenChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function base64url(bytes) {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(size = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(size)));
}

function redirectUri() {
  return `${location.origin}/`;
}

/** Goes to the provider's login page; comes back to this page's address once signed in. */
export async function beginSignIn() {
  const config = await signInOptions();
  if (!crypto.subtle) throw new Error('Signing in needs HTTPS (or localhost): the browser offers no SHA-256 here.');
  const verifier = randomText(48);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const pending = { state: randomText(), nonce: randomText(), verifier, returnTo: location.pathname + location.search };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(config.authorization_endpoint);
  const query = {
    response_type: 'code', client_id: config.client_id, redirect_uri: redirectUri(), scope: config.scope,
    state: pending.state, nonce: pending.nonce, code_challenge: challenge, code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  location.assign(url.toString());
}

/** True when the address is the provider's answer (code or error with state). */
export function isCallback() {
  const params = new URLSearchParams(location.search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * Exchanges the code for tokens, checks state and nonce, and puts the address back to where the
 * sign-in started. Throws with the provider's error (e.g. access_denied) otherwise.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', pending?.returnTo ?? '/');
  if (!pending || params.get('state') !== pending.state) throw new Error('The sign-in answer does not belong to this tab; sign in again.');
  if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
  const config = await signInOptions();
  const tokens = await tokenRequest(config, {
    grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    client_id: config.client_id, code_verifier: pending.verifier,
  });
  if (tokens.id_token && claimsOf(tokens.id_token).nonce !== pending.nonce) throw new Error('The ID token does not answer this sign-in (nonce); sign in again.');
  keep(tokens);
}

async function tokenRequest(config, form) {
  const response = await fetch(config.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form),
    cache: 'no-store',
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) throw new Error(body.error_description || body.error || `the identity provider answered ${response.status}`);
  return body;
}

/** The payload of a JWT, read (not checked: the server checks access tokens; this is for the nonce). */
function claimsOf(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

/** Renews the access token now; resolves to the new one, or null when the session could not be renewed. */
export function renew() {
  if (renewing) return renewing;
  const current = session();
  if (!current?.refresh_token) return Promise.resolve(null);
  renewing = (async () => {
    try {
      const config = await signInOptions();
      const tokens = await tokenRequest(config, { grant_type: 'refresh_token', refresh_token: current.refresh_token, client_id: config.client_id });
      const kept = keep(tokens);
      listeners.forEach((listener) => listener(kept.access_token));
      return kept.access_token;
    } catch {
      forget();
      listeners.forEach((listener) => listener(null));
      return null;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

/** Renews a minute before expiry, or at 3/4 of the token's life when that is sooner. */
export function scheduleRenewal() {
  clearTimeout(renewal);
  const current = session();
  if (!current?.refresh_token) return;
  const life = current.expires_at - current.issued_at;
  const at = Math.min(current.expires_at - 60_000, current.issued_at + life * 0.75);
  renewal = setTimeout(() => renew(), Math.max(1000, at - Date.now()));
}

function forget() {
  clearTimeout(renewal);
  sessionStorage.removeItem(SESSION_KEY);
}

/** Forgets the tokens and ends the session at the provider, which sends the browser back here. */
export async function signOut() {
  const idToken = session()?.id_token;
  forget();
  const config = await signInOptions().catch(() => null);
  if (!config?.end_session_endpoint) return false;
  const url = new URL(config.end_session_endpoint);
  url.searchParams.set('client_id', config.client_id);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  location.assign(url.toString());
  return true;
}
