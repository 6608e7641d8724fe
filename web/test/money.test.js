// Pure helpers of the money views: exact 元 sums in fen, 万元 for charts, report download links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileHref, sumYuan, wanOf } from '../src/pages/money-common.js';

test('sums of 元 strings are exact to the fen', () => {
  assert.equal(sumYuan(['0.10', '0.20']), '0.30');
  assert.equal(sumYuan(['39000.00', '-39000.00', '34666.67']), '34666.67');
  assert.equal(sumYuan(['-0.07', '0.02']), '-0.05');
  assert.equal(sumYuan([]), '0.00');
});

test('万元 for charts', () => {
  assert.equal(wanOf('300000.00'), 30);
  assert.equal(wanOf('148400.00'), 14.84);
});

test('download links keep the report parameters and drop empty ones', () => {
  assert.equal(fileHref('/income', 'xlsx', { division: '330802', year: 2026, below: undefined }), '/api/v1/distribution/income.xlsx?division=330802&year=2026');
  assert.equal(fileHref('/my/statement', 'pdf'), '/api/v1/distribution/my/statement.pdf');
});

test('form validation follows the server rules', async () => {
  const { validYuan, validPct, validInt, validPaymentDay, validPeriod } = await import('../src/pages/money-common.js');
  assert.equal(validYuan('120000.00'), true);
  assert.equal(validYuan('0.01'), true);
  assert.equal(validYuan('0'), false);
  assert.equal(validYuan('0', { zero: true }), true);
  assert.equal(validYuan('12.345'), false);
  assert.equal(validYuan('-5.00'), false);
  assert.equal(validYuan('-5.00', { negative: true }), true);
  assert.equal(validYuan('1e5'), false);
  assert.equal(validPct('100'), true);
  assert.equal(validPct('100.01'), false);
  assert.equal(validPct('2.5'), true);
  assert.equal(validPct('2.555'), false);
  assert.equal(validInt('3', 1, 100), true);
  assert.equal(validInt('0', 1, 100), false);
  assert.equal(validInt('1.5', 1, 100), false);
  assert.equal(validPaymentDay('02-29'), true);
  assert.equal(validPaymentDay('02-30'), false);
  assert.equal(validPaymentDay('13-01'), false);
  assert.equal(validPaymentDay('3-31'), false);
  assert.equal(validPeriod('2026-Q4'), true);
  assert.equal(validPeriod('2026-13'), false);
});

test('option shares are whole, the residual exact to the fen', async () => {
  const { optionShares } = await import('../src/pages/money-common.js');
  assert.deepEqual(optionShares('50000.00', '300.00'), { shares: 166, residualYuan: '200.00' });
  assert.deepEqual(optionShares('0.10', '0.03'), { shares: 3, residualYuan: '0.01' });
  assert.equal(optionShares('x', '1'), null);
});

test('villages reaching a target are counted in fen', async () => {
  const { reachedCount } = await import('../src/pages/money-common.js');
  const villages = [{ totalYuan: '148400.00' }, { totalYuan: '0.00' }, { totalYuan: '100000.01' }];
  assert.equal(reachedCount(villages, '100000.01'), 2);
  assert.equal(reachedCount(villages, '100000.02'), 1);
  assert.equal(reachedCount(villages, '300000.00'), 0);
});
