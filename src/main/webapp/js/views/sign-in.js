/**
 * The sign-in form. It checks the token against the server before keeping it, so that a wrong
 * token ("refused") and a server that cannot be reached ("unreachable") get different answers.
 */
import { checkToken, rememberToken, UnauthorizedError, UnavailableError } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

export function mountSignIn(root, { onSignedIn, notice }) {
  const input = el('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': 'sign-in-message',
  });
  const message = el('p', { id: 'sign-in-message', class: 'form-message', role: 'alert' });
  const button = el('button', { class: 'button primary', type: 'submit' }, t('signIn'));
  const form = el('form', { class: 'card narrow', id: 'sign-in', novalidate: true },
    el('h1', {}, t('signInTitle')),
    el('p', { class: 'muted' }, t('signInIntro')),
    el('div', { class: 'field' }, el('label', { for: 'token' }, t('token')), input),
    message,
    el('div', { class: 'actions' }, button),
  );

  function say(text, kind) {
    message.textContent = text;
    message.dataset.kind = kind;
  }

  if (notice) say(notice, 'expired');

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

  root.replaceChildren(form);
  input.focus();
  return { destroy() {} };
}
