// 县 (and 镇) page section: villages against the yearly income target (counts, a chart of the top
// villages with the target line, the table with only-below filter, XLSX/PDF) and the cooperative's
// payables and receivables as of a date (rent due vs paid per lease and due date, dividends declared vs
// paid; overdue marked and listed first).

import { h, mount } from '../dom.js';
import { getLang, t } from '../i18n.js';
import { formatNumber, formatYuan } from '../format.js';
import { chart } from '../gep.js';
import { emptyState, errorState, loadingState, statCards } from '../ui.js';
import { commandKey, downloadLinks, moneyApi, reachedCount, statusBadge, validYuan, wanOf, yuan } from './money-common.js';
import { field, formAlert, hideAlert, input, setError, showProblems } from '../ledger-ui.js';
import { projectsSection } from './money-projects.js';
import { today } from '../eledger.js';

const TOP = 15;

function rollupChart(r, ctx) {
  const top = r.villages.slice(0, TOP);
  const unit = getLang() === 'en' ? 'CNY 10k' : '万元';
  return chart(
    h('div', { class: 'money-chart' }),
    {
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(2)} ${unit}` },
      grid: { left: 56, right: 16, top: 28, bottom: 80 },
      xAxis: { type: 'category', data: top.map((v) => v.villageName), axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: 'value', name: unit },
      series: [
        { name: t('money.source.total'), type: 'bar', data: top.map((v) => ({ value: wanOf(v.totalYuan), itemStyle: { color: v.reached ? '#009E73' : '#0072B2' } })) },
        { name: t('money.target.line'), type: 'line', symbol: 'none', lineStyle: { type: 'dashed', color: '#D55E00', width: 2 }, data: top.map(() => wanOf(r.targetYuan)) },
      ],
    },
    { signal: ctx.signal, label: t('money.county.chart') },
  );
}

/**
 * 设定增收目标 (CITY_ADMIN only, PUT /targets/{year}): the new target with, before confirming, how many of
 * the division's villages would reach it (their totals compared in fen).
 */
function targetForm(d, r, reload) {
  const alert = formAlert();
  const amount = input({ name: 'targetYuan', inputmode: 'decimal', value: r.targetYuan });
  const f = field(t('money.targetForm.amount', { year: r.year }), amount, { name: 'targetYuan' });
  const preview = h('p', { class: 'small target-preview', 'aria-live': 'polite' });
  let all = null;
  const show = () => {
    const v = amount.value.trim();
    if (!validYuan(v)) {
      setError(f, t('money.form.err.yuan'));
      preview.textContent = '';
      return false;
    }
    setError(f, null);
    if (all) {
      const reached = reachedCount(all.villages, v);
      preview.textContent = t('money.targetForm.preview', { from: formatYuan(r.targetYuan), to: formatYuan(v), reached, below: all.villages.length - reached });
    }
    return true;
  };
  moneyApi.rollup(d.code, r.year, false).then((x) => {
    all = x;
    show();
  });
  amount.addEventListener('input', show);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('money.targetForm.save'));
  return h(
    'details',
    { class: 'money-form money-target-form' },
    h('summary', null, t('money.targetForm.title', { year: r.year })),
    h(
      'form',
      {
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          hideAlert(alert);
          if (!show()) return;
          submit.disabled = true;
          try {
            const saved = await moneyApi.setTarget(r.year, amount.value.trim(), commandKey());
            reload(t('money.targetForm.saved', { year: saved.year, target: formatYuan(saved.targetYuan) }));
          } catch (err) {
            showProblems(err, { targetYuan: f }, alert);
            submit.disabled = false;
          }
        },
      },
      alert,
      h('div', { class: 'form-grid' }, f),
      preview,
      h('p', { class: 'muted small' }, t('money.targetForm.hint')),
      h('div', { class: 'form-actions' }, submit),
    ),
  );
}

function targetSection(d, ctx) {
  const box = h('section', { class: 'card money-rollup', 'aria-label': t('money.county.title') });
  const year = Number(today().slice(0, 4));
  const yearSel = h('select', { name: 'year' }, [0, 1, 2, 3, 4].map((k) => h('option', { value: String(year - k) }, String(year - k))));
  const below = h('input', { type: 'checkbox', name: 'below' });
  const body = h('div');
  const admin = (ctx.me?.roles || []).includes('CITY_ADMIN');
  const load = (notice) => {
    mount(body, loadingState(t('money.loading')));
    moneyApi
      .rollup(d.code, yearSel.value, below.checked)
      .then((r) => {
        if (ctx.signal.aborted) return;
        mount(
          body,
          notice ? h('p', { class: 'form-alert info small', role: 'status' }, notice) : null,
          statCards([
            [t('money.target'), h('span', { class: 'target-value' }, yuan(r.targetYuan, { compact: true }))],
            [t('money.county.villages'), formatNumber(r.villageCount)],
            [t('money.county.reached'), h('span', { class: 'reached-count' }, formatNumber(r.reachedCount))],
            [t('money.county.belowCount'), h('span', { class: 'below-count' }, formatNumber(r.belowCount))],
            [t('money.county.total'), yuan(r.totalYuan, { compact: true })],
          ]),
          admin ? targetForm(d, r, load) : null,
          r.villages.length && r.villages[0].totalYuan !== '0.00' ? rollupChart(r, ctx) : null,
          downloadLinks('/income', { division: d.code, year: r.year, below: below.checked ? 'true' : undefined }),
          h(
            'div',
            { class: 'table-wrap money-scroll' },
            h(
              'table',
              { class: 'data-table rollup-table' },
              h('thead', null, h('tr', null, [[t('money.county.village')], [t('money.source.rent'), 1], [t('money.source.dividend'), 1], [t('money.source.other'), 1], [t('money.source.total'), 1], [t('money.reached')], [t('money.shortfall'), 1]].map(([l, n]) => h('th', { scope: 'col', class: n ? 'num' : null }, l)))),
              h(
                'tbody',
                null,
                r.villages.map((v) =>
                  h(
                    'tr',
                    { dataset: { village: v.villageCode, reached: String(v.reached) } },
                    h('th', { scope: 'row' }, h('a', { href: `/village/${v.villageCode}?tab=income` }, v.villageName)),
                    ['rent', 'dividend', 'other', 'total'].map((s) => h('td', { class: 'num' }, yuan(v[`${s}Yuan`]))),
                    h('td', null, h('span', { class: `money-status status-${v.reached ? 'paid' : 'overdue'}` }, v.reached ? t('money.reached') : t('money.below'))),
                    h('td', { class: 'num' }, yuan(v.shortfallYuan)),
                  ),
                ),
              ),
            ),
          ),
        );
        box.dataset.ready = 'true';
      })
      .catch((e) => !ctx.signal.aborted && mount(body, errorState(e, () => load())));
  };
  yearSel.addEventListener('change', () => load());
  below.addEventListener('change', () => load());
  load();
  return mount(
    box,
    h('h2', null, t('money.county.title')),
    h('div', { class: 'ledger-filters' }, h('label', { class: 'inline-field' }, h('span', null, t('money.year')), yearSel), h('label', { class: 'check' }, below, t('money.county.onlyBelow'))),
    body,
  );
}

function rentRows(rows) {
  return rows.map((r) =>
    h(
      'tr',
      { dataset: { lease: r.leaseId, status: r.status } },
      h('th', { scope: 'row' }, r.contractNumber),
      h('td', null, h('a', { href: `/village/${r.villageCode}?tab=income` }, r.villageName)),
      h('td', null, r.packageName || '—', h('span', { class: 'muted small' }, ` · ${t('money.payables.leaseYear', { year: r.year })}`)),
      h('td', { class: 'nowrap' }, r.dueOn),
      h('td', { class: 'num' }, yuan(r.amountYuan)),
      h('td', { class: 'nowrap' }, r.paidOn || '—'),
      h('td', null, statusBadge('money.status', r.status), r.daysOverdue ? h('div', { class: 'small overdue-days' }, t('money.payables.daysOverdue', { days: r.daysOverdue })) : null),
    ),
  );
}

function dividendRows(rows) {
  return rows.map((d) =>
    h(
      'tr',
      { dataset: { dividend: d.dividendId, status: d.status } },
      h('th', { scope: 'row' }, d.projectName),
      h('td', null, d.period),
      h('td', { class: 'nowrap' }, d.declaredOn),
      h('td', { class: 'nowrap' }, d.dueOn),
      h('td', { class: 'num' }, yuan(d.totalYuan)),
      h('td', { class: 'num' }, yuan(d.villageYuan)),
      h('td', null, statusBadge('money.status', d.status), d.daysOverdue ? h('div', { class: 'small overdue-days' }, t('money.payables.daysOverdue', { days: d.daysOverdue })) : null),
    ),
  );
}

function head(labels) {
  return h('thead', null, h('tr', null, labels.map(([l, n]) => h('th', { scope: 'col', class: n ? 'num' : null }, l))));
}

function payablesSection(d, ctx) {
  // A reader whose scope lies inside the division (a village accountant on its county page) sees its part.
  const scope = ctx.me?.scope?.code;
  const division = scope && scope.startsWith(d.code) ? scope : d.code;
  const box = h('section', { class: 'card money-payables', 'aria-label': t('money.payables.title') });
  const asOf = h('input', { type: 'date', name: 'asOf', value: today() });
  const body = h('div');
  const load = () => {
    mount(body, loadingState(t('money.loading')));
    moneyApi
      .payables(division, asOf.value)
      .then((p) => {
        if (ctx.signal.aborted) return;
        const s = p.totals;
        mount(
          body,
          statCards([
            [t('money.payables.rentDue'), yuan(s.rentDueYuan, { compact: true })],
            [t('money.payables.rentPaid'), yuan(s.rentPaidYuan, { compact: true })],
            [t('money.payables.rentOverdue'), yuan(s.rentOverdueYuan, { compact: true })],
            [t('money.payables.dividends'), yuan(s.dividendsDeclaredYuan, { compact: true })],
            [t('money.payables.dividendsPaid'), yuan(s.dividendsPaidYuan, { compact: true })],
            [t('money.payables.overdueCount'), h('span', { class: 'overdue-count' }, formatNumber(s.overdueCount))],
          ]),
          downloadLinks('/payables', { division, asOf: p.asOf }),
          !p.rent.length && !p.dividends.length ? emptyState(t('money.payables.none')) : null,
          p.rent.length
            ? [
                h('h3', null, t('money.payables.rent')),
                h('div', { class: 'table-wrap money-scroll' }, h('table', { class: 'data-table payables-rent' }, head([[t('money.lease.contract')], [t('money.payables.village')], [t('money.payables.package')], [t('money.payables.dueOn')], [t('money.payables.amount'), 1], [t('money.payables.paidOn')], [t('money.lease.status')]]), h('tbody', null, rentRows(p.rent)))),
              ]
            : null,
          p.dividends.length
            ? [
                h('h3', null, t('money.payables.dividendRows')),
                h('div', { class: 'table-wrap' }, h('table', { class: 'data-table payables-dividends' }, head([[t('money.payables.project')], [t('money.run.period')], [t('money.payables.declaredOn')], [t('money.payables.dueOn')], [t('money.payables.amount'), 1], [t('money.payables.villageShare'), 1], [t('money.lease.status')]]), h('tbody', null, dividendRows(p.dividends)))),
              ]
            : null,
        );
        box.dataset.ready = 'true';
      })
      .catch((e) => !ctx.signal.aborted && mount(body, errorState(e, load)));
  };
  asOf.addEventListener('change', load);
  load();
  return mount(box, h('h2', null, t('money.payables.title')), h('div', { class: 'ledger-filters' }, h('label', { class: 'inline-field' }, h('span', null, t('money.payables.asOf')), asOf)), body);
}

/** The money sections of a county or town page (villages vs target, payables and receivables). */
export function moneyRollup(d, ctx) {
  return h('div', { class: 'money-county' }, targetSection(d, ctx), payablesSection(d, ctx), d.code.length === 6 ? projectsSection(d, ctx) : null);
}
