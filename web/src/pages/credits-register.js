// 公示: the public eco-credit register, readable without signing in (GET /api/v1/register/…):
// restoration projects, issuances, transfers with date and price, retirements with the obligation
// they acquit, and no-net-loss obligations with their status. One tab per list, a county filter,
// paging, and the whole list as CSV. Readable by people: party, project and county names and the
// kind / status / reason texts in the reader's language (the server sends …Zh and …En), ids in small
// type beside the name.

import { h, mount } from '../dom.js';
import { getLang, t } from '../i18n.js';
import { api, divisions } from '../api.js';
import { updateQuery } from '../router.js';
import { tabs } from '../tabs.js';
import { formatDate } from '../format.js';
import { dataTable, emptyState, errorState, loadingState, pageHeader, placeName } from '../ui.js';
import { pager } from '../ledger-ui.js';
import { CREDIT_COLUMNS, DATE_COLUMNS, REGISTER_LISTS, YUAN_COLUMNS, codedLabel, groupDecimal, registerCsvHref } from '../credits.js';

const PAGE_SIZE = 50;

// The page's columns per list: a plain key, or a name with the id it stands for, or a coded value whose
// text the server sends in both languages (key + 'Zh' / 'En').
const NAMED = { ownerName: 'ownerPartyId', toName: 'toPartyId', fromName: 'fromPartyId', holderName: 'holderPartyId', beneficiaryName: 'beneficiary', obligorName: 'obligorPartyId', projectName: 'projectId', developmentName: 'obligationId' };
const TEXTS = new Set(['kind', 'status', 'reason']);
const PAGE_COLUMNS = {
  projects: ['id', 'name', 'kind', 'county', 'ownerName', 'status', 'estimatedCredits', 'policyVersion', 'approvedAt'],
  issuances: ['at', 'projectName', 'batchId', 'county', 'vintage', 'serials', 'credits', 'toName', 'policyVersion', 'priceSetId'],
  transfers: ['at', 'kind', 'fromName', 'toName', 'credits', 'serials', 'priceYuanPerCredit', 'amountYuan', 'county'],
  retirements: ['at', 'holderName', 'credits', 'serials', 'developmentName', 'beneficiaryName', 'reason', 'county'],
  obligations: ['id', 'developmentName', 'county', 'obligorName', 'amount', 'retired', 'coveredByPool', 'status', 'policyVersion', 'priceSetId'],
};

const empty = (v) => v === null || v === undefined || v === '';

function localized(row, key) {
  const own = row[`${key}${getLang() === 'en' ? 'En' : 'Zh'}`];
  return empty(own) ? codedLabel(key, row[key]) : own;
}

function cell(column, row, counties) {
  const value = row[column];
  if (DATE_COLUMNS.has(column)) return formatDate(value);
  if (CREDIT_COLUMNS.has(column) || YUAN_COLUMNS.has(column)) return groupDecimal(value);
  if (TEXTS.has(column)) return localized(row, column);
  if (column === 'county') return (getLang() === 'en' ? row.countyNameEn : row.countyName) || counties.get(row.countyCode) || row.countyCode || '—';
  if (NAMED[column]) {
    const id = row[NAMED[column]];
    const name = empty(value) ? id : value;
    if (empty(name)) return '—';
    return empty(id) || id === name ? String(name) : h('span', null, String(name), h('br'), h('span', { class: 'mono muted small' }, id));
  }
  if (column === 'serials' || column.endsWith('Id') || column === 'id') return h('span', { class: 'mono' }, value ?? '—');
  return empty(value) ? '—' : String(value);
}

const label = (c) => (c === 'county' ? t('credits.column.countyCode') : NAMED[c] ? t(`credits.register.column.${c}`) : t(`credits.column.${c}`));

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
        const columns = PAGE_COLUMNS[list].map((c) => ({
          label: label(c),
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
