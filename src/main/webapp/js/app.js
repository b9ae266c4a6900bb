/**
 * The panel's entry point: picks the view from the address (sign-in when this tab has no token,
 * the generation page for `?session=<hash>`, the dashboard otherwise), keeps the header in the
 * UI language and direction, and moves between views without reloading the page.
 */
import { storedToken, forgetToken } from './api.js';
import { t, uiLanguage, setUiLanguage, directionOf } from './i18n.js';
import { mountSignIn } from './views/sign-in.js';
import { mountDashboard } from './views/dashboard.js';
import { mountGeneration } from './views/generation.js';

const app = document.getElementById('app');
const languageSelect = document.getElementById('ui-language');
const signOut = document.getElementById('sign-out');
let view = null;

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
}

function route(notice) {
  view?.destroy();
  view = null;
  applyChrome();
  if (!storedToken()) {
    view = mountSignIn(app, { onSignedIn: () => route(), notice });
    return;
  }
  const params = new URLSearchParams(location.search);
  if (params.has('session')) {
    view = mountGeneration(app, { sessionHash: params.get('session'), articleId: params.get('id'), onUnauthorized });
  } else {
    view = mountDashboard(app, { navigate, onUnauthorized });
  }
}

function navigate(url) {
  history.pushState(null, '', url);
  route();
  app.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function onUnauthorized() {
  forgetToken();
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

signOut.addEventListener('click', () => {
  forgetToken();
  route();
});

window.addEventListener('popstate', () => route());

route();
