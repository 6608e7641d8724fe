// City overview (6 counties: area, towns, villages, communities, each row leading to the county)
// and the county chooser of the 县 tier for city-wide users.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { divisions } from '../api.js';
import { navigate } from '../router.js';
import { createDivisionMap } from '../map.js';
import { formatNumber } from '../format.js';
import { gepRollup } from './gep-rollup.js';
import { ledgerRollup } from './ledger-county.js';
import { dataTable, errorState, illustrativeBadge, loadingState, pageHeader, placeName, statCards } from '../ui.js';

/** Counties with their detail counts (one detail request each, cached). */
async function loadCounties() {
  const list = await divisions.list({ level: 'county', size: 50 });
  const items = list.items || [];
  const details = await Promise.all(items.map((c) => divisions.detail(c.code).catch(() => null)));
  return items.map((c, i) => ({ ...c, counts: details[i]?.counts || {}, illustrative: c.illustrative || details[i]?.illustrative }));
}

function sum(rows, pick) {
  return rows.reduce((acc, r) => acc + (Number(pick(r)) || 0), 0);
}

function countyTable(rows) {
  return dataTable({
    columns: [
      { label: t('level.county'), value: (r) => placeName(r) },
      { label: t('common.code'), value: (r) => h('span', { class: 'mono' }, r.code) },
      { label: t('division.table.towns'), numeric: true, value: (r) => formatNumber(r.counts.towns) },
      { label: t('division.table.villages'), numeric: true, value: (r) => formatNumber(r.counts.villages) },
      { label: t('division.table.communities'), numeric: true, value: (r) => formatNumber(r.counts.communities) },
      { label: t('division.table.areaKm2'), numeric: true, value: (r) => formatNumber(r.areaKm2, 2) },
    ],
    rows,
    rowHref: (r) => `/county/${r.code}`,
    footer: [
      t('common.total'),
      '',
      formatNumber(sum(rows, (r) => r.counts.towns)),
      formatNumber(sum(rows, (r) => r.counts.villages)),
      formatNumber(sum(rows, (r) => r.counts.communities)),
      formatNumber(sum(rows, (r) => r.areaKm2), 2),
    ],
  });
}

function withData(main, ctx, renderer) {
  const load = () => {
    mount(main, h('div', { class: 'page' }, loadingState()));
    loadCounties()
      .then((rows) => !ctx.signal.aborted && renderer(rows))
      .catch((e) => !ctx.signal.aborted && mount(main, h('div', { class: 'page' }, errorState(e, load))));
  };
  load();
}

export const cityPage = {
  name: 'city',
  tier: 'city',
  render(main, ctx) {
    ctx.setTitle(t('city.title'));
    withData(main, ctx, (rows) => {
      const box = h('div', { class: 'division-map' });
      mount(
        main,
        h(
          'div',
          { class: 'page division-page' },
          pageHeader({ eyebrow: t('level.city'), title: t('city.title'), subtitle: t('city.subtitle'), badges: rows.some((r) => r.illustrative) ? [illustrativeBadge()] : [], meta: [[t('common.code'), h('span', { class: 'mono' }, '3308')]] }),
          statCards([
            [t('division.table.towns'), formatNumber(sum(rows, (r) => r.counts.towns))],
            [t('division.stat.villages'), formatNumber(sum(rows, (r) => r.counts.villages))],
            [t('division.stat.communities'), formatNumber(sum(rows, (r) => r.counts.communities))],
            [t('division.stat.area'), formatNumber(sum(rows, (r) => r.areaKm2), 1), 'km²'],
          ]),
          h('div', { class: 'split' }, h('section', { class: 'card map-card', 'aria-label': t('division.map') }, box), h('section', { class: 'card' }, h('h2', null, t('city.counties')), countyTable(rows))),
          ctx.me?.scope?.level === 'city' ? gepRollup({ code: '3308', level: 'city', name: t('city.title') }, ctx) : null,
          ctx.me?.scope?.level === 'city' ? ledgerRollup({ code: '3308', children: rows }, ctx, { map: false }) : null,
        ),
      );
      const component = createDivisionMap(box, { place: '3308', layers: ['counties'], panel: true, panelCollapsed: true, onFeatureClick: ({ level, code }) => navigate(level === 'village' ? `/village/${code}` : level === 'town' ? `/town/${code}` : `/county/${code}`) });
      ctx.signal.addEventListener('abort', () => component.destroy());
    });
  },
};

export const countiesPage = {
  name: 'counties',
  tier: 'county',
  render(main, ctx) {
    ctx.setTitle(t('counties.title'));
    withData(main, ctx, (rows) => {
      mount(
        main,
        h(
          'div',
          { class: 'page' },
          pageHeader({ title: t('counties.title'), subtitle: t('counties.subtitle') }),
          h(
            'ul',
            { class: 'card-grid' },
            rows.map((r) =>
              h(
                'li',
                null,
                h(
                  'a',
                  { class: 'place-card', href: `/county/${r.code}` },
                  h('span', { class: 'place-card-name' }, placeName(r)),
                  h('span', { class: 'mono muted small' }, r.code),
                  h('span', { class: 'place-card-stats' }, `${t('division.stat.villages')} ${formatNumber(r.counts.villages)} · ${formatNumber(r.areaKm2, 1)} km²`),
                ),
              ),
            ),
          ),
        ),
      );
    });
  },
};
