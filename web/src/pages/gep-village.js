// The village eco account's GEP tab (生态产品总值): year, headline total, per km², change against
// the previous year, value by indicator grouped by service class (chart + table), a trend line,
// downloads and the run's provenance. Every number comes from GET /gep/accounts/{code}.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { updateQuery } from '../router.js';
import { formatDate, formatYuan } from '../format.js';
import { emptyState, errorState, illustrativeBadge, loadingState } from '../ui.js';
import { CLASS_COLOURS, SERVICE_CLASSES, changeBadge, chart, gepApi, indicatorName, num, placeholderCount, quantityText, wan, wanPerKm2Unit, wanUnit } from '../gep.js';

/** The headline cards: total, per km², change. */
export function gepHeadline(a) {
  return h(
    'dl',
    { class: 'stat-cards gep-headline' },
    h('div', { class: 'stat stat-main' }, h('dt', null, t('gep.total', { year: a.year })), h('dd', null, h('span', { class: 'stat-value gep-total' }, wan(a.totalYuan)), h('span', { class: 'stat-unit' }, wanUnit()))),
    h('div', { class: 'stat' }, h('dt', null, t('gep.perKm2')), h('dd', null, h('span', { class: 'stat-value' }, wan(a.perKm2Yuan)), h('span', { class: 'stat-unit' }, wanPerKm2Unit()))),
    h(
      'div',
      { class: 'stat' },
      h('dt', null, a.previousYear ? t('gep.changeVs', { year: a.previousYear }) : t('gep.change')),
      h('dd', null, h('span', { class: 'stat-value stat-change' }, changeBadge(a.changePct, { previousYear: a.previousYear }))),
      a.previousTotalYuan ? h('dd', { class: 'muted small' }, t('gep.previousTotal', { value: `${wan(a.previousTotalYuan)} ${wanUnit()}` })) : null,
    ),
  );
}

/** Class shares as a stacked line of three labelled parts (sums in 万元). */
function classSummary(a) {
  return h(
    'ul',
    { class: 'gep-classes' },
    SERVICE_CLASSES.map((c) => h('li', null, h('span', { class: 'swatch-dot', style: `background:${CLASS_COLOURS[c]}`, 'aria-hidden': 'true' }), h('span', null, t(`gep.class.${c}`)), h('strong', null, wan(a.byClass?.[c] ?? '0')), h('span', { class: 'muted small' }, wanUnit()))),
  );
}

function indicatorTable(a) {
  const value = (v) => (v === null || v === undefined ? '—' : wan(v));
  const rows = [];
  for (const c of SERVICE_CLASSES) {
    const list = a.indicators.filter((i) => i.serviceClass === c);
    if (!list.length) continue;
    rows.push(h('tr', { class: 'group-row' }, h('th', { scope: 'rowgroup', colspan: '5' }, h('span', { class: 'swatch-dot', style: `background:${CLASS_COLOURS[c]}`, 'aria-hidden': 'true' }), t(`gep.class.${c}`), ' · ', wan(a.byClass?.[c] ?? '0'), ' ', wanUnit())));
    for (const i of list) {
      rows.push(
        h(
          'tr',
          { dataset: { indicator: i.id } },
          h('th', { scope: 'row' }, indicatorName(i)),
          h('td', { class: 'num' }, quantityText(i.quantity, i.unit)),
          h('td', { class: 'num', title: formatYuan(i.valueYuan) }, value(i.valueYuan)),
          h('td', { class: 'num' }, value(i.previousValueYuan)),
          h('td', { class: 'num' }, changeBadge(i.changePct)),
        ),
      );
    }
  }
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table gep-table' },
      h('caption', { class: 'sr-only' }, t('gep.table.caption', { year: a.year })),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('gep.table.indicator')),
          h('th', { scope: 'col', class: 'num' }, t('gep.table.quantity')),
          h('th', { scope: 'col', class: 'num' }, t('gep.table.value', { unit: wanUnit() })),
          h('th', { scope: 'col', class: 'num' }, a.previousYear ? t('gep.table.previous', { year: a.previousYear }) : t('gep.table.previousNone')),
          h('th', { scope: 'col', class: 'num' }, t('gep.table.change')),
        ),
      ),
      h('tbody', null, rows),
      h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, t('common.total')), h('td'), h('td', { class: 'num' }, wan(a.totalYuan)), h('td', { class: 'num' }, value(a.previousTotalYuan)), h('td', { class: 'num' }, changeBadge(a.changePct)))),
    ),
  );
}

/** Horizontal bars of value by indicator in 万元, one colour per service class. */
function indicatorChart(a, signal) {
  const list = SERVICE_CLASSES.flatMap((c) => a.indicators.filter((i) => i.serviceClass === c)).reverse();
  const el = h('div', { class: 'chart gep-bars', style: `height:${Math.max(260, list.length * 24 + 40)}px` });
  return chart(
    el,
    {
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, data: SERVICE_CLASSES.map((c) => t(`gep.class.${c}`)), selectedMode: false },
      tooltip: { trigger: 'item', valueFormatter: (v) => `${v} ${wanUnit()}` },
      xAxis: { type: 'value', name: wanUnit(), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'category', data: list.map(indicatorName), axisLabel: { width: 110, overflow: 'truncate' } },
      series: SERVICE_CLASSES.map((c) => ({
        name: t(`gep.class.${c}`),
        type: 'bar',
        stack: 'v',
        barMaxWidth: 16,
        itemStyle: { color: CLASS_COLOURS[c] },
        data: list.map((i) => (i.serviceClass === c ? Math.round(num(i.valueYuan) / 100) / 100 : null)),
      })),
    },
    { signal, label: t('gep.chart.byIndicator') },
  );
}

function trendChart(code, years, signal) {
  const el = h('div', { class: 'chart gep-trend', style: 'height:180px' });
  return chart(
    el,
    {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v} ${wanUnit()}` },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value', name: wanUnit(), scale: true, axisLabel: { hideOverlap: true } },
      series: [{ type: 'line', data: years.map((y) => Math.round(num(y.totalYuan) / 100) / 100), itemStyle: { color: '#009E73' }, symbolSize: 7, label: { show: years.length <= 6, position: 'top', fontSize: 11 } }],
    },
    { signal, label: t('gep.chart.trend', { code }) },
  );
}

/** Run provenance and the placeholder hint. */
export function runInfo(a, params) {
  const set = params?.find((p) => p.id === a.run?.params);
  const flagged = placeholderCount(set);
  return h(
    'div',
    { class: 'gep-run-info' },
    h(
      'dl',
      { class: 'meta-list small' },
      h('div', null, h('dt', null, t('gep.run.params')), h('dd', { class: 'mono' }, a.run?.params || '—')),
      h('div', null, h('dt', null, t('gep.run.edition')), h('dd', { class: 'mono' }, a.run?.methodEdition || '—')),
      h('div', null, h('dt', null, t('gep.run.finished')), h('dd', null, formatDate(a.run?.finishedAt))),
      h('div', null, h('dt', null, t('gep.run.id')), h('dd', { class: 'mono' }, a.run?.id ?? '—')),
    ),
    flagged || !set ? h('p', { class: 'form-alert warn small gep-placeholders', role: 'note' }, flagged ? t('gep.placeholders', { count: flagged }) : t('gep.placeholders.unknown')) : null,
  );
}

export function downloads(code, year) {
  return h(
    'div',
    { class: 'gep-downloads' },
    h('a', { class: 'btn btn-small', href: gepApi.exportHref(code, year), download: '', 'data-external': '' }, '⤓ ', t('gep.download.xlsx')),
    h('a', { class: 'btn btn-small', href: gepApi.reportHref(code, year), download: '', 'data-external': '' }, '⤓ ', t('gep.download.pdf')),
  );
}

/** Year selector from GET /years (ascending); calls onChange(year). */
export function yearSelect(years, selected, onChange, id = 'gep-year') {
  return h(
    'label',
    { class: 'inline-field', for: id },
    h('span', null, t('gep.year')),
    h(
      'select',
      { id, onchange: (e) => onChange(Number(e.target.value)) },
      [...years].reverse().map((y) => h('option', { value: String(y.year), selected: y.year === selected }, t('gep.yearOption', { year: y.year }))),
    ),
  );
}

/**
 * Renders the GEP tab of village `code` into a new element and returns it. `ctx` gives the
 * page's abort signal and the query (?year=).
 */
export function gepVillageTab(code, ctx) {
  const box = h('div', { class: 'gep-tab' }, loadingState());
  let inner = null; // abort controller of the current year's render (charts)
  const load = (year) => {
    inner?.abort();
    inner = new AbortController();
    ctx.signal.addEventListener('abort', () => inner.abort(), { once: true });
    const signal = inner.signal;
    mount(box, loadingState());
    Promise.all([gepApi.years(code, { signal }), gepApi.account(code, year || undefined, { signal }), gepApi.params().catch(() => null)])
      .then(([years, a, params]) => {
        if (signal.aborted) return;
        const chartSlot = h('div', { class: 'gep-chart-slot' });
        mount(
          box,
          h(
            'div',
            { class: 'gep-toolbar' },
            yearSelect(years, a.year, (y) => {
              updateQuery({ year: y });
              load(y);
            }),
            a.illustrative ? illustrativeBadge() : null,
            h('span', { class: 'toolbar-gap' }),
            downloads(code, a.year),
          ),
          gepHeadline(a),
          classSummary(a),
          h('div', { class: 'gep-grid' }, h('section', { class: 'gep-section', 'aria-label': t('gep.chart.byIndicator') }, h('h3', null, t('gep.chart.byIndicator')), chartSlot), h('section', { class: 'gep-section' }, h('h3', null, t('gep.chart.trendTitle')), years.length > 1 ? trendChart(code, years, signal) : h('p', { class: 'muted small' }, t('gep.trend.single')), runInfo(a, params))),
          h('section', { class: 'gep-section' }, h('h3', null, t('gep.table.title')), indicatorTable(a)),
        );
        chartSlot.appendChild(indicatorChart(a, signal));
        box.dataset.ready = 'true';
      })
      .catch((e) => {
        if (signal.aborted || e.name === 'AbortError') return;
        if (e.status === 404 && e.code === 'gep.account.no-results') mount(box, emptyState(t('gep.noResults.title'), t('gep.noResults.text')));
        else if (e.status === 404 && e.code === 'gep.division.not-found') mount(box, emptyState(t('gep.outOfScope.title'), t('gep.outOfScope.village')));
        else mount(box, errorState(e, () => load(year)));
        box.dataset.ready = 'empty';
      });
  };
  const y = Number(ctx.query.get('year'));
  load(Number.isInteger(y) && y > 1900 ? y : null);
  return box;
}
