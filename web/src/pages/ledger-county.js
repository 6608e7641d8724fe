// The e-ledger section of the county (and town) page: roll-ups by type, use status and child
// division (each row leads down), and the one map with every resource of the area as a point
// coloured by type, packaged resources ringed by their package status; filterable by type,
// status and package.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { createDivisionMap } from '../map.js';
import { formatNumber } from '../format.js';
import { emptyState, errorState, loadingState, placeName, statCards } from '../ui.js';
import { TYPE_COLOURS, ledgerApi, muText, termName, typeColourExpression } from '../eledger.js';
import { pairSelect, termSelect } from '../ledger-ui.js';

const PACKAGE_COLOURS = { draft: '#E69F00', title_checked: '#009E73', offered: '#0072B2', leased: '#1B3A4B' };

function lineTable(cls, lines, first, rowHref, colour) {
  return h(
    'table',
    { class: `data-table ${cls}` },
    h('thead', null, h('tr', null, [first, t('ledger.county.count'), t('ledger.field.areaMu')].map((l, i) => h('th', { scope: 'col', class: i ? 'num' : null }, l)))),
    h(
      'tbody',
      null,
      lines.map((l) => {
        const label = [colour ? h('span', { class: 'swatch-dot', style: `background:${colour(l.key)}`, 'aria-hidden': 'true' }) : null, termName(l) || l.key];
        return h('tr', null, h('th', { scope: 'row' }, rowHref ? h('a', { href: rowHref(l) }, label) : label), h('td', { class: 'num' }, formatNumber(l.count)), h('td', { class: 'num' }, muText(l.areaM2)));
      }),
    ),
  );
}

function countyMap(code, ctx, catalog) {
  const mapBox = h('div', { class: 'county-ledger-map' });
  const info = h('p', { class: 'muted small', 'aria-live': 'polite' });
  const typeSel = termSelect(catalog.types, { blank: t('ledger.filter.allTypes'), name: 'type' });
  const statusSel = termSelect(catalog.useStatuses, { blank: t('ledger.filter.allStatuses'), name: 'status' });
  const pkgSel = pairSelect([['any', t('ledger.county.onlyPackages')], ...['draft', 'title_checked', 'offered', 'leased'].map((s) => [s, t(`ledger.package.status.${s}`)])], { blank: t('ledger.county.allPackages'), name: 'packageStatus' });
  const level = code.length === 9 ? 'towns' : 'counties';
  const component = createDivisionMap(mapBox, { place: code, layers: [level, 'villages'], panel: false, gep: false, onFeatureClick: ({ level: l, code: c }) => l === 'village' && navigate(`/village/${c}?tab=resources`) });
  ctx.signal.addEventListener('abort', () => component.destroy());
  let map = null;
  const load = () =>
    api
      .get(`/eledger/areas/${code}/resources.geojson`, { type: typeSel.value, status: statusSel.value, packageStatus: pkgSel.value }, { accept: 'application/geo+json, application/json, application/problem+json' })
      .then((fc) => {
        if (ctx.signal.aborted || !map) return;
        map.getSource('ledger-area')?.setData(fc);
        info.textContent = t('ledger.county.shown', { shown: formatNumber(fc.features.length), total: formatNumber(fc.total) });
        mapBox.dataset.features = String(fc.features.length);
      })
      .catch((e) => (info.textContent = e.status === 404 ? t('ledger.county.mapUnavailable') : e.localized?.() || t('error.load')));
  for (const s of [typeSel, statusSel, pkgSel]) s.addEventListener('change', load);
  component.ready.then(() => {
    if (ctx.signal.aborted || !component.map) return;
    map = component.map;
    map.addSource('ledger-area', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const pkg = ['get', 'packageStatus'];
    map.addLayer({ id: 'ledger-area-package', type: 'circle', source: 'ledger-area', filter: ['to-boolean', ['coalesce', pkg, '']], paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 6, 14, 11], 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-width': 3, 'circle-stroke-color': ['match', ['coalesce', pkg, ''], ...Object.entries(PACKAGE_COLOURS).flat(), 'rgba(0,0,0,0)'] } });
    map.addLayer({ id: 'ledger-area-point', type: 'circle', source: 'ledger-area', paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3.5, 14, 7], 'circle-color': typeColourExpression(), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } });
    map.on('click', 'ledger-area-point', (e) => {
      const p = e.features?.[0]?.properties;
      if (p) navigate(`/village/${p.villageCode}?tab=resources&res=${p.id}`);
    });
    load();
  });
  return h(
    'div',
    { class: 'county-ledger' },
    h(
      'div',
      { class: 'ledger-filters' },
      h('label', { class: 'inline-field' }, h('span', null, t('ledger.field.type')), typeSel),
      h('label', { class: 'inline-field' }, h('span', null, t('ledger.field.status')), statusSel),
      h('label', { class: 'inline-field' }, h('span', null, t('ledger.county.packageStatus')), pkgSel),
    ),
    h('div', { class: 'ledger-map-card' }, mapBox, h('ul', { class: 'ledger-legend' }, (catalog.types || []).map((ty) => h('li', null, h('span', { class: 'swatch-dot', style: `background:${TYPE_COLOURS[ty.code]}`, 'aria-hidden': 'true' }), termName(ty))), Object.entries(PACKAGE_COLOURS).map(([s, c]) => h('li', null, h('span', { class: 'swatch-point', style: `box-shadow:0 0 0 3px ${c};background:#fff`, 'aria-hidden': 'true' }), t(`ledger.package.status.${s}`))))),
    info,
  );
}

/** The e-ledger section of division `d` (county or town). */
export function ledgerRollup(d, ctx, { map = true } = {}) {
  const box = h('section', { class: 'card ledger-rollup', 'aria-label': t('ledger.county.title') }, h('h2', null, t('ledger.county.title')), loadingState());
  Promise.all([ledgerApi.catalog(), ledgerApi.rollup(d.code)])
    .then(([catalog, r]) => {
      if (ctx.signal.aborted) return;
      const childHref = (l) => (l.key.length === 12 ? `/village/${l.key}?tab=resources` : l.key.length === 9 ? `/town/${l.key}` : `/county/${l.key}`);
      const names = new Map((d.children || []).map((c) => [c.code, placeName(c)]));
      mount(
        box,
        h('h2', null, t('ledger.county.title')),
        r.scopedTo ? h('p', { class: 'form-alert info small' }, t('ledger.county.scoped', { code: r.scopedTo })) : null,
        statCards([
          [t('ledger.county.count'), h('span', { class: 'ledger-count' }, formatNumber(r.count))],
          [t('ledger.county.area'), formatNumber(Number(r.areaMu), 1), t('unit.mu')],
          [t('ledger.field.areaM2'), formatNumber(Number(r.areaM2) / 10000, 2), 'hm²'],
        ]),
        r.count
          ? h(
              'div',
              { class: 'ledger-rollup-grid' },
              h('div', null, h('h3', null, t('ledger.county.byType')), lineTable('type-rows', r.byType, t('ledger.field.type'), null, (k) => TYPE_COLOURS[k])),
              h('div', null, h('h3', null, t('ledger.county.byStatus')), lineTable('status-rows', r.byStatus, t('ledger.field.status'))),
              h('div', null, h('h3', null, t('ledger.county.children')), lineTable('child-rows', r.children.map((l) => ({ ...l, nameZh: names.get(l.key) || l.nameZh, nameEn: names.get(l.key) || l.nameEn })), t('ledger.county.division'), childHref)),
            )
          : emptyState(t('ledger.county.none')),
        map ? h('h3', null, t('ledger.county.map')) : null,
        map ? countyMap(d.code, ctx, catalog) : null,
      );
      box.dataset.ready = 'true';
    })
    .catch((e) => {
      if (ctx.signal.aborted) return;
      mount(box, h('h2', null, t('ledger.county.title')), errorState(e));
      box.dataset.ready = 'error';
    });
  return box;
}
