// GEP (生态产品总值) client side: the /api/v1/gep endpoints of docs/api/gep.md and the small
// pieces every GEP view shares (change indicator, 万元 figures, lazily loaded ECharts).

import { h } from './dom.js';
import { t, getLang } from './i18n.js';
import { api } from './api.js';
import { formatNumber, toFen } from './format.js';

const enc = encodeURIComponent;

export const gepApi = {
  // No years yet may come as [] or as a 404; both mean "no results" (the account call then says why).
  years: (code, options) => api.get(`/gep/accounts/${enc(code)}/years`, null, options).catch((e) => (e.status === 404 ? [] : Promise.reject(e))),
  account: (code, year, options) => api.get(`/gep/accounts/${enc(code)}`, { year }, options),
  children: (code, year, options) => api.get(`/gep/accounts/${enc(code)}/children`, { year }, options),
  exportHref: (code, year) => `/api/v1/gep/accounts/${enc(code)}/export.xlsx${year ? `?year=${year}` : ''}`,
  reportHref: (code, year) => `/api/v1/gep/accounts/${enc(code)}/report.pdf${year ? `?year=${year}` : ''}`,
  choropleth: (params, options) => api.get('/gep/choropleth', params, options),
  rasters: (year, options) => api.get('/gep/rasters', { year }, options),
  inputs: () => api.get('/gep/inputs'),
  params: () => api.get('/gep/params'),
  classes: (params) => api.get('/gep/classes', { params }),
  runs: (params, options) => api.get('/gep/runs', params, options),
  run: (id, options) => api.get(`/gep/runs/${enc(id)}`, null, options),
  startRun: (body) => api.post('/gep/runs', body),
  cancelRun: (id) => api.post(`/gep/runs/${enc(id)}/cancel`, {}),
  alerts: (params, options) => api.get('/gep/alerts', params, options),
  alertAction: (id, action, note) => api.post(`/gep/alerts/${enc(id)}/${action}`, { note }),
  projectImpact: (body) => api.post('/gep/project-impact', body),
};

/** A 元 string to 万元 with 2 decimals and separators, exact (BigInt fen): "12345678.90" → "1,234.57". */
export function wan(value) {
  if (value === null || value === undefined) return '—';
  const fen = toFen(value);
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const exact = (abs + 5_000n) / 10_000n; // hundredths of 万元 (1 万元 = 1,000,000 fen), half up
  const digits = (exact / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg && exact > 0n ? '-' : ''}${digits}.${(exact % 100n).toString().padStart(2, '0')}`;
}

/** The unit that goes with wan(): 万元 (zh) / "CNY 10k" (en). */
export const wanUnit = () => (getLang() === 'en' ? 'CNY 10k' : '万元');
export const wanPerKm2Unit = () => `${wanUnit()}/km²`;

/** 元 string → Number, for charts only (never for sums that are displayed). */
export const num = (value) => (value === null || value === undefined ? null : Number(value));

/**
 * Change against the previous year: arrow, sign and words, so colour is never the only cue.
 * `pct` is the API's string with one decimal or null (no previous year / zero base).
 */
export function changeBadge(pct, { previousYear } = {}) {
  if (pct === null || pct === undefined) return h('span', { class: 'change change-none' }, t('gep.change.none'));
  const n = Number(pct);
  const dir = n > 0 ? 'up' : n < 0 ? 'down' : 'flat';
  const arrow = { up: '▲', down: '▼', flat: '▶' }[dir];
  const text = `${n > 0 ? '+' : ''}${pct}%`;
  const title = previousYear ? t(`gep.change.${dir}.vs`, { year: previousYear, pct: text }) : t(`gep.change.${dir}`);
  return h('span', { class: `change change-${dir}`, title }, h('span', { 'aria-hidden': 'true' }, arrow), ' ', text, h('span', { class: 'sr-only' }, ` ${t(`gep.change.${dir}`)}`));
}

export const SERVICE_CLASSES = ['provisioning', 'regulating', 'cultural'];
// Okabe–Ito colours per service class (distinguishable with the common colour-vision deficiencies).
export const CLASS_COLOURS = { provisioning: '#E69F00', regulating: '#009E73', cultural: '#0072B2' };
export const GAIN = '#0072B2';
export const LOSS = '#D55E00';

// Unit symbols of the method that are words rather than symbols, in English.
const UNIT_EN = { 人次: 'visits' };

/** Quantity with its unit, or — when the indicator has none (e.g. product statistics in 元 only). */
export function quantityText(quantity, unit) {
  if (quantity === null || quantity === undefined) return '—';
  const n = Number(quantity);
  const u = unit && getLang() === 'en' ? UNIT_EN[unit] || unit : unit;
  return `${formatNumber(n, Math.abs(n) >= 100 ? 0 : 3)}${u ? ` ${u}` : ''}`;
}

export const indicatorName = (i) => (getLang() === 'en' ? i.nameEn || i.nameZh : i.nameZh || i.nameEn);

/** True when the user may start runs and handle alerts for `code` (own county or city admin). */
export function canManage(me, code) {
  const roles = me?.roles || [];
  if (roles.includes('CITY_ADMIN')) return true;
  const scope = me?.scope?.code || '';
  return roles.includes('COUNTY_OFFICER') && scope.length === 6 && (code === undefined || String(code).startsWith(scope));
}

/** Number of flagged placeholder values of a parameter set, whatever shape the API gives. */
export function placeholderCount(p) {
  const v = p?.placeholders;
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'number') return v;
  if (v === true) return 1;
  return 0;
}

let echartsPromise = null;
/** ECharts core with the few parts used here, loaded on first use (its own chunk). */
function loadEcharts() {
  if (!echartsPromise) {
    echartsPromise = import('./charts.js').then((m) => m.default);
  }
  return echartsPromise;
}

/**
 * Draws an ECharts option into `el` once it is in the page; resizes with it; disposed when
 * `signal` aborts. The element gets role=img and `label` for screen readers (the table next to
 * every chart holds the same numbers).
 */
export function chart(el, option, { signal, label } = {}) {
  el.setAttribute('role', 'img');
  if (label) el.setAttribute('aria-label', label);
  loadEcharts()
    .then((echarts) => {
      if (signal?.aborted) return;
      const instance = echarts.init(el, null, { renderer: 'canvas' });
      instance.setOption({ aria: { enabled: true }, textStyle: { fontFamily: getComputedStyle(document.body).fontFamily }, animation: false, ...option });
      el.dataset.ready = 'true';
      const observer = new ResizeObserver(() => instance.resize());
      observer.observe(el);
      signal?.addEventListener('abort', () => {
        observer.disconnect();
        instance.dispose();
      });
    })
    .catch(() => el.replaceChildren(h('p', { class: 'muted small' }, t('gep.chart.failed'))));
  return el;
}
