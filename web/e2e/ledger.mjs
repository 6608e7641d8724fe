#!/usr/bin/env node
// Browser test of the village e-ledger (资源台账), run by smoke.mjs after sign-in, or on its own:
//
//   node e2e/ledger.mjs <baseUrl> <user> <password> <secondUser> <secondPassword> <village> <screenshotDir>
//
// The first user (a county officer) opens the village's 资源 tab, draws a resource on the map and
// saves it, sees it on the map and in the list; records parties and rights (by API), applies for a
// the second user (the village accountant) records a transfer in the UI with the rent preview and
// may not decide it; the first user approves the village and the town step; the new operating right shows in the rights tab
// with its history; a package with an unsecured resource lists its title problems, a package of
// the secured resource passes the title check; shares are quantified; the county page shows the
// roll-up and the resources map. Screenshots go to <screenshotDir>.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendRows, headers, readZip, sheetNames, writeZip } from './xlsx.mjs';

const run = `${Date.now() % 1_000_000}`;

export async function ledgerFlow({ page, base, shotDir, log, check, setStep, login, logout, first, second, village }) {
  const shot = async (name, fullPage = false) => {
    // Untranslated message keys show as themselves: none may be on screen.
    const raw = await page.evaluate(() => (document.body.innerText.match(/\b(ledger|village|common|gep)\.[a-zA-Z]+[.a-zA-Z-]*/g) || []).slice(0, 5));
    check(raw.length === 0, `no untranslated keys on screen (${raw.join(', ')})`);
    await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage });
    log(`screenshot ${name}.png`);
  };
  const go = (path) => page.evaluate((p) => window.__liangshanNavigate(p), path);
  const api = (method, path, body) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const token = decodeURIComponent((document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1] || '');
        const r = await fetch(`/api/v1${path}`, { method, headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token, Accept: 'application/json' }, body: body ? JSON.stringify(body) : undefined });
        const text = await r.text();
        return { status: r.status, body: text ? JSON.parse(text) : null };
      },
      { method, path, body },
    );
  const ok = async (method, path, body) => {
    const r = await api(method, path, body);
    check(r.status >= 200 && r.status < 300, `${method} ${path} answers ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body;
  };

  setStep('ledger: resources tab');
  await go(`/village/${village}?tab=resources`);
  await page.waitForSelector('.ledger-map .map-canvas[data-ready="true"]', { timeout: 90_000 });
  await page.waitForSelector('.ledger-list[data-ready="true"]');
  // A point well inside the village (widest scan-line crossing) to draw around.
  const inside = await page.evaluate(async (code) => {
    const d = await fetch(`/api/v1/divisions/${code}`).then((r) => r.json());
    const g = d.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    let best = null;
    for (const poly of polys) {
      const ys = poly[0].map((c) => c[1]);
      const lo = Math.min(...ys);
      const hi = Math.max(...ys);
      for (let k = 1; k < 20; k++) {
        const y = lo + ((hi - lo) * k) / 20 + 1e-9;
        const xs = [];
        for (const ring of poly) for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [x1, y1] = ring[j];
          const [x2, y2] = ring[i];
          if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
        }
        xs.sort((a, b) => a - b);
        for (let i = 0; i + 1 < xs.length; i += 2) if (!best || xs[i + 1] - xs[i] > best.w) best = { w: xs[i + 1] - xs[i], at: [(xs[i] + xs[i + 1]) / 2, y] };
      }
    }
    return [...best.at, best.w];
  }, village);
  const width = inside.pop();
  log(`drawing around ${inside.map((c) => c.toFixed(5)).join(', ')}`);

  setStep('ledger: create a resource in the UI');
  await page.click('[data-action=new-resource]');
  await page.waitForSelector('.resource-form');
  await page.click('.resource-form button[type=submit]');
  check((await page.textContent('.resource-form [data-field=name] .field-error')).includes('必填'), 'an empty name is refused next to the field, in Chinese');
  await page.fill('.resource-form [name=name]', `竹林示范片-${run}`);
  await page.selectOption('.resource-form [name=type]', 'forest');
  await page.selectOption('.resource-form [name=subtype]', 'bamboo');
  await page.selectOption('.resource-form [name=useStatus]', 'idle');
  await page.fill('.resource-form [name=condition]', '竹林长势一般，林道可通车');
  await page.check('.resource-form .check-grid input[value=under_forest]');
  await page.evaluate((c) => window.__liangshanMap.jumpTo({ center: c, zoom: 15 }), inside);
  await page.click('.resource-form [data-action=square]');
  await page.waitForFunction(() => /已确定|closed/i.test(document.querySelector('.resource-form .draw-status')?.textContent || ''));
  await shot('20-ledger-resource-form');
  await page.click('.resource-form button[type=submit]');
  await page.waitForSelector('.resource-details', { timeout: 30_000 });
  const resourceA = await page.getAttribute('.resource-details', 'data-id');
  check(resourceA, 'the saved resource opens its card');
  const areaText = await page.textContent('.resource-details');
  check(/亩/.test(areaText) && /m²/.test(areaText), `the resource card shows its area in m² and 亩 (${areaText.slice(0, 120)})`);
  await page.waitForSelector(`.resource-table tr[data-id="${resourceA}"]`);
  await page.waitForFunction((id) => window.__liangshanMap.querySourceFeatures('ledger').some((f) => String(f.properties.id) === id), resourceA);
  await page.waitForTimeout(300);
  await shot('21-ledger-resource-saved');

  setStep('ledger: a second resource and the map filter');
  // A point resource (idle farmhouse with a declared floor area), by API.
  const resourceB = (await ok('POST', `/eledger/villages/${village}/resources`, { name: `闲置农房-${run}`, type: 'house', subtype: 'idle_farmhouse', useStatus: 'idle', condition: '砖木结构', directions: ['homestay'], geometry: { type: 'Point', coordinates: [inside[0] + 0.0015, inside[1]] }, declaredAreaM2: '180.5' })).id;
  await go(`/village/${village}?tab=resources&type=house`);
  await page.waitForSelector('.ledger-list[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('.ledger-map')?.dataset.loaded === 'true');
  const filtered = await page.evaluate(() => ({ rows: [...document.querySelectorAll('.resource-table tbody tr')].map((r) => r.textContent), features: Number(document.querySelector('.ledger-map').dataset.features) }));
  check(filtered.rows.length >= 1 && filtered.rows.every((r) => r.includes('房')), `the type filter lists houses only (${filtered.rows.join(' | ')})`);
  check(filtered.features >= 1, 'the map shows the filtered resources');
  await go(`/village/${village}?tab=resources&res=${resourceA}`);
  await page.waitForSelector(`.resource-details[data-id="${resourceA}"]`);
  await page.waitForSelector('.ledger-map .map-canvas[data-ready="true"]');
  await page.waitForTimeout(500);
  await shot('22-ledger-map-selected');

  setStep('ledger: parties and rights');
  const collective = await ok('POST', `/eledger/villages/${village}/parties`, { kind: 'collective', name: `童村碓村股份经济合作社-${run}` });
  const household = await ok('POST', `/eledger/villages/${village}/parties`, { kind: 'household', name: `王建国户-${run}`, idNumber: '330802196505051234', members: [{ name: '王建国', relation: '户主' }, { name: '李秀英', relation: '配偶' }, { name: '王磊', relation: '子' }] });
  const household2 = await ok('POST', `/eledger/villages/${village}/parties`, { kind: 'household', name: `陈志强户-${run}`, members: [{ name: '陈志强', relation: '户主' }] });
  await ok('POST', `/eledger/villages/${village}/parties`, { kind: 'cooperative', name: `柯城区两山合作社-${run}` });
  check(/\*/.test(household.idNumber || '') && household.idNumber.endsWith('1234'), `the id number is masked but the last 4 (${household.idNumber})`);
  const source = (number) => ({ kind: 'certificate', number, issuer: '柯城区人民政府', issuedOn: '2019-06-30' });
  const own = {};
  for (const id of [resourceA, resourceB]) own[id] = await ok('POST', `/eledger/resources/${id}/rights`, { kind: 'ownership', validFrom: '2000-01-01', holders: [{ partyId: collective.id, numerator: 1, denominator: 1 }], source: source(`集所-${run}-${id.slice(0, 4)}`) });
  const contract = await ok('POST', `/eledger/resources/${resourceA}/rights`, { kind: 'contract', parentRightId: own[resourceA].rightId, validFrom: '2019-01-01', validTo: '2049-01-01', holders: [{ partyId: household2.id, numerator: 1, denominator: 1 }], source: source(`承包-${run}`) });
  // The contract was recorded with the wrong household: corrected from its start (a correction).
  await ok('POST', `/eledger/rights/${contract.rightId}/versions`, { effectiveFrom: '2019-01-01', holders: [{ partyId: household.id, numerator: 1, denominator: 1 }], source: source(`承包-${run}-更正`), note: '户名登记错误，更正' });

  setStep('ledger: rights tab with history');
  await go(`/village/${village}?tab=rights&res=${resourceA}`);
  await page.waitForSelector('.rights-list[data-ready="true"]');
  await page.waitForSelector(`.rights-table tr[data-right="${contract.rightId}"]`);
  check((await page.textContent(`.rights-table tr[data-right="${contract.rightId}"]`)).includes('王建国户'), 'the corrected holder shows as of today');
  await page.click(`.rights-table tr[data-right="${contract.rightId}"] [data-action=history]`);
  await page.waitForSelector('.right-history .timeline-version');
  const history = await page.evaluate(() => ({ versions: document.querySelectorAll('.timeline-version').length, corrections: document.querySelectorAll('.timeline-version.is-correction').length, superseded: document.querySelectorAll('.timeline-rows li.superseded').length }));
  check(history.versions === 2 && history.corrections === 1 && history.superseded >= 1, `the history shows the first record superseded and the correction (${JSON.stringify(history)})`);
  await page.waitForSelector('.parties-list[data-ready="true"]');
  await shot('23-ledger-rights-history');
  // As recorded before the correction (a record date in the past would predate everything here, so
  // the valid-date switch is checked instead: in 2018 no contract right existed yet).
  await page.fill('.ledger-filters [name=validAt]', '2018-06-30');
  await page.dispatchEvent('.ledger-filters [name=validAt]', 'change');
  await page.waitForFunction((id) => !document.querySelector(`.rights-table tr[data-right="${id}"]`), contract.rightId);

  setStep('ledger: the village accountant records a transfer in the UI');
  await logout();
  await login(second.username, second.password);
  await go(`/village/${village}?tab=transfers`);
  await page.waitForSelector('.transfer-list[data-ready="true"]');
  await page.click('[data-action=new-transfer]');
  await page.selectOption('.transfer-form [name=resourceId]', resourceA);
  await page.waitForFunction(() => document.querySelectorAll('.transfer-form [name=parentRightId] option').length > 1);
  await page.selectOption('.transfer-form [name=parentRightId]', contract.rightId);
  await page.selectOption('.transfer-form [name=transferorPartyId]', household.id);
  await page.selectOption('.transfer-form [name=transfereePartyId]', collective.id);
  await page.fill('.transfer-form [name=termFrom]', '2027-01-01');
  await page.fill('.transfer-form [name=termTo]', '2032-07-01');
  await page.fill('.transfer-form [name=annualRentYuan]', '1200.00');
  await page.fill('.transfer-form [name=escalationPct]', '5');
  await page.fill('.transfer-form [name=escalationEveryYears]', '2');
  await page.fill('.transfer-form [name=paymentDay]', '03-01');
  await page.fill('.transfer-form [name=contractNumber]', `LZ-${run}`);
  const preview = await page.evaluate(() => ({ rows: [...document.querySelectorAll('.schedule-preview tbody tr')].map((r) => r.textContent), total: document.querySelector('.schedule-preview .schedule-total')?.textContent }));
  // 1200, 1200, 1260, 1260, 1323, and 182 of 366 days (2032 is a leap year) of 1323 = 657.885 → 657.89: 6,900.89 元.
  check(preview.rows.length === 6 && preview.total === '6,900.89 元', `the rent preview has 6 years totalling 6,900.89 元 (${preview.total}; ${preview.rows.join(' | ')})`);
  await shot('24-ledger-transfer-form', true);
  await page.click('.transfer-form button[type=submit]');
  await page.waitForSelector('.transfer-detail .transfer-card');
  const transferId = await page.getAttribute('.transfer-detail .transfer-card', 'data-transfer');
  const serverTotal = await page.textContent('.transfer-detail .schedule-total');
  check(serverTotal === preview.total, `the server's schedule matches the preview (${serverTotal})`);
  await page.waitForSelector(`.task-card[data-transfer="${transferId}"]`);
  check((await page.locator(`.task-card[data-transfer="${transferId}"] .form-alert.warn`).count()) === 1, 'the applicant is told another person must decide');
  await page.click(`.task-card[data-transfer="${transferId}"] [data-action=approve]`);
  await page.waitForSelector(`.task-card[data-transfer="${transferId}"] .form-alert:not([hidden]):not(.warn)`);
  const own409 = await page.textContent(`.task-card[data-transfer="${transferId}"] .form-alert:not(.warn)`);
  check(/申请人|他人/.test(own409), `the applicant's own approval is refused in Chinese (${own409})`);
  await shot('25-ledger-transfer-submitted');

  setStep('ledger: the county officer approves the village and the town step');
  await logout();
  await login(first.username, first.password);
  await go(`/village/${village}?tab=transfers`);
  await page.waitForSelector(`.task-card[data-transfer="${transferId}"]`);
  check((await page.locator(`.task-card[data-transfer="${transferId}"] .form-alert.warn`).count()) === 0, 'another person may decide');
  await shot('26-ledger-approval-second-user');
  await page.fill(`.task-card[data-transfer="${transferId}"] [name=note]`, '材料齐全，同意');
  await page.click(`.task-card[data-transfer="${transferId}"] [data-action=approve]`);
  await page.waitForFunction((id) => /乡镇/.test(document.querySelector(`.task-card[data-transfer="${id}"] .task-head`)?.textContent || ''), transferId);
  setStep('ledger: town step and the registered operating right');
  await page.click(`.task-card[data-transfer="${transferId}"] [data-action=approve]`);
  await page.waitForSelector(`.transfer-table tr[data-transfer="${transferId}"][data-status="approved"]`);
  const approved = await ok('GET', `/eledger/transfers/${transferId}`);
  check(approved.transfer.status === 'approved' && approved.transfer.operatingRightId, 'the approval registered the operating right');
  await shot('27-ledger-transfer-approved');

  setStep('ledger: package with problems, then a clear one');
  await go(`/village/${village}?tab=packages`);
  await page.waitForSelector('.package-list[data-ready="true"]');
  await page.click('[data-action=new-package]');
  await page.fill('.package-form [name=name]', `农房资产包-${run}`);
  await page.fill('.package-form [name=termFrom]', '2027-01-01');
  await page.fill('.package-form [name=termTo]', '2030-01-01');
  await page.check(`.package-form input[value="${resourceB}"]`);
  await page.click('.package-form button[type=submit]');
  await page.waitForFunction((name) => document.querySelector('.package-view h4')?.textContent === name, `农房资产包-${run}`);
  await page.click('.package-view [data-action=title-check]');
  await page.waitForSelector('.title-problems[data-clear="false"] .problem-list li');
  const problems = await page.$$eval('.problem-list li', (els) => els.map((e) => `${e.dataset.code}: ${e.textContent}`));
  check(problems.some((p) => p.startsWith('eledger.title.operating-not-secured') && /经营权/.test(p)), `the title check lists the unsecured operating right (${problems.join(' | ')})`);
  await shot('28-ledger-package-problems');
  await page.click('[data-action=new-package]');
  await page.fill('.package-form [name=name]', `竹林资产包-${run}`);
  await page.fill('.package-form [name=termFrom]', '2027-01-01');
  await page.fill('.package-form [name=termTo]', '2030-01-01');
  await page.check(`.package-form input[value="${resourceA}"]`);
  check((await page.textContent('.builder-totals')).includes('林'), 'the builder totals the area by type');
  await page.click('.package-form button[type=submit]');
  await page.waitForFunction((name) => document.querySelector('.package-view h4')?.textContent === name, `竹林资产包-${run}`);
  await page.click('.package-view [data-action=title-check]');
  await page.waitForSelector('.title-problems[data-clear="true"]');
  await page.waitForSelector('.package-view[data-status="title_checked"]');
  await page.click('.package-view [data-action=offer]');
  await page.waitForSelector('.package-view[data-status="offered"]');
  await shot('29-ledger-package-clear');
  const pkgBook = readZip(await download(page, '.package-view a[href$="/export.xlsx"]', join(shotDir, 'package-export.xlsx')));
  check(['资产包', '资源', '按类型面积', '产权核查问题', '状态记录'].every((n) => sheetNames(pkgBook).includes(n)), `the package export has its five sheets (${sheetNames(pkgBook).join(', ')})`);

  setStep('ledger: share quantification');
  await page.locator('.share-form').scrollIntoViewIfNeeded();
  const areas = await page.$$('.share-form .holder-row');
  for (const [i, row] of areas.entries()) await (await row.$('[name=area]')).fill(String(1000 + 337 * i));
  await page.fill('.share-form [name=totalShares]', '997');
  await page.click('.share-form button[type=submit]');
  await page.waitForSelector('.share-result[data-ok]');
  check((await page.getAttribute('.share-result', 'data-ok')) === 'true', 'the shares add up exactly to 997');
  await shot('30-ledger-shares');

  const ctx = { page, shotDir, log, check, setStep, shot, go, ok, village, run, inside, width };
  await importExport(ctx);
  await filesAndRegistry(ctx, { resourceA, resourceB, own, household2 });
  await householdApplication(ctx, { login, logout, first, second, household, collective, resourceA, contract });
  await endEarly(ctx, { resourceA, contract, operatingRightId: approved.transfer.operatingRightId });

  setStep('ledger: resources tab at 360 px');
  await page.setViewportSize({ width: 360, height: 780 });
  await go(`/village/${village}?tab=resources`);
  await page.waitForSelector('.ledger-list[data-ready="true"]');
  await page.waitForSelector('.ledger-map .map-canvas[data-ready="true"]', { timeout: 90_000 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scrollWidth <= 360, `no horizontal scrolling of the resources tab at 360 px (scrollWidth ${scrollWidth})`);
  await page.locator('.ledger-filters').scrollIntoViewIfNeeded();
  await shot('31b-ledger-resources-360');
  await page.setViewportSize({ width: 1366, height: 860 });

  setStep('ledger: county page');
  const county = village.slice(0, 6);
  await go(`/county/${county}`);
  await page.waitForSelector('.ledger-rollup[data-ready="true"]', { timeout: 60_000 });
  const rollup = await page.evaluate(() => ({ count: document.querySelector('.ledger-rollup .ledger-count')?.textContent, types: [...document.querySelectorAll('.ledger-rollup .type-rows tr')].map((r) => r.textContent) }));
  check(Number(String(rollup.count).replace(/,/g, '')) >= 2, `the county roll-up counts the new resources (${rollup.count})`);
  await page.locator('.ledger-rollup').scrollIntoViewIfNeeded();
  await page.waitForSelector('.county-ledger-map .map-canvas[data-ready="true"]', { timeout: 90_000 });
  await page.waitForFunction(() => document.querySelector('.county-ledger-map')?.dataset.features !== undefined);
  const all = Number(await page.getAttribute('.county-ledger-map', 'data-features'));
  await page.selectOption('.ledger-rollup [name=type]', 'house');
  await page.waitForFunction((n) => Number(document.querySelector('.county-ledger-map').dataset.features) !== n, all);
  const houses = Number(await page.getAttribute('.county-ledger-map', 'data-features'));
  check(houses >= 4 && houses < all, `the county map filters by type (${all} → ${houses} houses)`);
  const offered = await page.evaluate((c) => fetch(`/api/v1/eledger/areas/${c}/resources.geojson?packageStatus=offered`, { headers: { Accept: 'application/geo+json' } }).then((r) => r.json()).then((fc) => fc.features.length), county);
  check(offered >= 1, `resources of offered packages exist in the county (${offered})`);
  await page.selectOption('.ledger-rollup [name=type]', '');
  await page.selectOption('.ledger-rollup [name=packageStatus]', 'offered');
  await page.waitForFunction((n) => Number(document.querySelector('.county-ledger-map').dataset.features) === n, offered);
  await page.waitForTimeout(400);
  await shot('32-county-ledger');
  const city = await ok('GET', '/eledger/rollups/3308');
  check(city.scopedTo === county && city.count === Number(String(rollup.count).replace(/,/g, '')), `the city roll-up answers the county officer's part (${city.scopedTo}, ${city.count})`);
  return { resourceA, resourceB, transferId };
}

/** Clicks a download link and returns the downloaded bytes (also saved to `saveAs`). */
async function download(page, selector, saveAs) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  await file.saveAs(saveAs);
  return readFileSync(saveAs);
}

/**
 * 导入导出 tab against the real back end: the resources template downloaded and filled like a user
 * would (three rows, the second with a bad type) → the dry run answers 422 and the report table names
 * that row and column; nothing was stored; the fixed file imports; the village export holds the rows.
 */
async function importExport({ page, shotDir, log, check, setStep, shot, go, ok, village, run, inside, width }) {
  setStep('ledger: template download and import report');
  await go(`/village/${village}?tab=io`);
  await page.waitForSelector('.template-links a');
  check((await page.locator('.template-links a').count()) === 4, 'four templates offered');
  await shot('31-ledger-io');
  const template = readZip(await download(page, '.template-links a[href$="/resources.xlsx"]', join(shotDir, 'template-resources.xlsx')));
  const head = headers(template, '资源');
  check(head.includes('名称') && head.includes('类型') && head.includes('几何') && sheetNames(template).includes('说明'), `the template has Chinese headers and 说明 (${head.join(', ')})`);
  const dx = Math.min(0.0012, width / 8);
  const row = (ref, name, type, sub, k) => {
    const cells = { 编号: ref, 名称: name, 类型: type, 子类型: sub, 利用状态: '闲置', 现状: '导入测试', 开发方向: '', 几何: `${(inside[0] - dx * k).toFixed(6)},${inside[1].toFixed(6)}`, 申报面积: '120' };
    return head.map((h) => cells[h.replace(/[（(].*$/, '').trim()] ?? '');
  };
  const fill = (bad) => writeZip(appendRows(readZip(readFileSync(join(shotDir, 'template-resources.xlsx'))), '资源', [row('R1', `导入农房甲-${run}`, '房', 'idle_farmhouse', 1), row('R2', `导入农房乙-${run}`, bad ? '飞船' : '房', 'idle_farmhouse', 2), row('R3', `导入农房丙-${run}`, 'house', 'rammed_earth_house', 3)]));
  const badFile = join(shotDir, 'import-bad.xlsx');
  const goodFile = join(shotDir, 'import-good.xlsx');
  (await import('node:fs')).writeFileSync(badFile, fill(true));
  (await import('node:fs')).writeFileSync(goodFile, fill(false));
  await page.selectOption('.import-form [name=kind]', 'resources');
  await page.setInputFiles('.import-form [name=file]', badFile);
  check(await page.isChecked('.import-form [name=dryRun]'), 'the dry run is on by default');
  await page.click('.import-form button[type=submit]');
  await page.waitForSelector('.import-result[data-state="error"] .import-problems tbody tr');
  const report = await page.$$eval('.import-problems tbody tr', (trs) => trs.map((tr) => ({ row: tr.dataset.row, column: tr.dataset.column, code: tr.dataset.code, text: tr.textContent })));
  check(report.length === 1 && report[0].row === '3' && report[0].column === '类型' && report[0].code === 'eledger.resource.bad-type' && report[0].text.includes('资源'), `the report names sheet 资源, row 3, column 类型 (${JSON.stringify(report)})`);
  await page.locator('.import-result').scrollIntoViewIfNeeded();
  await shot('33-ledger-import-report');
  const stored = await ok('GET', `/eledger/villages/${village}/resources?q=${encodeURIComponent(`导入农房甲-${run}`)}`);
  check(stored.total === 0, 'a file with a bad row stores nothing');
  setStep('ledger: a good file imports');
  await page.setInputFiles('.import-form [name=file]', goodFile);
  await page.uncheck('.import-form [name=dryRun]');
  await page.click('.import-form button[type=submit]');
  await page.waitForSelector('.import-result[data-state="ok"]');
  const done = await page.textContent('.import-result');
  check(/3/.test(done), `the good file imports its 3 rows (${done})`);
  await shot('34-ledger-import-done');
  const imported = await ok('GET', `/eledger/villages/${village}/resources?q=${encodeURIComponent(`导入农房`)}&size=50`);
  check(imported.items.filter((r) => r.name.endsWith(run)).length === 3, `the three imported resources are in the ledger (${imported.total})`);
  setStep('ledger: village export');
  const book = readZip(await download(page, '.export-links a[href$="/export.xlsx"]', join(shotDir, 'village-export.xlsx')));
  check(['资源', '权利人', '权利', '流转'].every((n) => sheetNames(book).includes(n)), `the village export has the four ledger sheets (${sheetNames(book).join(', ')})`);
  const exported = [...book.values()].map((b) => b.toString('utf8')).join('');
  check(exported.includes(`导入农房丙-${run}`), 'the export holds the imported resource');
  log('import/export checked');
}

/** A photo uploaded on the resource card and read back; the registry extract reconciled and its missing record imported. */
async function filesAndRegistry({ page, shotDir, log, check, setStep, shot, go, ok, village, run }, { resourceA, resourceB, own, household2 }) {
  setStep('ledger: photo upload and download');
  await go(`/village/${village}?tab=resources&res=${resourceA}`);
  await page.waitForSelector(`.resource-details[data-id="${resourceA}"]`);
  await page.waitForSelector('.resource-files .file-form');
  const photo = join(shotDir, '21-ledger-resource-saved.png');
  await page.selectOption('.file-form [name=kind]', 'photo');
  await page.fill('.file-form [name=title]', `竹林现状照片-${run}`);
  await page.setInputFiles('.file-form [name=file]', photo);
  await page.click('.file-form button[type=submit]');
  await page.waitForFunction((title) => [...document.querySelectorAll('.file-list a')].some((a) => a.textContent === title), `竹林现状照片-${run}`);
  const href = await page.$eval('.file-list a', (a) => a.getAttribute('href'));
  const back = await page.evaluate(async (u) => {
    const r = await fetch(u);
    const b = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, type: r.headers.get('Content-Type'), size: b.length, head: [...b.slice(1, 4)].map((c) => String.fromCharCode(c)).join('') };
  }, href);
  check(back.status === 200 && back.head === 'PNG' && back.size === readFileSync(photo).length, `the photo downloads unchanged (${JSON.stringify(back)})`);
  await page.locator('.resource-files').scrollIntoViewIfNeeded();
  await shot('35-ledger-photo');

  setStep('ledger: registry reconciliation and import of the missing record');
  const current = await ok('GET', `/eledger/resources/${resourceA}/rights`);
  const contractRow = current.rights.items.find((r) => r.kind === 'contract');
  const ownB = own[resourceB];
  const csv =
    '\uFEFF不动产单元号,权利类型,权利人,证件号,证书号,面积(㎡),登记日期\r\n' +
    `,集体土地所有权,${own[resourceA].holders[0].name},,${own[resourceA].source.number},,2000-01-01\r\n` +
    `,土地承包经营权,张三,,${contractRow.source.number},,2019-01-01\r\n` +
    `闲置农房-${run},宅基地使用权,${household2.name},,浙(2024)柯城不动产权第${run}号,180.5,2024-05-20\r\n`;
  const csvFile = join(shotDir, 'registry.csv');
  (await import('node:fs')).writeFileSync(csvFile, csv);
  await go(`/village/${village}?tab=io`);
  await page.setInputFiles('.recon-form [name=file]', csvFile);
  await page.click('.recon-form button[type=submit]');
  await page.waitForSelector('.recon-grid');
  const lists = await page.$$eval('.recon-list', (els) => Object.fromEntries(els.map((e) => [e.dataset.list, e.querySelectorAll('li').length])));
  check(lists.matched === 1 && lists.missingHere === 1 && lists.conflicts === 1 && lists.missingThere >= 1, `the four lists: 1 matched, 1 missing here, ≥1 missing there, 1 conflict (${JSON.stringify(lists)})`);
  check((await page.textContent('.recon-list[data-list=conflicts]')).includes('张三'), 'the holder conflict names the registry holder');
  await page.click('[data-action=registry-dry]');
  await page.waitForSelector('.recon-import-result[data-state="dry"]');
  await page.click('[data-action=registry-import]');
  await page.waitForSelector('.recon-import-result[data-state="imported"]');
  await page.locator('.recon-result').scrollIntoViewIfNeeded();
  await shot('36-ledger-registry');
  const homestead = await ok('GET', `/eledger/resources/${resourceB}/rights?kind=homestead_use`);
  check(homestead.rights.items.length === 1 && homestead.rights.items[0].parentRightId === ownB.rightId && homestead.rights.items[0].holders[0].name === household2.name, 'the missing registry record became a homestead right under the ownership');
  log('files and registry checked');
}

/**
 * A HOUSEHOLD user (created by the county officer through the users API, linked by the party's
 * number) signs in, changes the one-time password, sees its contract on its parcel, applies online
 * to transfer the operating right to the collective and follows it; the village accountant sees the
 * application among the approval tasks and approves the village step; the household sees that.
 */
async function householdApplication({ page, log, check, setStep, shot, go, ok, village, run }, { login, logout, first, second, household, collective, resourceA, contract }) {
  setStep('ledger: a household user');
  const username = `hh-${run}`;
  const initial = `Hh-${run}-initial-pw`;
  await ok('POST', '/users', { username, displayName: household.name, roles: ['HOUSEHOLD'], scope: village, password: initial, partyId: household.number });
  await logout();
  await page.fill('#username', username);
  await page.fill('#password', initial);
  await page.click('form.login-form button[type=submit]');
  await page.waitForURL(/\/password$/);
  const fresh = `Hh-${run}-fresh-pw-2`;
  await page.fill('#currentPassword', initial);
  await page.fill('#newPassword', fresh);
  await page.fill('#repeatPassword', fresh);
  await page.click('form.login-form button[type=submit]');
  await page.waitForURL(/\/household$/);
  await page.waitForSelector('.household-page[data-ready="true"]');
  const rows = await page.$$eval('.household-right', (els) => els.map((el) => ({ right: el.dataset.right, text: el.textContent })));
  check(rows.some((r) => r.right === contract.rightId && r.text.includes('竹林示范片') && /亩/.test(r.text)), `the household sees its contract on its parcel in 亩 (${rows.map((r) => r.text).join(' | ')})`);
  check((await page.locator('.tiers .tier').count()) === 1, 'a household sees only its own tier');
  await page.setViewportSize({ width: 360, height: 780 });
  await shot('37-household', true);
  setStep('ledger: the household applies online');
  await page.click(`.household-right[data-right="${contract.rightId}"] [data-action=apply]`);
  await page.waitForSelector('.household-application');
  await page.selectOption('.household-application [name=transfereePartyId]', collective.id);
  await page.fill('.household-application [name=termFrom]', '2033-01-01');
  await page.fill('.household-application [name=termTo]', '2038-01-01');
  await page.fill('.household-application [name=annualRentYuan]', '800.00');
  await page.dispatchEvent('.household-application [name=annualRentYuan]', 'input');
  check((await page.locator('.household-application .schedule-preview tbody tr').count()) === 5, 'the rent preview lists 5 years');
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scroll <= 360, `the household page fits 360 px (scrollWidth ${scroll})`);
  const amountShown = await page.$eval('.household-application .schedule-preview .schedule-total', (el) => el.getBoundingClientRect().right <= window.innerWidth);
  check(amountShown, 'the rent total is visible at 360 px without scrolling the table');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('38-household-application', true);
  await page.click('.household-application button[type=submit]');
  await page.waitForSelector('.household-transfer .transfer-card[data-status="pending"]');
  const transferId = await page.getAttribute('.household-transfer .transfer-card', 'data-transfer');
  check((await page.textContent('.household-transfer .approval-steps')).includes('待审核'), 'the application waits for the village');
  const mine = await ok('GET', `/eledger/transfers/${transferId}`);
  check(mine.transfer.channel === 'online' && mine.transfer.transfereePartyId === collective.id && mine.transfer.steps[0] === 'village', 'an online application to the collective, checked by the village first');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('39-household-applied', true);
  await page.setViewportSize({ width: 1366, height: 860 });

  setStep('ledger: the accountant sees the online application');
  await logout();
  await login(second.username, second.password);
  await go(`/village/${village}?tab=transfers`);
  await page.waitForSelector(`.task-card[data-transfer="${transferId}"]`);
  check((await page.locator(`.task-card[data-transfer="${transferId}"] .form-alert.warn`).count()) === 0, 'the accountant may decide the household application');
  await page.fill(`.task-card[data-transfer="${transferId}"] [name=note]`, '已核对承包合同');
  await page.click(`.task-card[data-transfer="${transferId}"] [data-action=approve]`);
  await page.waitForFunction((id) => /乡镇/.test(document.querySelector(`.task-card[data-transfer="${id}"] .task-head`)?.textContent || '') || !document.querySelector(`.task-card[data-transfer="${id}"]`), transferId);
  await shot('39b-ledger-household-approved-by-village');
  await logout();
  await login(username, fresh);
  await page.waitForSelector('.household-page[data-ready="true"]');
  const steps = await page.textContent('.household-transfer .approval-steps');
  check(steps.includes('已同意') && steps.includes('已核对承包合同'), `the household sees the village's approval (${steps})`);
  await logout();
  await login(first.username, first.password);
  log('household application checked');
}

/** Ending the contract early flags the operating right registered by the transfer; the flag is resolved with a note. */
async function endEarly({ page, log, check, setStep, shot, go, village }, { resourceA, contract, operatingRightId }) {
  setStep('ledger: end a contract early');
  await go(`/village/${village}?tab=rights&res=${resourceA}`);
  await page.waitForSelector(`.rights-table tr[data-right="${contract.rightId}"]`);
  await page.click(`.rights-table tr[data-right="${contract.rightId}"] [data-action=end]`);
  await page.waitForSelector('.end-form');
  await page.fill('.end-form [name=endOn]', '2030-01-01');
  await page.fill('.end-form [name=docNumber]', '解除-2029-01');
  await page.fill('.end-form [name=issuer]', '村股份经济合作社');
  await shot('39c-ledger-end-form');
  await page.click('.end-form button[type=submit]');
  await page.waitForSelector('.end-done');
  check((await page.textContent('.end-done')).includes('1'), 'one derived right is flagged');
  await page.waitForSelector(`.flags-box .flag-item[data-right="${operatingRightId}"]`);
  // the operating right runs from 2027: look at a date inside its term
  await page.fill('.ledger-filters [name=validAt]', '2028-06-01');
  await page.dispatchEvent('.ledger-filters [name=validAt]', 'change');
  await page.waitForSelector(`.rights-table tr[data-right="${operatingRightId}"][data-flagged="true"]`);
  await shot('39d-ledger-flags');
  await page.fill(`.flag-item[data-right="${operatingRightId}"] [name=note]`, '合作社经营至 2030 年底，已另签合同');
  await page.click(`.flag-item[data-right="${operatingRightId}"] [data-action=resolve-flag]`);
  await page.waitForFunction(() => !document.querySelector('.flags-box'));
  log('end early checked');
}

/** Signs in through the login form (the page must be at /signin or signed out). */
export async function signIn(page, base, username, password) {
  if (!new URL(page.url()).pathname.startsWith('/signin')) await page.goto(`${base}/signin`);
  await page.waitForSelector('form.login-form');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('form.login-form button[type=submit]');
  await page.waitForFunction(() => !location.pathname.startsWith('/signin'));
  await page.waitForSelector('h1');
}

/** Signs out through the user menu. */
export async function signOut(page) {
  await page.click('.user-button');
  await page.click('.user-panel button');
  await page.waitForSelector('form.login-form');
}

// Stand-alone: node e2e/ledger.mjs <baseUrl> <user> <password> <secondUser> <secondPassword> <village> <screenshotDir>
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const { mkdirSync } = await import('node:fs');
  const [baseArg, user, password, user2, password2, village, shotDir] = process.argv.slice(2);
  const base = baseArg.replace(/\/$/, '');
  mkdirSync(shotDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`));
  const t0 = Date.now();
  let step = 'start';
  const log = (m) => console.log(`[ledger ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const check = (c, m) => {
    if (!c) throw new Error(`check failed in step "${step}": ${m}`);
  };
  try {
    await page.goto(`${base}/signin`);
    await signIn(page, base, user, password);
    await ledgerFlow({ page, base, shotDir, log, check, setStep: (s) => (step = s), login: (u, p) => signIn(page, base, u, p), logout: () => signOut(page), first: { username: user, password }, second: { username: user2, password: password2 }, village });
    check(problems.length === 0, `browser problems:\n  ${problems.join('\n  ')}`);
    log('LEDGER OK');
  } catch (e) {
    console.error(`LEDGER FAILED in step "${step}": ${e.message}`);
    if (problems.length) console.error(problems.join('\n'));
    await page.screenshot({ path: `${shotDir}/failure-ledger.png`, fullPage: true }).catch(() => {});
    process.exitCode = 1;
  }
  await browser.close();
}
