// DEV TOOL ONLY — the GEP part of the mock backend (docs/api/gep.md), for UI work without the
// Java app. Everything is deterministic: village values are seeded by code, indicator and year, and
// derived from the mock's (illustrative) village areas. Runs advance with the wall clock (queued
// 1 s, then ~6 s running) and store their year's results only when they succeed, like the real
// back end. Nothing here is used by the real browser test.

import { deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';

// id, zh, en, class, unit of the quantity, 元 per hm² per year (mean), 元 per unit of quantity
const INDICATORS = [
  ['agriculture', '农业产品', 'Agricultural products', 'provisioning', null, 9000, null],
  ['forestry', '林业产品', 'Forestry products', 'provisioning', null, 4200, null],
  ['livestock', '畜牧业产品', 'Livestock products', 'provisioning', null, 2600, null],
  ['fishery', '渔业产品', 'Fishery products', 'provisioning', null, 1300, null],
  ['water_supply', '水资源（供水）', 'Water supply', 'provisioning', 'm³', 2100, 1.8],
  ['hydropower', '水能（水电）', 'Hydropower', 'provisioning', 'kWh', 900, 0.42],
  ['water_conservation', '水源涵养', 'Water conservation', 'regulating', 'm³', 61000, 8.57],
  ['soil_retention', '土壤保持', 'Soil retention', 'regulating', 't', 7400, 35.6],
  ['flood_regulation', '洪水调蓄', 'Flood regulation', 'regulating', 'm³', 24000, 8.57],
  ['water_purification', '水环境净化', 'Water purification', 'regulating', 't', 1900, 2800],
  ['air_purification', '空气净化', 'Air purification', 'regulating', 't', 1100, 1260],
  ['carbon_sequestration', '固碳', 'Carbon sequestration', 'regulating', 't', 2700, 58.4],
  ['oxygen_release', '释氧', 'Oxygen release', 'regulating', 't', 5600, 1000],
  ['climate_regulation', '气候调节', 'Climate regulation', 'regulating', 'kWh', 118000, 0.62],
  ['recreation', '休闲旅游', 'Recreation', 'cultural', '人次', 21000, 180],
  ['landscape_value', '景观价值', 'Landscape value', 'cultural', null, 6500, null],
].map(([id, nameZh, nameEn, serviceClass, unit, ratePerHm2, price]) => ({ id, nameZh, nameEn, serviceClass, unit, ratePerHm2, price }));
const REGULATING = INDICATORS.filter((i) => i.serviceClass === 'regulating');

const CLASSES = [
  [1, '常绿阔叶林', 'Evergreen broadleaf forest', []],
  [2, '常绿针叶林', 'Evergreen needleleaf forest', []],
  [3, '针阔混交林', 'Mixed forest', ['0301']],
  [4, '竹林', 'Bamboo forest', ['0302']],
  [5, '灌木林', 'Shrubland', ['0305', '0307']],
  [6, '园地（果园、茶园）', 'Orchard / tea garden', ['0201', '0202', '0203', '0204']],
  [7, '草地', 'Grassland', ['0401', '0403', '0404']],
  [8, '水田', 'Paddy field', ['0101']],
  [9, '旱地', 'Dry farmland', ['0102', '0103', '1203']],
  [10, '沼泽 / 湿地', 'Marsh / wetland', ['0303', '0304', '0306', '0402', '1105', '1106', '1108']],
  [11, '河流 / 湖泊', 'River / lake', ['1101', '1102', '1107']],
  [12, '水库 / 坑塘', 'Reservoir / pond', ['1103', '1104']],
  [13, '建设用地', 'Built-up land', ['05', '06', '07', '08', '09', '10', '1109', '1201', '1202']],
  [14, '裸地', 'Bare land', ['1110', '1204', '1205', '1206', '1207']],
].map(([code, nameZh, nameEn, gbt21010]) => ({ code, nameZh, nameEn, gbt21010 }));
// Regulating value per hm² of each class relative to the indicator's mean (forest ≈ 1.3, built-up ≈ 0.05).
const CLASS_FACTOR = { 1: 1.35, 2: 1.25, 3: 1.3, 4: 1.2, 5: 0.95, 6: 0.7, 7: 0.6, 8: 0.55, 9: 0.4, 10: 1.1, 11: 0.9, 12: 1.0, 13: 0.05, 14: 0.1 };

const PARAMS = [{ id: 'quzhou-2025-v1', edition: 'LS-2026.1', placeholders: 41 }];
const INPUTS = [
  { name: 'quzhou-synth-2024', cellSizeM: 30, rows: 4212, cols: 4598, crs: 'EPSG:4549', files: ['landcover.tif', 'dem.tif', 'precipitation.tif', 'evapotranspiration.tif', 'npp.tif', 'soil_k.tif', 'erosivity.tif', 'tables/'], illustrative: true },
];
const YEARS_SEEDED = [2022, 2023, 2024];
const UNITS = { perKm2: '元/km²', total: '元', regulatingPerKm2: '元/km²', changePct: '%' };

function hash32(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
const unit01 = (text) => hash32(text) / 4294967296;
const sha = (text) => createHash('sha256').update(text).digest('hex');

/** 元 string with 2 decimals from integer fen. */
const yuan = (fen) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const pct = (now, before) => (before ? (((now - before) / before) * 100).toFixed(1) : null);

export function createGepMock({ DIV, send, problem, readJson }) {
  const villages = [...DIV.values()].filter((d) => d.level === 'village' && d.geometry);
  const results = new Map(); // year → Map(villageCode → {runId, fen: {indicator → fen}})
  const runs = [];
  const alerts = [];
  let nextRunId = 1;
  const T0 = '2026-03-01T02:00:00Z';

  /** Deterministic value of one village, indicator and year, in fen. */
  function valueFen(v, ind, year) {
    const hm2 = v.areaKm2 * 100;
    const base = 0.55 + unit01(`${v.code}|${ind.id}`) * 0.9;
    // Most villages gain 0–4 % a year; about one in twelve loses 20 % of its regulating services.
    let trend = 1;
    for (let y = 2022; y < year; y++) trend *= unit01(`${v.code}|drop|${y + 1}`) < 0.08 && ind.serviceClass === 'regulating' ? 0.8 : 1 + unit01(`${v.code}|${y}`) * 0.04;
    return Math.round(ind.ratePerHm2 * hm2 * base * trend * 100);
  }

  function store(year, runId, scope) {
    if (!results.has(year)) results.set(year, new Map());
    const byVillage = results.get(year);
    for (const v of villages) {
      if (!v.code.startsWith(scope === '3308' ? '' : scope)) continue;
      byVillage.set(v.code, { runId, fen: Object.fromEntries(INDICATORS.map((i) => [i.id, valueFen(v, i, year)])) });
    }
    evaluateAlerts(year);
  }

  function newRun(body, user, status = 'queued') {
    const run = { id: nextRunId++, status, year: body.year, params: body.params, inputs: body.inputs, scope: body.scope, stage: 'queued', done: 0, total: 0, percent: 0, createdBy: user, createdAt: new Date().toISOString(), startedAt: null, finishedAt: null, villages: 0, problems: [], totalYuan: null, t: Date.now() };
    runs.unshift(run);
    return run;
  }

  const STAGES = ['reading-inputs', 'validating', 'computing', 'zonal-totals', 'valuation', 'storing'];

  /** Moves runs forward by the clock: 1 s queued, ~6 s running through the stages. */
  function tick() {
    const now = Date.now();
    for (const run of runs) {
      if (run.status === 'cancelling' && now - run.cancelAt > 800) Object.assign(run, { status: 'cancelled', finishedAt: new Date().toISOString() });
      if (run.status === 'queued' && now - run.t > 1000) Object.assign(run, { status: 'running', startedAt: new Date().toISOString(), total: villagesIn(run.scope).length });
      if (run.status === 'running') {
        const f = Math.min(1, (now - run.t - 1000) / 6000);
        run.done = Math.floor(f * run.total);
        run.percent = Math.floor(f * 100);
        run.stage = STAGES[Math.min(STAGES.length - 1, Math.floor(f * STAGES.length))];
        if (f >= 1) {
          store(run.year, run.id, run.scope);
          const vs = villagesIn(run.scope).map((v) => results.get(run.year).get(v.code));
          Object.assign(run, { status: 'succeeded', stage: 'stored', percent: 100, done: run.total, villages: vs.length, totalYuan: yuan(total(vs)), finishedAt: new Date().toISOString() });
        }
      }
    }
  }

  const villagesIn = (code) => villages.filter((v) => code === '3308' || v.code.startsWith(code));
  const total = (rows) => rows.reduce((s, r) => s + Object.values(r.fen).reduce((a, b) => a + b, 0), 0);
  const regulating = (r) => REGULATING.reduce((s, i) => s + r.fen[i.id], 0);
  const inScope = (user, code) => user.scope === '3308' || code.startsWith(user.scope);
  const canWrite = (user, code) => user.roles.includes('CITY_ADMIN') || (user.roles.includes('COUNTY_OFFICER') && (code === undefined || code.startsWith(user.scope)));
  const yearsOf = (code) => [...results.keys()].filter((y) => villagesIn(code).some((v) => results.get(y).has(v.code))).sort();
  const areaHm2Of = (vs) => vs.reduce((s, v) => s + v.areaKm2 * 100, 0);

  function account(d, year) {
    const vs = villagesIn(d.code).filter((v) => results.get(year)?.has(v.code));
    const rows = vs.map((v) => results.get(year).get(v.code));
    const previousYear = yearsOf(d.code).filter((y) => y < year).pop() ?? null;
    const prevRows = previousYear ? vs.map((v) => results.get(previousYear).get(v.code)).filter(Boolean) : null;
    const hm2 = areaHm2Of(vs);
    const sumOf = (rs, id) => rs.reduce((s, r) => s + r.fen[id], 0);
    const totalFen = total(rows);
    const prevFen = prevRows ? total(prevRows) : null;
    const byClass = { provisioning: 0, regulating: 0, cultural: 0 };
    for (const i of INDICATORS) byClass[i.serviceClass] += sumOf(rows, i.id);
    const run = runs.find((r) => r.id === rows[0].runId);
    return {
      code: d.code,
      name: d.name,
      level: d.level,
      illustrative: true,
      year,
      previousYear,
      areaHm2: hm2.toFixed(2),
      totalYuan: yuan(totalFen),
      previousTotalYuan: prevFen === null ? null : yuan(prevFen),
      changePct: prevFen === null ? null : pct(totalFen, prevFen),
      perKm2Yuan: yuan(Math.round(totalFen / (hm2 / 100))),
      byClass: Object.fromEntries(Object.entries(byClass).map(([k, v]) => [k, yuan(v)])),
      indicators: INDICATORS.map((i) => {
        const fen = sumOf(rows, i.id);
        const before = prevRows ? sumOf(prevRows, i.id) : null;
        return { id: i.id, nameZh: i.nameZh, nameEn: i.nameEn, serviceClass: i.serviceClass, quantity: i.price ? (fen / 100 / i.price).toFixed(3) : null, unit: i.unit, valueYuan: yuan(fen), previousValueYuan: before === null ? null : yuan(before), changePct: before === null ? null : pct(fen, before) };
      }),
      run: { id: run.id, params: run.params, methodEdition: PARAMS[0].edition, finishedAt: run.finishedAt },
      villages: vs.length,
    };
  }

  function childrenOf(d, year) {
    const kids = d.level === 'city' ? d.children : d.children;
    const rows = kids
      .map((c) => {
        const vs = villagesIn(c.code).filter((v) => results.get(year)?.has(v.code));
        if (!vs.length) return null;
        const cur = vs.map((v) => results.get(year).get(v.code));
        const prevYear = yearsOf(c.code).filter((y) => y < year).pop();
        const prev = prevYear ? vs.map((v) => results.get(prevYear).get(v.code)).filter(Boolean) : null;
        const totalFen = total(cur);
        const km2 = areaHm2Of(vs) / 100;
        return { code: c.code, name: c.name, level: c.level, totalYuan: yuan(totalFen), perKm2Yuan: yuan(Math.round(totalFen / km2)), regulatingYuan: yuan(cur.reduce((s, r) => s + regulating(r), 0)), changePct: prev ? pct(totalFen, total(prev)) : null, _per: totalFen / km2 };
      })
      .filter(Boolean)
      .sort((a, b) => b._per - a._per);
    return rows.map(({ _per, ...r }, k) => ({ ...r, rank: k + 1 }));
  }

  const RULES = [
    { id: 1, countyCode: null, kind: 'yoy-drop', measure: 'regulatingPerHm2', thresholdPct: '10.0', percentile: null, severity: 'warning', enabled: true, version: 1, nameZh: '调节服务单位面积价值同比下降超过 10%', nameEn: 'Regulating value per hm² down more than 10 % year on year' },
    { id: 2, countyCode: null, kind: 'below-percentile', measure: 'totalPerHm2', thresholdPct: null, percentile: 5, severity: 'info', enabled: true, version: 1, nameZh: '单位面积 GEP 低于全市第 5 百分位', nameEn: 'GEP per hm² below the city’s 5th percentile' },
  ];

  function evaluateAlerts(year) {
    const prevYear = year - 1;
    if (!results.has(prevYear)) return;
    for (const v of villages) {
      const now = results.get(year).get(v.code);
      const before = results.get(prevYear).get(v.code);
      if (!now || !before) continue;
      const change = (regulating(now) - regulating(before)) / regulating(before);
      if (change > -0.1 || alerts.some((a) => a.villageCode === v.code && a.year === year)) continue;
      const hm2 = v.areaKm2 * 100;
      alerts.push({ id: alerts.length + 1, ruleId: 1, ruleNameZh: RULES[0].nameZh, ruleNameEn: RULES[0].nameEn, severity: change < -0.18 ? 'critical' : 'warning', villageCode: v.code, villageName: v.name, countyCode: v.code.slice(0, 6), year, measure: 'regulatingPerHm2', value: yuan(Math.round(regulating(now) / hm2)), reference: yuan(Math.round(regulating(before) / hm2)), changePct: (change * 100).toFixed(1), status: 'open', createdAt: T0, acknowledgedBy: null, acknowledgedAt: null, resolvedBy: null, resolvedAt: null, note: null });
    }
  }

  // ---- rasters: one PNG per (year, indicator) over the city's extent, transparent outside ----
  const city = DIV.get('3308');
  const extent = (() => {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const c of city.children) for (const poly of c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates) for (const [x, y] of poly[0]) (b[0] = Math.min(b[0], x)), (b[1] = Math.min(b[1], y)), (b[2] = Math.max(b[2], x)), (b[3] = Math.max(b[3], y));
    return b;
  })();
  const pngCache = new Map();

  let maskCache = null;
  /** 1 inside the city's counties, by scanline (even-odd over every county's outer rings). */
  function cityMask(W, H) {
    if (maskCache) return maskCache;
    const mask = new Uint8Array(W * H);
    const rings = city.children.flatMap((c) => (c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates).map((p) => p[0]));
    for (let j = 0; j < H; j++) {
      const y = extent[3] - ((j + 0.5) / H) * (extent[3] - extent[1]);
      for (const ring of rings) {
        const xs = [];
        for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
          const [x1, y1] = ring[b];
          const [x2, y2] = ring[a];
          if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
        }
        xs.sort((p, q) => p - q);
        for (let k = 0; k + 1 < xs.length; k += 2) {
          const i0 = Math.max(0, Math.ceil(((xs[k] - extent[0]) / (extent[2] - extent[0])) * W - 0.5));
          const i1 = Math.min(W - 1, Math.floor(((xs[k + 1] - extent[0]) / (extent[2] - extent[0])) * W - 0.5));
          for (let i = i0; i <= i1; i++) mask[j * W + i] = 1;
        }
      }
    }
    maskCache = mask;
    return mask;
  }

  function rasterPng(year, id) {
    const key = `${year}/${id}`;
    if (pngCache.has(key)) return pngCache.get(key);
    const W = 320;
    const H = Math.round((W * (extent[3] - extent[1])) / ((extent[2] - extent[0]) * Math.cos((29 * Math.PI) / 180)));
    const rows = [];
    const mask = cityMask(W, H);
    const phase = unit01(key) * 6;
    for (let j = 0; j < H; j++) {
      const row = Buffer.alloc(1 + W * 4);
      for (let i = 0; i < W; i++) {
        const x = extent[0] + ((i + 0.5) / W) * (extent[2] - extent[0]);
        const y = extent[3] - ((j + 0.5) / H) * (extent[3] - extent[1]);
        if (!mask[j * W + i]) continue;
        const v = 0.5 + 0.25 * Math.sin(x * 23 + phase) * Math.cos(y * 19 - phase) + 0.25 * Math.sin((x + y) * 61 + phase * 2);
        const [r, g, b] = ramp(Math.max(0, Math.min(1, v)));
        row.set([r, g, b, 255], 1 + i * 4);
      }
      rows.push(row);
    }
    const png = encodePng(W, H, Buffer.concat(rows));
    pngCache.set(key, png);
    return png;
  }

  function rastersOf(year) {
    const b = extent;
    return REGULATING.map((i) => {
      const perCell = (i.ratePerHm2 * 0.09) / (i.price || 1);
      return { indicator: i.id, nameZh: i.nameZh, nameEn: i.nameEn, unit: `${i.unit}/像元`, min: (perCell * 0.05).toFixed(3), max: (perCell * 1.4).toFixed(3), url: `/api/v1/gep/rasters/${year}/${i.id}.png`, bounds: [[b[0], b[3]], [b[2], b[3]], [b[2], b[1]], [b[0], b[1]]] };
    });
  }

  // ---- project impact ----
  function ringAreaHm2(ring) {
    let s = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
    return (Math.abs(s / 2) * 111.32 * 111.32 * Math.cos((ring[0][1] * Math.PI) / 180)) * 100;
  }

  function projectImpact(body) {
    const errors = [];
    const g = body?.footprint;
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : null;
    const valid = polys && polys.every((p) => Array.isArray(p?.[0]) && p[0].length >= 4 && p[0].every((c) => Array.isArray(c) && c.length === 2 && c.every(Number.isFinite)));
    if (!valid) errors.push({ field: 'footprint', code: 'invalid', messageZh: '请在地图上画出至少 3 个顶点的范围', messageEn: 'Draw an area with at least 3 vertices on the map' });
    const change = body?.change || {};
    const known = (c) => CLASSES.some((k) => k.code === Number(c));
    if (change.toClass === undefined && !change.mapping) errors.push({ field: 'change', code: 'required', messageZh: '请选择变更后的地类', messageEn: 'Choose the land-cover class after the change' });
    if (change.toClass !== undefined && !known(change.toClass)) errors.push({ field: 'change.toClass', code: 'unknown-class', messageZh: '未知的地类代码', messageEn: 'Unknown land-cover class' });
    if (change.mapping && Object.entries(change.mapping).some(([a, b]) => !known(a) || !known(b))) errors.push({ field: 'change.mapping', code: 'unknown-class', messageZh: '对照表含未知的地类代码', messageEn: 'The mapping has an unknown class' });
    if (body?.year !== undefined && body.year !== null && !results.has(Number(body.year))) errors.push({ field: 'year', code: 'no-inputs', messageZh: '该年份没有核算输入数据', messageEn: 'No inputs for that year' });
    if (errors.length) return { status: 400, code: 'validation.failed', zh: '请求内容有误。', en: 'The request is invalid.', errors };
    const hm2 = polys.reduce((s, p) => s + ringAreaHm2(p[0]) - p.slice(1).reduce((a, r) => a + ringAreaHm2(r), 0), 0);
    const inside = polys.every((p) => p[0].every(([x, y]) => x >= extent[0] && x <= extent[2] && y >= extent[1] && y <= extent[3]));
    if (!inside) return { status: 422, code: 'gep.project.outside-inputs', zh: '项目范围超出了核算输入数据的覆盖范围。', en: 'The footprint lies outside the extent of the input data.' };
    if (hm2 > 5000) return { status: 422, code: 'gep.project.too-large', zh: '项目范围过大（上限 5000 公顷）。', en: 'The footprint is too large (at most 5,000 hm²).' };
    const cells = Math.max(1, Math.round(hm2 / 0.09));
    const fp = sha(JSON.stringify(g));
    // Land cover before: a deterministic mix per footprint (forest-dominated, as in Quzhou's hills).
    const mix = [[1, 0.34], [4, 0.16], [6, 0.12], [8, 0.18], [9, 0.08], [12, 0.04], [13, 0.08]];
    const before = {};
    let left = cells;
    mix.forEach(([c, share], k) => {
      const n = k === mix.length - 1 ? left : Math.min(left, Math.round(cells * share * (0.8 + unit01(`${fp}|${c}`) * 0.4)));
      if (n > 0) before[c] = n;
      left -= n;
    });
    const after = {};
    for (const [c, n] of Object.entries(before)) {
      const to = change.toClass !== undefined ? Number(change.toClass) : Number(change.mapping[c] ?? c);
      after[to] = (after[to] || 0) + n;
    }
    const year = Number(body.year) || Math.max(...results.keys());
    const weighted = (classes) => Object.entries(classes).reduce((s, [c, n]) => s + CLASS_FACTOR[c] * n * 0.09, 0);
    const indicators = REGULATING.map((i) => {
      const vb = Math.round(i.ratePerHm2 * weighted(before) * 100);
      const va = Math.round(i.ratePerHm2 * weighted(after) * 100);
      const q = (fen) => (i.price ? (fen / 100 / i.price).toFixed(3) : null);
      return { id: i.id, nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit, quantityBefore: q(vb), quantityAfter: q(va), deltaQuantity: i.price ? ((va - vb) / 100 / i.price).toFixed(3) : null, valueBeforeYuan: yuan(vb), valueAfterYuan: yuan(va), deltaYuan: yuan(va - vb) };
    });
    const totalDelta = indicators.reduce((s, i) => s + Math.round(Number(i.deltaYuan) * 100), 0);
    return {
      body: {
        footprintAreaHm2: hm2.toFixed(4),
        cells,
        year,
        params: body.params || PARAMS[0].id,
        inputs: body.inputs || INPUTS[0].name,
        classesBefore: before,
        classesAfter: after,
        indicators,
        totalDeltaYuan: yuan(totalDelta),
        provenance: { methodEdition: PARAMS[0].edition, paramsId: body.params || PARAMS[0].id, inputsSha256: { 'landcover.tif': sha('landcover'), 'dem.tif': sha('dem'), 'precipitation.tif': sha('precipitation') }, footprintSha256: fp, changeSha256: sha(JSON.stringify(change)), computedAt: new Date().toISOString() },
      },
    };
  }

  function page(rows, url) {
    const p = Number(url.searchParams.get('page') || 0);
    const size = Math.min(100, Number(url.searchParams.get('size') || 20));
    return { items: rows.slice(p * size, (p + 1) * size), page: p, size, total: rows.length };
  }

  const publicRun = ({ t, cancelAt, ...r }) => r;
  const notFound = (res, code) => problem(res, 404, 'gep.division.not-found', `没有代码为 ${code} 的行政区划，或不在您的数据范围内。`, `No division ${code} in your data scope.`);
  const forbidden = (res) => problem(res, 403, 'gep.forbidden', '只有县级干部（本县）或市级管理员可以执行此操作。', 'Only county officers (own county) or the city administrator may do this.');

  // Seed: finished city-wide runs for three years.
  for (const year of YEARS_SEEDED) {
    const run = newRun({ year, params: PARAMS[0].id, inputs: INPUTS[0].name, scope: '3308' }, 'city-admin', 'succeeded');
    Object.assign(run, { stage: 'stored', done: villages.length, total: villages.length, percent: 100, createdAt: T0, startedAt: T0, finishedAt: T0 });
    store(year, run.id, '3308');
    run.villages = villages.length;
    run.totalYuan = yuan(total([...results.get(year).values()]));
  }

  /** Handles /gep/…; returns false for other paths. */
  return async function handle(req, res, url, path, user) {
    if (!path.startsWith('/gep/')) return false;
    tick();
    const q = (k) => url.searchParams.get(k);
    let m;
    if (path === '/gep/inputs') return send(res, 200, INPUTS), true;
    if (path === '/gep/params') return send(res, 200, PARAMS), true;
    if (path === '/gep/classes') return send(res, 200, CLASSES), true;
    if (path === '/gep/warning-rules') return send(res, 200, RULES), true;
    if (path === '/gep/runs' && req.method === 'POST') {
      const body = (await readJson(req)) || {};
      const scope = body.scope || user.scope;
      if (!canWrite(user, scope === '3308' ? undefined : scope) || (scope === '3308' && !user.roles.includes('CITY_ADMIN'))) return forbidden(res), true;
      const errors = [];
      if (!INPUTS.some((i) => i.name === body.inputs)) errors.push({ field: 'inputs', code: 'unknown', messageZh: '请选择一个输入数据集', messageEn: 'Choose an input set' });
      if (!Number.isInteger(body.year) || body.year < 2000 || body.year > 2100) errors.push({ field: 'year', code: 'range', messageZh: '年份应在 2000–2100 之间', messageEn: 'The year must be 2000–2100' });
      if (!PARAMS.some((p) => p.id === body.params)) errors.push({ field: 'params', code: 'unknown', messageZh: '请选择一个参数集', messageEn: 'Choose a parameter set' });
      if (!(scope === '3308' || (scope.length === 6 && DIV.has(scope)))) errors.push({ field: 'scope', code: 'level', messageZh: '核算范围须为县（市、区）或全市', messageEn: 'The scope must be a county or the city' });
      if (errors.length) return problem(res, 400, 'validation.failed', '请求内容有误。', 'The request is invalid.', { errors }), true;
      if (runs.some((r) => r.scope === scope && r.year === body.year && ['queued', 'running'].includes(r.status))) return problem(res, 409, 'gep.run.already-running', '同一范围和年份的核算正在进行中。', 'A run for this scope and year is already in progress.'), true;
      return send(res, 202, publicRun(newRun({ ...body, scope }, user.username))), true;
    }
    if (path === '/gep/runs') {
      const rows = runs.filter((r) => inScope(user, r.scope) || (r.scope === '3308' && user.roles.includes('CITY_ADMIN')) || r.scope.startsWith(user.scope) || user.scope.startsWith(r.scope === '3308' ? '33' : r.scope)).filter((r) => (!q('status') || r.status === q('status')) && (!q('year') || r.year === Number(q('year'))));
      return send(res, 200, page(rows.map(publicRun), url)), true;
    }
    if ((m = /^\/gep\/runs\/(\d+)(\/cancel)?$/.exec(path))) {
      const run = runs.find((r) => r.id === Number(m[1]));
      if (!run) return problem(res, 404, 'gep.run.not-found', '核算任务不存在。', 'No such run.'), true;
      if (m[2] && req.method === 'POST') {
        if (!canWrite(user, run.scope === '3308' ? undefined : run.scope)) return forbidden(res), true;
        if (!['queued', 'running'].includes(run.status)) return problem(res, 409, 'gep.run.not-cancellable', '该核算已结束，不能取消。', 'The run has finished and cannot be cancelled.'), true;
        Object.assign(run, { status: 'cancelling', cancelAt: Date.now() });
      }
      return send(res, 200, publicRun(run)), true;
    }
    if ((m = /^\/gep\/accounts\/(\d+)(\/years|\/children|\/export\.xlsx|\/report\.pdf)?$/.exec(path))) {
      const d = DIV.get(m[1]);
      if (!d || !inScope(user, d.code)) return notFound(res, m[1]), true;
      const years = yearsOf(d.code);
      if (m[2] === '/years') return send(res, 200, years.map((y) => ({ year: y, totalYuan: yuan(total(villagesIn(d.code).map((v) => results.get(y).get(v.code)).filter(Boolean))), runId: results.get(y).get(villagesIn(d.code)[0].code)?.runId ?? null }))), true;
      const year = q('year') ? Number(q('year')) : years[years.length - 1];
      if (!years.includes(year)) return problem(res, 404, 'gep.account.no-results', `${d.name}${q('year') ? ` ${year} 年` : ''}还没有 GEP 核算结果。`, `No GEP results for ${d.code}${q('year') ? ` in ${year}` : ''} yet.`), true;
      if (m[2] === '/children') return send(res, 200, childrenOf(d, year)), true;
      if (m[2] === '/export.xlsx' || m[2] === '/report.pdf') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="gep-${d.code}-${year}${m[2] === '/report.pdf' ? '.pdf' : '.xlsx'}.txt"` });
        return res.end(`mock ${m[2].slice(1)} of ${d.code} ${year} (the real app sends the file)\n`), true;
      }
      return send(res, 200, account(d, year)), true;
    }
    if (path === '/gep/choropleth') {
      const level = q('level');
      const parent = q('parent') || '';
      const measure = q('measure') || 'perKm2';
      const year = q('year') ? Number(q('year')) : Math.max(...results.keys());
      if (!['village', 'town', 'county'].includes(level) || !UNITS[measure]) return problem(res, 400, 'validation.failed', '请求内容有误。', 'The request is invalid.', { errors: [{ field: 'level', code: 'invalid', messageZh: '层级或指标无效', messageEn: 'Invalid level or measure' }] }), true;
      if (!results.has(year)) return problem(res, 404, 'gep.account.no-results', `${year} 年还没有 GEP 核算结果。`, `No GEP results for ${year}.`), true;
      const values = {};
      for (const d of DIV.values()) {
        if (d.level !== level || !d.code.startsWith(parent === '3308' ? '' : parent) || !inScope(user, d.code)) continue;
        const vs = villagesIn(d.code).filter((v) => results.get(year).has(v.code));
        if (!vs.length) continue;
        const cur = vs.map((v) => results.get(year).get(v.code));
        const km2 = areaHm2Of(vs) / 100;
        const prev = results.get(year - 1) ? vs.map((v) => results.get(year - 1).get(v.code)).filter(Boolean) : [];
        const v = measure === 'total' ? total(cur) / 100 : measure === 'perKm2' ? total(cur) / 100 / km2 : measure === 'regulatingPerKm2' ? cur.reduce((s, r) => s + regulating(r), 0) / 100 / km2 : prev.length ? ((total(cur) - total(prev)) / total(prev)) * 100 : null;
        if (v !== null) values[d.code] = v.toFixed(measure === 'changePct' ? 1 : 2);
      }
      const sorted = Object.values(values).map(Number).sort((a, b) => a - b);
      const breaks = sorted.length ? [0.2, 0.4, 0.6, 0.8, 1].map((f) => sorted[Math.min(sorted.length - 1, Math.ceil(f * sorted.length) - 1)].toFixed(2)) : [];
      return send(res, 200, { year, measure, unit: UNITS[measure], breaks, values }), true;
    }
    if ((m = /^\/gep\/rasters\/(\d{4})\/([a-z_]+)\.png$/.exec(path))) {
      if (!results.has(Number(m[1])) || !REGULATING.some((i) => i.id === m[2])) return problem(res, 404, 'gep.raster.not-found', '没有该栅格。', 'No such raster.'), true;
      res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'max-age=3600' });
      return res.end(rasterPng(m[1], m[2])), true;
    }
    if (path === '/gep/rasters') {
      const year = q('year') ? Number(q('year')) : Math.max(...results.keys());
      return send(res, 200, results.has(year) ? rastersOf(year) : []), true;
    }
    if (path === '/gep/alerts') {
      const rows = alerts.filter((a) => inScope(user, a.villageCode) && (!q('status') || a.status === q('status')) && (!q('county') || a.countyCode === q('county')) && (!q('year') || a.year === Number(q('year'))));
      return send(res, 200, page([...rows].sort((a, b) => b.year - a.year || a.id - b.id), url)), true;
    }
    if ((m = /^\/gep\/alerts\/(\d+)\/(acknowledge|resolve)$/.exec(path)) && req.method === 'POST') {
      const alert = alerts.find((a) => a.id === Number(m[1]));
      if (!alert || !inScope(user, alert.villageCode)) return problem(res, 404, 'gep.alert.not-found', '预警不存在。', 'No such alert.'), true;
      if (!canWrite(user, alert.countyCode)) return forbidden(res), true;
      const body = (await readJson(req)) || {};
      const note = String(body.note || '').trim();
      if (m[2] === 'resolve' && !note) return problem(res, 400, 'validation.failed', '请求内容有误。', 'The request is invalid.', { errors: [{ field: 'note', code: 'required', messageZh: '解除预警须填写处理说明', messageEn: 'A note is required to resolve an alert' }] }), true;
      const ok = m[2] === 'acknowledge' ? alert.status === 'open' : alert.status !== 'resolved';
      if (!ok) return problem(res, 409, 'gep.alert.bad-transition', '该预警当前状态不允许此操作。', 'The alert’s status does not allow this.'), true;
      const at = new Date().toISOString();
      if (m[2] === 'acknowledge') Object.assign(alert, { status: 'acknowledged', acknowledgedBy: user.username, acknowledgedAt: at, note: note || alert.note });
      else Object.assign(alert, { status: 'resolved', resolvedBy: user.username, resolvedAt: at, note });
      return send(res, 200, alert), true;
    }
    if (path === '/gep/project-impact' && req.method === 'POST') {
      const out = projectImpact(await readJson(req));
      if (out.status) return problem(res, out.status, out.code, out.zh, out.en, { errors: out.errors || [] }), true;
      return send(res, 200, out.body), true;
    }
    return problem(res, 404, 'not-found', '接口不存在。', 'No such endpoint.'), true;
  };
}

/** ColorBrewer YlGn (sequential) interpolated. */
function ramp(v) {
  const stops = [[255, 255, 204], [194, 230, 153], [120, 198, 121], [49, 163, 84], [0, 104, 55]];
  const f = v * (stops.length - 1);
  const k = Math.min(stops.length - 2, Math.floor(f));
  const r = f - k;
  return stops[k].map((c, i) => Math.round(c + (stops[k + 1][i] - c) * r));
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA PNG from filtered scanlines (filter byte 0 at the start of each row). */
function encodePng(w, h, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
