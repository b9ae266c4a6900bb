/**
 * The panel's entry point: finishes a sign-in at the identity provider when the address is its
 * answer, picks the view from the address (sign-in when this tab has no token, the generation page
 * for `?session=<hash>`, the dashboard otherwise), shows who is signed in, keeps the header in the
 * UI language and direction, and moves between views without reloading the page.
 */
import { storedToken, forgetToken, whoAmI, ProblemError, UnauthorizedError } from './api.js';
import { isCallback, completeSignIn, hasSession, renew, scheduleRenewal, signOut as signOutAtProvider, onTokenChange } from './oidc.js';
import { t, uiLanguage, setUiLanguage, directionOf } from './i18n.js';
import { el } from './dom.js';
import { mountSignIn } from './views/sign-in.js';
import { mountDashboard } from './views/dashboard.js';
import { mountGeneration } from './views/generation.js';

const app = document.getElementById('app');
const languageSelect = document.getElementById('ui-language');
const signOut = document.getElementById('sign-out');
const signedInAs = document.getElementById('signed-in-as');
let view = null;
let user = null;

function applyChrome() {
  const language = uiLanguage();
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  document.title = t('appTitle');
  document.getElementById('brand').textContent = t('appTitle');
  document.getElementById('ui-language-label').textContent = t('uiLanguage');
  languageSelect.value = language;
  signOut.textContent = t('signOut');
  signOut.hidden = !storedToken();
  signedInAs.hidden = !user;
  signedInAs.textContent = user ? t('signedInAs', { name: user.name, roles: user.roles.join(', ') || '—' }) : '';
  if (user) signedInAs.dataset.user = user.name;
}

async function route(notice) {
  view?.destroy();
  view = null;
  if (!storedToken()) {
    user = null;
    applyChrome();
    view = mountSignIn(app, { onSignedIn: () => route(), notice });
    return;
  }
  if (!user) {
    try {
      user = await whoAmI();
    } catch (error) {
      if (error instanceof UnauthorizedError) return onUnauthorized();
      if (error instanceof ProblemError && error.status === 403) return noAccess(error);
      user = null; // the server cannot say now; the views report what they meet
    }
  }
  applyChrome();
  const params = new URLSearchParams(location.search);
  if (params.has('session')) {
    view = mountGeneration(app, { sessionHash: params.get('session'), articleId: params.get('id'), onUnauthorized, user });
  } else {
    view = mountDashboard(app, { navigate, onUnauthorized, user });
  }
}

/** Signed in at the provider, but with none of the panel's roles: say so, and offer to sign out. */
function noAccess(error) {
  user = null;
  applyChrome();
  app.replaceChildren(el('section', { class: 'card narrow', id: 'no-access' },
    el('h1', {}, t('noAccessTitle')),
    el('p', { class: 'form-message', role: 'alert' }, t('noAccess', { detail: error.message }))));
}

function navigate(url) {
  history.pushState(null, '', url);
  route();
  app.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

/** A refused token: renew it once when the provider can, else back to sign-in, saying why. */
async function onUnauthorized() {
  if (hasSession() && await renew()) {
    route();
    return;
  }
  forgetToken();
  user = null;
  route(t('sessionExpired'));
}

document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[data-nav]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});

languageSelect.addEventListener('change', () => {
  setUiLanguage(languageSelect.value);
  route();
});

signOut.addEventListener('click', async () => {
  user = null;
  forgetToken();
  if (hasSession() && await signOutAtProvider()) return; // the provider sends the browser back
  route();
});

window.addEventListener('popstate', () => route());

onTokenChange((token) => {
  if (token === null) route(t('sessionExpired'));
});

async function boot() {
  if (isCallback()) {
    try {
      await completeSignIn();
    } catch (error) {
      route(error.message);
      return;
    }
  }
  scheduleRenewal();
  route();
}

boot();
