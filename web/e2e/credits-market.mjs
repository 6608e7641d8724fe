// Browser test of the eco-credit market (交易市场), run by smoke.mjs after credits.mjs, signed in as the
// county officer against the real back end: the county administration opens a credit account for a
// village collective and publishes the pool price (or shows the one published); the seller (a seeded
// village collective) delists its old listing and lists from its holdings (an amount above its holdings is
// refused before anything is sent); the buyer (a seeded enterprise) places a bid — the first answer is
// lost on the way back and the retried click must reuse the Idempotency-Key, so one bid exists — and the
// seller accepts part of it; the buyer buys from the new listing against its open obligation; the account
// pages show the new balances and the price chart its points. Screenshots at desktop width and 360 px.

import { join } from 'node:path';

/** Credit strings with 3 decimals ⇄ integer units (never floating point). */
const units = (s) => {
  const [i, f = ''] = String(s).split('.');
  return BigInt(i) * 1000n + BigInt(f.padEnd(3, '0'));
};
const text = (u) => `${u / 1000n}.${(u % 1000n).toString().padStart(3, '0')}`;
const fen = (s) => {
  const [i, f = ''] = String(s).split('.');
  return BigInt(i) * 100n + BigInt(f.padEnd(2, '0'));
};
const pay = (u, priceFen) => (u * priceFen + 999n) / 1000n;

export async function creditsMarketFlow({ page, shotDir, log, check, setStep, county, seller, buyer }) {
  const shot = async (name, fullPage = true) => {
    const raw = await page.evaluate(() => (document.body.innerText.match(/\b(credits|nav)\.[a-zA-Z]+[.a-zA-Z-]*/g) || []).slice(0, 5));
    check(raw.length === 0, `no untranslated keys on screen (${raw.join(', ')})`);
    await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage });
    log(`screenshot ${name}.png`);
  };
  const go = (path) => page.evaluate((p) => window.__liangshanNavigate(p), path);
  const get = (path) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`, { headers: { Accept: 'application/json' } })).json(), path);
  const account = (id) => get(`/credits/parties/${id}/account`);

  await adminSteps({ page, go, get, check, shot, setStep, county });

  setStep('credits market: the seller delists and lists from its holdings');
  await go(`/credits/account/${seller}`);
  await page.waitForSelector('.credits-account .account-balances');
  const delist = page.locator('.account-listings [data-delist]');
  for (let n = await delist.count(); n > 0; n = await delist.count()) {
    await delist.first().click();
    await page.waitForFunction((k) => document.querySelectorAll('.account-listings [data-delist]').length < k, n);
  }
  const before = await account(seller);
  const held = units(before.party.issued);
  check(held >= 5000n && before.party.listed === '0.000', `the seller holds ${before.party.issued} credits, nothing listed`);
  const sell = page.locator('form[data-action="list"]');
  await sell.locator('input[name="credits"]').fill(text(held + 1n));
  await sell.locator('input[name="priceYuanPerCredit"]').fill('70.00');
  await sell.locator('button[type="submit"]').click();
  const tooMuch = await sell.locator('[data-field="credits"] .field-error').textContent();
  check(/超过/.test(tooMuch), `listing more than held is refused next to the field before sending (${tooMuch})`);
  check((await account(seller)).listings.filter((l) => l.open).length === 0, 'nothing was listed');
  await sell.locator('input[name="credits"]').fill('5.000');
  check((await sell.locator('.order-total').textContent()).includes('350.00'), 'the form shows the total 350.00 元');
  await sell.locator('button[type="submit"]').click();
  await page.waitForSelector('.credits-notice[data-action="list"]');
  const listing = (await account(seller)).listings.find((l) => l.open);
  check(listing && listing.remaining === '5.000' && listing.priceYuanPerCredit === '70.00', `listing of 5.000 at 70.00 (${JSON.stringify(listing)})`);
  await shot('82-credits-account-listed');

  const buyerBefore = await account(buyer);
  const obligation = buyerBefore.obligations.find((o) => !o.acquitted);
  check(obligation && units(obligation.outstanding) >= 1000n, `the buyer owes credits (${obligation?.outstanding})`);

  await bidSteps({ page, go, check, shot, setStep, seller, buyer, account });

  setStep('credits market: the buyer buys the listing against its obligation');
  await go(`/market?party=${buyer}&county=${county}`);
  await page.waitForSelector('.market-listings');
  await page.click(`[data-buy="${listing.id}"]`);
  const buy = page.locator('form[data-action="buy"]');
  check((await buy.locator('select[name="obligationId"]').inputValue()) === obligation.id, 'the buyer’s open obligation is chosen for retirement');
  await buy.locator('input[name="credits"]').fill('1.000');
  await buy.locator('button[type="submit"]').click();
  await page.waitForSelector('.market-listings');
  await page.waitForFunction((id) => {
    const row = [...document.querySelectorAll('.market-listings tbody tr')].find((r) => r.querySelector(`[data-buy="${id}"]`));
    return row && row.textContent.includes('4.000');
  }, listing.id);
  await page.waitForSelector('.market-chart[data-ready="true"]');
  const points = Number(await page.getAttribute('.market-chart', 'data-points'));
  check(points >= 2, `the price chart shows the settled trades (${points} points)`);
  await shot('84-credits-market');

  setStep('credits market: balances after the trades');
  const buyerAfter = await account(buyer);
  const spent = fen(buyerBefore.party.cashYuan) - fen(buyerAfter.party.cashYuan);
  check(spent === pay(1500n, 6800n) + pay(1000n, 7000n), `the buyer paid 102.00 + 70.00 元 (${spent} fen)`);
  check(units(buyerAfter.party.issued) - units(buyerBefore.party.issued) === 1500n, `the buyer holds the 1.500 credits of the bid (${buyerAfter.party.issued})`);
  check(units(buyerAfter.retired) - units(buyerBefore.retired) === 1000n, `the purchase was retired (${buyerAfter.retired})`);
  const o = buyerAfter.obligations.find((x) => x.id === obligation.id);
  check(units(obligation.outstanding) - units(o.outstanding) === 1000n, `the obligation owes 1.000 less (${o.outstanding})`);
  const sellerAfter = await account(seller);
  check(sellerAfter.party.listed === '4.000' && units(sellerAfter.party.issued) === held - 5000n - 1500n, `the seller: 4.000 listed, ${sellerAfter.party.issued} available`);
  await go(`/credits/account/${buyer}`);
  await page.waitForSelector('.credits-account .account-trades tbody tr');
  check((await page.getAttribute('.account-balances', 'data-issued')) === buyerAfter.party.issued, 'the buyer’s account page shows the new balance');
  check((await page.locator('.account-retirements tbody tr').count()) >= 1, 'the account page lists the retirement');
  await shot('85-credits-account-buyer');
  await narrow({ page, go, check, shot, setStep, buyer, seller });
}

async function adminSteps({ page, go, get, check, shot, setStep, county }) {
  setStep('credits market: county administration');
  await go(`/credits/${county}`);
  await page.waitForSelector('.credits-admin form[data-action="open-account"]');
  const form = page.locator('form[data-action="open-account"]');
  await form.locator('button[type="submit"]').click();
  const missing = await form.locator('[data-field="villageCode"] .field-error').textContent();
  check(missing.trim().length > 0, `a village collective without its village is refused before sending (${missing})`);
  const village = await form.locator('select[name="villageCode"] option:nth-child(2)').getAttribute('value');
  await form.locator('select[name="villageCode"]').selectOption(village);
  const name = await form.locator('input[name="name"]').inputValue();
  check(name.endsWith('股份经济合作社'), `the account name follows the village (${name})`);
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('.credits-parties tbody tr', { timeout: 30_000 });
  await page.waitForFunction((n) => document.querySelector('.credits-parties')?.textContent.includes(n), name);
  const parties = await get(`/credits/parties?county=${county}&size=500`);
  check(parties.items.some((p) => p.name === name && p.villageCode === village && p.issued === '0.000'), `the account of ${name} is open`);
  const pools = await get('/credits/pools');
  const existing = pools.find((p) => p.countyCode === county);
  if (!existing) {
    const pool = page.locator('form[data-action="publish-pool"]');
    await pool.locator('input[name="priceYuanPerCredit"]').fill('66.50');
    await pool.locator('button[type="submit"]').click();
    await page.waitForSelector('.pool-published[data-price="66.50"]');
    const after = (await get('/credits/pools')).find((p) => p.countyCode === county);
    check(after?.priceYuanPerCredit === '66.50', `the pool price is published (${after?.priceYuanPerCredit})`);
  } else {
    check(await page.locator(`.pool-published[data-price="${existing.priceYuanPerCredit}"]`).count(), 'the published pool price is shown');
  }
  check((await page.locator('.admin-policies tbody tr').count()) >= 1, 'the policy versions are listed');
  await shot('81-credits-admin');
}

async function bidSteps({ page, go, check, shot, setStep, seller, buyer, account }) {
  setStep('credits market: the buyer bids (a lost answer, the retry reuses its key)');
  await go(`/market?party=${buyer}`);
  await page.waitForSelector('form[data-action="bid"]');
  const keys = [];
  let dropped = false;
  await page.route('**/api/v1/credits/bids', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    keys.push(request.headers()['idempotency-key']);
    if (dropped) return route.continue();
    dropped = true;
    await route.fetch(); // the server places the bid; its answer never reaches the page
    return route.abort('connectionreset');
  });
  const bid = page.locator('form[data-action="bid"]');
  await bid.locator('input[name="credits"]').fill('2.000');
  await bid.locator('input[name="priceYuanPerCredit"]').fill('68.00');
  await bid.locator('button[type="submit"]').click();
  await bid.locator('.form-alert:not([hidden])').waitFor();
  await bid.locator('button[type="submit"]').click();
  await page.waitForSelector('.market-bids tbody tr');
  await page.unroute('**/api/v1/credits/bids');
  check(keys.length === 2 && keys[0] && keys[0] === keys[1], `the retried click sent the same Idempotency-Key (${keys.join(', ')})`);
  const bids = (await account(buyer)).bids.filter((b) => b.open);
  check(bids.length === 1 && bids[0].remaining === '2.000', `exactly one bid of 2.000 exists (${bids.length})`);

  setStep('credits market: the seller accepts part of the bid');
  await go(`/market?party=${seller}`);
  await page.click(`[data-accept="${bids[0].id}"]`);
  const accept = page.locator('form[data-action="accept"]');
  await accept.locator('input[name="credits"]').fill('1.500');
  check((await accept.locator('.order-total').textContent()).includes('102.00'), 'the acceptance shows 102.00 元');
  await accept.locator('button[type="submit"]').click();
  await page.waitForFunction((id) => [...document.querySelectorAll('.market-bids tbody tr')].some((r) => r.querySelector(`[data-accept="${id}"]`) && r.textContent.includes('0.500')), bids[0].id);
  await shot('83-credits-market-bid-accepted');
}

async function narrow({ page, go, check, shot, setStep, buyer }) {
  setStep('credits market: 360 px and English');
  await page.setViewportSize({ width: 360, height: 780 });
  await go(`/market?party=${buyer}`);
  await page.waitForSelector('.market-chart[data-ready="true"]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `the market page fits 360 px (overflow ${overflow}px)`);
  await shot('86-credits-market-360');
  await go(`/credits/account/${buyer}`);
  await page.waitForSelector('.credits-account .account-balances');
  const overflowAccount = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflowAccount <= 1, `the account page fits 360 px (overflow ${overflowAccount}px)`);
  await shot('87-credits-account-360');
  await page.setViewportSize({ width: 1366, height: 860 });
  await go('/market');
  await page.waitForSelector('.market-listings');
  await page.click('button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForSelector('.market-listings');
  check((await page.textContent('h1')).includes('Eco-credit market'), 'the market page is in English');
  await shot('88-credits-market-en', false);
  await page.click('button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
}
