// Entry point: loads the user, draws the shell, routes to pages and re-renders on language change.

import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import './gep.css';
import './eledger.css';
import './money.css';
import './credits.css';
import { h, mount } from './dom.js';
import { t, onLangChange, applyDocumentLang } from './i18n.js';
import { auth, onUnauthorized } from './api.js';
import { route, startRouter, navigate, currentUrl, match } from './router.js';
import { session, loadMe, clearSession, landingPath } from './session.js';
import { renderShell } from './shell.js';
import { errorState } from './ui.js';
import loginPage from './pages/login.js';
import mapPage from './pages/map.js';
import villagePage from './pages/village.js';
import { countyPage, townPage } from './pages/division.js';
import { cityPage, countiesPage } from './pages/city.js';
import villagesPage from './pages/villages.js';
import { centrePage } from './pages/centres.js';
import { creditsRegisterPage } from './pages/credits-register.js';
import { creditsCountyPage } from './pages/credits-county.js';
import { creditsProjectPage } from './pages/credits-project.js';
import { creditsDevelopmentPage } from './pages/credits-development.js';
import { creditsMarketPage } from './pages/credits-market.js';
import { creditsAccountPage } from './pages/credits-account.js';
import notFoundPage from './pages/notfound.js';
import passwordPage from './pages/password.js';
import householdPage from './pages/ledger-household.js';
import statementPage from './pages/money-household.js';

route('/signin', loginPage);
route('/map', mapPage);
route('/village/:code', villagePage);
route('/villages', villagesPage);
route('/town/:code', townPage);
route('/county/:code', countyPage);
route('/counties', countiesPage);
route('/city', cityPage);
route('/centre/:id', centrePage);
route('/registers', creditsRegisterPage);
route('/credits/project/:id', creditsProjectPage);
route('/credits/development/:id', creditsDevelopmentPage);
route('/credits/account/:party', creditsAccountPage);
route('/market', creditsMarketPage);
route('/credits/:code', creditsCountyPage);
route('/password', passwordPage);
route('/household', householdPage);
route('/household/statement', statementPage);
route('/household/:partyId', statementPage);

const app = document.getElementById('app');
const header = h('header', { class: 'app-header' });
const main = h('main', { id: 'main', class: 'app-main', tabindex: '-1' });
mount(app, header, main);

let active = null; // { cleanup, controller }
let lastUrl = null;
let rendered = 0;

async function logout() {
  try {
    await auth.logout();
  } catch {
    // already signed out or server gone: the local session ends either way
  }
  clearSession();
  navigate('/signin', { replace: true });
}

function render(url) {
  lastUrl = url;
  if (active) {
    active.controller.abort();
    active.cleanup?.();
    active = null;
  }
  if (url.pathname === '/' || url.pathname === '/index.html') {
    navigate(session.me ? landingPath(session.me) : '/signin', { replace: true });
    return;
  }
  const found = match(url.pathname) || { page: notFoundPage, params: {} };
  const page = found.page;
  if (page.auth !== false && !session.me) {
    navigate(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`, { replace: true });
    return;
  }
  // An account that must change its password can do nothing else (the server answers 403
  // auth.password-change-required), so it goes straight to the form.
  if (session.me?.mustChangePassword && page !== passwordPage) {
    navigate('/password', { replace: true });
    return;
  }
  const tier = typeof page.tier === 'function' ? page.tier(found.params, url) : page.tier;
  document.body.classList.toggle('bare', Boolean(page.bare));
  renderShell(header, { me: session.me, tier, path: url.pathname, onLogout: logout, home: session.me ? landingPath(session.me) : '/signin' });
  const controller = new AbortController();
  const ctx = {
    params: found.params,
    query: url.searchParams,
    url,
    me: session.me,
    signal: controller.signal,
    setTitle: (title) => (document.title = title ? `${title} · ${t('app.short')}` : t('app.name')),
    onLogin: async () => {
      await loadMe();
      const next = url.searchParams.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : landingPath(session.me), { replace: true });
    },
  };
  ctx.setTitle(null);
  main.replaceChildren();
  main.className = `app-main page-${page.name || 'page'}`;
  let cleanup;
  try {
    cleanup = page.render(main, ctx);
  } catch (e) {
    mount(main, errorState(e));
  }
  active = { controller, cleanup: typeof cleanup === 'function' ? cleanup : null };
  // After an in-app navigation, start at the top and move keyboard/screen-reader focus to the
  // new content (not on the first load, where the browser's own focus order applies).
  if (rendered++ > 0 && page.name !== 'login') {
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }
}

onLangChange(() => lastUrl && render(currentUrl()));
onUnauthorized(() => {
  if (!session.me) return;
  clearSession();
  const here = currentUrl();
  navigate(`/signin?expired=1&next=${encodeURIComponent(here.pathname + here.search)}`, { replace: true });
});

applyDocumentLang();
loadMe()
  .catch(() => null) // the login page reports connection problems itself
  .finally(() => startRouter(render));

// Test hook for the browser smoke test: client-side navigation without a reload.
window.__liangshanNavigate = (path) => navigate(path);
