// Shared parts of the money views (收入与分配, 县级增收目标, 农户收益明细): the distribution API, the
// download links, status badges and the income chart. Pure helpers are exported for web/test.

import { h } from '../dom.js';
import { getLang, t } from '../i18n.js';
import { api } from '../api.js';
import { formatYuan, formatYuanCompact, toFen } from '../format.js';
import { chart } from '../gep.js';

const BASE = '/api/v1/distribution';

const enc = encodeURIComponent;
/** A fresh key per command: the same key is sent again only when the same command is retried. */
export const commandKey = () => globalThis.crypto?.randomUUID?.() || `k-${Date.now()}-${Math.random().toString(16).slice(2)}`;
/** A mutating call with an Idempotency-Key (docs/api/distribution.md: every mutation accepts one). */
const command = (path, body, key = commandKey()) => api.post(path, body ?? {}, { idempotencyKey: key });

export const moneyApi = {
  villageIncome: (village, from, to) => api.get(`/distribution/villages/${village}/income`, { from, to }),
  accounts: (village) => api.get(`/distribution/villages/${village}/accounts`),
  leases: (village) => api.get('/distribution/leases', { village, size: 100 }),
  leasable: (village) => api.get(`/distribution/villages/${enc(village)}/leasable-packages`),
  leasePreview: (input) => api.get('/distribution/leases/preview', leaseQuery(input)),
  createLease: (input, key) => command('/distribution/leases', input, key),
  approveLease: (id) => command(`/distribution/leases/${enc(id)}/approve`, {}),
  rejectLease: (id) => command(`/distribution/leases/${enc(id)}/reject`, {}),
  runs: (village) => api.get('/distribution/runs', { village, size: 50 }),
  previewRun: (village, input, key) => command(`/distribution/villages/${enc(village)}/runs`, input, key),
  approveRun: (id) => command(`/distribution/runs/${enc(id)}/approve`, {}),
  postRun: (id) => command(`/distribution/runs/${enc(id)}/post`, {}),
  cancelRun: (id) => command(`/distribution/runs/${enc(id)}/cancel`, {}),
  reverseRun: (id) => command(`/distribution/runs/${enc(id)}/reverse`, {}),
  register: (village) => api.get(`/distribution/villages/${village}/shareholders`),
  projects: (county) => api.get('/distribution/projects', { county, size: 100 }),
  approveProject: (id) => command(`/distribution/projects/${enc(id)}/approve`, {}),
  dividends: (projectId) => api.get(`/distribution/projects/${enc(projectId)}/dividends`),
  dividendPreview: (projectId, period, profitYuan) => api.get(`/distribution/projects/${enc(projectId)}/dividends/preview`, { period, profitYuan }),
  declareDividend: (projectId, input, key) => command(`/distribution/projects/${enc(projectId)}/dividends`, input, key),
  payDividend: (id) => command(`/distribution/dividends/${enc(id)}/pay`, {}),
  targets: () => api.get('/distribution/targets'),
  setTarget: (year, targetYuan, key = commandKey()) => api.put(`/distribution/targets/${enc(year)}`, { targetYuan }, { idempotencyKey: key }),
  rollup: (division, year, below) => api.get('/distribution/income', { division, year, below: below ? 'true' : undefined }),
  payables: (division, asOf) => api.get('/distribution/payables', { division, asOf }),
  statement: (partyId) => (partyId ? api.get(`/distribution/households/${encodeURIComponent(partyId)}/statement`) : api.get('/distribution/my/statement')),
};

/** The lease form's input as the preview's query parameters (the option flattened). */
export function leaseQuery(input) {
  const { option, ...rest } = input;
  return { ...rest, optionValuationYuan: option?.valuationYuan, optionPricePerShareYuan: option?.pricePerShareYuan };
}

// ---- Validation as the user types: the same rules as the server (LeaseService.terms, Amounts) ----

/** A 元 amount as the API takes it: digits with at most 2 decimals, above 0 unless `zero`. */
export function validYuan(text, { zero = false, negative = false } = {}) {
  const m = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim());
  if (!m || (m[1] && !negative)) return false;
  return zero || !!m[1] || toFen(m[0]) > 0n;
}

/** A percentage 0–100 with at most 2 decimals. */
export function validPct(text) {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim());
  return !!m && toFen(m[0]) <= 10_000n;
}

/** A whole number min..max. */
export function validInt(text, min, max) {
  const s = String(text ?? '').trim();
  return /^\d{1,4}$/.test(s) && Number(s) >= min && Number(s) <= max;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A payment day "MM-dd" that exists in some year (02-29 included, as java.time.Month.maxLength). */
export function validPaymentDay(text) {
  const m = /^(\d\d)-(\d\d)$/.exec(String(text ?? '').trim());
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= MONTH_DAYS[month - 1];
}

/** A period as runs and dividends take it: 2026, 2026-06 or 2026-Q2. */
export function validPeriod(text) {
  return /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/.test(String(text ?? '').trim());
}

/**
 * Whole shares of an option, ⌊valuation / price⌋, and the residual 元 (not converted), exact in fen;
 * null when either amount is not valid.
 */
export function optionShares(valuationYuan, priceYuan) {
  if (!validYuan(valuationYuan) || !validYuan(priceYuan)) return null;
  const v = toFen(valuationYuan);
  const p = toFen(priceYuan);
  const shares = v / p;
  return { shares: Number(shares), residualYuan: sumYuan([{ fen: v - shares * p }]) };
}

/** How many of `villages` ({totalYuan}) reach `targetYuan`, compared in fen. */
export function reachedCount(villages, targetYuan) {
  const target = toFen(targetYuan);
  return villages.filter((v) => toFen(v.totalYuan) >= target).length;
}

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
