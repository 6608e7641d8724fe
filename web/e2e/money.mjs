// Browser test of the money views (收入与分配), run by smoke.mjs after the e-ledger flow when the JUnit
// BrowserSmokeTest has seeded money data for the second user's village (MoneyE2eSeed: lease, rent,
// option → equity, dividends, a posted run and one awaiting approval, a household user):
//
// the village accountant opens the village's 收入与分配 tab (income chart and table against the 300,000 元
// target, leases, runs), approves and posts the waiting run, opens a household's statement; the county
// officer sees the county's villages against the target and the cooperative's payables; the household
// user lands on its own statement (desktop and 360 px), downloads the PDF, and is refused another
// household's statement. Screenshots 40-… go to <screenshotDir>.
//
// The forms (money-forms.mjs, branch moneyforms): the county officer records a lease in the UI (checked as
// typed, schedule previewed to the fen), may not approve it; the cooperative operator approves it and the
// rent shows in the county's payables; a dividend is previewed, declared and paid by a second person; the
// city administrator sets the year's income target and the village's "below target" changes.

import { join } from 'node:path';
import { formsFlow } from './money-forms.mjs';

export async function moneyFlow({ page, shotDir, log, check, setStep, login, logout, first, second, household, village, forms }) {
  const shot = async (name, fullPage = false) => {
    const raw = await page.evaluate(() => (document.body.innerText.match(/\b(money|village|common)\.[a-zA-Z]+[.a-zA-Z-]*/g) || []).slice(0, 5));
    check(raw.length === 0, `no untranslated keys on screen (${raw.join(', ')})`);
    await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage });
    log(`screenshot ${name}.png`);
  };
  const go = (path) => page.evaluate((p) => window.__liangshanNavigate(p), path);
  const fetchStatus = (path) => page.evaluate((p) => fetch(p).then(async (r) => ({ status: r.status, head: (await r.text()).slice(0, 5) })), path);
  const cellText = (sel) => page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent.replace(/\s+/g, ' ').trim()), sel);

  setStep('money: village tab (accountant)');
  await logout();
  await login(second.username, second.password);
  await go(`/village/${village}?tab=income`);
  await page.waitForSelector('.money-income[data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('.money-income .money-chart[data-ready="true"]', { timeout: 30_000 });
  const y2026 = await cellText('.income-table tr[data-year="2026"] td');
  check(y2026[0].includes('80,000.00') && y2026[1].includes('68,400.00') && y2026[3].includes('148,400.00'), `2026 income: rent 80,000.00 + dividends 68,400.00 = 148,400.00 (got ${y2026.join(' | ')})`);
  check((await page.getAttribute('.income-table tr[data-year="2026"]', 'data-reached')) === 'false', '148,400 元 is below the 300,000 元 target');
  await page.waitForSelector('.lease-table tr[data-status="converted"]');
  await page.waitForSelector('.run-table tr[data-status="previewed"]');
  await shot('40-money-village');
  await page.locator('.money-runs').scrollIntoViewIfNeeded();
  await shot('41-money-village-runs');

  setStep('money: approve and post the waiting run');
  await page.click('.run-table tr[data-status="previewed"] .money-actions .btn-primary');
  await page.waitForSelector('.run-table tr[data-status="approved"]');
  await page.click('.run-table tr[data-status="approved"] .money-actions .btn-primary');
  await page.waitForFunction(() => document.querySelectorAll('.run-table tr[data-status="posted"]').length === 2, null, { timeout: 30_000 });
  await page.locator('.money-runs').scrollIntoViewIfNeeded();
  await shot('42-money-run-posted');

  setStep('money: a new preview; the preparer may not approve it; it is cancelled');
  await page.click('.money-run-form summary');
  await page.waitForSelector('.money-source-checks input[name=source]');
  await page.fill('.money-run-form [name=period]', '2026-12');
  await page.fill('.money-run-form [name=amountYuan]', '100.00');
  await page.fill('.money-run-form [name=retentionPct]', '10');
  await page.click('.money-run-form .money-source-checks input[name=source]');
  await shot('42b-money-run-form');
  await page.click('.money-run-form button[type=submit]');
  await page.waitForSelector('.run-table tr[data-status="previewed"]');
  const notice = await page.textContent('.money-runs .form-alert.info');
  check(notice.includes('10.00') && notice.includes('90.00'), `the preview keeps 10.00 and gives 90.00 to households (${notice})`);
  await page.click('.run-table tr[data-status="previewed"] .money-actions .btn-primary');
  await page.waitForSelector('.money-runs .form-alert.error:not([hidden])');
  const refused = await page.textContent('.money-runs .form-alert.error');
  check(refused.includes('另一人'), `the preparer may not approve its own run (${refused})`);
  await shot('42c-money-same-person');
  const fits = await page.evaluate(() => {
    const wrap = document.querySelector('.money-runs .table-wrap');
    const cancel = document.querySelector('.run-table tr[data-status="previewed"] .money-actions .btn:not(.btn-primary)').getBoundingClientRect();
    return { scroll: wrap.scrollWidth, client: wrap.clientWidth, right: cancel.right, edge: wrap.getBoundingClientRect().right };
  });
  check(fits.scroll <= fits.client && fits.right <= fits.edge, `the runs table needs no sideways scrolling to reach 取消 (${JSON.stringify(fits)})`);
  page.once('dialog', (d) => d.accept());
  await page.click('.run-table tr[data-status="previewed"] .money-actions .btn:not(.btn-primary)');
  await page.waitForSelector('.run-table tr[data-status="cancelled"]');
  await page.locator('.money-runs').scrollIntoViewIfNeeded();
  await shot('42d-money-run-cancelled');

  setStep('money: a household statement (accountant)');
  await page.click(`.money-households a[data-party="${household.partyId}"]`);
  await page.waitForSelector('.money-household .statement-table');
  const kinds = await cellText('.statement-table .money-parts li .money-source');
  check(kinds.includes('租金') && kinds.includes('分红'), `the statement traces rent and dividend parts (${kinds.join(', ')})`);
  await shot('43-money-household-accountant');

  setStep('money: county targets and payables');
  await logout();
  await login(first.username, first.password);
  await go(`/county/${village.slice(0, 6)}`);
  await page.waitForSelector('.money-rollup[data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('.money-payables[data-ready="true"]', { timeout: 60_000 });
  const row = await page.getAttribute(`.rollup-table tr[data-village="${village}"]`, 'data-reached');
  check(row === 'false', `the village is listed below the target (${row})`);
  const rent = await cellText('.payables-rent tbody tr');
  check(rent.some((r) => r.includes('已付')), `the rent row of the seeded lease is paid (${rent.slice(0, 3).join(' / ')})`);
  await page.locator('.money-rollup').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shot('44-money-county-targets');
  await page.locator('.money-payables').scrollIntoViewIfNeeded();
  await shot('45-money-county-payables');

  setStep('money: the household user sees its own statement');
  await logout();
  await login(household.username, household.password);
  await page.waitForURL(/\/household$/);
  await page.click('a[href="/household/statement"]');
  await page.waitForSelector('.money-household .stat-cards');
  check(new URL(page.url()).pathname === '/household/statement', `a household reaches its statement from its page (${page.url()})`);
  check((await page.getAttribute('.money-household', 'data-party')) === household.partyId, 'the statement is the household’s own');
  await shot('46-money-household');
  const pdf = await fetchStatus('/api/v1/distribution/my/statement.pdf');
  check(pdf.status === 200 && pdf.head === '%PDF-', `the statement PDF downloads (${pdf.status} ${pdf.head})`);
  const xlsx = await fetchStatus('/api/v1/distribution/my/statement.xlsx');
  check(xlsx.status === 200, `the statement XLSX downloads (${xlsx.status})`);
  const others = await page.evaluate((v) => fetch(`/api/v1/distribution/villages/${v}/income`).then((r) => r.status), village);
  check(others === 404, `a household may not read the village income (${others})`);
  await page.setViewportSize({ width: 360, height: 780 });
  await go('/household/statement');
  await page.waitForSelector('.money-household .statement-table');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 360, `no horizontal scrolling of the statement at 360 px (scrollWidth ${width})`);
  await shot('47-money-household-360');
  await page.screenshot({ path: join(shotDir, '48-money-household-360-full.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 860 });
  await logout();
  await login(first.username, first.password);
  if (forms?.openPackage) await formsFlow({ page, shotDir, log, check, setStep, login, logout, first, village, ...forms, shot, go, cellText });
  else log('no open package seeded: the money forms flow is skipped');
}
