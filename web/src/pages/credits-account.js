// 积分账户 (/credits/account/:party): one eco-credit account — balances (issued, pending, listed, retired,
// CNY), holdings by batch and serial block with vintage, project and county, the "list for sale" form from
// the holdings, the party's listings (delist) and bids (withdraw), its settled trades, retirements and
// open development obligations.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { divisions } from '../api.js';
import { formatDate, formatYuan } from '../format.js';
import { dataTable, emptyState, errorState, loadingState, pageHeader, statCards } from '../ui.js';
import { field, formAlert, hideAlert, input, showProblems } from '../ledger-ui.js';
import { codedLabel, groupDecimal, keyedCommand, marketApi, orderProblems, paymentYuan } from '../credits.js';
import { commandForm, labelCells, noticeBanner } from './credits-market.js';

function table(rows, columns, emptyKey, cls) {
  return rows.length ? labelCells(h('div', { class: cls }, dataTable({ columns, rows }))) : h('p', { class: `muted small ${cls}` }, t(emptyKey));
}

function card(id, title, ...children) {
  return h('section', { class: `card account-${id}`, 'aria-labelledby': `account-${id}-title` }, h('h2', { id: `account-${id}-title` }, title), ...children);
}

/** "List for sale" from the issued holdings: amount (≤ issued) and price, total shown as typed. */
function listForm(account, reload) {
  const party = account.party;
  const fields = {
    credits: field(t('credits.column.credits'), input({ name: 'credits', inputmode: 'decimal', placeholder: '0.000' }), { name: 'credits', hint: t('credits.account.availableHint', { issued: groupDecimal(party.issued) }) }),
    priceYuanPerCredit: field(t('credits.market.price'), input({ name: 'priceYuanPerCredit', inputmode: 'decimal', placeholder: '0.00' }), { name: 'priceYuanPerCredit' }),
  };
  const total = h('p', { class: 'muted small order-total', 'aria-live': 'polite' });
  const update = () => {
    const v = paymentYuan(fields.credits.control.value, fields.priceYuanPerCredit.control.value);
    total.textContent = v === null ? '' : t('credits.market.total', { amount: formatYuan(v) });
  };
  fields.credits.control.addEventListener('input', update);
  fields.priceYuanPerCredit.control.addEventListener('input', update);
  const run = keyedCommand();
  return commandForm({
    action: 'list',
    fields,
    submitLabel: t('credits.account.listSubmit'),
    extra: total,
    validate: () => orderProblems({ credits: fields.credits.control.value, price: fields.priceYuanPerCredit.control.value, available: party.issued }),
    send: () => marketApi.list({ sellerPartyId: party.id, credits: fields.credits.control.value.trim(), priceYuanPerCredit: fields.priceYuanPerCredit.control.value.trim() }, run),
    after: reload,
    done: (l) => {
      return t('credits.account.listed', { id: l.id });
    },
  });
}

/** A button that runs one command (delist, withdraw) and reloads; problems next to it. */
function actionButton(label, data, command, reload) {
  const alert = formAlert();
  const run = keyedCommand();
  const button = h('button', { type: 'button', class: 'btn btn-small', dataset: data }, label);
  button.onclick = async () => {
    hideAlert(alert);
    button.disabled = true;
    try {
      await command(run);
      reload();
    } catch (e) {
      showProblems(e, {}, alert);
      button.disabled = false;
    }
  };
  return h('span', { class: 'action-cell' }, button, alert);
}

function holdingsCard(a, countyName) {
  return card(
    'holdings',
    t('credits.account.holdings'),
    table(
      a.holdings || [],
      [
        { label: t('credits.market.project'), value: (b) => b.projectName },
        { label: t('credits.market.vintage'), value: (b) => String(b.vintage) },
        { label: t('credits.market.county'), value: (b) => countyName(b.countyCode) },
        { label: t('credits.account.state'), value: (b) => h('span', { class: `state-badge state-${b.state}` }, codedLabel('state', b.state)) },
        { label: t('credits.column.serials'), value: (b) => h('span', { class: 'mono' }, b.serials) },
        { label: t('credits.column.credits'), numeric: true, value: (b) => groupDecimal(b.credits) },
      ],
      'credits.account.noHoldings',
      'holdings-table',
    ),
  );
}

function ordersCards(a, reload) {
  return [
    card(
      'listings',
      t('credits.account.listings'),
      table(
        a.listings || [],
        [
          { label: t('credits.column.id'), value: (l) => h('span', { class: 'mono' }, l.id) },
          { label: t('credits.market.price'), numeric: true, value: (l) => formatYuan(l.priceYuanPerCredit) },
          { label: t('credits.listing.remaining'), numeric: true, value: (l) => groupDecimal(l.remaining) },
          { label: t('credits.market.totalColumn'), numeric: true, value: (l) => formatYuan(l.totalYuan) },
          { label: t('credits.account.status'), value: (l) => (l.open ? t('credits.account.open') : t('credits.account.closed')) },
          { label: t('credits.market.action'), value: (l) => (l.open ? actionButton(t('credits.account.delist'), { delist: l.id }, (run) => marketApi.delist(l.id, run), reload) : '—') },
        ],
        'credits.account.noListings',
        'listings-table',
      ),
    ),
    card(
      'bids',
      t('credits.account.bids'),
      table(
        a.bids || [],
        [
          { label: t('credits.column.id'), value: (b) => h('span', { class: 'mono' }, b.id) },
          { label: t('credits.market.price'), numeric: true, value: (b) => formatYuan(b.priceYuanPerCredit) },
          { label: t('credits.listing.remaining'), numeric: true, value: (b) => groupDecimal(b.remaining) },
          { label: t('credits.account.status'), value: (b) => (b.open ? t('credits.account.open') : t('credits.account.closed')) },
          { label: t('credits.market.action'), value: (b) => (b.open ? actionButton(t('credits.market.withdraw'), { withdraw: b.id }, (run) => marketApi.withdrawBid(b.id, run), reload) : '—') },
        ],
        'credits.account.noBids',
        'bids-table',
      ),
    ),
  ];
}

function historyCards(a) {
  return [
    card(
      'trades',
      t('credits.account.trades'),
      table(
        a.trades || [],
        [
          { label: t('credits.market.date'), value: (x) => formatDate(x.at) },
          { label: t('credits.account.side'), value: (x) => t(`credits.account.side.${x.side}`) },
          { label: t('credits.column.kind'), value: (x) => codedLabel('kind', x.kind) },
          { label: t('credits.account.counterparty'), value: (x) => h('a', { href: `/credits/account/${encodeURIComponent(x.counterpartyId)}` }, x.counterpartyName) },
          { label: t('credits.column.credits'), numeric: true, value: (x) => groupDecimal(x.credits) },
          { label: t('credits.market.price'), numeric: true, value: (x) => formatYuan(x.priceYuanPerCredit) },
          { label: t('credits.column.amountYuan'), numeric: true, value: (x) => formatYuan(x.amountYuan) },
        ],
        'credits.account.noTrades',
        'trades-table',
      ),
    ),
    card(
      'retirements',
      t('credits.account.retirements'),
      table(
        a.retirements || [],
        [
          { label: t('credits.market.date'), value: (x) => formatDate(x.at) },
          { label: t('credits.column.credits'), numeric: true, value: (x) => groupDecimal(x.credits) },
          { label: t('credits.column.obligationId'), value: (x) => h('span', { class: 'mono' }, x.obligationId || '—') },
          { label: t('credits.column.beneficiary'), value: (x) => x.beneficiaryName || x.beneficiary || '—' },
          { label: t('credits.column.reason'), value: (x) => x.reason || '—' },
        ],
        'credits.account.noRetirements',
        'retirements-table',
      ),
    ),
    card(
      'obligations',
      t('credits.account.obligations'),
      table(
        a.obligations || [],
        [
          { label: t('credits.column.name'), value: (o) => h('a', { href: `/credits/development/${encodeURIComponent(o.developmentId)}` }, o.developmentName) },
          { label: t('credits.column.amount'), numeric: true, value: (o) => groupDecimal(o.amount) },
          { label: t('credits.column.retired'), numeric: true, value: (o) => groupDecimal(o.retired) },
          { label: t('credits.development.outstanding'), numeric: true, value: (o) => groupDecimal(o.outstanding) },
        ],
        'credits.account.noObligations',
        'obligations-table',
      ),
    ),
  ];
}

function view(a, ctx, reload, countyName) {
  const p = a.party;
  return [
    pageHeader({
      eyebrow: t(`credits.admin.partyType.${p.type}`),
      title: p.name,
      subtitle: t('credits.account.subtitle'),
      crumbs: [{ label: t('credits.county.title'), href: `/credits/${p.countyCode}` }, { label: t('credits.market.title'), href: `/market?party=${encodeURIComponent(p.id)}` }, { label: p.name }],
    }),
    h(
      'div',
      { class: 'account-balances', dataset: { issued: p.issued, listed: p.listed, cash: p.cashYuan } },
      statCards([
        [t('credits.party.issued'), groupDecimal(p.issued), t('credits.unit')],
        [t('credits.party.pending'), groupDecimal(p.pending), t('credits.unit')],
        [t('credits.party.listed'), groupDecimal(p.listed), t('credits.unit')],
        [t('credits.account.retired'), groupDecimal(a.retired), t('credits.unit')],
        [t('credits.party.cash'), formatYuan(p.cashYuan ?? '0')],
      ]),
    ),
    p.type !== 'county_pool' ? card('sell', t('credits.account.sellTitle'), h('p', { class: 'muted small' }, t('credits.account.sellHelp')), listForm(a, reload)) : null,
    holdingsCard(a, countyName),
    ...ordersCards(a, reload),
    ...historyCards(a),
  ];
}

export const creditsAccountPage = {
  name: 'credits-account',
  tier: 'county',
  render(main, ctx) {
    const load = (notice) => {
      marketApi
        .account(ctx.params.party, { signal: ctx.signal })
        .then(async (a) => {
          const county = await divisions.detail(a.party.countyCode).catch(() => null);
          if (ctx.signal.aborted) return;
          const countyName = (code) => (county && code === county.code ? county.name : code);
          ctx.setTitle(a.party.name);
          mount(main, h('div', { class: 'page credits-account', dataset: { party: a.party.id } }, noticeBanner(notice), view(a, ctx, load, countyName)));
        })
        .catch((e) => !ctx.signal.aborted && mount(main, e?.status === 404 ? emptyState(t('credits.account.notFound'), t('credits.account.notFoundText')) : errorState(e, () => load())));
    };
    mount(main, loadingState());
    load();
  },
};
