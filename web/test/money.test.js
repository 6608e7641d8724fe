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
