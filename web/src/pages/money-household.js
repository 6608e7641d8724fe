// 农户收益明细: a household's own statement (/household/statement, role HOUSEHOLD) or any household's in the
// reader's scope (/household/<partyId>): balance, per-year opening/closing, every line traced to its
// distribution run and, through the run's sources, to the lease contract, asset package and resources
// or the project's dividend; XLSX and PDF downloads. Phone-first layout (cards under 600 px).

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { emptyState, errorState, loadingState, pageHeader, statCards } from '../ui.js';
import { downloadLinks, moneyApi, yuan } from './money-common.js';

const RESOURCE_ZH = { mountain: '山', water: '水', forest: '林', farmland: '田', lake: '湖', grassland: '草', house: '房', mine: '矿' };

/** One traced source of a line in words (contract → package → resources, or project → period). */
export function sourceText(part) {
  const s = part.source;
  if (part.kind === 'rent' && s) {
    const resources = (s.resources || []).map((r) => `${r.name}（${RESOURCE_ZH[r.type] || r.type}）`).join('、');
    return [t('money.statement.contract', { contract: s.contractNumber, year: s.leaseYear }), t('money.statement.package', { name: s.packageName || s.packageId }), resources ? t('money.statement.resources', { list: resources }) : null].filter(Boolean).join(' · ');
  }
  if (part.kind === 'dividend' && s) return t('money.statement.project', { name: s.projectName, period: s.period });
  return t('money.statement.unsourced');
}

function lineRow(l) {
  const parts = h(
    'ul',
    { class: 'money-parts' },
    l.parts.map((p) => h('li', { dataset: { kind: p.kind } }, h('span', { class: `money-source source-${p.kind}` }, t(`money.source.${p.kind}`)), ' ', yuan(p.amountYuan), h('span', { class: 'money-trace' }, sourceText(p)))),
  );
  return h(
    'tr',
    { dataset: { transfer: l.transferId, kind: l.kind } },
    h('th', { scope: 'row', class: 'nowrap' }, l.date),
    h(
      'td',
      null,
      h('span', { class: `money-status status-${l.kind === 'reversal' ? 'overdue' : 'paid'}` }, t(`money.statement.kind.${l.kind}`)),
      l.runPeriod ? h('div', { class: 'muted small' }, t('money.statement.run', { period: l.runPeriod }), l.shares !== null ? ` · ${t('money.statement.shares', { shares: formatNumber(l.shares) })}` : '', l.lowIncome ? ` · ${t('money.statement.lowIncome')}` : '') : null,
    ),
    h('td', { class: 'num' }, yuan(l.amountYuan)),
    h('td', { class: 'money-source-cell' }, parts),
  );
}

function periodBlock(p) {
  return h(
    'section',
    { class: 'money-period', dataset: { period: p.period } },
    h(
      'div',
      { class: 'money-period-head' },
      h('h3', null, p.period),
      h('span', { class: 'small' }, `${t('money.statement.opening')} `, yuan(p.openingYuan), ` → ${t('money.statement.closing')} `, yuan(p.closingYuan)),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table statement-table' },
        h('thead', null, h('tr', null, [t('money.statement.date'), t('money.statement.kind'), t('money.statement.amount'), t('money.statement.source')].map((label, i) => h('th', { scope: 'col', class: i === 2 ? 'num' : null }, label)))),
        h('tbody', null, p.lines.map(lineRow)),
      ),
    ),
  );
}

function render(main, ctx, s, own) {
  ctx.setTitle(`${t('money.statement.title')} · ${s.partyName}`);
  const path = own ? '/my/statement' : `/households/${encodeURIComponent(s.partyId)}/statement`;
  mount(
    main,
    h(
      'div',
      { class: 'page money-household', dataset: { party: s.partyId } },
      pageHeader({
        crumbs: own ? [{ label: t('ledger.household.eyebrow'), href: '/household' }, { label: t('money.statement.mine') }] : [{ label: s.villageName, href: `/village/${s.villageCode}?tab=income` }, { label: s.partyName }],
        eyebrow: own ? t('money.statement.mine') : t('money.statement.title'),
        title: s.partyName,
        meta: [
          [t('money.statement.village'), own ? s.villageName : h('a', { href: `/village/${s.villageCode}?tab=income` }, s.villageName)],
          [t('money.statement.number'), h('span', { class: 'mono' }, String(s.partyNumber))],
        ],
        actions: downloadLinks(path),
      }),
      h(
        'section',
        { class: 'card' },
        statCards([
          [t('money.statement.balance'), h('span', { class: 'statement-balance' }, yuan(s.balanceYuan))],
          [t('money.statement.in'), yuan(s.inYuan)],
          [t('money.statement.out'), yuan(s.outYuan)],
        ]),
        s.periods.length ? [...s.periods].reverse().map(periodBlock) : emptyState(t('money.statement.none')),
      ),
    ),
  );
}

export default {
  name: 'household',
  tier: 'village',
  render(main, ctx) {
    const own = !ctx.params.partyId;
    const load = () => {
      mount(main, h('div', { class: 'page' }, loadingState()));
      moneyApi
        .statement(ctx.params.partyId)
        .then((s) => !ctx.signal.aborted && render(main, ctx, s, own))
        .catch((e) => !ctx.signal.aborted && mount(main, h('div', { class: 'page' }, errorState(e, load))));
    };
    load();
  },
};
