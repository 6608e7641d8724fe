// Browser test of eco credits (生态积分), run by smoke.mjs: the public register without signing in
// (five lists, county filter, CSV link), then signed in the county's credits page (pool, obligations
// and eco gates, reserve library, listings), a development whose eco gate is blocked, its obligation
// met by buying a market listing (delivery versus payment and retirement in one step), the gate
// then passed, and the retirement in the public register. Needs credit data in the county (demo
// data, or what the JUnit BrowserSmokeTest seeds). Screenshots go to <shotDir>.

import { join } from 'node:path';

export async function creditsFlow({ page, shotDir, log, check, setStep, county }) {
  const shot = async (name, fullPage = false) => {
    const raw = await page.evaluate(() => (document.body.innerText.match(/\b(credits|registers)\.[a-zA-Z]+[.a-zA-Z-]*/g) || []).slice(0, 5));
    check(raw.length === 0, `no untranslated keys on screen (${raw.join(', ')})`);
    await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage });
    log(`screenshot ${name}.png`);
  };
  const go = (path) => page.evaluate((p) => window.__liangshanNavigate(p), path);
  const get = (path) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`, { headers: { Accept: 'application/json' } })).json(), path);

  setStep('credits: county page');
  await go(`/credits/${county}`);
  await page.waitForSelector('.credits-county .stat-cards');
  const blocked = await page.locator('.credits-developments [data-gate="blocked"]').count();
  check(blocked >= 1, 'the county lists a development whose eco gate is blocked');
  check((await page.locator('.credits-listings tbody tr').count()) >= 1, 'the county lists an open market listing');
  await shot('70-credits-county', true);

  setStep('credits: development page');
  await page.click('.credits-developments tbody tr:has([data-gate="blocked"]) th a');
  await page.waitForSelector('.credits-development[data-gate="blocked"]');
  const id = await page.evaluate(() => location.pathname.split('/').pop());
  const before = await get(`/credits/developments/${id}`);
  const owed = before.obligation.outstanding;
  check(Number(owed) > 0, `the obligation has credits outstanding (${owed})`);
  await shot('71-credits-development');

  setStep('credits: market purchase meets the obligation');
  const listings = await get(`/credits/listings?county=${county}&open=true`);
  const enough = listings.items.find((l) => Number(l.remaining) >= Number(owed));
  check(enough, `a listing holds at least the ${owed} credits owed`);
  const form = page.locator('form[data-action="market"]');
  await form.locator('select[name="listingId"]').selectOption(enough.id);
  await form.locator('input[name="credits"]').fill(owed);
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('.credits-development[data-gate="passed"]', { timeout: 30_000 });
  const after = await get(`/credits/developments/${id}`);
  check(after.gate === 'passed' && after.obligation.outstanding === '0.000', `the gate passed and nothing is owed (${after.gate}, ${after.obligation.outstanding})`);
  await shot('72-credits-gate-passed');

  setStep('credits: the retirement is public');
  await go(`/registers?tab=retirements&county=${county}`);
  await page.waitForSelector('.register-list[data-list="retirements"] tbody tr');
  const listed = await page.locator('.register-list[data-list="retirements"] tbody tr', { hasText: before.obligation.id }).count();
  check(listed >= 1, `the public register lists the retirement against ${before.obligation.id}`);
  await shot('73-credits-register', true);
  return { development: id, obligation: before.obligation.id };
}

/** The public register read without signing in: every list answers, the page shows rows and a CSV link. */
export async function publicRegister({ page, log, check, setStep, shotDir }) {
  setStep('credits: public register without login');
  await page.evaluate((p) => window.__liangshanNavigate(p), '/registers?tab=transfers');
  await page.waitForSelector('.register-list[data-list="transfers"][data-total]');
  for (const list of ['projects', 'issuances', 'transfers', 'retirements', 'obligations']) {
    const status = await page.evaluate(async (l) => (await fetch(`/api/v1/register/${l}`)).status, list);
    check(status === 200, `GET /api/v1/register/${list} without login answers 200 (${status})`);
  }
  const csv = await page.locator('a[href^="/api/v1/register/transfers.csv"]').count();
  check(csv === 1, 'the transfers list offers its CSV');
  const denied = await page.evaluate(async () => (await fetch('/api/v1/credits/pools')).status);
  check(denied === 401, `the credits API needs a login (${denied})`);
  await page.screenshot({ path: join(shotDir, '39-register-public.png') });
  log('screenshot 39-register-public.png');
  // Back to the sign-in form, where the signed-out part of the smoke test goes on.
  await page.evaluate((p) => window.__liangshanNavigate(p), '/signin');
  await page.waitForSelector('form.login-form');
}
