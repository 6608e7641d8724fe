// Number, money, area and date formatting (docs/ui.md "Conventions").
// Money is handled as integer fen in BigInt so that no binary floating point touches it.

import { getLang } from './i18n.js';

const MU_PER_HM2 = 15; // 1 hm² (公顷) = 15 亩 (市亩), exactly
const HM2_PER_KM2 = 100;

/** Groups the digits of a non-negative integer string with commas: "1234567" → "1,234,567". */
function group(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Parses money in 元 to integer fen (BigInt). Accepts a BigInt of fen via {fen}, an integer
 * Number of 元, or a decimal string of 元 ("1234.5", "-0.07"). Rounds half away from zero at fen.
 */
export function toFen(value) {
  if (typeof value === 'object' && value !== null && 'fen' in value) return BigInt(value.fen);
  const text = typeof value === 'number' ? numberToPlain(value) : String(value).trim();
  const m = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new RangeError(`not an amount: ${value}`);
  const frac = (m[3] || '').padEnd(3, '0');
  let fen = BigInt(m[2]) * 100n + BigInt(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) fen += 1n;
  return m[1] ? -fen : fen;
}

function numberToPlain(n) {
  if (!Number.isFinite(n)) throw new RangeError(`not an amount: ${n}`);
  return n.toFixed(4);
}

/** "1,234,567.89 元" (zh) / "CNY 1,234,567.89" (en). Value in 元 (see toFen). */
export function formatYuan(value, lang = getLang()) {
  const fen = toFen(value);
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const text = `${neg ? '-' : ''}${group((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
  return lang === 'en' ? `CNY ${text}` : `${text} 元`;
}

/**
 * Large amounts with a unit: below 1 万 plain 元; from 1 万 in 万元; from 1 亿 in 亿元 (zh),
 * in English thousand / million / billion. Two decimals, rounded half away from zero.
 */
export function formatYuanCompact(value, lang = getLang()) {
  const fen = toFen(value);
  const abs = fen < 0n ? -fen : fen;
  const sign = fen < 0n ? '-' : '';
  const steps =
    lang === 'en'
      ? [
          [100_000_000_000n, 'bn'],
          [100_000_000n, 'm'],
          [100_000n, 'k'],
        ]
      : [
          [10_000_000_000n, '亿元'],
          [1_000_000n, '万元'],
        ];
  for (const [unitFen, unit] of steps) {
    if (abs >= unitFen) {
      const hundredths = (abs * 100n + unitFen / 2n) / unitFen;
      const text = `${sign}${group((hundredths / 100n).toString())}.${(hundredths % 100n).toString().padStart(2, '0')}`;
      return lang === 'en' ? `CNY ${text} ${unit}` : `${text} ${unit}`;
    }
  }
  return formatYuan({ fen }, lang);
}

/** A plain number with thousands separators and a fixed number of decimals. */
export function formatNumber(n, decimals = 0) {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return '—';
  return Number(n).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function hm2ToMu(hm2) {
  return Number(hm2) * MU_PER_HM2;
}

export function km2ToHm2(km2) {
  return Number(km2) * HM2_PER_KM2;
}

/** "12.34 hm²" */
export function formatHm2(hm2) {
  return `${formatNumber(hm2, 2)} hm²`;
}

/** "185.1 亩" / "185.1 mu" */
export function formatMu(hm2, lang = getLang()) {
  return `${formatNumber(hm2ToMu(hm2), 1)} ${lang === 'en' ? 'mu' : '亩'}`;
}

/** "607.50 km²" */
export function formatKm2(km2) {
  return `${formatNumber(km2, 2)} km²`;
}

/**
 * ISO date "2025-06-30" in China Standard Time (UTC+8, no daylight saving) from a Date, an
 * epoch millisecond number or an ISO string; a plain "YYYY-MM-DD" string is returned unchanged.
 */
export function formatDate(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  const cst = new Date(date.getTime() + 8 * 3600 * 1000);
  return cst.toISOString().slice(0, 10);
}
