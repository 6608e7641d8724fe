// The frame around every page: top navigation with the 村 / 县 / 市 tiers, the city services
// row, the language switch and the user menu (role, data scope, sign out).

import { h, mount } from './dom.js';
import { t, pick, getLang, setLang } from './i18n.js';
import { divisions } from './api.js';
import { countyTierPath, villageTierPath } from './session.js';

export const CENTRES = ['investment', 'trading', 'finance', 'policy', 'evaluation'];

let scopeNameCache = { code: null, name: null };
// One document listener closes the (single) user menu on outside clicks.
let closeOpenMenu = null;
document.addEventListener('click', (e) => closeOpenMenu?.(e));

async function scopeName(me) {
  const code = me?.scope?.code;
  if (!code || code.length === 4) return t('city.title');
  if (scopeNameCache.code === code) return scopeNameCache.name;
  try {
    const d = await divisions.detail(code);
    const chain = (d.chain || []).filter((c) => c.level !== 'city').map((c) => c.name);
    const name = [...chain.filter((n) => n !== d.name), d.name].join(' ');
    scopeNameCache = { code, name };
    return name;
  } catch {
    return code;
  }
}

function tierLink(tier, href, active) {
  return h(
    'a',
    { href, class: `tier${active ? ' active' : ''}`, 'aria-current': active ? 'page' : null, title: t(`nav.tier.${tier}.long`) },
    t(`nav.tier.${tier}`),
  );
}

function langButton() {
  const next = getLang() === 'zh' ? 'en' : 'zh';
  return h(
    'button',
    { type: 'button', class: 'btn-ghost lang', lang: next === 'en' ? 'en' : 'zh-CN', 'aria-label': t('nav.lang.label'), onclick: () => setLang(next) },
    t('nav.lang.switch'),
  );
}

function userMenu(me, onLogout) {
  const roles = (me.roleNames || []).map(pick).join('、') || (me.roles || []).join(', ');
  const scopeValue = h('dd', { class: 'scope-name' }, me.scope?.code || '');
  scopeName(me).then((name) => (scopeValue.textContent = name));
  const panel = h(
    'div',
    { class: 'user-panel', id: 'user-panel', hidden: true },
    h('p', { class: 'user-name' }, me.displayName || me.username),
    h('p', { class: 'muted small' }, me.username),
    h('dl', null, h('dt', null, t('nav.user.role')), h('dd', { class: 'user-roles' }, roles), h('dt', null, t('nav.user.scope')), scopeValue),
    h('a', { href: '/password', class: 'btn btn-block' }, t('nav.changePassword')),
    h('button', { type: 'button', class: 'btn btn-block', onclick: onLogout }, t('nav.logout')),
  );
  const button = h(
    'button',
    { type: 'button', class: 'btn-ghost user-button', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': 'user-panel' },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, (me.displayName || me.username || '?').slice(0, 1)),
    h('span', { class: 'user-button-text' }, h('span', { class: 'user-button-name' }, me.displayName || me.username), h('span', { class: 'user-button-role' }, roles)),
  );
  const wrap = h('div', { class: 'user-menu' }, button, panel);
  const close = () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) panel.querySelector('button')?.focus();
  });
  wrap.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      close();
      button.focus();
    }
  });
  closeOpenMenu = (e) => {
    if (!wrap.contains(e.target)) close();
  };
  return wrap;
}

function cityRow(active, signedIn) {
  const all = [
    ['/city', 'nav.overview'],
    ...CENTRES.map((c) => [`/centre/${c}`, `nav.centre.${c}`]),
    ['/market', 'nav.market'],
    ['/registers', 'nav.registers'],
  ];
  // The public sees only the registers; the centres are for signed-in users.
  const items = signedIn ? all : all.filter(([href]) => href === '/registers');
  return h(
    'nav',
    { class: 'subnav', 'aria-label': t('nav.city.sub') },
    h(
      'ul',
      null,
      items.map(([href, key]) =>
        h('li', null, h('a', { href, class: active === href ? 'active' : null, 'aria-current': active === href ? 'page' : null }, t(key))),
      ),
    ),
  );
}

/**
 * Renders the header into `el`. `tier` is 'village' | 'county' | 'city' | 'map' | null; `path`
 * marks the active city-row link.
 */
export function renderShell(el, { me, tier, path, onLogout, home }) {
  const left = h('a', { href: home, class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '山'), h('span', { class: 'brand-text' }, t('app.name')));
  // a household (农户) has its own ledger only: no county, city or map tier
  const household = (me?.roles || []).includes('HOUSEHOLD');
  const tiers = me
    ? h(
        'nav',
        { class: 'tiers', 'aria-label': t('nav.main') },
        tierLink('village', villageTierPath(me), tier === 'village'),
        household ? null : tierLink('county', countyTierPath(me), tier === 'county'),
        household ? null : tierLink('city', '/city', tier === 'city'),
        household ? null : h('a', { href: '/map', class: `tier tier-map${tier === 'map' ? ' active' : ''}`, 'aria-current': tier === 'map' ? 'page' : null }, t('nav.map')),
      )
    : null;
  const right = h('div', { class: 'header-tools' }, langButton(), me ? userMenu(me, onLogout) : h('a', { href: '/signin', class: 'btn btn-small' }, t('nav.login')));
  mount(
    el,
    h('a', { href: '#main', class: 'skip-link', 'data-external': '' }, t('nav.skip')),
    h('div', { class: 'header-bar' }, left, tiers, right),
    tier === 'city' ? cityRow(path, Boolean(me)) : null,
  );
}
