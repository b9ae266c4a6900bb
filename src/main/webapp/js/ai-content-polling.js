/**
 * Follows one generation through GET /api/ai-content-progress/{hash}/status, as the progress
 * contract says the browser does: every 3 s, giving up after 20 minutes, stopping on a terminal
 * status. It also keeps the hot path cheap and the page honest about the connection:
 * - it sends If-None-Match with the last ETag, so an unchanged document costs a bodiless 304;
 * - on a network error or a 5xx it backs off (3 s, 6 s, 12 s, then every 15 s, with jitter so
 *   that many tabs do not retry in step) and reports "reconnecting" until an answer comes back;
 * - it stops while the tab is hidden and polls at once when the tab is shown again.
 * Several tabs may each run a poller for the same hash; they share nothing.
 *
 * The steps and terminal statuses come from progress-vocabulary.js, which the build writes from the
 * server's own definitions (it is in the WAR, not in src/main/webapp).
 *
 * The module has no DOM of its own: a page passes callbacks, and tests pass a fake fetch,
 * fake timers and a fake visibility source.
 */

import { TERMINAL_STATUSES } from './progress-vocabulary.js';

export const POLL_INTERVAL_MS = 3_000;
export const GIVE_UP_AFTER_MS = 20 * 60_000;
export const MAX_BACKOFF_MS = 15_000;

const SESSION_HASH = /^[A-Za-z0-9]{12}$/;

export function isTerminal(status) {
  return TERMINAL_STATUSES.includes(status);
}

export function isSessionHash(value) {
  return typeof value === 'string' && SESSION_HASH.test(value);
}

/** The session hash from the page's address (`?session=<hash>`), or null. */
export function sessionHashFromUrl(href = globalThis.location?.href) {
  const hash = new URL(href).searchParams.get('session');
  return isSessionHash(hash) ? hash : null;
}

export function statusPath(sessionHash) {
  return `/api/ai-content-progress/${encodeURIComponent(sessionHash)}/status`;
}

/**
 * Whether `doc` may take the place of `shown`, the document a page shows. Answers can overtake
 * each other: a poll that was in flight while the admin cancelled can arrive after the cancel's
 * answer and carry the older "processing" document. Every write bumps `version`, so a document
 * older than the one shown is dropped; an equal one (the same write read again) is fine, and a
 * document without a version is taken as before.
 */
export function isNotOlder(doc, shown) {
  if (!Number.isFinite(doc?.version) || !Number.isFinite(shown?.version)) return true;
  return doc.version >= shown.version;
}

/**
 * A 404 from the status endpoint itself is problem+json and means the hash is unknown. A 404
 * without it comes from a server that is up but has not deployed the application yet (seen
 * while Payara restarts): that is an outage like a 503, not an answer.
 */
function answeredByApi(response) {
  return /json/i.test(response.headers.get('Content-Type') ?? '');
}

/**
 * States reported through onState(state, detail):
 * - 'polling'      live: the last answer arrived; next poll in intervalMs
 * - 'reconnecting' the last attempt failed (network or 5xx); detail {failures, retryInMs, status}
 * - 'paused'       the tab is hidden; polls again when shown
 * - 'finished'     a terminal status arrived; polling has stopped
 * - 'gave-up'      the time limit passed; keepWatching() starts a new period
 * - 'unauthorized' 401: the token was refused; polling has stopped
 * - 'not-found'    404 from the API: the hash is unknown or its progress expired; polling has stopped
 * - 'rejected'     another 4xx (a malformed hash); polling has stopped
 */
export class ProgressPoller {
  #options;
  #timer = null;
  #inFlight = null;
  #etag = null;
  #failures = 0;
  #deadline = 0;
  #running = false;
  #state = 'idle';
  #document = null;

  constructor({
    sessionHash,
    token = () => null,
    onUpdate = () => {},
    onState = () => {},
    fetch = (...args) => globalThis.fetch(...args),
    timers = { setTimeout: (...a) => globalThis.setTimeout(...a), clearTimeout: (t) => globalThis.clearTimeout(t), now: () => Date.now() },
    visibility = globalThis.document,
    network = globalThis,
    intervalMs = POLL_INTERVAL_MS,
    giveUpAfterMs = GIVE_UP_AFTER_MS,
    maxBackoffMs = MAX_BACKOFF_MS,
    random = Math.random,
  }) {
    if (!isSessionHash(sessionHash)) throw new TypeError(`not a session hash: ${sessionHash}`);
    this.#options = { sessionHash, token, onUpdate, onState, fetch, timers, visibility, network, intervalMs, giveUpAfterMs, maxBackoffMs, random };
  }

  get state() {
    return this.#state;
  }

  /** The last progress document received, or null. */
  get lastDocument() {
    return this.#document;
  }

  start() {
    if (this.#running) return;
    this.#running = true;
    this.#deadline = this.#options.timers.now() + this.#options.giveUpAfterMs;
    this.#options.visibility?.addEventListener?.('visibilitychange', this.#onVisibilityChange);
    this.#options.network?.addEventListener?.('online', this.#onOnline);
    this.#poll();
  }

  stop() {
    this.#halt();
    this.#inFlight?.abort();
    this.#inFlight = null;
  }

  /** After giving up (or at any time): a new 20-minute period, starting with a poll now. */
  keepWatching() {
    this.#deadline = this.#options.timers.now() + this.#options.giveUpAfterMs;
    if (!this.#running) {
      this.start();
      return;
    }
    this.pollNow();
  }

  /** Polls at once instead of waiting for the timer (unless a poll is already under way). */
  pollNow() {
    if (!this.#running || this.#inFlight) return;
    this.#clearTimer();
    this.#poll();
  }

  #onVisibilityChange = () => {
    if (!this.#running) return;
    if (this.#hidden()) {
      this.#clearTimer();
      if (!this.#inFlight) this.#setState('paused');
    } else {
      this.pollNow();
    }
  };

  #onOnline = () => {
    if (this.#state === 'reconnecting') this.pollNow();
  };

  #hidden() {
    return this.#options.visibility?.visibilityState === 'hidden';
  }

  async #poll() {
    this.#timer = null;
    if (!this.#running) return;
    if (this.#hidden()) {
      this.#setState('paused');
      return;
    }
    if (this.#options.timers.now() >= this.#deadline) {
      this.#giveUp();
      return;
    }
    const { sessionHash, token, fetch } = this.#options;
    const headers = { Accept: 'application/json' };
    const bearer = token();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (this.#etag) headers['If-None-Match'] = this.#etag;
    const controller = new AbortController();
    this.#inFlight = controller;
    let response;
    let body;
    try {
      response = await fetch(statusPath(sessionHash), { headers, cache: 'no-store', signal: controller.signal });
      if (response.status === 200) body = await response.json();
    } catch (error) {
      if (this.#inFlight !== controller) return; // stopped meanwhile
      this.#inFlight = null;
      this.#retryLater(response?.status ?? null);
      return;
    }
    if (this.#inFlight !== controller) return;
    this.#inFlight = null;
    this.#handle(response, body);
  }

  #handle(response, body) {
    const status = response.status;
    if (status === 200) {
      this.#failures = 0;
      this.#etag = response.headers.get('ETag') ?? this.#etag;
      this.#document = body;
      this.#options.onUpdate(body);
      if (!this.#running) return;
      if (isTerminal(body?.status)) {
        this.#halt();
        this.#setState('finished');
        return;
      }
      this.#setState('polling');
      this.#schedule(this.#options.intervalMs);
    } else if (status === 304) {
      this.#failures = 0;
      this.#setState('polling');
      this.#schedule(this.#options.intervalMs);
    } else if (status === 401) {
      this.#halt();
      this.#setState('unauthorized');
    } else if (status === 404 && answeredByApi(response)) {
      this.#halt();
      this.#setState('not-found');
    } else if (status >= 500 || status === 404 || status === 429 || status === 408) {
      this.#retryLater(status);
    } else {
      this.#halt();
      this.#setState('rejected', { status });
    }
  }

  #retryLater(status) {
    this.#failures += 1;
    const { intervalMs, maxBackoffMs, random } = this.#options;
    const base = Math.min(intervalMs * 2 ** (this.#failures - 1), maxBackoffMs);
    const retryInMs = Math.round(base * (0.8 + 0.4 * random()));
    this.#setState('reconnecting', { failures: this.#failures, retryInMs, status });
    this.#schedule(retryInMs);
  }

  #giveUp() {
    this.#clearTimer();
    this.#setState('gave-up');
  }

  #schedule(delayMs) {
    this.#clearTimer();
    if (!this.#running) return;
    if (this.#hidden()) {
      this.#setState('paused');
      return;
    }
    this.#timer = this.#options.timers.setTimeout(() => this.#poll(), delayMs);
  }

  #clearTimer() {
    if (this.#timer !== null) this.#options.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #halt() {
    this.#running = false;
    this.#clearTimer();
    this.#options.visibility?.removeEventListener?.('visibilitychange', this.#onVisibilityChange);
    this.#options.network?.removeEventListener?.('online', this.#onOnline);
  }

  #setState(state, detail = {}) {
    this.#state = state;
    this.#options.onState(state, detail);
  }
}
