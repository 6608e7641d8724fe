#!/usr/bin/env node
// DEV TOOL ONLY — a stand-in for the Liangshan backend so the web UI can be developed and the
// smoke script exercised without the Java app. It is NOT used by the real browser test
// (BrowserSmokeTest runs against the real application).
//
// It serves the built UI (target/classes/static, run `npm run build` first) and the /api/v1
// endpoints of the UI contract (auth with CSRF and throttling, me, divisions list/detail/map) and
// the GEP endpoints of docs/api/gep.md (e2e/mock-gep.mjs).
// Divisions come from the reference files (divisions CSV + county GeoJSON); towns and villages get
// made-up square-cell polygons inside the real county outlines, all flagged illustrative.
//
//   node e2e/mock-server.mjs [--port 5178] [--data /path/to/reference-data]
//
// Demo users are printed at start (role<TAB>username<TAB>password).

import http from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createGepMock } from './mock-gep.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const PORT = Number(args.port || 5178);
const DATA = args.data || process.env.LIANGSHAN_REFERENCE_DATA || new URL('../../app/src/main/resources/divisions/', import.meta.url).pathname;
const STATIC = new URL('../target/classes/static/', import.meta.url).pathname;

const USERS = [
  { id: 1, username: 'city-admin', password: 'mock-city-pass', displayName: '市级管理员（演示）', roles: ['CITY_ADMIN'], scope: '3308' },
  { id: 2, username: 'kecheng-officer', password: 'mock-county-pass', displayName: '柯城区干部（演示）', roles: ['COUNTY_OFFICER'], scope: '330802' },
  { id: 3, username: 'village-accountant', password: 'mock-village-pass', displayName: '村会计（演示）', roles: ['VILLAGE_ACCOUNTANT'], scope: null },
];
const ROLE_NAMES = { CITY_ADMIN: ['市级管理员', 'City administrator'], COUNTY_OFFICER: ['县级干部', 'County officer'], VILLAGE_ACCOUNTANT: ['村会计', 'Village accountant'] };

// ---- divisions ----------------------------------------------------------------------------------

function seeded(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0) / 4294967296);
}

function inRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inGeometry(x, y, g) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((p) => inRing(x, y, p[0]) && !p.slice(1).some((h) => inRing(x, y, h)));
}

function bbox(g) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polys) for (const [x, y] of p[0]) (b[0] = Math.min(b[0], x)), (b[1] = Math.min(b[1], y)), (b[2] = Math.max(b[2], x)), (b[3] = Math.max(b[3], y));
  return b;
}

/** Approximate area in km² of a lon/lat polygon set (equirectangular at the local latitude). */
function areaKm2(g) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  for (const p of polys) {
    p.forEach((ring, k) => {
      let s = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
      const lat = ring[0][1];
      const km2 = Math.abs(s / 2) * 111.32 * 111.32 * Math.cos((lat * Math.PI) / 180);
      a += k === 0 ? km2 : -km2;
    });
  }
  return Math.round(a * 100) / 100;
}

/** Outline of a set of grid cells (union), as a MultiPolygon of closed rings. */
function cellsOutline(cells, d, x0, y0) {
  const key = (i, j) => `${i},${j}`;
  const edges = new Map(); // start → end, directed counter-clockwise per cell
  const add = (a, b) => {
    const back = `${b}>${a}`;
    if (edges.has(back)) edges.delete(back);
    else edges.set(`${a}>${b}`, [a, b]);
  };
  for (const [i, j] of cells) {
    add(key(i, j), key(i + 1, j));
    add(key(i + 1, j), key(i + 1, j + 1));
    add(key(i + 1, j + 1), key(i, j + 1));
    add(key(i, j + 1), key(i, j));
  }
  const next = new Map();
  for (const [a, b] of edges.values()) (next.get(a) || next.set(a, []).get(a)).push(b);
  const rings = [];
  while (next.size) {
    const start = next.keys().next().value;
    const ring = [start];
    let at = start;
    for (;;) {
      const outs = next.get(at);
      const to = outs.pop();
      if (!outs.length) next.delete(at);
      at = to;
      ring.push(at);
      if (at === start) break;
    }
    rings.push(ring.map((k) => k.split(',').map(Number)).map(([i, j]) => [round(x0 + i * d), round(y0 + j * d)]));
  }
  return { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) };
}

const round = (v) => Math.round(v * 1e6) / 1e6;

function loadDivisions() {
  const rows = readFileSync(join(DATA, 'quzhou-divisions-2023.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  const geo = JSON.parse(readFileSync(join(DATA, 'quzhou-counties.geojson'), 'utf8'));
  const all = new Map();
  for (const [code, name, level, parent] of rows) all.set(code, { code, name, level, parentCode: parent === '33' ? null : parent, children: [] });
  for (const d of all.values()) if (d.parentCode && all.has(d.parentCode)) all.get(d.parentCode).children.push(d);
  for (const d of all.values()) {
    d.kind = d.level === 'village' ? (/(社区|居委会)$/.test(d.name) ? 'community' : 'village') : d.level === 'town' ? (d.name.endsWith('街道') ? 'street' : d.name.endsWith('乡') ? 'township' : 'town') : d.level;
  }
  for (const f of geo.features) {
    const county = all.get(String(f.properties.code));
    county.geometry = f.geometry;
    county.illustrative = false;
    const villages = county.children.flatMap((t) => t.children);
    const b = bbox(f.geometry);
    const rnd = seeded(Number(county.code));
    // Grid cells inside the county, about one per village, walked in snake order and cut into
    // consecutive runs per town so that every town is one compact-ish blob.
    let d = Math.sqrt(((b[2] - b[0]) * (b[3] - b[1]) * 0.55) / villages.length);
    let cells;
    for (;;) {
      cells = [];
      const nx = Math.ceil((b[2] - b[0]) / d);
      const ny = Math.ceil((b[3] - b[1]) / d);
      for (let j = 0; j < ny; j++) {
        const row = [];
        for (let i = 0; i < nx; i++) if (inGeometry(b[0] + (i + 0.5) * d, b[1] + (j + 0.5) * d, f.geometry)) row.push([i, j]);
        cells.push(...(Math.floor(j / 3) % 2 ? row.reverse() : row));
      }
      if (cells.length >= villages.length) break;
      d *= 0.93;
    }
    // Band-snake order: sort by 3-row bands, alternating direction, for contiguous runs.
    cells.sort((p, q) => Math.floor(p[1] / 3) - Math.floor(q[1] / 3) || (Math.floor(p[1] / 3) % 2 ? q[0] - p[0] : p[0] - q[0]) || p[1] - q[1]);
    const spare = cells.length - villages.length;
    let at = 0;
    for (const town of county.children) {
      const extra = Math.round((spare * town.children.length) / villages.length);
      const own = cells.slice(at, at + town.children.length + extra);
      at += own.length;
      town.geometry = cellsOutline(own, d, b[0], b[1]);
      town.illustrative = true;
      town.children.forEach((v, k) => {
        const [i, j] = own[k] || own[own.length - 1];
        const m = d * (0.04 + rnd() * 0.04);
        const x1 = b[0] + i * d + m;
        const y1 = b[1] + j * d + m;
        const s = d - 2 * m;
        v.geometry = { type: 'Polygon', coordinates: [[[x1, y1], [x1 + s, y1], [x1 + s, y1 + s], [x1, y1 + s], [x1, y1]].map(([x, y]) => [round(x), round(y)])] };
        v.illustrative = true;
      });
    }
  }
  for (const d of all.values()) {
    if (d.geometry) d.areaKm2 = areaKm2(d.geometry);
  }
  const city = all.get('3308');
  city.areaKm2 = Math.round(city.children.reduce((s, c) => s + c.areaKm2, 0) * 100) / 100;
  city.illustrative = false;
  return all;
}

const DIV = loadDivisions();
const gep = createGepMock({ DIV, send, problem, readJson });
USERS[2].scope = DIV.get('330802').children.find((t) => t.kind !== 'street').children.find((v) => v.kind === 'village').code;

function chainOf(d) {
  const chain = [];
  for (let p = d; p; p = p.parentCode ? DIV.get(p.parentCode) : null) chain.unshift({ code: p.code, name: p.name, level: p.level });
  return chain;
}

function counts(d) {
  const villages = d.level === 'village' ? [] : d.level === 'town' ? d.children : d.level === 'county' ? d.children.flatMap((t) => t.children) : d.children.flatMap((c) => c.children.flatMap((t) => t.children));
  return {
    towns: d.level === 'county' ? d.children.length : d.level === 'city' ? d.children.reduce((s, c) => s + c.children.length, 0) : 0,
    villages: villages.filter((v) => v.kind === 'village').length,
    communities: villages.filter((v) => v.kind === 'community').length,
  };
}

function summary(d) {
  return { code: d.code, name: d.name, level: d.level, parentCode: d.parentCode, kind: d.kind, areaKm2: d.areaKm2 ?? null, areaHm2: d.areaKm2 == null ? null : Math.round(d.areaKm2 * 10000) / 100, illustrative: Boolean(d.illustrative) };
}

function detail(d) {
  const b = d.geometry ? bbox(d.geometry) : null;
  return {
    ...summary(d),
    chain: chainOf(d),
    boundarySource: d.illustrative ? 'generated' : 'imported',
    counts: counts(d),
    children: d.children.map((c) => ({ code: c.code, name: c.name, level: c.level, kind: c.kind, areaKm2: c.areaKm2 ?? null })),
    centroid: b ? [round((b[0] + b[2]) / 2), round((b[1] + b[3]) / 2)] : null,
    bbox: b,
    geometry: d.geometry || null,
  };
}

function feature(d) {
  return {
    type: 'Feature',
    id: d.code,
    properties: { code: d.code, name: d.name, level: d.level, kind: d.kind, parentCode: d.parentCode, townCode: d.level === 'village' ? d.code.slice(0, 9) : null, countyCode: d.code.length >= 6 ? d.code.slice(0, 6) : null, illustrative: Boolean(d.illustrative) },
    geometry: d.geometry,
  };
}

// ---- HTTP ---------------------------------------------------------------------------------------

const sessions = new Map(); // id → user
const failures = new Map(); // username → [timestamps]

function problem(res, status, code, zh, en, extra = {}) {
  const body = { type: `https://liangshan.example/problems/${code}`, title: en, status, detail: en, code, messageZh: zh, messageEn: en, requestId: randomBytes(6).toString('hex'), errors: [], ...extra };
  send(res, status, body, 'application/problem+json');
}

function send(res, status, body, type = 'application/json') {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(text);
}

function cookies(req) {
  return Object.fromEntries((req.headers.cookie || '').split(';').filter(Boolean).map((c) => c.trim().split('=').map(decodeURIComponent)));
}

function readJson(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(data || '{}'));
      } catch {
        resolve(null);
      }
    });
  });
}

function me(user) {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, roleNames: user.roles.map((r) => ({ zh: ROLE_NAMES[r][0], en: ROLE_NAMES[r][1] })), scope: { code: user.scope, level: { 4: 'city', 6: 'county', 9: 'town', 12: 'village' }[user.scope.length] }, mustChangePassword: false };
}

async function api(req, res, url) {
  const jar = cookies(req);
  const user = sessions.get(jar.MOCKSESSION);
  const path = url.pathname.slice('/api/v1'.length);
  const unsafe = !['GET', 'HEAD'].includes(req.method);
  if (unsafe && (!jar['XSRF-TOKEN'] || req.headers['x-xsrf-token'] !== jar['XSRF-TOKEN'])) {
    return problem(res, 403, 'auth.csrf', '请求已失效，请刷新页面后重试。', 'The request token is invalid; reload the page and try again.');
  }
  if (path === '/auth/csrf') {
    const token = jar['XSRF-TOKEN'] || randomBytes(16).toString('hex');
    res.setHeader('Set-Cookie', `XSRF-TOKEN=${token}; Path=/; SameSite=Lax`);
    return send(res, 200, { headerName: 'X-XSRF-TOKEN', token });
  }
  if (path === '/auth/login' && req.method === 'POST') {
    const body = await readJson(req);
    const errors = [];
    if (!body?.username) errors.push({ field: 'username', code: 'required', messageZh: '请输入用户名', messageEn: 'Username is required' });
    if (!body?.password) errors.push({ field: 'password', code: 'required', messageZh: '请输入密码', messageEn: 'Password is required' });
    if (errors.length) return problem(res, 400, 'validation.failed', '请求内容有误。', 'The request is invalid.', { errors });
    const now = Date.now();
    const recent = (failures.get(body.username) || []).filter((t) => now - t < 5 * 60_000);
    if (recent.length >= 5) {
      res.setHeader('Retry-After', '300');
      return problem(res, 429, 'auth.throttled', '登录失败次数过多，请 5 分钟后再试。', 'Too many failed sign-ins; try again in 5 minutes.');
    }
    const found = USERS.find((u) => u.username === body.username && u.password === body.password);
    if (!found) {
      failures.set(body.username, [...recent, now]);
      return problem(res, 401, 'auth.bad-credentials', '用户名或密码不正确。', 'Wrong username or password.');
    }
    failures.delete(body.username);
    const sid = randomBytes(16).toString('hex');
    sessions.set(sid, found);
    // Like Spring Security: a new session and the CSRF token is rotated at login.
    res.setHeader('Set-Cookie', [`MOCKSESSION=${sid}; Path=/; HttpOnly; SameSite=Lax`, 'XSRF-TOKEN=; Path=/; Max-Age=0']);
    return send(res, 200, me(found));
  }
  if (path === '/auth/logout' && req.method === 'POST') {
    sessions.delete(jar.MOCKSESSION);
    res.setHeader('Set-Cookie', ['MOCKSESSION=; Path=/; Max-Age=0', 'XSRF-TOKEN=; Path=/; Max-Age=0']);
    res.writeHead(204);
    return res.end();
  }
  if (!user) return problem(res, 401, 'auth.required', '请先登录。', 'Please sign in.');
  if (path === '/me') return send(res, 200, me(user));
  if (await gep(req, res, url, path, user)) return;
  if (path === '/divisions/map') {
    const level = url.searchParams.get('level');
    const parent = url.searchParams.get('parent');
    if (!['county', 'town', 'village'].includes(level)) return problem(res, 400, 'divisions.level', '层级参数无效。', 'Invalid level.', { errors: [{ field: 'level', code: 'invalid', messageZh: '层级应为 county、town 或 village', messageEn: 'level must be county, town or village' }] });
    const features = [...DIV.values()].filter((d) => d.level === level && d.geometry && (!parent || d.code.startsWith(parent))).map(feature);
    return send(res, 200, { type: 'FeatureCollection', features }, 'application/geo+json');
  }
  if (path === '/divisions') {
    const level = url.searchParams.get('level');
    const parent = url.searchParams.get('parent');
    const q = url.searchParams.get('q');
    const page = Number(url.searchParams.get('page') || 0);
    const size = Math.min(200, Number(url.searchParams.get('size') || 50));
    const scope = user.scope;
    const all = [...DIV.values()].filter((d) => (!level || d.level === level) && (!parent || d.parentCode === parent) && (!q || d.name.includes(q) || d.code.startsWith(q)) && (d.code.startsWith(scope) || scope.startsWith(d.code)));
    return send(res, 200, { items: all.slice(page * size, (page + 1) * size).map(summary), page, size, total: all.length });
  }
  const m = /^\/divisions\/(\d+)$/.exec(path);
  if (m) {
    const d = DIV.get(m[1]);
    if (!d) return problem(res, 404, 'divisions.not-found', `没有代码为 ${m[1]} 的行政区划。`, `No division with code ${m[1]}.`);
    return send(res, 200, detail(d));
  }
  return problem(res, 404, 'not-found', '接口不存在。', 'No such endpoint.');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.map': 'application/json' };

function serveStatic(req, res, url) {
  let file = normalize(join(STATIC, decodeURIComponent(url.pathname)));
  if (!file.startsWith(STATIC) || !existsSync(file) || statSync(file).isDirectory()) file = join(STATIC, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    return res.end('UI not built: run `npm run build` in web/ first.');
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
  res.end(readFileSync(file));
}

http
  .createServer((req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/v1/')) api(req, res, url).catch((e) => problem(res, 500, 'internal', '服务器内部错误。', String(e)));
    else serveStatic(req, res, url);
  })
  .listen(PORT, '127.0.0.1', () => {
    console.log(`mock backend (dev tool) on http://127.0.0.1:${PORT} — ${DIV.size} divisions`);
    for (const u of USERS) console.log(`${u.username}\t${u.password}\t${u.roles[0]}\t${u.scope}`);
  });
