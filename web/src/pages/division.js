// County and town pages: the place's map with its towns and villages, roll-up counts and a table
// whose every row leads down to the division behind it.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { divisions } from '../api.js';
import { navigate } from '../router.js';
import { createDivisionMap } from '../map.js';
import { formatNumber, hm2ToMu, km2ToHm2 } from '../format.js';
import { gepRollup } from './gep-rollup.js';
import { ledgerRollup } from './ledger-county.js';
import { moneyRollup } from './money-county.js';
import { dataTable, emptyState, errorState, illustrativeBadge, kindLabel, loadingState, pageHeader, placeName, statCards } from '../ui.js';

/** True for urban communities (社区/居委会) as opposed to administrative villages (村). */
export function isCommunity(props) {
  const kind = String(props?.kind || '');
  if (/community|居委|社区/i.test(kind)) return true;
  if (/village|村委/i.test(kind)) return false;
  return /(社区|居委会)$/.test(String(props?.name || ''));
}

/** Boundary source (generated / imported) in words; unknown values are shown as sent. */
function sourceLabel(source) {
  const key = `source.${String(source).toLowerCase()}`;
  const text = t(key);
  return text === key ? String(source) : text;
}

/** The county's eco credits: pool, obligations and eco gates, reserve library, market. */
function creditsLink(d) {
  return h('section', { class: 'card credits-link' }, h('h2', null, t('credits.county.title')), h('p', { class: 'muted' }, t('credits.county.subtitle')), h('a', { class: 'btn', href: `/credits/${d.code}` }, t('credits.county.open')));
}

function crumbs(d) {
  const items = [{ label: t('city.title'), href: '/city' }];
  for (const c of d.chain || []) {
    if (c.level === 'county' && c.code !== d.code) items.push({ label: placeName(c), href: `/county/${c.code}` });
  }
  items.push({ label: placeName(d) });
  return items;
}

function mapCard(ctx, place, layers) {
  const box = h('div', { class: 'division-map' });
  const component = createDivisionMap(box, {
    place,
    layers,
    panel: true,
    panelCollapsed: true,
    onFeatureClick: ({ level, code }) => {
      if (level === 'village') navigate(`/village/${code}`);
      else if (level === 'town') navigate(`/town/${code}`);
      else if (level === 'county') navigate(`/county/${code}`);
    },
  });
  ctx.signal.addEventListener('abort', () => component.destroy());
  return h('section', { class: 'card map-card', 'aria-label': t('division.map') }, box, h('p', { class: 'card-foot small muted' }, h('a', { href: `/map?place=${place}&layers=${layers.join(',')}` }, t('map.title'))));
}

const areaColumns = () => [
  { label: t('division.table.areaKm2'), numeric: true, value: (r) => (r.areaKm2 === null || r.areaKm2 === undefined ? '—' : formatNumber(r.areaKm2, 2)) },
  { label: t('division.table.areaMu'), numeric: true, value: (r) => (r.areaKm2 === null || r.areaKm2 === undefined ? '—' : formatNumber(hm2ToMu(km2ToHm2(r.areaKm2)), 0)) },
];

function header(d) {
  return pageHeader({
    crumbs: crumbs(d),
    eyebrow: t(`level.${d.level}`),
    title: placeName(d),
    badges: d.illustrative ? [illustrativeBadge()] : [],
    meta: [[t('common.code'), h('span', { class: 'mono' }, d.code)], d.boundarySource ? [t('division.source'), sourceLabel(d.boundarySource)] : null].filter(Boolean),
  });
}

function stats(d, withTowns) {
  const c = d.counts || {};
  const items = [];
  if (withTowns) items.push([t('division.stat.towns'), formatNumber(c.towns)]);
  items.push([t('division.stat.villages'), formatNumber(c.villages)], [t('division.stat.communities'), formatNumber(c.communities)], [t('division.stat.area'), formatNumber(d.areaKm2, 2), 'km²']);
  return statCards(items);
}

async function renderCounty(main, ctx, d) {
  ctx.setTitle(placeName(d));
  const tableSlot = h('div', null, loadingState());
  mount(
    main,
    h('div', { class: 'page division-page' }, header(d), stats(d, true), h('div', { class: 'split' }, mapCard(ctx, d.code, ['counties', 'towns', 'villages']), h('section', { class: 'card' }, h('h2', null, t('division.towns')), tableSlot)), gepRollup(d, ctx), ledgerRollup(d, ctx), moneyRollup(d, ctx), creditsLink(d)),
  );
  // Village counts per town come from the village layer (cached; the map uses it too).
  const villages = await divisions.map('village').catch(() => null);
  if (ctx.signal.aborted) return;
  const perTown = new Map();
  for (const f of villages?.features || []) {
    const code = String(f.properties.code);
    if (!code.startsWith(d.code)) continue;
    const key = code.slice(0, 9);
    const row = perTown.get(key) || { villages: 0, communities: 0 };
    if (isCommunity(f.properties)) row.communities += 1;
    else row.villages += 1;
    perTown.set(key, row);
  }
  const rows = (d.children || []).map((c) => ({ ...c, ...(perTown.get(c.code) || { villages: null, communities: null }) }));
  if (!rows.length) {
    mount(tableSlot, emptyState(t('common.empty'), null));
    return;
  }
  mount(
    tableSlot,
    dataTable({
      columns: [
        { label: t('level.town'), value: (r) => placeName(r) },
        { label: t('common.kind'), value: (r) => kindLabel(r.kind, r.name) },
        { label: t('division.table.villages'), numeric: true, value: (r) => formatNumber(r.villages) },
        { label: t('division.table.communities'), numeric: true, value: (r) => formatNumber(r.communities) },
        ...areaColumns(),
      ],
      rows,
      rowHref: (r) => `/town/${r.code}`,
    }),
  );
}

function renderTown(main, ctx, d) {
  ctx.setTitle(placeName(d));
  const rows = d.children || [];
  mount(
    main,
    h(
      'div',
      { class: 'page division-page' },
      header(d),
      stats(d, false),
      h(
        'div',
        { class: 'split' },
        mapCard(ctx, d.code, ['towns', 'villages']),
        h(
          'section',
          { class: 'card' },
          h('h2', null, t('division.villages')),
          rows.length
            ? dataTable({
                columns: [{ label: t('level.village'), value: (r) => placeName(r) }, { label: t('common.code'), value: (r) => h('span', { class: 'mono' }, r.code) }, { label: t('common.kind'), value: (r) => kindLabel(r.kind) }, ...areaColumns()],
                rows,
                rowHref: (r) => `/village/${r.code}`,
              })
            : emptyState(t('common.empty'), null),
        ),
      ),
      gepRollup(d, ctx),
      ledgerRollup(d, ctx),
      moneyRollup(d, ctx),
    ),
  );
}

function divisionPage(name, tier, renderer) {
  return {
    name,
    tier,
    render(main, ctx) {
      const load = () => {
        mount(main, h('div', { class: 'page' }, loadingState()));
        divisions
          .detail(ctx.params.code)
          .then((d) => !ctx.signal.aborted && renderer(main, ctx, d))
          .catch((e) => !ctx.signal.aborted && mount(main, h('div', { class: 'page' }, errorState(e, load))));
      };
      load();
    },
  };
}

export const countyPage = divisionPage('county', 'county', renderCounty);
export const townPage = divisionPage('town', 'county', renderTown);
