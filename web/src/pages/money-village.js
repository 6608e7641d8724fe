// 村 · 收入与分配 tab: income by source and year against the target (ECharts + table + XLSX/PDF), the
// village's ledger accounts, leases of its asset packages (a second person approves a proposed lease),
// distribution runs (preview → approve by a second person → post; cancel before posting) and the
// shareholder register, each household leading to its statement.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber, toFen } from '../format.js';
import { emptyState, errorState, loadingState, statCards } from '../ui.js';
import { downloadLinks, incomeChart, moneyApi, statusBadge, yuan } from './money-common.js';
import { runForm } from './money-run-form.js';
import { leaseForm } from './money-lease-form.js';

const COOP_WRITERS = ['CITY_ADMIN', 'COUNTY_OFFICER', 'COOPERATIVE_OPERATOR'];
const VILLAGE_WRITERS = [...COOP_WRITERS, 'VILLAGE_ACCOUNTANT'];
const has = (me, roles) => (me?.roles || []).some((r) => roles.includes(r));

/** A table; on phones `money-cards` tables show one card per row, each cell labelled by its column. */
function table(cls, headers, rows) {
  for (const row of rows) [...row.children].forEach((cell, i) => headers[i]?.[0] && (cell.dataset.label = headers[i][0]));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: `data-table ${cls}` },
      h('thead', null, h('tr', null, headers.map(([label, num]) => h('th', { scope: 'col', class: num ? 'num' : null }, label)))),
      h('tbody', null, rows),
    ),
  );
}

function incomeSection(code, ctx) {
  const box = h('section', { class: 'money-section money-income', 'aria-label': t('money.income.title') }, h('h3', null, t('money.income.title')), loadingState(t('money.loading')));
  moneyApi
    .villageIncome(code)
    .then((inc) => {
      if (ctx.signal.aborted) return;
      const rows = inc.years.map((y) =>
        h(
          'tr',
          { dataset: { year: String(y.year), reached: String(y.reached) } },
          h('th', { scope: 'row' }, String(y.year)),
          ['rent', 'dividend', 'other', 'total'].map((s) => h('td', { class: 'num' }, yuan(y[`${s}Yuan`]))),
          h('td', { class: 'num' }, yuan(y.targetYuan, { compact: true })),
          h('td', null, h('span', { class: `money-status status-${y.reached ? 'paid' : 'overdue'}` }, y.reached ? t('money.reached') : t('money.below'))),
          h('td', { class: 'num' }, yuan(y.shortfallYuan)),
        ),
      );
      mount(
        box,
        h('div', { class: 'money-section-head' }, h('h3', null, t('money.income.title')), downloadLinks(`/villages/${code}/income`)),
        incomeChart(inc.years, ctx),
        table(
          'income-table',
          [[t('money.year')], [t('money.source.rent'), 1], [t('money.source.dividend'), 1], [t('money.source.other'), 1], [t('money.source.total'), 1], [t('money.target'), 1], [t('money.reached')], [t('money.shortfall'), 1]],
          rows,
        ),
      );
      box.dataset.ready = 'true';
    })
    .catch((e) => !ctx.signal.aborted && mount(box, h('h3', null, t('money.income.title')), errorState(e)));
  return box;
}

function accountsSection(code, ctx) {
  const box = h('section', { class: 'money-section money-accounts', 'aria-label': t('money.accounts.title') });
  moneyApi
    .accounts(code)
    .then((a) => {
      if (ctx.signal.aborted) return;
      mount(
        box,
        statCards([
          [t('money.accounts.income'), yuan(a.incomeYuan, { compact: true })],
          [t('money.accounts.retained'), yuan(a.retainedYuan, { compact: true })],
          [t('money.accounts.distributed'), yuan(a.distributedYuan, { compact: true })],
        ]),
      );
    })
    .catch(() => box.remove());
  return box;
}

/** A button that runs `action`, shows the server's rejection next to it and reloads the section. */
function actionButton(label, action, { reload, alert, confirm: question, primary }) {
  return h(
    'button',
    {
      type: 'button',
      class: `btn btn-small${primary ? ' btn-primary' : ''}`,
      onclick: async (e) => {
        if (question && !window.confirm(question)) return;
        e.target.disabled = true;
        alert.hidden = true;
        try {
          await action();
          reload(t('money.run.done', { what: label }));
        } catch (err) {
          alert.hidden = false;
          alert.textContent = err.localized?.() || String(err);
          e.target.disabled = false;
        }
      },
    },
    label,
  );
}

function leasesSection(code, ctx) {
  const box = h('section', { class: 'money-section money-leases', 'aria-label': t('money.leases.title') });
  const load = (notice) => {
    mount(box, h('h3', null, t('money.leases.title')), loadingState());
    moneyApi
      .leases(code)
      .then((page) => {
        if (ctx.signal.aborted) return;
        const alert = h('p', { class: 'form-alert error small', role: 'alert', hidden: true });
        const canWrite = has(ctx.me, COOP_WRITERS);
        const rows = page.items.map((l) =>
          h(
            'tr',
            { dataset: { lease: l.id, status: l.status } },
            h('th', { scope: 'row' }, l.contractNumber),
            h('td', null, `${l.termFrom} – ${l.termTo}`),
            h('td', { class: 'num' }, yuan(l.annualRentYuan)),
            h('td', { class: 'num' }, yuan(l.paidYuan, { compact: true }), ' / ', yuan(l.totalRentYuan, { compact: true })),
            h('td', null, l.option ? t('money.statement.shares', { shares: formatNumber(Number(toFen(l.option.valuationYuan) / toFen(l.option.pricePerShareYuan))) }) : '—'),
            h('td', null, statusBadge('money.lease.status', l.status)),
            h(
              'td',
              { class: 'money-actions' },
              canWrite && l.status === 'proposed'
                ? h('div', { class: 'money-row-actions' }, [
                    actionButton(t('money.lease.approve'), () => moneyApi.approveLease(l.id), { reload: load, alert, primary: true }),
                    actionButton(t('money.lease.reject'), () => moneyApi.rejectLease(l.id), { reload: load, alert }),
                  ])
                : null,
            ),
          ),
        );
        mount(
          box,
          h('h3', null, t('money.leases.title')),
          canWrite ? leaseForm(code, (lease) => load(t('money.leaseForm.created', { contract: lease.contractNumber }))) : null,
          notice ? h('p', { class: 'form-alert info small', role: 'status' }, notice) : null,
          alert,
          rows.length
            ? table('lease-table money-cards', [[t('money.lease.contract')], [t('money.lease.term')], [t('money.lease.rent'), 1], [t('money.lease.paid'), 1], [t('money.lease.option')], [t('money.lease.status')], ['']], rows)
            : emptyState(t('money.leases.none')),
        );
      })
      .catch((e) => !ctx.signal.aborted && mount(box, h('h3', null, t('money.leases.title')), errorState(e)));
  };
  load();
  return box;
}

function runActions(r, ctx, reload, alert) {
  if (!has(ctx.me, VILLAGE_WRITERS)) return null;
  const out = [];
  if (r.status === 'previewed') out.push(actionButton(t('money.run.approve'), () => moneyApi.approveRun(r.id), { reload, alert, primary: true }));
  if (r.status === 'approved') out.push(actionButton(t('money.run.post'), () => moneyApi.postRun(r.id), { reload, alert, primary: true }));
  if (r.status === 'previewed' || r.status === 'approved') out.push(actionButton(t('money.run.cancel'), () => moneyApi.cancelRun(r.id), { reload, alert, confirm: t('money.run.confirmCancel') }));
  if (r.status === 'posted' && r.kind === 'distribution' && !r.reversedBy) out.push(actionButton(t('money.run.reverse'), () => moneyApi.reverseRun(r.id), { reload, alert, confirm: t('money.run.confirmReverse') }));
  return out;
}

function runsSection(code, ctx, onPosted) {
  const box = h('section', { class: 'money-section money-runs', 'aria-label': t('money.runs.title') });
  const load = (notice) => {
    if (notice) onPosted();
    mount(box, h('h3', null, t('money.runs.title')), loadingState());
    moneyApi
      .runs(code)
      .then((page) => {
        if (ctx.signal.aborted) return;
        const alert = h('p', { class: 'form-alert error small', role: 'alert', hidden: true });
        const rows = page.items.map((r) =>
          h(
            'tr',
            { dataset: { run: r.id, status: r.status } },
            h('th', { scope: 'row' }, r.period),
            h('td', null, t(`money.run.kind.${r.kind}`)),
            h('td', { class: 'num' }, yuan(r.amountYuan)),
            h('td', { class: 'num' }, yuan(r.retentionYuan), h('span', { class: 'muted small money-sub' }, `${r.retentionPct}%`)),
            h('td', { class: 'num' }, yuan(r.distributedYuan)),
            h('td', { class: 'num' }, formatNumber(r.households)),
            h('td', null, statusBadge('money.run.status', r.status), h('span', { class: 'muted small money-sub money-who', title: t('money.run.preparedBy') }, r.preparedBy)),
            h('td', { class: 'money-actions' }, h('div', { class: 'money-row-actions' }, runActions(r, ctx, load, alert))),
          ),
        );
        mount(
          box,
          h('h3', null, t('money.runs.title')),
          has(ctx.me, VILLAGE_WRITERS) ? runForm(code, ctx, (run) => load(t('money.form.created', { retention: run.retentionYuan, distributed: run.distributedYuan, households: run.households }))) : null,
          notice ? h('p', { class: 'form-alert info small', role: 'status' }, notice) : null,
          alert,
          rows.length
            ? table(
                'run-table money-cards',
                [[t('money.run.period')], [t('money.run.kind')], [t('money.run.amount'), 1], [t('money.run.retention'), 1], [t('money.run.distributed'), 1], [t('money.run.households'), 1], [t('money.run.status')], ['']],
                rows,
              )
            : emptyState(t('money.runs.none')),
        );
      })
      .catch((e) => !ctx.signal.aborted && mount(box, h('h3', null, t('money.runs.title')), errorState(e)));
  };
  load();
  return box;
}

function registerSection(code, ctx) {
  const box = h('section', { class: 'money-section money-register', 'aria-label': t('money.statement.title') });
  moneyApi
    .register(code)
    .then((reg) => {
      if (ctx.signal.aborted || !reg.households.length) return;
      mount(
        box,
        h('h3', null, t('money.statement.title')),
        h(
          'ul',
          { class: 'money-households' },
          reg.households.map((x) => h('li', null, h('a', { href: `/household/${encodeURIComponent(x.partyId)}`, dataset: { party: x.partyId } }, x.name), h('span', { class: 'muted small' }, ` ${t('money.statement.shares', { shares: formatNumber(x.shares) })}`))),
        ),
      );
    })
    .catch(() => box.remove());
  return box;
}

/** The 收入与分配 tab of village `code`. */
export function moneyVillageTab(code, ctx) {
  const accounts = h('div');
  const refreshAccounts = () => mount(accounts, accountsSection(code, ctx));
  refreshAccounts();
  return h('div', { class: 'money-tab' }, incomeSection(code, ctx), accounts, leasesSection(code, ctx), runsSection(code, ctx, refreshAccounts), registerSection(code, ctx));
}
