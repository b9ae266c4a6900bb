/**
 * The landing view: the form that starts a generation and the list of recent ones. The form is
 * checked in the page first (same limits as the server, read from the fields' data-min/data-max
 * and maxlength), and whatever the server still rejects is shown beside the field it names.
 */
import { listGenerations, startGeneration, ProblemError, UnauthorizedError, UnavailableError } from '../api.js';
import { el, replaceChildren } from '../dom.js';
import { t, uiLanguage, formatDateTime, formatDuration } from '../i18n.js';

const FIELDS = ['title', 'language', 'sections', 'images'];
const LIST_LIMIT = 20;

export function mountDashboard(root, { navigate, onUnauthorized, user }) {
  const canStart = !user || user.roles.includes('editor') || user.roles.includes('admin');
  const form = canStart ? startForm({ navigate, onUnauthorized })
    : { element: el('section', { class: 'card', id: 'viewer-only' }, el('p', { class: 'muted' }, t('viewerOnly'))) };
  const list = recentList({ onUnauthorized });
  root.replaceChildren(el('div', { class: 'dashboard' }, form.element, list.element));
  list.load();
  return { destroy() { list.destroy(); } };
}

function field(name, label, control, hint) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  control.setAttribute('aria-describedby', `${hintId} ${errorId}`);
  return el('div', { class: 'field', dataset: { field: name } },
    el('label', { for: control.id }, label),
    control,
    el('p', { class: 'hint', id: hintId }, hint ?? ''),
    el('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' }),
  );
}

function numberInput(name, min, max, value) {
  return el('input', {
    id: name, name, type: 'text', inputmode: 'numeric', autocomplete: 'off',
    'data-min': min, 'data-max': max, value, required: true,
  });
}

/** Persian and Arabic-Indic digits typed on a Persian keyboard count as digits too. */
function asciiDigits(text) {
  return text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

function startForm({ navigate, onUnauthorized }) {
  const title = el('input', { id: 'title', name: 'title', type: 'text', maxlength: 200, required: true, autocomplete: 'off', dir: 'auto' });
  const language = el('select', { id: 'language', name: 'language' },
    el('option', { value: 'fa' }, t('langName_fa')),
    el('option', { value: 'en' }, t('langName_en')));
  language.value = uiLanguage();
  const sections = numberInput('sections', 1, 20, 5);
  const images = numberInput('images', 0, 20, 3);
  const message = el('p', { class: 'form-message', id: 'start-message', role: 'alert' });
  const submit = el('button', { class: 'button primary', type: 'submit', id: 'start' }, t('start'));

  const range = (input) => t('rangeHint', { min: Number(input.dataset.min), max: Number(input.dataset.max) });
  const element = el('form', { class: 'card', id: 'start-form', novalidate: true, 'aria-labelledby': 'start-title' },
    el('h2', { id: 'start-title' }, t('startTitle')),
    field('title', t('title'), title, t('titleHint', { max: 200 })),
    el('div', { class: 'field-row' },
      field('language', t('language'), language, ''),
      field('sections', t('sections'), sections, range(sections)),
      field('images', t('images'), images, range(images))),
    message,
    el('div', { class: 'actions' }, submit),
  );
  const controls = { title, language, sections, images };

  function showErrors(errors) {
    for (const name of FIELDS) {
      const text = errors[name] ?? '';
      const control = controls[name];
      element.querySelector(`#${name}-error`).textContent = text;
      if (text) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }

  function readAndCheck() {
    const errors = {};
    const value = title.value.trim();
    const max = Number(title.getAttribute('maxlength'));
    if (!value) errors.title = t('required');
    else if (value.length > max) errors.title = t('tooLong', { max });
    if (!['fa', 'en'].includes(language.value)) errors.language = t('chooseLanguage');
    const body = { title: value, language: language.value };
    for (const input of [sections, images]) {
      const min = Number(input.dataset.min);
      const maxValue = Number(input.dataset.max);
      const text = asciiDigits(input.value.trim());
      const number = /^\d+$/.test(text) ? Number(text) : NaN;
      if (!text) errors[input.name] = t('required');
      else if (!Number.isInteger(number) || number < min || number > maxValue) errors[input.name] = t('wholeNumber', { min, max: maxValue });
      body[input.name] = Number.isInteger(number) ? number : text;
    }
    return { body, errors };
  }

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    const { body, errors } = readAndCheck();
    showErrors(errors);
    const firstInvalid = FIELDS.find((name) => errors[name]);
    if (firstInvalid) {
      message.textContent = t('fixFields');
      controls[firstInvalid].focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t('starting');
    try {
      const started = await startGeneration(body);
      navigate(`/?session=${encodeURIComponent(started.session_hash)}&id=${encodeURIComponent(started.ai_content_id)}`);
    } catch (error) {
      if (error instanceof UnauthorizedError) return onUnauthorized();
      if (error instanceof ProblemError && error.fieldErrors.length) {
        const byField = {};
        const unplaced = [];
        for (const { field: path, message: text } of error.fieldErrors) {
          const name = FIELDS.find((candidate) => String(path ?? '').split(/[.\[\]]/).includes(candidate));
          if (name) byField[name] = byField[name] ? `${byField[name]} ${text}` : text;
          else unplaced.push(text);
        }
        showErrors(byField);
        message.textContent = [t('fixFields'), ...unplaced].join(' ');
        const first = FIELDS.find((name) => byField[name]);
        if (first) controls[first].focus();
      } else if (error instanceof UnavailableError) {
        message.textContent = error.status ? t('serverBroken', { status: error.status }) : t('serverUnreachable');
      } else {
        message.textContent = error.message;
      }
    } finally {
      submit.disabled = false;
      submit.textContent = t('start');
    }
  });

  return { element };
}

function recentList({ onUnauthorized }) {
  const body = el('div', { class: 'list-body', 'aria-live': 'polite' }, el('p', { class: 'muted' }, t('loading')));
  const refresh = el('button', { class: 'button quiet', type: 'button', id: 'refresh-list' }, t('refresh'));
  const mine = el('input', { type: 'checkbox', id: 'mine-only' });
  const element = el('section', { class: 'card', id: 'recent', 'aria-labelledby': 'recent-title' },
    el('div', { class: 'card-head' }, el('h2', { id: 'recent-title' }, t('recentTitle')),
      el('label', { class: 'mine', for: 'mine-only' }, mine, t('mine')), refresh),
    body);
  let destroyed = false;

  async function load() {
    refresh.disabled = true;
    try {
      const rows = await listGenerations(LIST_LIMIT, { mine: mine.checked });
      if (destroyed) return;
      replaceChildren(body, rows?.length ? table(rows) : el('p', { class: 'muted' }, t('noGenerations')));
    } catch (error) {
      if (destroyed) return;
      if (error instanceof UnauthorizedError) return onUnauthorized();
      const text = error instanceof UnavailableError
        ? (error.status ? t('serverBroken', { status: error.status }) : t('serverUnreachable'))
        : error.message;
      replaceChildren(body, el('p', { class: 'form-message', role: 'alert' }, text));
    } finally {
      refresh.disabled = false;
    }
  }

  refresh.addEventListener('click', load);
  mine.addEventListener('change', load);
  return { element, load, destroy() { destroyed = true; } };
}

function table(rows) {
  return el('div', { class: 'table-scroll' },
    el('table', { class: 'generations' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t('colTitle')),
        el('th', { scope: 'col' }, t('colStatus')),
        el('th', { scope: 'col' }, t('colLanguage')),
        el('th', { scope: 'col' }, t('colStartedBy')),
        el('th', { scope: 'col' }, t('colCreated')),
        el('th', { scope: 'col' }, t('colDuration')))),
      el('tbody', {}, rows.map(row))));
}

function row(generation) {
  const href = `/?session=${encodeURIComponent(generation.session_hash)}&id=${encodeURIComponent(generation.ai_content_id)}`;
  const duration = generation.completed_at
    ? formatDuration(new Date(generation.completed_at) - new Date(generation.created_at))
    : t('unknown');
  return el('tr', { dataset: { session: generation.session_hash, status: generation.status } },
    el('td', { class: 'title-cell' },
      el('a', { href, 'data-nav': true, lang: generation.language, dir: 'auto' }, generation.title)),
    el('td', {}, statusBadge(generation.status)),
    el('td', {}, t(`langName_${generation.language}`)),
    el('td', { class: 'started-by', dir: 'auto' }, generation.started_by ?? t('unknown')),
    el('td', { class: 'nowrap' }, formatDateTime(generation.created_at)),
    el('td', { class: 'nowrap' }, duration));
}

export function statusBadge(status) {
  return el('span', { class: `badge status-${status}`, dataset: { status } }, t(`status_${status}`));
}
