// 公示: the public eco-credit register, readable without signing in (GET /api/v1/register/…):
// restoration projects, issuances, transfers with date and price, retirements with the obligation
// they acquit, and no-net-loss obligations with their status. One tab per list, a county filter,
// paging, and the whole list as CSV.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { api, divisions } from '../api.js';
import { updateQuery } from '../router.js';
import { tabs } from '../tabs.js';
import { formatDate } from '../format.js';
import { dataTable, emptyState, errorState, loadingState, pageHeader, placeName } from '../ui.js';
import { pager } from '../ledger-ui.js';
import { CODED_COLUMNS, CREDIT_COLUMNS, DATE_COLUMNS, REGISTER_LISTS, YUAN_COLUMNS, codedLabel, groupDecimal, registerCsvHref } from '../credits.js';

const PAGE_SIZE = 50;

function cell(column, row, counties) {
  const value = row[column];
  if (DATE_COLUMNS.has(column)) return formatDate(value);
  if (CREDIT_COLUMNS.has(column) || YUAN_COLUMNS.has(column)) return groupDecimal(value);
  if (CODED_COLUMNS.has(column)) return codedLabel(column, value);
  if (column === 'countyCode') return counties.get(value) || value || '—';
  if (column === 'serials' || column.endsWith('Id') || column === 'id') return h('span', { class: 'mono' }, value ?? '—');
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

function listPanel(list, state, counties) {
  const body = h('div', { class: 'register-list', dataset: { list } }, loadingState());
  const csv = h('a', { class: 'btn btn-small', href: registerCsvHref(list, state.county), download: `credits-${list}.csv`, 'data-external': '' }, t('credits.register.csv'));
  const load = (page) => {
    mount(body, loadingState());
    api
      .get(`/register/${list}`, { county: state.county, page, size: PAGE_SIZE }, { quiet401: true })
      .then((p) => {
        if (state.signal.aborted) return;
        body.dataset.total = String(p.total);
        if (!p.items.length) {
          mount(body, emptyState(t('credits.register.empty'), t(`credits.register.${list}.empty`)));
          return;
        }
        const columns = REGISTER_LISTS[list].map((c) => ({
          label: t(`credits.column.${c}`),
          numeric: CREDIT_COLUMNS.has(c) || YUAN_COLUMNS.has(c),
          value: (row) => cell(c, row, counties),
        }));
        mount(body, dataTable({ caption: t(`credits.register.${list}.caption`), columns, rows: p.items }), pager(p, load));
      })
      .catch((e) => !state.signal.aborted && mount(body, errorState(e, () => load(page))));
  };
  load(0);
  return h('div', null, h('div', { class: 'gep-toolbar' }, h('p', { class: 'muted small' }, t(`credits.register.${list}.desc`)), h('span', { class: 'toolbar-gap' }), csv), body);
}

export const creditsRegisterPage = {
  name: 'registers',
  tier: 'city',
  auth: false,
  render(main, ctx) {
    ctx.setTitle(t('registers.title'));
    const state = { county: ctx.query.get('county') || '', signal: ctx.signal };
    const counties = new Map();
    const countySel = h('select', { id: 'register-county', name: 'county' }, h('option', { value: '' }, t('credits.register.allCounties')));
    const content = h('div', null, loadingState());
    const draw = () =>
      mount(
        content,
        tabs({
          label: t('registers.title'),
          idPrefix: 'register',
          items: Object.keys(REGISTER_LISTS).map((id) => ({ id, label: t(`credits.register.${id}`) })),
          selected: ctx.query.get('tab'),
          renderPanel: (id) => listPanel(id, state, counties),
        }),
      );
    countySel.addEventListener('change', () => {
      state.county = countySel.value;
      updateQuery({ county: state.county });
      draw();
    });
    mount(
      main,
      h(
        'div',
        { class: 'page' },
        pageHeader({
          eyebrow: t('nav.tier.city.long'),
          title: t('registers.title'),
          subtitle: t('registers.desc'),
          actions: h('label', { class: 'inline-field' }, h('span', null, t('level.county')), countySel),
        }),
        h('section', { class: 'card' }, content),
      ),
    );
    divisions
      .list({ level: 'county', size: 50 })
      .then((list) => {
        for (const c of list.items || []) {
          counties.set(c.code, placeName(c));
          countySel.append(h('option', { value: c.code, selected: c.code === state.county }, placeName(c)));
        }
      })
      .catch(() => null) // the filter stays at "all counties"; the lists still load
      .finally(() => !ctx.signal.aborted && draw());
  },
};
