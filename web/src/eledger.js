// Village e-ledger (资源台账) client side: the /api/v1/eledger endpoints of docs/api/eledger.md and
// the pure helpers its views share (names from the catalogue, type colours, areas in 亩, the rent
// schedule preview, bitemporal timeline layout, share sums). Pure helpers are unit tested.

import { t, getLang } from './i18n.js';
import { api, ApiError } from './api.js';
import { formatNumber, toFen } from './format.js';

const enc = encodeURIComponent;
const BASE = '/api/v1/eledger';

let catalogPromise = null;

export const ledgerApi = {
  /** The fixed vocabularies; cached for the page's lifetime. */
  catalog() {
    if (!catalogPromise) {
      catalogPromise = api.get('/eledger/catalog');
      catalogPromise.catch(() => (catalogPromise = null));
    }
    return catalogPromise;
  },
  resources: (village, params, options) => api.get(`/eledger/villages/${enc(village)}/resources`, params, options),
  resourcesGeojson: (village, params, options) => api.get(`/eledger/villages/${enc(village)}/resources.geojson`, params, { accept: 'application/geo+json, application/json, application/problem+json', ...options }),
  resource: (id, options) => api.get(`/eledger/resources/${enc(id)}`, null, options),
  createResource: (village, body) => api.post(`/eledger/villages/${enc(village)}/resources`, body),
  updateResource: (id, body) => api.put(`/eledger/resources/${enc(id)}`, body),
  retireResource: (id, version) => api.delete(`/eledger/resources/${enc(id)}?version=${enc(version)}`),
  rollup: (code, options) => api.get(`/eledger/rollups/${enc(code)}`, null, options),
  parties: (village, params, options) => api.get(`/eledger/villages/${enc(village)}/parties`, params, options),
  party: (id) => api.get(`/eledger/parties/${enc(id)}`),
  createParty: (village, body) => api.post(`/eledger/villages/${enc(village)}/parties`, body),
  resourceRights: (id, params, options) => api.get(`/eledger/resources/${enc(id)}/rights`, params, options),
  villageRights: (village, params, options) => api.get(`/eledger/villages/${enc(village)}/rights`, params, options),
  createRight: (resourceId, body) => api.post(`/eledger/resources/${enc(resourceId)}/rights`, body),
  amendRight: (rightId, body) => api.post(`/eledger/rights/${enc(rightId)}/versions`, body),
  history: (rightId, options) => api.get(`/eledger/rights/${enc(rightId)}/history`, null, options),
  endRight: (rightId, body) => api.post(`/eledger/rights/${enc(rightId)}/end`, body),
  resourceFlags: (id, options) => api.get(`/eledger/resources/${enc(id)}/right-flags`, null, options),
  villageFlags: (village, options) => api.get(`/eledger/villages/${enc(village)}/right-flags`, null, options),
  resolveFlag: (id, note) => api.post(`/eledger/right-flags/${enc(id)}/resolve`, { note }),
  importRegistry: (id, body) => api.post(`/eledger/registry-reconciliations/${enc(id)}/import`, body),
  myLedger: (options) => api.get('/eledger/my-ledger', null, options),
  transfers: (village, params, options) => api.get(`/eledger/villages/${enc(village)}/transfers`, params, options),
  transfer: (id, options) => api.get(`/eledger/transfers/${enc(id)}`, null, options),
  createTransfer: (village, body) => api.post(`/eledger/villages/${enc(village)}/transfers`, body),
  decide: (id, decision, note) => api.post(`/eledger/transfers/${enc(id)}/decision`, { decision, note: note || undefined }),
  tasks: (options) => api.get('/eledger/tasks', null, options),
  packages: (village, params, options) => api.get(`/eledger/villages/${enc(village)}/packages`, params, options),
  package: (id, options) => api.get(`/eledger/packages/${enc(id)}`, null, options),
  createPackage: (village, body) => api.post(`/eledger/villages/${enc(village)}/packages`, body),
  titleCheck: (id) => api.post(`/eledger/packages/${enc(id)}/title-check`, {}),
  packageStatus: (id, status, lesseePartyId) => api.post(`/eledger/packages/${enc(id)}/status`, { status, lesseePartyId: lesseePartyId || undefined }),
  shares: (village, body) => api.post(`/eledger/villages/${enc(village)}/share-quantification`, body),
  files: (resourceId, options) => api.get(`/eledger/resources/${enc(resourceId)}/files`, null, options),
  uploadFile: (resourceId, file, kind, title) => upload(`/eledger/resources/${enc(resourceId)}/files`, { file, kind, title }),
  deleteFile: (id) => api.delete(`/eledger/files/${enc(id)}`),
  importFile: (village, kind, file, dryRun) => upload(`/eledger/villages/${enc(village)}/imports/${enc(kind)}${dryRun ? '?dryRun=true' : ''}`, { file }),
  reconcile: (village, file) => upload(`/eledger/villages/${enc(village)}/registry-reconciliation`, { file }),
  fileHref: (id) => `${BASE}/files/${enc(id)}`,
  templateHref: (kind) => `${BASE}/templates/${enc(kind)}.xlsx`,
  villageExportHref: (village) => `${BASE}/villages/${enc(village)}/export.xlsx`,
  geojsonHref: (village) => `${BASE}/villages/${enc(village)}/resources.geojson`,
  packageExportHref: (id) => `${BASE}/packages/${enc(id)}/export.xlsx`,
  reconciliationHref: (id) => `${BASE}/registry-reconciliations/${enc(id)}.xlsx`,
};

function readCookie(name) {
  for (const part of document.cookie.split(';')) {
    const c = part.trim();
    if (c.startsWith(`${name}=`)) return decodeURIComponent(c.slice(name.length + 1));
  }
  return null;
}

/** Multipart POST (file uploads): CSRF token from the cookie (fetched first when missing). */
async function upload(path, fields) {
  let token = readCookie('XSRF-TOKEN');
  let header = 'X-XSRF-TOKEN';
  if (!token) {
    const csrf = await api.get('/auth/csrf');
    header = csrf?.headerName || header;
    token = readCookie('XSRF-TOKEN') || csrf?.token;
  }
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') form.append(k, v);
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { [header]: token, Accept: 'application/json, application/problem+json' } });
  } catch {
    throw new ApiError(0, null);
  }
  const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) return body;
  throw new ApiError(response.status, body);
}

// ---- Names ---------------------------------------------------------------------------------

/** Name of a catalogue term ({code, nameZh, nameEn}) in the UI language. */
export const termName = (term) => (!term ? '' : getLang() === 'en' ? term.nameEn || term.nameZh : term.nameZh || term.nameEn);

/** Name of `code` in a list of terms, or the code itself. */
export function nameOf(list, code) {
  const found = (list || []).find((x) => x.code === code);
  return found ? termName(found) : code || '—';
}

export function subtypeName(catalog, type, subtype) {
  const ty = catalog?.types?.find((x) => x.code === type);
  return nameOf(ty?.subtypes, subtype);
}

/** All right and restriction kinds. */
export const rightKinds = (catalog) => [...(catalog?.rightKinds || []), ...(catalog?.restrictionKinds || [])];

// Colour per resource type (山水林田湖草房矿); legends always name the type, colour is never the only cue.
export const TYPE_COLOURS = {
  mountain: '#8C6D31',
  water: '#0072B2',
  forest: '#009E73',
  farmland: '#E69F00',
  lake: '#56B4E9',
  grassland: '#9ACD32',
  house: '#CC79A7',
  mine: '#666666',
};
export const typeColour = (type) => TYPE_COLOURS[type] || '#999999';

/** MapLibre expression colouring by the `type` property. */
export function typeColourExpression() {
  return ['match', ['get', 'type'], ...Object.entries(TYPE_COLOURS).flat(), '#999999'];
}

// ---- Numbers ------------------------------------------------------------------------------

const M2_PER_MU = 10000 / 15;

/** m² → 亩 (1 亩 = 10 000/15 m²). */
export const m2ToMu = (m2) => Number(m2) / M2_PER_MU;

/** "12.3 亩" / "12.3 mu" from m² (one decimal). */
export function muText(m2, lang = getLang()) {
  if (m2 === null || m2 === undefined || m2 === '') return '—';
  return `${formatNumber(m2ToMu(m2), 1)} ${lang === 'en' ? 'mu' : '亩'}`;
}

/** A share fraction "1/2"; whole holdings show as "1". */
export const shareText = (h) => (Number(h.numerator) === Number(h.denominator) ? '1' : `${h.numerator}/${h.denominator}`);

/** Holders of a right as "张三 1/2、李四 1/2". */
export function holdersText(holders) {
  return (holders || []).map((h) => (shareText(h) === '1' ? h.name || h.partyId : `${h.name || h.partyId} ${shareText(h)}`)).join(getLang() === 'en' ? ', ' : '、');
}

/** Percentage "5" / "2.5" → basis points (500 / 250); null when not 0–100 with ≤ 2 decimals. */
export function pctToBp(text) {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
  return bp <= 10000 ? bp : null;
}

// ---- Dates (plain calendar dates, no time zone) ----------------------------------------------

const DAY_MS = 86_400_000;
const parseDate = (s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s || ''));
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
};
const iso = (d) => d.toISOString().slice(0, 10);
const daysInMonth = (y, m) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/** Adds whole years like java.time: 29 Feb becomes 28 Feb in a common year. */
function plusYears(d, n) {
  const y = d.getUTCFullYear() + n;
  const m = d.getUTCMonth();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), daysInMonth(y, m))));
}

export const isDate = (s) => parseDate(s) !== null;

/** An instant as "2026-11-29 13:14:25" in China Standard Time (UTC+8). */
export function instantText(value) {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  return new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Today in China Standard Time as yyyy-MM-dd. */
export const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

function dueOn(from, to, paymentDay) {
  const month = Number(paymentDay.slice(0, 2)) - 1;
  const day = Number(paymentDay.slice(3));
  for (let y = from.getUTCFullYear(); y <= to.getUTCFullYear(); y++) {
    const c = new Date(Date.UTC(y, month, Math.min(day, daysInMonth(y, month))));
    if (c >= from && c < to) return c;
  }
  return from;
}

/**
 * The rent schedule preview, the same rule as the server: year k (0-based) costs annual ×
 * (1 + escalation)^⌊k / every⌋, each step rounded half-up to fen; a last shorter year is prorated by
 * days (half-up); due on the payment day (MM-dd) inside the rent year, else its first day.
 * Returns {schedule:[{year, from, to, dueOn, amountFen}], totalFen} or null for incomplete input.
 */
export function rentSchedule({ termFrom, termTo, annualRentYuan, escalationPct, escalationEveryYears, paymentDay }) {
  const start = parseDate(termFrom);
  const end = parseDate(termTo);
  const bp = pctToBp(escalationPct === '' || escalationPct === undefined ? '0' : escalationPct);
  const every = escalationEveryYears === undefined || escalationEveryYears === '' ? 1 : Number(escalationEveryYears);
  if (!start || !end || end <= start || bp === null || !Number.isInteger(every) || every < 1) return null;
  if (!/^\d{2}-\d{2}$/.test(paymentDay || '') || !parseDate(`2000-${paymentDay}`)) return null;
  let yearly;
  try {
    yearly = toFen(annualRentYuan);
  } catch {
    return null;
  }
  if (yearly <= 0n) return null;
  const schedule = [];
  let totalFen = 0n;
  let from = start;
  for (let k = 0; from < end && k < 200; k++) {
    if (k > 0 && k % every === 0) yearly = (yearly * BigInt(10000 + bp) + 5000n) / 10000n;
    const fullTo = plusYears(start, k + 1);
    const to = fullTo > end ? end : fullTo;
    let amount = yearly;
    if (to < fullTo) {
      const days = BigInt(Math.round((to - from) / DAY_MS));
      const yearDays = BigInt(Math.round((fullTo - from) / DAY_MS));
      amount = (yearly * days * 2n + yearDays) / (2n * yearDays);
    }
    schedule.push({ year: k + 1, from: iso(from), to: iso(to), dueOn: iso(dueOn(from, to, paymentDay)), amountFen: amount });
    totalFen += amount;
    from = to;
  }
  return { schedule, totalFen };
}

/** Fen (BigInt) → "1234.56". */
export function fenToYuan(fen) {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

// ---- Bitemporal history ----------------------------------------------------------------------

/**
 * Lays out every recorded row of a right as versions for the timeline: grouped by record time
 * (the rows written by one call share recordedAt), newest first; each row is marked `current`
 * (not superseded) and `correction` when a later record changed a valid period that had already
 * started when it was first recorded.
 */
export function historyVersions(rows) {
  const byRecord = new Map();
  for (const r of rows || []) {
    const key = r.recordedAt;
    if (!byRecord.has(key)) byRecord.set(key, []);
    byRecord.get(key).push(r);
  }
  const versions = [...byRecord.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .map(([recordedAt, list]) => ({
      recordedAt,
      rows: list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)).map((r) => ({ ...r, current: !r.supersededAt })),
    }));
  const first = versions.length ? versions[versions.length - 1].recordedAt : null;
  for (const v of versions) {
    const day = String(v.recordedAt).slice(0, 10);
    v.initial = v.recordedAt === first;
    // A correction rewrites the past: a later record whose earliest valid date lies before the day it was recorded.
    v.correction = !v.initial && v.rows.some((r) => r.validFrom < day);
  }
  return versions;
}

/**
 * Rows of the bitemporal chart: valid time on the x axis (dates), record time on the y axis;
 * each row is a box [validFrom, validTo or `openEnd`) × [recordedAt, supersededAt or now).
 */
export function bitemporalBoxes(rows, now = new Date().toISOString(), openEnd = null) {
  const end = openEnd || today();
  return (rows || []).map((r) => ({
    rightId: r.rightId,
    holders: holdersText(r.holders),
    x0: r.validFrom,
    x1: r.validTo || end,
    open: !r.validTo,
    y0: r.recordedAt,
    y1: r.supersededAt || now,
    current: !r.supersededAt,
  }));
}

// ---- Shares ------------------------------------------------------------------------------------

/** True when the household shares sum exactly to the total. */
export function sharesBalance(answer) {
  const sum = (answer?.households || []).reduce((s, h) => s + BigInt(h.shares), 0n);
  return { sum, ok: sum === BigInt(answer?.totalShares ?? -1) };
}

// ---- Paging ---------------------------------------------------------------------------------

/** "1–50 of 123" style range text of a Page. */
export function pageRange(p) {
  if (!p || !p.total) return t('ledger.page.none');
  const from = p.page * p.size + 1;
  const to = Math.min(p.total, from + p.items.length - 1);
  return t('ledger.page.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(p.total) });
}

/** Total pages of a Page (at least 1). */
export const pageCount = (p) => Math.max(1, Math.ceil((p?.total || 0) / (p?.size || 1)));

/** Problem message for a code in the UI language; falls back to the code. */
export function problemText(code) {
  const key = `ledger.problem.${code}`;
  const text = t(key);
  return text === key ? code : text;
}
