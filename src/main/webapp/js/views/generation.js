/**
 * One generation, followed live: the bar, the seven steps, the message, counts, elapsed time and
 * an estimate of the time left, the partial article as sections and images finish, and the
 * actions the current state allows. The progress document comes from ai-content-polling.js; the
 * article itself is fetched only when the document says there is something new in it (a count,
 * the step or the status changed), never on every poll.
 */
import { ProgressPoller, isSessionHash, isTerminal, isNotOlder } from '../ai-content-polling.js';
import { STEPS } from '../progress-vocabulary.js';
import { storedToken, fetchArticle, cancelGeneration, restartGeneration, ProblemError, UnauthorizedError, UnavailableError } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { t, uiLanguage, directionOf, formatPercent, formatDuration, formatNumber } from '../i18n.js';
import { ArticleRenderer } from './article.js';
import { statusBadge } from './dashboard.js';


export function mountGeneration(root, { sessionHash, articleId, onUnauthorized, user }) {
  const back = el('p', { class: 'back' }, el('a', { href: '/', 'data-nav': true }, t('back')));
  if (!isSessionHash(sessionHash)) {
    root.replaceChildren(back, el('p', { class: 'card form-message', role: 'alert' }, t('badSession')));
    return { destroy() {} };
  }
  const view = new GenerationView(root, { sessionHash, articleId, onUnauthorized, back, user });
  view.start();
  return view;
}

class GenerationView {
  #hash;
  #articleId;
  #onUnauthorized;
  #user;
  #poller = null;
  #doc = null;
  #article = null;
  #articleKey = null;
  #articleLoading = false;
  #articleStale = false;
  #clock = null;
  #destroyed = false;
  #acting = false;
  #renderer = new ArticleRenderer({
    lang: uiLanguage(), dir: directionOf(uiLanguage()), contents: t('contents'), summary: t('summary'), faq: t('faq'), meta: t('meta'),
    metaTitle: t('metaTitle'), metaDescription: t('metaDescription'), keywords: t('keywords'),
    partial: t('partial'), incomplete: t('incomplete'), imageFailed: t('imageFailed'), notes: t('modelNotes'),
  });
  #ui;

  constructor(root, { sessionHash, articleId, onUnauthorized, back, user }) {
    this.#hash = sessionHash;
    this.#user = user ?? null;
    this.#articleId = articleId && /^\d+$/.test(articleId) ? articleId : null;
    this.#onUnauthorized = onUnauthorized;
    this.#ui = this.#build(root, back);
  }

  #build(root, back) {
    const ui = {};
    ui.title = el('h1', { id: 'generation-title', dir: 'auto' }, '…');
    ui.badges = el('p', { class: 'badges' });
    ui.fill = el('div', { class: 'bar-fill' });
    ui.bar = el('div', {
      class: 'bar', id: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-valuenow': 0, 'aria-labelledby': 'progress-label',
    }, ui.fill);
    ui.percent = el('span', { class: 'percent', id: 'progress-percent' }, formatPercent(0));
    ui.message = el('p', { class: 'current-message', id: 'current-message', dir: 'auto' });
    ui.sections = el('dd', { id: 'sections-count' }, t('unknown'));
    ui.images = el('dd', { id: 'images-count' }, t('unknown'));
    ui.elapsed = el('dd', { id: 'elapsed' }, t('unknown'));
    ui.remaining = el('dd', { id: 'remaining' }, t('unknown'));
    ui.cancel = el('button', { class: 'button danger', type: 'button', id: 'cancel', disabled: true }, t('cancel'));
    ui.restart = el('button', { class: 'button', type: 'button', id: 'restart', disabled: true }, t('restart'));
    ui.connection = el('p', { class: 'connection', id: 'connection', role: 'status', dataset: { connection: 'starting' } });
    ui.keepWatching = el('button', { class: 'button quiet', type: 'button', id: 'keep-watching', hidden: true }, t('keepWatching'));
    ui.alert = el('div', { class: 'alert', id: 'generation-alert', role: 'alert', hidden: true });
    ui.steps = el('ol', { class: 'steps', id: 'steps' }, STEPS.map((step) =>
      el('li', { dataset: { step, state: 'todo' } }, el('span', { class: 'step-mark', 'aria-hidden': 'true' }), el('span', { class: 'step-name' }, t(`step_${step}`)), el('span', { class: 'visually-hidden step-state' }))));
    ui.writing = el('section', { class: 'card writing-card', id: 'being-written', 'aria-live': 'polite', hidden: true });
    ui.articleSlot = el('div', { id: 'article-slot' });
    ui.usage = el('p', { class: 'usage muted', id: 'usage' });
    ui.confirm = this.#confirmDialog();

    ui.root = el('div', { class: 'generation', id: 'generation', dataset: { session: this.#hash, status: 'unknown' } },
      back,
      el('section', { class: 'card status-card', 'aria-labelledby': 'generation-title' },
        ui.title,
        ui.badges,
        el('div', { class: 'progress-line' }, el('span', { id: 'progress-label' }, t('progress')), ui.percent),
        ui.bar,
        ui.message,
        el('dl', { class: 'facts' },
          el('div', {}, el('dt', {}, t('sections')), ui.sections),
          el('div', {}, el('dt', {}, t('images')), ui.images),
          el('div', {}, el('dt', {}, t('elapsed')), ui.elapsed),
          el('div', {}, el('dt', {}, t('remaining')), ui.remaining)),
        ui.alert,
        el('div', { class: 'actions' }, ui.cancel, ui.restart),
        el('div', { class: 'connection-line' }, ui.connection, ui.keepWatching),
        ui.usage),
      el('section', { class: 'card steps-card', 'aria-labelledby': 'steps-title' }, el('h2', { id: 'steps-title' }, t('steps')), ui.steps),
      ui.writing,
      ui.articleSlot,
      ui.confirm.dialog);
    root.replaceChildren(ui.root);

    ui.cancel.addEventListener('click', () => ui.confirm.open());
    ui.restart.addEventListener('click', () => this.#restart());
    ui.keepWatching.addEventListener('click', () => {
      ui.keepWatching.hidden = true;
      this.#poller?.keepWatching();
    });
    return ui;
  }

  #confirmDialog() {
    const yes = el('button', { class: 'button danger', type: 'button', id: 'confirm-cancel-yes' }, t('confirmCancelYes'));
    const no = el('button', { class: 'button', type: 'button', id: 'confirm-cancel-no' }, t('confirmCancelNo'));
    const dialog = el('dialog', { id: 'confirm-cancel', 'aria-labelledby': 'confirm-cancel-title', 'aria-describedby': 'confirm-cancel-text' },
      el('h2', { id: 'confirm-cancel-title' }, t('confirmCancelTitle')),
      el('p', { id: 'confirm-cancel-text' }, t('confirmCancelText')),
      el('div', { class: 'actions' }, no, yes));
    no.addEventListener('click', () => dialog.close());
    yes.addEventListener('click', () => {
      dialog.close();
      this.#cancel();
    });
    return { dialog, open: () => { dialog.showModal(); no.focus(); } };
  }

  start() {
    this.#startPolling();
    this.#clock = setInterval(() => this.#renderTimes(), 1000);
  }

  destroy() {
    this.#destroyed = true;
    this.#poller?.stop();
    clearInterval(this.#clock);
    this.#renderer.dispose();
    document.title = t('appTitle');
  }

  #startPolling() {
    this.#poller?.stop();
    this.#poller = new ProgressPoller({
      sessionHash: this.#hash,
      token: storedToken,
      onUpdate: (doc) => this.#apply(doc),
      onState: (state, detail) => this.#connection(state, detail),
    });
    this.#poller.start();
  }

  /** Poll results and the answers to cancel and restart all come through here, in whatever order they arrive. */
  #apply(doc) {
    if (this.#destroyed || !doc || !isNotOlder(doc, this.#doc)) return;
    const previous = this.#doc;
    this.#doc = doc;
    if (doc.ai_content_id != null) this.#articleId = String(doc.ai_content_id);
    this.#render(doc);
    const key = [doc.completed_sections, doc.completed_images, doc.step, doc.status, doc.attempt].join('|');
    if (!previous || key !== this.#articleKey) {
      this.#articleKey = key;
      this.#loadArticle();
    }
  }

  #render(doc) {
    const ui = this.#ui;
    const language = doc.language === 'fa' ? 'fa' : 'en';
    const progress = clamp(Math.round(Number(doc.progress) || 0), 0, 100);
    const status = doc.status ?? 'pending';

    ui.root.dataset.status = status;
    ui.title.textContent = doc.title ?? '';
    ui.title.lang = language;
    replaceChildren(ui.badges,
      statusBadge(status),
      el('span', { class: 'badge' }, t(`langName_${language}`)),
      doc.attempt > 1 ? el('span', { class: 'badge' }, t('attempt', { n: doc.attempt })) : null,
      doc.started_by ? el('span', { class: 'badge', id: 'started-by', dir: 'auto' }, t('startedBy', { name: doc.started_by })) : null);
    ui.bar.setAttribute('aria-valuenow', String(progress));
    ui.bar.setAttribute('aria-valuetext', `${formatPercent(progress)} — ${t(`status_${status}`)}`);
    ui.fill.style.inlineSize = `${progress}%`;
    ui.bar.dataset.status = status;
    ui.percent.textContent = formatPercent(progress);
    ui.message.textContent = doc.current_message ?? '';
    ui.message.lang = language;
    ui.message.dir = directionOf(language);
    ui.sections.textContent = t('sectionsCount', { done: doc.completed_sections ?? 0, total: doc.total_sections ?? 0 });
    ui.images.textContent = t('imagesCount', { done: doc.completed_images ?? 0, total: doc.total_images ?? 0 });
    this.#renderSteps(doc);
    this.#renderWriting(doc, language);
    this.#renderTimes();

    this.#renderActions(status);
    if (status === 'failed') this.#alert(doc.error ? t('failedWith', { message: doc.error }) : t('failedNoMessage'), 'failed');
    else if (status === 'cancelled') this.#alert(t('cancelled'), 'cancelled');
    else this.#alert(null);
    document.title = `${formatPercent(progress)} · ${doc.title ?? ''}`;
  }

  /**
   * The sections a streaming model is writing right now: the document lists each with its length so
   * far and the end of its text (a preview, as text, never markup). Gone once the section is done.
   */
  #renderWriting(doc, language) {
    const writing = doc.status === 'processing'
      ? (doc.sections ?? []).filter((section) => section.status === 'writing').sort((a, b) => a.index - b.index)
      : [];
    this.#ui.writing.hidden = writing.length === 0;
    replaceChildren(this.#ui.writing,
      writing.length ? el('h2', {}, t('beingWritten')) : null,
      writing.map((section) => el('article', { class: 'writing', dataset: { index: section.index }, lang: language, dir: directionOf(language) },
        el('h3', { dir: 'auto' }, section.heading ?? ''),
        el('p', { class: 'preview', dir: 'auto' }, section.preview ? `…${section.preview}` : ''),
        el('p', { class: 'muted', lang: uiLanguage(), dir: directionOf(uiLanguage()) },
          t('charactersWritten', { n: formatNumber(Number(section.characters) || 0) })))));
  }

  /** While a cancel or restart is under way both stay disabled, whatever a poll says meanwhile. */
  #renderActions(status) {
    const mayAct = this.#mayAct();
    this.#ui.cancel.disabled = this.#acting || !mayAct || !(status === 'pending' || status === 'processing');
    this.#ui.restart.disabled = this.#acting || !mayAct || !(status === 'failed' || status === 'cancelled');
  }

  /** An admin may act on any generation, an editor on their own; the server decides in the end. */
  #mayAct() {
    const user = this.#user;
    if (!user) return true;
    if (user.roles.includes('admin')) return true;
    return user.roles.includes('editor') && this.#doc?.started_by === user.name;
  }

  #renderSteps(doc) {
    const current = STEPS.indexOf(doc.step);
    const status = doc.status;
    for (const item of this.#ui.steps.children) {
      const index = STEPS.indexOf(item.dataset.step);
      let state = 'todo';
      if (status === 'completed' || index < current) state = 'done';
      else if (index === current) state = status === 'failed' || status === 'cancelled' ? 'stopped' : 'current';
      item.dataset.state = state;
      if (state === 'current' || state === 'stopped') item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
      item.querySelector('.step-state').textContent =
        state === 'done' ? ` (${t('stepDone')})` : state === 'current' ? ` (${t('stepCurrent')})` : state === 'stopped' ? ` (${t('stepStopped')})` : '';
    }
  }

  #renderTimes() {
    const doc = this.#doc;
    if (!doc?.created_at) return;
    const started = Date.parse(doc.created_at);
    const terminal = isTerminal(doc.status);
    const end = terminal ? Date.parse(doc.updated_at) : Date.now();
    const elapsed = Math.max(0, (Number.isFinite(end) ? end : Date.now()) - started);
    this.#ui.elapsed.textContent = formatDuration(elapsed);
    this.#ui.remaining.textContent = terminal ? formatDuration(0) : formatDuration(this.#remaining(doc, elapsed));
  }

  /** Elapsed time scaled by the bar. */
  #remaining(doc, elapsed) {
    const progress = Number(doc.progress) || 0;
    if (progress <= 0 || progress >= 100) return NaN;
    return (elapsed * (100 - progress)) / progress;
  }

  #alert(text, kind) {
    this.#ui.alert.hidden = !text;
    this.#ui.alert.textContent = text ?? '';
    this.#ui.alert.dataset.kind = kind ?? '';
  }

  #connection(state, detail) {
    if (this.#destroyed) return;
    const ui = this.#ui;
    ui.connection.dataset.connection = state === 'polling' ? 'live' : state;
    ui.keepWatching.hidden = state !== 'gave-up';
    switch (state) {
      case 'polling': ui.connection.textContent = t('liveUpdating'); break;
      case 'reconnecting': ui.connection.textContent = detail.retryInMs
        ? t('reconnectingIn', { s: Math.ceil(detail.retryInMs / 1000) }) : t('reconnecting'); break;
      case 'paused': ui.connection.textContent = t('paused'); break;
      case 'finished': ui.connection.textContent = t('finished'); break;
      case 'gave-up': ui.connection.textContent = t('gaveUp'); break;
      case 'unauthorized': this.#onUnauthorized(); break;
      case 'not-found':
        ui.connection.textContent = t('notFound');
        if (this.#articleId) this.#loadArticle({ adoptStatus: true });
        break;
      default: ui.connection.textContent = t('rejected');
    }
  }

  async #loadArticle({ adoptStatus = false } = {}) {
    if (!this.#articleId) return;
    if (this.#articleLoading) {
      this.#articleStale = true;
      return;
    }
    this.#articleLoading = true;
    try {
      const article = await fetchArticle(this.#articleId);
      if (this.#destroyed || !article) return;
      this.#article = article;
      if (adoptStatus || !this.#doc) this.#renderFromArticle(article);
      this.#ui.usage.textContent = t('usage', {
        model: article.model ?? '', prompt: Number(article.prompt_tokens) || 0, completion: Number(article.completion_tokens) || 0,
      });
      const partial = article.status !== 'completed';
      replaceChildren(this.#ui.articleSlot, this.#renderer.render(article, { partial }));
    } catch (error) {
      if (error instanceof UnauthorizedError) this.#onUnauthorized();
      // otherwise keep what is shown; the next change in the progress document tries again
    } finally {
      this.#articleLoading = false;
      if (this.#articleStale && !this.#destroyed) {
        this.#articleStale = false;
        this.#loadArticle({ adoptStatus });
      }
    }
  }

  /** When Redis no longer has the progress (expired), the stored article still tells the story. */
  #renderFromArticle(article) {
    if (this.#doc) return;
    const done = article.status === 'completed';
    this.#render({
      title: article.title, language: article.language, status: article.status,
      progress: done ? 100 : 0, step: done ? 'faq_generation' : null, error: article.error,
      current_message: '', completed_sections: article.sections?.length ?? 0,
      total_sections: article.headings?.length ?? article.sections?.length ?? 0,
      completed_images: article.images?.length ?? 0, total_images: article.images?.length ?? 0,
      created_at: article.created_at, completed_at: article.completed_at, updated_at: article.completed_at,
    });
    this.#ui.cancel.disabled = true;
    this.#ui.restart.disabled = true;
  }

  async #cancel() {
    this.#startAction();
    try {
      this.#apply(await cancelGeneration(this.#hash));
      this.#poller?.pollNow();
    } catch (error) {
      this.#actionFailed(error);
    } finally {
      this.#endAction();
    }
  }

  async #restart() {
    this.#startAction();
    try {
      this.#apply(await restartGeneration(this.#hash));
      this.#startPolling();
    } catch (error) {
      this.#actionFailed(error);
    } finally {
      this.#endAction();
    }
  }

  #startAction() {
    this.#acting = true;
    this.#renderActions(this.#doc?.status);
  }

  /** The buttons follow the document shown, which the action's answer may or may not have replaced. */
  #endAction() {
    this.#acting = false;
    if (!this.#destroyed) this.#renderActions(this.#doc?.status);
  }

  #actionFailed(error) {
    if (error instanceof UnauthorizedError) return this.#onUnauthorized();
    if (error instanceof ProblemError) this.#alert(t('conflict', { detail: error.message }), 'conflict');
    else if (error instanceof UnavailableError) this.#alert(error.status ? t('serverBroken', { status: error.status }) : t('serverUnreachable'), 'unavailable');
    else this.#alert(error.message, 'error');
    this.#poller?.pollNow();
  }
}

function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}
