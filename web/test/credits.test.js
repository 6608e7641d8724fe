import test from 'node:test';
import assert from 'node:assert/strict';
import { codedLabel, groupDecimal, registerCsvHref, REGISTER_LISTS } from '../src/credits.js';
import { setLang } from '../src/i18n.js';

test('credit amounts are grouped as text, never through floating point', () => {
  assert.equal(groupDecimal('12345678901234567.891'), '12,345,678,901,234,567.891');
  assert.equal(groupDecimal('0.001'), '0.001');
  assert.equal(groupDecimal('-1234.50'), '-1,234.50');
  assert.equal(groupDecimal('999'), '999');
  assert.equal(groupDecimal(null), '—');
  assert.equal(groupDecimal('1-100'), '1-100');
});

test('coded values are translated and unknown codes shown as sent', () => {
  setLang('zh');
  assert.equal(codedLabel('kind', 'POOL_SALE'), '储备池出售');
  assert.equal(codedLabel('status', 'covered-by-pool-liability'), '储备池负债覆盖');
  assert.equal(codedLabel('status', 'something-new'), 'something-new');
  setLang('en');
  assert.equal(codedLabel('kind', 'government'), 'Government');
  setLang('zh');
});

test('register CSV addresses carry the county filter', () => {
  assert.equal(registerCsvHref('transfers', ''), '/api/v1/register/transfers.csv');
  assert.equal(registerCsvHref('retirements', '330824'), '/api/v1/register/retirements.csv?county=330824');
  assert.deepEqual(Object.keys(REGISTER_LISTS), ['projects', 'issuances', 'transfers', 'retirements', 'obligations']);
});

test('credit strings become exact integer units', async () => {
  const { unitsOf } = await import('../src/credits.js');
  assert.equal(unitsOf('4939123.780'), 4939123780n);
  assert.equal(unitsOf('0.001'), 1n);
  assert.equal(unitsOf('12'), 12000n);
  assert.equal(unitsOf('-1.5'), -1500n);
  assert.equal(unitsOf('1.2345'), null);
  assert.equal(unitsOf(null), null);
});
