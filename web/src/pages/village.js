// 村级生态账户: header (name, code, town, county, area in hm² / 亩 / km², 示意), a small map, and
// one tab per part of the account. Tabs show an honest empty state until their features land.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { divisions } from '../api.js';
import { createDivisionMap } from '../map.js';
import { formatHm2, formatKm2, formatMu, formatNumber, hm2ToMu, km2ToHm2 } from '../format.js';
import { tabs } from '../tabs.js';
import { gepVillageTab } from './gep-village.js';
import { resourcesTab } from './ledger-resources.js';
import { rightsTab } from './ledger-rights.js';
import { transfersTab } from './ledger-transfers.js';
import { packagesTab } from './ledger-packages.js';
import { ioTab } from './ledger-io.js';
import { moneyVillageTab } from './money-village.js';
import { updateQuery } from '../router.js';
import { emptyState, errorState, factList, illustrativeBadge, kindLabel, loadingState, pageHeader, placeName } from '../ui.js';

export const ACCOUNT_TABS = ['gep', 'resources', 'rights', 'transfers', 'packages', 'io', 'income', 'credits'];

const LEDGER_TABS = { resources: resourcesTab, rights: rightsTab, transfers: transfersTab, packages: packagesTab, io: ioTab };

function crumbsOf(d) {
  const href = (c) => (c.level === 'city' ? '/city' : c.level === 'county' ? `/county/${c.code}` : c.level === 'town' ? `/town/${c.code}` : null);
  const chain = (d.chain || []).filter((c) => c.code !== d.code);
  if (!chain.some((c) => c.level === 'city')) chain.unshift({ code: '3308', name: t('city.title'), level: 'city' });
  return [...chain.map((c) => ({ label: placeName(c), href: href(c) })), { label: placeName(d) }];
}

export function areaHm2Of(d) {
  if (d.areaHm2 !== undefined && d.areaHm2 !== null) return Number(d.areaHm2);
  if (d.areaKm2 !== undefined && d.areaKm2 !== null) return km2ToHm2(d.areaKm2);
  return null;
}

function render(main, ctx, d) {
  ctx.setTitle(placeName(d));
  const town = (d.chain || []).find((c) => c.level === 'town');
  const county = (d.chain || []).find((c) => c.level === 'county');
  const hm2 = areaHm2Of(d);
  const km2 = d.areaKm2 ?? (hm2 === null ? null : hm2 / 100);
  const mapBox = h('div', { class: 'village-map' });
  let tabAbort = null;
  const account = tabs({
    label: t('village.tabs'),
    idPrefix: 'account',
    selected: ctx.query.get('tab'),
    items: ACCOUNT_TABS.map((id) => ({ id, label: t(`village.tab.${id}`) })),
    renderPanel: (id) => {
      // Each tab render gets its own abort signal: leaving the tab destroys its map and requests.
      tabAbort?.abort();
      tabAbort = new AbortController();
      const signal = AbortSignal.any([ctx.signal, tabAbort.signal]);
      const tabCtx = { ...ctx, signal, query: new URL(window.location.href).searchParams, openTab };
      if (id === 'gep') return gepVillageTab(d.code, tabCtx);
      if (LEDGER_TABS[id]) return LEDGER_TABS[id](d.code, tabCtx);
      if (id === 'income') return moneyVillageTab(d.code, tabCtx);
      return emptyState(t('common.empty'), t(`village.empty.${id}`));
    },
  });
  function openTab(id, query) {
    updateQuery({ ...query, tab: id });
    document.getElementById(`account-${id}`)?.click();
  }
  mount(
    main,
    h(
      'div',
      { class: 'page village-page' },
      pageHeader({
        crumbs: crumbsOf(d),
        eyebrow: t('village.account'),
        title: placeName(d),
        badges: d.illustrative ? [illustrativeBadge()] : [],
        meta: [
          [t('common.code'), h('span', { class: 'mono' }, d.code)],
          [t('village.town'), town ? h('a', { href: `/town/${town.code}` }, placeName(town)) : '—'],
          [t('village.county'), county ? h('a', { href: `/county/${county.code}` }, placeName(county)) : '—'],
          [t('common.kind'), kindLabel(d.kind) || '—'],
        ],
      }),
      h(
        'div',
        { class: 'village-layout' },
        h(
          'aside',
          { class: 'village-side' },
          h(
            'section',
            { class: 'card facts-card', 'aria-label': t('common.area') },
            factList([
              [t('village.area.hm2'), hm2 === null ? '—' : formatNumber(hm2, 2), 'hm²', hm2 === null ? null : formatHm2(hm2)],
              [t('village.area.mu'), hm2 === null ? '—' : formatNumber(hm2ToMu(hm2), 1), t('unit.mu'), hm2 === null ? null : formatMu(hm2)],
              [t('village.area.km2'), km2 === null ? '—' : formatNumber(km2, 2), 'km²', km2 === null ? null : formatKm2(km2)],
            ]),
          ),
          h(
            'section',
            { class: 'card village-map-card', 'aria-label': t('village.location') },
            mapBox,
            h('p', { class: 'card-foot small' }, h('a', { href: `/map?place=${d.code}&layers=counties,towns,villages&sel=${d.code}` }, t('village.openMap'))),
          ),
        ),
        h('section', { class: 'card account-card' }, account),
      ),
    ),
  );
  const component = createDivisionMap(mapBox, { place: d.code, layers: ['counties', 'villages'], selected: d.code, panel: false, compact: true });
  ctx.signal.addEventListener('abort', () => component.destroy());
}

export default {
  name: 'village',
  tier: 'village',
  render(main, ctx) {
    const load = () => {
      mount(main, h('div', { class: 'page' }, loadingState()));
      divisions
        .detail(ctx.params.code)
        .then((d) => !ctx.signal.aborted && render(main, ctx, d))
        .catch((e) => !ctx.signal.aborted && mount(main, h('div', { class: 'page' }, errorState(e, load))));
    };
    load();
  },
};
