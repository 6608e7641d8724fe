// Shared parts of the money views (收入与分配, 县级增收目标, 农户收益明细): the distribution API, the
// download links, status badges and the income chart. Pure helpers are exported for web/test.

import { h } from '../dom.js';
import { getLang, t } from '../i18n.js';
import { api } from '../api.js';
import { formatYuan, formatYuanCompact, toFen } from '../format.js';
import { chart } from '../gep.js';

const BASE = '/api/v1/distribution';

export const moneyApi = {
  villageIncome: (village, from, to) => api.get(`/distribution/villages/${village}/income`, { from, to }),
  accounts: (village) => api.get(`/distribution/villages/${village}/accounts`),
  leases: (village) => api.get('/distribution/leases', { village, size: 100 }),
  approveLease: (id) => api.post(`/distribution/leases/${id}/approve`, {}),
  rejectLease: (id) => api.post(`/distribution/leases/${id}/reject`, {}),
  runs: (village) => api.get('/distribution/runs', { village, size: 50 }),
  approveRun: (id) => api.post(`/distribution/runs/${id}/approve`, {}),
  postRun: (id) => api.post(`/distribution/runs/${id}/post`, {}),
  cancelRun: (id) => api.post(`/distribution/runs/${id}/cancel`, {}),
  register: (village) => api.get(`/distribution/villages/${village}/shareholders`),
  rollup: (division, year, below) => api.get('/distribution/income', { division, year, below: below ? 'true' : undefined }),
  payables: (division, asOf) => api.get('/distribution/payables', { division, asOf }),
  statement: (partyId) => (partyId ? api.get(`/distribution/households/${encodeURIComponent(partyId)}/statement`) : api.get('/distribution/my/statement')),
};

/** Download hrefs of a report ({@code path} without extension, query as an object). */
export function fileHref(path, format, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return `${BASE}${path}.${format}${s ? `?${s}` : ''}`;
}

export function downloadLinks(path, params) {
  return h(
    'div',
    { class: 'money-downloads' },
    h('a', { class: 'btn btn-small', href: fileHref(path, 'xlsx', params), download: '', 'data-external': '', dataset: { format: 'xlsx' } }, '⤓ ', t('money.download.xlsx')),
    h('a', { class: 'btn btn-small', href: fileHref(path, 'pdf', params), download: '', 'data-external': '', dataset: { format: 'pdf' } }, '⤓ ', t('money.download.pdf')),
  );
}

/** "12,345.67 元", negative amounts marked for colour. */
export function yuan(value, { compact = false } = {}) {
  if (value === null || value === undefined) return '—';
  const text = compact ? formatYuanCompact(value) : formatYuan(value);
  return h('span', { class: toFen(value) < 0n ? 'money neg' : 'money' }, text);
}

/** 元 string → 万元 number for charts only (display; sums stay in fen). */
export function wanOf(yuanText) {
  return Number(toFen(yuanText)) / 1_000_000;
}

/** Sums 元 strings exactly in fen; returns a 元 string. */
export function sumYuan(values) {
  const fen = values.reduce((s, v) => s + toFen(v), 0n);
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function statusBadge(prefix, status) {
  return h('span', { class: `money-status status-${status}`, dataset: { status } }, t(`${prefix}.${status}`));
}

export const SOURCE_COLOURS = { rent: '#0072B2', dividend: '#009E73', other: '#E69F00' };

/** Stacked bars of income by source per year with the target as a line (万元). */
export function incomeChart(years, { signal }) {
  const el = h('div', { class: 'money-chart' });
  const unit = getLang() === 'en' ? 'CNY 10k' : '万元';
  return chart(
    el,
    {
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(2)} ${unit}` },
      legend: { bottom: 0 },
      grid: { left: 56, right: 16, top: 28, bottom: 48 },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value', name: unit },
      series: [
        ...['rent', 'dividend', 'other'].map((s) => ({ name: t(`money.source.${s}`), type: 'bar', stack: 'income', itemStyle: { color: SOURCE_COLOURS[s] }, data: years.map((y) => wanOf(y[`${s}Yuan`])) })),
        { name: t('money.target.line'), type: 'line', step: 'middle', symbol: 'none', lineStyle: { type: 'dashed', color: '#D55E00', width: 2 }, itemStyle: { color: '#D55E00' }, data: years.map((y) => wanOf(y.targetYuan)) },
      ],
    },
    { signal, label: t('money.income.chart') },
  );
}
