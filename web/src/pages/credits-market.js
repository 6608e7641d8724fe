// 交易市场 (/market): the open eco-credit listings of the user's market (filter by county, vintage, project
// kind and price), buying a listing — retired at once against an open development obligation of the buyer,
// or into its own account — the open bids with place / withdraw (bidder) and accept (seller, from its
// holdings), and the price chart of settled trades per county from the register. Every command carries
// an Idempotency-Key that a retry of the same click reuses (keyedCommand).

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { divisions } from '../api.js';
import { updateQuery } from '../router.js';
import { formatDate, formatYuan } from '../format.js';
import { chart } from '../gep.js';
import { dataTable, emptyState, errorState, loadingState, pageHeader } from '../ui.js';
import { field, formAlert, hideAlert, input, pairSelect, pager, showProblems } from '../ledger-ui.js';
import { codedLabel, creditsApi, groupDecimal, keyedCommand, marketApi, minCredits, orderProblems, paymentYuan } from '../credits.js';

const COUNTIES = ['330802', '330803', '330822', '330824', '330825', '330881'];
const KINDS = ['government', 'village', 'enterprise'];
const PAGE_SIZE = 20;

/**
 * Gives every body cell of the tables in `el` its column's label (data-label), so that below 560 px the
 * rows can be shown as cards with labelled values and the action buttons stay in view (credits.css).
 */
export function labelCells(el) {
  for (const table of el.querySelectorAll('table')) {
    const labels = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    for (const row of table.querySelectorAll('tbody tr')) [...row.children].forEach((cell, i) => (cell.dataset.label = labels[i] || ''));
    table.classList.add('card-rows');
  }
  return el;
}

/** Client-side problems shown as the server's would be: next to their fields, the rest in the alert. */
export function localProblems(problems, fields, alert) {
  const fieldErrors = Object.entries(problems).map(([f, key]) => ({ field: f, messageZh: t(key), messageEn: t(key) }));
  showProblems({ fieldErrors }, fields, alert);
  return fieldErrors.length > 0;
}

/** The result of the last command, shown at the top of the page after it has been reloaded. */
export function noticeBanner(notice) {
  return notice ? h('p', { class: 'credits-notice', role: 'status', dataset: { action: notice.action } }, notice.text) : null;
}

/**
 * A form of fields with one submit button; `send()` runs the command, `done(result)` answers the text
 * reporting it, then `after({action, text})` (the page reloads and shows the text as its notice).
 */
export function commandForm({ action, fields, submitLabel, validate, send, done, after, extra }) {
  const alert = formAlert();
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-small' }, submitLabel);
  const out = h('p', { class: 'small form-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'credits-order-form', novalidate: true, dataset: { action } }, alert, h('div', { class: 'inline-fields' }, Object.values(fields)), extra || null, h('div', { class: 'btn-row' }, submit), out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    hideAlert(alert);
    out.textContent = '';
    if (validate && localProblems(validate(), fields, alert)) return;
    submit.disabled = true;
    try {
      const result = await send();
      const text = done(result);
      out.textContent = text;
      form.dataset.done = 'true';
      after?.({ action, text });
    } catch (err) {
      showProblems(err, fields, alert);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

const creditsField = (name = 'credits', value = '') => field(t('credits.column.credits'), input({ name, inputmode: 'decimal', placeholder: '0.000', value }), { name });
const priceField = (value = '') => field(t('credits.market.price'), input({ name: 'priceYuanPerCredit', inputmode: 'decimal', placeholder: '0.00', value }), { name: 'priceYuanPerCredit' });

/** A live "total: …" line under a credits and a price input. */
function totalLine(credits, price) {
  const line = h('p', { class: 'muted small order-total', 'aria-live': 'polite' });
  const update = () => {
    const total = paymentYuan(credits.value, typeof price === 'string' ? price : price.value);
    line.textContent = total === null ? '' : t('credits.market.total', { amount: formatYuan(total) });
  };
  credits.addEventListener('input', update);
  if (typeof price !== 'string') price.addEventListener('input', update);
  update();
  return line;
}

function buyForm(listing, acting, reload) {
  const fields = { credits: creditsField('credits', listing.remaining) };
  const obligations = (acting.account?.obligations || []).filter((o) => !o.acquitted);
  const pairs = [['', t('credits.market.intoAccount')], ...obligations.map((o) => [o.id, t('credits.market.againstObligation', { name: o.developmentName, outstanding: groupDecimal(o.outstanding) })])];
  if (obligations.length) fields.obligationId = field(t('credits.market.use'), pairSelect(pairs, { name: 'obligationId', value: obligations[0].id }), { name: 'obligationId' });
  const run = keyedCommand();
  return commandForm({
    action: 'buy',
    fields,
    submitLabel: t('credits.market.buyNow'),
    extra: totalLine(fields.credits.control, listing.priceYuanPerCredit),
    validate: () => {
      const problems = orderProblems({ credits: fields.credits.control.value, available: listing.remaining, needPrice: false });
      const o = obligations.find((x) => x.id === fields.obligationId?.control.value);
      if (!problems.credits && o && minCredits(fields.credits.control.value.trim(), o.outstanding) !== fields.credits.control.value.trim()) problems.credits = 'credits.market.problem.exceedsObligation';
      return problems;
    },
    send: () => marketApi.buy(listing.id, { buyerPartyId: acting.id, credits: fields.credits.control.value.trim(), obligationId: fields.obligationId?.control.value || undefined }, run),
    after: reload,
    done: (s) => {
      return s.gate ? t('credits.market.boughtRetired', { units: groupDecimal(s.units), amount: formatYuan(s.amountYuan), gate: codedLabel('status', s.gate) }) : t('credits.market.bought', { units: groupDecimal(s.units), amount: formatYuan(s.amountYuan) });
    },
  });
}

function listingsCard(state, reload) {
  const p = state.listings;
  const slot = h('div', { class: 'market-order-slot' });
  const rows = p.items || [];
  const table = rows.length
    ? dataTable({
        columns: [
          { label: t('credits.market.seller'), value: (l) => h('a', { href: `/credits/account/${encodeURIComponent(l.sellerPartyId)}` }, l.sellerName) },
          { label: t('credits.market.project'), value: (l) => (l.projects || []).map((x) => x.name).join('、') || '—' },
          { label: t('credits.market.county'), value: (l) => state.countyName(l.countyCode) },
          { label: t('credits.market.vintage'), value: (l) => (l.vintages || []).join('、') || '—' },
          { label: t('credits.listing.remaining'), numeric: true, value: (l) => groupDecimal(l.remaining) },
          { label: t('credits.market.price'), numeric: true, value: (l) => formatYuan(l.priceYuanPerCredit) },
          { label: t('credits.market.totalColumn'), numeric: true, value: (l) => formatYuan(l.totalYuan) },
          {
            label: t('credits.market.action'),
            value: (l) =>
              state.acting && l.sellerPartyId !== state.acting.id
                ? h('button', { type: 'button', class: 'btn btn-small', dataset: { buy: l.id }, onclick: () => mount(slot, h('div', { class: 'card market-order' }, h('h3', null, t('credits.market.buyTitle', { id: l.id, seller: l.sellerName })), buyForm(l, state.acting, reload))) }, t('credits.market.buy'))
                : '—',
          },
        ],
        rows,
      })
    : emptyState(t('credits.market.noListings'), t('credits.market.noListingsText'));
  return h('section', { class: 'card market-listings', 'aria-labelledby': 'market-listings', dataset: { total: String(p.total ?? 0) } }, h('h2', { id: 'market-listings' }, t('credits.market.listingsTitle')), filterForm(state, reload), labelCells(table), pager(p, (n) => reload({ page: n })), slot);
}

function filterForm(state, reload) {
  const f = state.filter;
  const county = pairSelect([['', t('credits.register.allCounties')], ...COUNTIES.map((c) => [c, state.countyName(c)])], { name: 'county', value: f.county || '' });
  const kind = pairSelect([['', t('credits.market.anyKind')], ...KINDS.map((k) => [k, t(`credits.value.kind.${k}`)])], { name: 'kind', value: f.kind || '' });
  const fields = {
    county: field(t('credits.market.county'), county, { name: 'county' }),
    vintage: field(t('credits.market.vintage'), input({ name: 'vintage', inputmode: 'numeric', value: f.vintage || '', placeholder: '2025' }), { name: 'vintage' }),
    kind: field(t('credits.market.kind'), kind, { name: 'kind' }),
    minPrice: field(t('credits.market.minPrice'), input({ name: 'minPrice', inputmode: 'decimal', value: f.minPrice || '' }), { name: 'minPrice' }),
    maxPrice: field(t('credits.market.maxPrice'), input({ name: 'maxPrice', inputmode: 'decimal', value: f.maxPrice || '' }), { name: 'maxPrice' }),
  };
  const alert = formAlert();
  const form = h('form', { class: 'market-filter', novalidate: true }, alert, h('div', { class: 'inline-fields' }, Object.values(fields)), h('div', { class: 'btn-row' }, h('button', { type: 'submit', class: 'btn btn-small' }, t('credits.market.filter'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = Object.fromEntries(Object.entries(fields).map(([k, fl]) => [k, fl.control.value.trim()]));
    const problems = {};
    if (next.vintage && !/^\d{4}$/.test(next.vintage)) problems.vintage = 'credits.market.problem.vintage';
    for (const k of ['minPrice', 'maxPrice']) if (next[k] && !/^\d{1,13}(\.\d{1,2})?$/.test(next[k])) problems[k] = 'credits.market.problem.price';
    if (localProblems(problems, fields, alert)) return;
    state.filter = next;
    updateQuery(next);
    reload({ page: 0 });
  });
  if (state.filterError) showProblems(state.filterError, fields, alert);
  return form;
}

function bidForm(state, reload) {
  const fields = { credits: creditsField(), priceYuanPerCredit: priceField() };
  const run = keyedCommand();
  return commandForm({
    action: 'bid',
    fields,
    submitLabel: t('credits.market.placeBid'),
    extra: totalLine(fields.credits.control, fields.priceYuanPerCredit.control),
    validate: () => orderProblems({ credits: fields.credits.control.value, price: fields.priceYuanPerCredit.control.value }),
    send: () => marketApi.bid({ buyerPartyId: state.acting.id, credits: fields.credits.control.value.trim(), priceYuanPerCredit: fields.priceYuanPerCredit.control.value.trim() }, run),
    after: reload,
    done: (b) => {
      return t('credits.market.bidPlaced', { id: b.id });
    },
  });
}

function acceptForm(bid, state, reload) {
  const available = minCredits(bid.remaining, state.acting.issued || '0.000');
  const fields = { credits: creditsField('credits', available) };
  const run = keyedCommand();
  return commandForm({
    action: 'accept',
    fields,
    submitLabel: t('credits.market.accept'),
    extra: totalLine(fields.credits.control, bid.priceYuanPerCredit),
    validate: () => orderProblems({ credits: fields.credits.control.value, available, needPrice: false }),
    send: () => marketApi.acceptBid(bid.id, { sellerPartyId: state.acting.id, credits: fields.credits.control.value.trim() }, run),
    after: reload,
    done: (s) => {
      return t('credits.market.accepted', { units: groupDecimal(s.units), amount: formatYuan(s.amountYuan) });
    },
  });
}

function bidActions(b, state, slot, reload) {
  if (!state.acting || !b.open) return '—';
  if (b.buyerPartyId === state.acting.id) {
    const alert = formAlert();
    const run = keyedCommand();
    const button = h('button', { type: 'button', class: 'btn btn-small', dataset: { withdraw: b.id } }, t('credits.market.withdraw'));
    button.onclick = async () => {
      hideAlert(alert);
      button.disabled = true;
      try {
        await marketApi.withdrawBid(b.id, run);
        reload();
      } catch (e) {
        showProblems(e, {}, alert);
        button.disabled = false;
      }
    };
    return h('span', null, button, alert);
  }
  return h('button', { type: 'button', class: 'btn btn-small', dataset: { accept: b.id }, onclick: () => mount(slot, h('div', { class: 'card market-order' }, h('h3', null, t('credits.market.acceptTitle', { id: b.id, buyer: b.buyerName })), acceptForm(b, state, reload))) }, t('credits.market.accept'));
}

function bidsCard(state, reload) {
  const slot = h('div', { class: 'market-order-slot' });
  const rows = state.bids.items || [];
  return h(
    'section',
    { class: 'card market-bids', 'aria-labelledby': 'market-bids' },
    h('h2', { id: 'market-bids' }, t('credits.market.bidsTitle')),
    h('p', { class: 'muted small' }, t('credits.market.bidsHelp')),
    rows.length
      ? labelCells(dataTable({
          columns: [
            { label: t('credits.market.buyer'), value: (b) => h('a', { href: `/credits/account/${encodeURIComponent(b.buyerPartyId)}` }, b.buyerName) },
            { label: t('credits.market.county'), value: (b) => state.countyName(b.countyCode) },
            { label: t('credits.listing.remaining'), numeric: true, value: (b) => groupDecimal(b.remaining) },
            { label: t('credits.market.price'), numeric: true, value: (b) => formatYuan(b.priceYuanPerCredit) },
            { label: t('credits.market.totalColumn'), numeric: true, value: (b) => formatYuan(b.totalYuan) },
            { label: t('credits.market.action'), value: (b) => bidActions(b, state, slot, reload) },
          ],
          rows,
        }))
      : emptyState(t('credits.market.noBids'), t('credits.market.noBidsText')),
    pager(state.bids, (n) => reload({ bidPage: n })),
    slot,
    state.acting ? h('div', { class: 'market-new-bid' }, h('h3', null, t('credits.market.newBid', { party: state.acting.name })), bidForm(state, reload)) : null,
  );
}

/** Settled market trades per county as a line chart (time → 元 per credit) and the latest ten as a table. */
export function priceChart(series, countyName, signal) {
  const points = series.flatMap((s) => s.points.map((p) => ({ ...p, countyCode: s.countyCode })));
  if (!points.length) return emptyState(t('credits.market.noTrades'), t('credits.market.noTradesText'));
  const el = h('div', { class: 'chart market-chart', style: 'height:280px', dataset: { points: String(points.length) } });
  chart(
    el,
    {
      tooltip: { trigger: 'item', valueFormatter: (v) => `${v} ${t('credits.perCredit')}` },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: t('credits.perCredit'), scale: true },
      // Display only: the chart plots prices as numbers; every amount shown as text stays exact.
      series: series.map((s) => ({ name: countyName(s.countyCode), type: 'line', symbolSize: 8, data: s.points.map((p) => [p.at, Number(p.priceYuanPerCredit)]) })),
    },
    { signal, label: t('credits.market.chartLabel') },
  );
  const latest = [...points].sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, 10);
  return h(
    'div',
    null,
    el,
    dataTable({
      caption: t('credits.market.latestTrades'),
      columns: [
        { label: t('credits.market.date'), value: (p) => formatDate(p.at) },
        { label: t('credits.market.county'), value: (p) => countyName(p.countyCode) },
        { label: t('credits.column.credits'), numeric: true, value: (p) => groupDecimal(p.credits) },
        { label: t('credits.market.price'), numeric: true, value: (p) => formatYuan(p.priceYuanPerCredit) },
        { label: t('credits.column.amountYuan'), numeric: true, value: (p) => formatYuan(p.amountYuan) },
      ],
      rows: latest,
    }),
  );
}

function actingCard(state, onChange) {
  const parties = state.parties;
  if (!parties.length) return h('p', { class: 'muted' }, t('credits.market.noParties'));
  const select = pairSelect(parties.map((p) => [p.id, `${p.name} · ${state.countyName(p.countyCode)}`]), { name: 'party', value: state.acting?.id });
  select.addEventListener('change', () => onChange(select.value));
  const a = state.acting;
  return h(
    'section',
    { class: 'card market-acting', 'aria-labelledby': 'market-acting' },
    h('h2', { id: 'market-acting' }, t('credits.market.actingTitle')),
    field(t('credits.market.actingAs'), select, { name: 'party', hint: t('credits.market.actingHint') }),
    a
      ? h(
          'p',
          { class: 'small acting-balances' },
          t('credits.market.actingBalances', { issued: groupDecimal(a.issued), listed: groupDecimal(a.listed), cash: formatYuan(a.cashYuan ?? '0') }),
          ' ',
          h('a', { href: `/credits/account/${encodeURIComponent(a.id)}` }, t('credits.market.openAccount')),
        )
      : null,
  );
}

async function load(body, state, ctx, opts = {}) {
  const signal = ctx.signal;
  if (opts.page !== undefined) state.page = opts.page;
  if (opts.bidPage !== undefined) state.bidPage = opts.bidPage;
  mount(body, loadingState());
  try {
    const f = state.filter;
    const [listings, bids, trades, parties] = await Promise.all([
      marketApi.listings({ ...f, page: state.page, size: PAGE_SIZE }, { signal }).catch((e) => {
        if (e?.status !== 400) throw e;
        state.filterError = e;
        return { items: [], total: 0, page: 0, size: PAGE_SIZE };
      }),
      marketApi.bids({ county: f.county, open: true, page: state.bidPage, size: PAGE_SIZE }, { signal }),
      marketApi.trades(f.county, { signal }),
      creditsApi.parties(undefined, { signal }).then((p) => (p.items || []).filter((x) => x.type !== 'county_pool')),
    ]);
    const actingId = state.actingId || parties[0]?.id;
    const acting = parties.find((p) => p.id === actingId) || null;
    if (acting) acting.account = await marketApi.account(acting.id, { signal }).catch(() => null);
    if (signal.aborted) return;
    Object.assign(state, { listings, bids, parties, acting });
    const reload = (o) => load(body, state, ctx, o || {});
    mount(
      body,
      noticeBanner(opts.text ? opts : null),
      actingCard(state, (id) => {
        state.actingId = id;
        updateQuery({ party: id });
        reload();
      }),
      listingsCard(state, reload),
      bidsCard(state, reload),
      h('section', { class: 'card market-prices', 'aria-labelledby': 'market-prices' }, h('h2', { id: 'market-prices' }, t('credits.market.pricesTitle')), h('p', { class: 'muted small' }, t('credits.market.pricesHelp')), priceChart(trades || [], state.countyName, signal)),
    );
    state.filterError = null;
  } catch (e) {
    if (!signal.aborted) mount(body, errorState(e, () => load(body, state, ctx)));
  }
}

export const creditsMarketPage = {
  name: 'credits-market',
  tier: 'city',
  render(main, ctx) {
    const q = ctx.query;
    const names = new Map();
    const state = {
      filter: { county: q.get('county') || '', vintage: q.get('vintage') || '', kind: q.get('kind') || '', minPrice: q.get('minPrice') || '', maxPrice: q.get('maxPrice') || '' },
      actingId: q.get('party') || null,
      page: 0,
      bidPage: 0,
      countyName: (code) => names.get(code) || code || '—',
    };
    ctx.setTitle(t('credits.market.title'));
    const body = h('div', { class: 'credits-market' });
    mount(main, h('div', { class: 'page' }, pageHeader({ eyebrow: t('nav.centre.trading'), title: t('credits.market.title'), subtitle: t('credits.market.subtitle'), crumbs: [{ label: t('nav.centre.trading'), href: '/centre/trading' }, { label: t('credits.market.title') }] }), body));
    divisions
      .list({ level: 'county', size: 50 })
      .then((p) => (p.items || []).forEach((d) => names.set(d.code, d.name)))
      .catch(() => null)
      .finally(() => !ctx.signal.aborted && load(body, state, ctx));
  },
};
