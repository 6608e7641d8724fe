import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wan } from '../src/gep.js';
import { toFen, formatYuan, formatYuanCompact, formatHm2, formatMu, formatKm2, formatDate, hm2ToMu } from '../src/format.js';

test('toFen parses decimal strings exactly and rounds half away from zero', () => {
  assert.equal(toFen('1234.5'), 123450n);
  assert.equal(toFen('0.005'), 1n);
  assert.equal(toFen('0.004'), 0n);
  assert.equal(toFen('-2.345'), -235n);
  assert.equal(toFen(12), 1200n);
  assert.equal(toFen({ fen: 99 }), 99n);
  assert.equal(toFen('90071992547409931.23'), 9007199254740993123n); // beyond double precision
  assert.throws(() => toFen('12,3'), RangeError);
  assert.throws(() => toFen('abc'), RangeError);
});

test('yuan with thousands separators', () => {
  assert.equal(formatYuan('1234567.8', 'zh'), '1,234,567.80 元');
  assert.equal(formatYuan('-0.07', 'zh'), '-0.07 元');
  assert.equal(formatYuan('999', 'en'), 'CNY 999.00');
});

test('large amounts in 万元 and 亿元', () => {
  assert.equal(formatYuanCompact('9999.99', 'zh'), '9,999.99 元');
  assert.equal(formatYuanCompact('10000', 'zh'), '1.00 万元');
  assert.equal(formatYuanCompact('300000', 'zh'), '30.00 万元');
  assert.equal(formatYuanCompact('123456789', 'zh'), '1.23 亿元');
  assert.equal(formatYuanCompact('300000000', 'zh'), '3.00 亿元');
  assert.equal(formatYuanCompact('123450000000', 'zh'), '1,234.50 亿元');
  assert.equal(formatYuanCompact('300000000', 'en'), 'CNY 300.00 m');
  assert.equal(formatYuanCompact('-15000', 'zh'), '-1.50 万元');
});

test('areas: 1 hm² = 15 亩, km² = 100 hm²', () => {
  assert.equal(hm2ToMu(2), 30);
  assert.equal(formatHm2(1234.5), '1,234.50 hm²');
  assert.equal(formatMu(10, 'zh'), '150.0 亩');
  assert.equal(formatMu(10, 'en'), '150.0 mu');
  assert.equal(formatKm2(607.5), '607.50 km²');
});

test('dates as YYYY-MM-DD in China Standard Time', () => {
  assert.equal(formatDate('2025-06-30'), '2025-06-30');
  assert.equal(formatDate('2025-06-29T16:30:00Z'), '2025-06-30'); // 00:30 in Beijing
  assert.equal(formatDate(new Date(Date.UTC(2025, 5, 30, 15, 59))), '2025-06-30');
  assert.equal(formatDate(null), '—');
});

test('万元 figures of the GEP views are exact and rounded half up', () => {
  assert.equal(wan('12345678.90'), '1,234.57');
  assert.equal(wan('49.99'), '0.00');
  assert.equal(wan('50.00'), '0.01');
  assert.equal(wan('-150000.00'), '-15.00');
  assert.equal(wan('90071992547409931.23'), '9,007,199,254,740.99');
});

test('choropleth classes: 5 breaks give 5 classes; tied breaks collapse to strictly ascending stops', async () => {
  const { classStops } = await import('../src/map-gep.js');
  assert.deepEqual(classStops(['10', '20', '30', '40', '50']), [[10, 1], [20, 2], [30, 3], [40, 4]]);
  assert.deepEqual(classStops(['10', '10', '30', '30', '30']), [[10, 2], [30, 4]]);
  assert.deepEqual(classStops(['7', '7', '7', '7', '7']), [[7, 4]]);
  assert.deepEqual(classStops([]), []);
});
