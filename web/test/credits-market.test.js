import test from 'node:test';
import assert from 'node:assert/strict';
import { creditsText, keyedCommand, minCredits, orderProblems, paymentYuan, priceFen } from '../src/credits.js';
import { ApiError } from '../src/api.js';

test('a payment is units × fen per credit / 1000 rounded up to the fen, exactly', () => {
  assert.equal(paymentYuan('1.500', '68.00'), '102.00');
  assert.equal(paymentYuan('0.001', '0.01'), '0.01'); // 0.00001 元 rounds up to one fen
  assert.equal(paymentYuan('123456789.123', '99.99'), '12344444344.41'); // 12,345,678,912.3 − 1,234,567.89123, up to the fen
  assert.equal(paymentYuan('abc', '1'), null);
  assert.equal(priceFen('70'), 7000n);
  assert.equal(priceFen('70.123'), null);
  assert.equal(creditsText(1234500n), '1234.500');
  assert.equal(minCredits('2.000', '1.999'), '1.999');
});

test('order forms are checked before sending: amount, cap and price', () => {
  assert.deepEqual(orderProblems({ credits: '5.000', price: '70.00', available: '10.000' }), {});
  assert.deepEqual(orderProblems({ credits: '10.001', price: '70.00', available: '10.000' }), { credits: 'credits.market.problem.exceeds' });
  assert.deepEqual(orderProblems({ credits: '0', price: '0' }), { credits: 'credits.market.problem.credits', priceYuanPerCredit: 'credits.market.problem.price' });
  assert.deepEqual(orderProblems({ credits: '1.0001', needPrice: false }), { credits: 'credits.market.problem.credits' });
});

test('a retried click reuses its Idempotency-Key only while the outcome is unknown', async () => {
  const sent = [];
  const answers = [new ApiError(0, null), { id: 'BD1' }, new ApiError(409, { code: 'credits.insufficient-credits' }), { id: 'BD2' }];
  const run = keyedCommand(async (path, body, key) => {
    sent.push(key);
    const a = answers.shift();
    if (a instanceof Error) throw a;
    return a;
  });
  await assert.rejects(run('/credits/bids', { credits: '1.000' }));
  assert.deepEqual(await run('/credits/bids', { credits: '1.000' }), { id: 'BD1' });
  assert.equal(sent[0], sent[1], 'the retry after a lost answer sends the same key');
  await assert.rejects(run('/credits/bids', { credits: '1.000' }));
  assert.notEqual(sent[2], sent[1], 'a new click after a success gets a new key');
  await run('/credits/bids', { credits: '1.000' });
  assert.notEqual(sent[3], sent[2], 'a definite rejection is not retried under its key');
});

test('a changed command gets a fresh key even after a lost answer', async () => {
  const sent = [];
  const run = keyedCommand(async (path, body, key) => {
    sent.push(key);
    throw new ApiError(0, null);
  });
  await assert.rejects(run('/credits/bids', { credits: '1.000' }));
  await assert.rejects(run('/credits/bids', { credits: '2.000' }));
  assert.notEqual(sent[0], sent[1]);
});
