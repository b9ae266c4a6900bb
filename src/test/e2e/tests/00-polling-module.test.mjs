// ai-content-polling.js on its own, with a fake fetch, a hand-driven clock and a fake
// visibility source: the parts of the contract an end-to-end run cannot wait for (20 minutes)
// or cannot provoke on demand (a precise sequence of 304s, 5xx and hidden tabs). It imports the
// module from the exploded WAR the build packaged, where progress-vocabulary.js sits beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressPoller, sessionHashFromUrl, statusPath, isNotOlder, POLL_INTERVAL_MS, GIVE_UP_AFTER_MS, MAX_BACKOFF_MS } from '../../../../target/ai-content-generator/js/ai-content-polling.js';

const HASH = 'abcDEF123456';

class ManualClock {
  time = 0;
  timers = new Map();
  nextId = 1;
  now = () => this.time;
  setTimeout = (fn, ms) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (id) => { this.timers.delete(id); };
  pendingDelays() { return [...this.timers.values()].map((timer) => timer.at - this.time); }
  async advance(ms) {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
      await settle();
    }
    this.time = until;
  }
}

class FakeVisibility extends EventTarget {
  visibilityState = 'visible';
  set(state) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function documentAnswer(version, status = 'processing', progress = 40) {
  return new Response(JSON.stringify({ session_hash: HASH, status, progress, version }), {
    status: 200, headers: { 'Content-Type': 'application/json', ETag: `"${version}"` },
  });
}

function harness(answers, { onUpdate = () => {} } = {}) {
  const clock = new ManualClock();
  const visibility = new FakeVisibility();
  const requests = [];
  const updates = [];
  const states = [];
  const fetch = async (url, init) => {
    requests.push({ url, headers: { ...init.headers } });
    const next = answers.shift();
    if (!next) throw new Error('no answer queued');
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next() : next;
  };
  const poller = new ProgressPoller({
    sessionHash: HASH, token: () => 'secret', fetch, timers: clock, visibility, network: null,
    onUpdate: (doc) => { updates.push(doc); onUpdate(doc); }, onState: (state, detail) => states.push({ state, ...detail }), random: () => 0.5,
  });
  return { clock, visibility, requests, updates, states, poller, answers };
}

test('the session hash is read from ?session= and anything else is refused', () => {
  assert.equal(sessionHashFromUrl(`http://x/?session=${HASH}`), HASH);
  assert.equal(sessionHashFromUrl('http://x/?session=short'), null);
  assert.equal(sessionHashFromUrl('http://x/?session=abc*def12345'), null);
  assert.equal(sessionHashFromUrl('http://x/'), null);
  assert.equal(statusPath(HASH), `/api/ai-content-progress/${HASH}/status`);
});

test('polls at once, then every 3 seconds, with the bearer token and the last ETag', async () => {
  const h = harness([documentAnswer(1), new Response(null, { status: 304 }), documentAnswer(2)]);
  h.poller.start();
  await settle();
  assert.equal(h.requests.length, 1);
  assert.equal(h.requests[0].url, `/api/ai-content-progress/${HASH}/status`);
  assert.equal(h.requests[0].headers.Authorization, 'Bearer secret');
  assert.equal(h.requests[0].headers['If-None-Match'], undefined);
  assert.deepEqual(h.clock.pendingDelays(), [POLL_INTERVAL_MS]);

  await h.clock.advance(POLL_INTERVAL_MS);
  assert.equal(h.requests.length, 2);
  assert.equal(h.requests[1].headers['If-None-Match'], '"1"');
  assert.equal(h.updates.length, 1, 'a 304 brings no update');

  await h.clock.advance(POLL_INTERVAL_MS);
  assert.equal(h.requests.length, 3);
  assert.equal(h.requests[2].headers['If-None-Match'], '"1"');
  assert.deepEqual(h.updates.map((doc) => doc.version), [1, 2]);
  assert.equal(h.poller.state, 'polling');
  h.poller.stop();
});

test('stops polling on every terminal status', async () => {
  for (const status of ['completed', 'failed', 'cancelled']) {
    const h = harness([documentAnswer(1), documentAnswer(2, status, 100)]);
    h.poller.start();
    await settle();
    await h.clock.advance(POLL_INTERVAL_MS);
    assert.equal(h.poller.state, 'finished', status);
    assert.deepEqual(h.clock.pendingDelays(), [], `no timer left after ${status}`);
    await h.clock.advance(10 * POLL_INTERVAL_MS);
    assert.equal(h.requests.length, 2);
  }
});

test('network errors and 5xx back off, report reconnecting, and recover', async () => {
  const h = harness([
    documentAnswer(1),
    new TypeError('Failed to fetch'),
    new Response('down', { status: 503 }),
    new Response('down', { status: 502 }),
    new TypeError('Failed to fetch'),
    new TypeError('Failed to fetch'),
    new Response(null, { status: 304 }),
  ]);
  h.poller.start();
  await settle();
  const delays = [];
  for (let i = 0; i < 5; i++) {
    await h.clock.advance(h.clock.pendingDelays()[0]);
    assert.equal(h.poller.state, 'reconnecting');
    delays.push(h.clock.pendingDelays()[0]);
  }
  assert.deepEqual(delays, [3000, 6000, 12000, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
  assert.deepEqual(h.states.filter((s) => s.state === 'reconnecting').map((s) => s.status), [null, 503, 502, null, null]);
  await h.clock.advance(h.clock.pendingDelays()[0]);
  assert.equal(h.poller.state, 'polling');
  assert.equal(h.requests.at(-1).headers['If-None-Match'], '"1"', 'the ETag survives the outage');
  assert.deepEqual(h.clock.pendingDelays(), [POLL_INTERVAL_MS], 'back to the normal pace');
  h.poller.stop();
});

test('pauses while the tab is hidden and polls at once when it is shown', async () => {
  const h = harness([documentAnswer(1), documentAnswer(2)]);
  h.poller.start();
  await settle();
  h.visibility.set('hidden');
  assert.equal(h.poller.state, 'paused');
  assert.deepEqual(h.clock.pendingDelays(), []);
  await h.clock.advance(60_000);
  assert.equal(h.requests.length, 1, 'no polls while hidden');
  h.visibility.set('visible');
  await settle();
  assert.equal(h.requests.length, 2, 'one poll right away when shown');
  assert.equal(h.poller.state, 'polling');
  h.poller.stop();
});

test('gives up after 20 minutes, and keepWatching starts a new period', async () => {
  const answers = [];
  for (let i = 0; i < 1000; i++) answers.push(() => new Response(null, { status: 304 }));
  answers.unshift(documentAnswer(1));
  const h = harness(answers);
  h.poller.start();
  await settle();
  await h.clock.advance(GIVE_UP_AFTER_MS + POLL_INTERVAL_MS);
  assert.equal(h.poller.state, 'gave-up');
  const polled = h.requests.length;
  assert.equal(polled, GIVE_UP_AFTER_MS / POLL_INTERVAL_MS, 'one poll every 3 s for 20 minutes');
  await h.clock.advance(60_000);
  assert.equal(h.requests.length, polled, 'silent after giving up');
  h.poller.keepWatching();
  await settle();
  assert.equal(h.requests.length, polled + 1);
  assert.equal(h.poller.state, 'polling');
  h.poller.stop();
});

test('401, 404 and 400 stop polling with their own states', async () => {
  for (const [status, state] of [[401, 'unauthorized'], [404, 'not-found'], [400, 'rejected']]) {
    const h = harness([new Response('{}', { status, headers: { 'Content-Type': 'application/problem+json' } })]);
    h.poller.start();
    await settle();
    assert.equal(h.poller.state, state);
    assert.deepEqual(h.clock.pendingDelays(), []);
  }
});

test('a 404 that is not the API\'s answer (a server still deploying) is an outage, not an unknown hash', async () => {
  const h = harness([
    documentAnswer(1),
    new Response('<html>Not Found</html>', { status: 404, headers: { 'Content-Type': 'text/html' } }),
    new Response(null, { status: 304 }),
  ]);
  h.poller.start();
  await settle();
  await h.clock.advance(POLL_INTERVAL_MS);
  assert.equal(h.poller.state, 'reconnecting');
  await h.clock.advance(h.clock.pendingDelays()[0]);
  assert.equal(h.poller.state, 'polling');
  h.poller.stop();
});

test('stop() cancels the next poll and ignores an answer still on its way', async () => {
  let release;
  const h = harness([() => new Promise((resolve) => { release = resolve; })]);
  h.poller.start();
  await settle();
  h.poller.stop();
  release(documentAnswer(1));
  await settle();
  assert.equal(h.updates.length, 0);
  assert.deepEqual(h.clock.pendingDelays(), []);
});

test('a document older than the one shown is not shown; the same version again or a newer one is', () => {
  const shown = { status: 'cancelled', version: 6 };
  assert.equal(isNotOlder({ status: 'processing', version: 5 }, shown), false);
  assert.equal(isNotOlder({ status: 'cancelled', version: 6 }, shown), true);
  assert.equal(isNotOlder({ status: 'processing', version: 7, attempt: 2 }, shown), true);
  assert.equal(isNotOlder({ status: 'processing', version: 1 }, null), true, 'the first document is always shown');
  assert.equal(isNotOlder({ status: 'processing' }, shown), true, 'a document without a version cannot be ordered');
});

test('a poll in flight during a cancel cannot bring "processing" back after the cancel\'s answer', async () => {
  // The page's side, as views/generation.js does it: poll results and the cancel's answer all go
  // through one apply() that drops older versions.
  const shown = [];
  const apply = (doc) => { if (isNotOlder(doc, shown.at(-1))) shown.push(doc); };
  let release;
  const h = harness([
    documentAnswer(4),
    () => new Promise((resolve) => { release = resolve; }),
    documentAnswer(6, 'cancelled'),
  ], { onUpdate: apply });
  h.poller.start();
  await settle();
  await h.clock.advance(POLL_INTERVAL_MS); // the second poll is now in flight

  apply({ session_hash: HASH, status: 'cancelled', progress: 40, version: 6 }); // the cancel's answer
  release(documentAnswer(5, 'processing')); // that poll read Redis just before the cancel
  await settle();
  assert.deepEqual(shown.map((doc) => [doc.version, doc.status]), [[4, 'processing'], [6, 'cancelled']]);

  await h.clock.advance(POLL_INTERVAL_MS);
  assert.deepEqual(shown.map((doc) => [doc.version, doc.status]), [[4, 'processing'], [6, 'cancelled'], [6, 'cancelled']]);
  assert.equal(h.poller.state, 'finished', 'the poller still stops on the cancelled document');
});
