/**
 * The sign-in view. With an identity provider configured it offers "sign in with your
 * organisation" (the provider's own login page, then back here); with a static admin token it
 * offers the token form, which checks the token against the server before keeping it, so that a
 * wrong token ("refused") and a server that cannot be reached ("unreachable") get different answers.
 */
import { checkToken, rememberToken, UnauthorizedError, UnavailableError } from '../api.js';
import { beginSignIn, signInOptions } from '../oidc.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

export function mountSignIn(root, { onSignedIn, notice }) {
  const message = el('p', { id: 'sign-in-message', class: 'form-message', role: 'alert' });
  const card = el('section', { class: 'card narrow', id: 'sign-in-card' }, el('h1', {}, t('signInTitle')), message);
  let destroyed = false;

  function say(text, kind) {
    message.textContent = text;
    message.dataset.kind = kind;
  }

  if (notice) say(notice, 'expired');
  root.replaceChildren(card);

  signInOptions().then((options) => {
    if (destroyed) return;
    if (options.mode === 'oidc') {
      card.append(providerButton(say));
      if (options.admin_token) card.append(el('p', { class: 'muted or' }, t('orAdminToken')), tokenForm(say, onSignedIn, false));
    } else {
      card.append(tokenForm(say, onSignedIn, true));
    }
  }, () => {
    if (destroyed) return;
    if (!notice) say(t('serverUnreachable'), 'unreachable');
    card.append(tokenForm(say, onSignedIn, true));
  });
  return { destroy() { destroyed = true; } };
}

function providerButton(say) {
  const button = el('button', { class: 'button primary', type: 'button', id: 'sign-in-oidc' }, t('signInWithProvider'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await beginSignIn();
    } catch (error) {
      say(error.message, 'error');
      button.disabled = false;
    }
  });
  queueMicrotask(() => button.focus());
  return el('div', { class: 'actions' }, button);
}

function tokenForm(say, onSignedIn, focus) {
  const input = el('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': 'sign-in-message',
  });
  const button = el('button', { class: 'button primary', type: 'submit' }, t('signIn'));
  const form = el('form', { id: 'sign-in', novalidate: true },
    el('p', { class: 'muted' }, t('signInIntro')),
    el('div', { class: 'field' }, el('label', { for: 'token' }, t('token')), input),
    el('div', { class: 'actions' }, button),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      say(t('tokenRequired'), 'required');
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t('signingIn');
    say('', 'checking');
    try {
      await checkToken(token);
      rememberToken(token);
      onSignedIn();
    } catch (error) {
      if (error instanceof UnauthorizedError) say(t('tokenRefused'), 'refused');
      else if (error instanceof UnavailableError && error.status) say(t('serverBroken', { status: error.status }), 'server-error');
      else if (error instanceof UnavailableError) say(t('serverUnreachable'), 'unreachable');
      else say(error.message, 'error');
      input.select();
    } finally {
      button.disabled = false;
      button.textContent = t('signIn');
    }
  });
  if (focus) queueMicrotask(() => input.focus());
  return form;
}
