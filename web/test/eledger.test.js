// Pure helpers of the e-ledger views: rent schedule preview (the server's rule), percentages,
// bitemporal history layout, share sums, areas in 亩.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fenToYuan, historyVersions, holdersText, instantText, m2ToMu, pctToBp, rentSchedule, sharesBalance, typeColourExpression } from '../src/eledger.js';

const base = { termFrom: '2027-01-01', termTo: '2032-07-01', annualRentYuan: '1200.00', escalationPct: '5', escalationEveryYears: 2, paymentDay: '03-01' };

test('rent schedule: escalation every 2 years, a prorated last year in a leap year', () => {
  const s = rentSchedule(base);
  assert.deepEqual(
    s.schedule.map((r) => fenToYuan(r.amountFen)),
    ['1200.00', '1200.00', '1260.00', '1260.00', '1323.00', '657.89'], // 1323 × 182/366 = 657.885 → half up
  );
  assert.equal(fenToYuan(s.totalFen), '6900.89');
  assert.deepEqual(s.schedule[5], { year: 6, from: '2032-01-01', to: '2032-07-01', dueOn: '2032-03-01', amountFen: 65789n });
});

test('rent schedule: each escalation step is rounded to fen before the next one compounds', () => {
  const s = rentSchedule({ ...base, termTo: '2031-01-01', annualRentYuan: '333.33', escalationPct: '3.33', escalationEveryYears: 1 });
  // 333.33 → 344.43 (344.429…) → 355.90 (355.899…) → 367.75 (367.751…)
  assert.deepEqual(s.schedule.map((r) => fenToYuan(r.amountFen)), ['333.33', '344.43', '355.90', '367.75']);
});

test('rent schedule: a year starting on 29 February and a payment day outside a short year', () => {
  const s = rentSchedule({ ...base, termFrom: '2028-02-29', termTo: '2029-06-01', paymentDay: '12-31', escalationPct: '0' });
  assert.deepEqual(s.schedule.map((r) => [r.from, r.to, r.dueOn]), [
    ['2028-02-29', '2029-02-28', '2028-12-31'],
    ['2029-02-28', '2029-06-01', '2029-02-28'], // 31 Dec is not inside the short last year: due on its first day
  ]);
  // 93 of 365 days of 1200 = 305.753… → 305.75
  assert.equal(fenToYuan(s.schedule[1].amountFen), '305.75');
});

test('rent schedule: incomplete or invalid input gives no preview', () => {
  assert.equal(rentSchedule({ ...base, termTo: '2026-01-01' }), null);
  assert.equal(rentSchedule({ ...base, paymentDay: '02-30' }), null);
  assert.equal(rentSchedule({ ...base, escalationPct: '100.001' }), null);
  assert.equal(rentSchedule({ ...base, annualRentYuan: 'abc' }), null);
  assert.equal(rentSchedule({ ...base, escalationEveryYears: 0 }), null);
});

test('percent to basis points: 0–100 with at most 2 decimals', () => {
  assert.equal(pctToBp('5'), 500);
  assert.equal(pctToBp('2.5'), 250);
  assert.equal(pctToBp('0.01'), 1);
  assert.equal(pctToBp('100'), 10000);
  assert.equal(pctToBp('100.01'), null);
  assert.equal(pctToBp('1.234'), null);
  assert.equal(pctToBp('-1'), null);
});

test('history: records newest first, superseded rows and a retroactive correction marked', () => {
  const hold = (name) => [{ partyId: name, name, numerator: 1, denominator: 1 }];
  const rows = [
    { rightId: 'r', validFrom: '2019-01-01', validTo: '2049-01-01', recordedAt: '2025-03-01T02:00:00Z', supersededAt: '2025-06-01T02:00:00Z', holders: hold('陈') },
    { rightId: 'r', validFrom: '2019-01-01', validTo: '2049-01-01', recordedAt: '2025-06-01T02:00:00Z', supersededAt: null, holders: hold('王') },
    { rightId: 'r', validFrom: '2030-01-01', validTo: '2049-01-01', recordedAt: '2025-07-01T02:00:00Z', supersededAt: null, holders: hold('李') },
  ];
  const v = historyVersions(rows);
  assert.deepEqual(v.map((x) => x.recordedAt), ['2025-07-01T02:00:00Z', '2025-06-01T02:00:00Z', '2025-03-01T02:00:00Z']);
  assert.deepEqual(v.map((x) => [x.initial, x.correction]), [[false, false], [false, true], [true, false]]);
  assert.equal(v[2].rows[0].current, false);
  assert.equal(v[1].rows[0].current, true);
});

test('holders text shows shares only when not whole', () => {
  assert.equal(holdersText([{ name: '甲', numerator: 1, denominator: 1 }]), '甲');
  assert.equal(holdersText([{ name: '甲', numerator: 1, denominator: 3 }, { name: '乙', numerator: 2, denominator: 3 }]), '甲 1/3、乙 2/3');
});

test('share sums are checked exactly', () => {
  assert.deepEqual(sharesBalance({ totalShares: 997, households: [{ shares: 500 }, { shares: 497 }] }), { sum: 997n, ok: true });
  assert.equal(sharesBalance({ totalShares: 997, households: [{ shares: 500 }, { shares: 496 }] }).ok, false);
});

test('areas and instants', () => {
  assert.equal(m2ToMu(10000 / 15), 1);
  assert.equal(m2ToMu('6666.67').toFixed(2), '10.00');
  assert.equal(instantText('2026-11-29T17:30:00Z'), '2026-11-30 01:30:00');
  const expr = typeColourExpression();
  assert.equal(expr[0], 'match');
  assert.equal(expr.length, 2 + 8 * 2 + 1);
});
