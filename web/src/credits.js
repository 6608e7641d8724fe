// Eco credits (生态积分) in the browser: display of credit amounts and of the public register's
// lists. Credits travel as strings with exactly 3 decimals ("12.345"; 1 unit = 0.001 credit,
// decision 0005) and are shown as they are, only grouped — never through binary floating point.

import { t } from './i18n.js';
import { api } from './api.js';

/** The public register's lists, in the order of the page's tabs, with their columns (JSON keys). */
export const REGISTER_LISTS = {
  projects: ['id', 'name', 'kind', 'countyCode', 'ownerPartyId', 'status', 'estimatedCredits', 'policyVersion', 'approvedAt'],
  issuances: ['at', 'projectId', 'batchId', 'countyCode', 'vintage', 'serials', 'credits', 'toPartyId', 'policyVersion', 'priceSetId'],
  transfers: ['at', 'kind', 'fromPartyId', 'toPartyId', 'credits', 'serials', 'priceYuanPerCredit', 'amountYuan', 'countyCode'],
  retirements: ['at', 'holderPartyId', 'credits', 'serials', 'obligationId', 'beneficiary', 'reason', 'countyCode'],
  obligations: ['id', 'developmentId', 'countyCode', 'obligorPartyId', 'amount', 'retired', 'coveredByPool', 'status', 'policyVersion', 'priceSetId'],
};

/** Columns holding credit amounts (3 decimals) or money in 元 (2 decimals): right-aligned, grouped. */
export const CREDIT_COLUMNS = new Set(['estimatedCredits', 'credits', 'amount', 'retired', 'coveredByPool']);
export const YUAN_COLUMNS = new Set(['priceYuanPerCredit', 'amountYuan']);
/** Columns whose values are codes with a translated label (credits.value.<column>.<value>). */
export const CODED_COLUMNS = new Set(['kind', 'status']);
/** Columns holding an instant or a date. */
export const DATE_COLUMNS = new Set(['at', 'approvedAt']);

/** Groups the integer part of a decimal string: "12345.678" → "12,345.678"; other values as text. */
export function groupDecimal(value) {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  const m = /^(-)?(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1] || ''}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] || ''}`;
}

/** The label of a coded value, falling back to the server's code for values this client does not know. */
export function codedLabel(column, value) {
  if (value === null || value === undefined || value === '') return '—';
  const key = `credits.value.${column}.${String(value).toLowerCase()}`;
  const label = t(key);
  return label === key ? String(value) : label;
}

/** The address of a register list as CSV (the whole list, Chinese headers, UTF-8 with BOM). */
export function registerCsvHref(list, county) {
  const q = county ? `?county=${encodeURIComponent(county)}` : '';
  return `/api/v1/register/${list}.csv${q}`;
}

const enc = encodeURIComponent;
/** A fresh key per command: the same key is sent again only when the same command is retried. */
export const commandKey = () => globalThis.crypto?.randomUUID?.() || `k-${Date.now()}-${Math.random().toString(16).slice(2)}`;
const command = (path, body, key = commandKey()) => api.post(path, body, { idempotencyKey: key });

export const creditsApi = {
  policies: (options) => api.get('/credits/policies', null, options),
  parties: (county, options) => api.get('/credits/parties', { county, size: 500 }, options),
  pools: (options) => api.get('/credits/pools', null, options),
  settlePool: (county) => command(`/credits/pools/${enc(county)}/settle`, {}),
  projects: (params, options) => api.get('/credits/projects', params, options),
  project: (id, options) => api.get(`/credits/projects/${enc(id)}`, null, options),
  propose: (body) => command('/credits/projects', body),
  review: (id, decision, note) => command(`/credits/projects/${enc(id)}/review`, { decision, note: note || undefined }),
  estimate: (id, body) => command(`/credits/projects/${enc(id)}/estimate`, body || {}),
  verify: (id, body) => command(`/credits/projects/${enc(id)}/verifications`, body),
  proposeRelease: (id, milestoneCode) => command(`/credits/projects/${enc(id)}/releases`, { milestoneCode }),
  approveRelease: (id) => command(`/credits/releases/${enc(id)}/approve`, {}),
  developments: (params, options) => api.get('/credits/developments', params, options),
  development: (id, options) => api.get(`/credits/developments/${enc(id)}`, null, options),
  registerDevelopment: (body) => command('/credits/developments', body),
  retire: (obligationId, body) => command(`/credits/obligations/${enc(obligationId)}/retirements`, body),
  buyFromPool: (obligationId, body) => command(`/credits/obligations/${enc(obligationId)}/pool-purchases`, body),
  listings: (params, options) => api.get('/credits/listings', params, options),
  list: (body) => command('/credits/listings', body),
  delist: (id) => command(`/credits/listings/${enc(id)}/delist`, {}),
  buy: (listingId, body) => command(`/credits/listings/${enc(listingId)}/purchases`, body),
};

/** Integer units (0.001 credit) of a credit string with up to 3 decimals; null when it is not one. */
export function unitsOf(text) {
  const m = /^(-)?(\d+)(?:\.(\d{1,3}))?$/.exec(String(text ?? '').trim());
  if (!m) return null;
  const units = BigInt(m[2]) * 1000n + BigInt((m[3] || '').padEnd(3, '0'));
  return m[1] ? -units : units;
}

/** Valid credit amounts as typed: up to 3 decimals, more than zero. */
export function isCredits(text) {
  const m = /^\s*(\d+)(?:\.(\d{1,3}))?\s*$/.exec(String(text ?? ''));
  return Boolean(m) && (BigInt(m[1]) > 0n || Number(m[2] || 0) > 0);
}

/** Writers of a county's credits (the server checks again): city admin, county officer, cooperative. */
export function canManageCredits(me, county) {
  const roles = me?.roles || [];
  const scope = me?.scope?.code || '';
  const inScope = scope === '3308' || String(county || '').startsWith(scope) || scope.startsWith(String(county || '-'));
  return inScope && roles.some((r) => ['CITY_ADMIN', 'COUNTY_OFFICER', 'COOPERATIVE_OPERATOR'].includes(r));
}

// ---- market and account pages (交易市场, 积分账户) ----

/**
 * A command runner for one form: the same click retried (same path and body) after an answer that left
 * the outcome unknown — no connection, a timeout, a 5xx — sends the same Idempotency-Key again, so the
 * server answers the first result and nothing moves twice; after any definite answer the next click
 * gets a fresh key.
 */
export function keyedCommand(post = (path, body, key) => api.post(path, body, { idempotencyKey: key })) {
  let pending = null;
  const run = async (path, body) => {
    const signature = `${path}\n${JSON.stringify(body)}`;
    const key = pending && pending.signature === signature ? pending.key : commandKey();
    pending = { signature, key };
    try {
      const out = await post(path, body, key);
      pending = null;
      return out;
    } catch (e) {
      if (!(e?.status === 0 || e?.status >= 500)) pending = null;
      throw e;
    }
  };
  run.pendingKey = () => pending?.key || null;
  return run;
}

const fresh = (path, body) => command(path, body);

/** Reads and commands of the market and account pages; commands take the form's keyed runner. */
export const marketApi = {
  listings: (params, options) => api.get('/credits/market/listings', params, options),
  bids: (params, options) => api.get('/credits/bids', params, options),
  trades: (county, options) => api.get('/credits/market/trades', { county }, options),
  account: (party, options) => api.get(`/credits/parties/${enc(party)}/account`, null, options),
  buy: (listingId, body, run = fresh) => run(`/credits/listings/${enc(listingId)}/purchases`, body),
  list: (body, run = fresh) => run('/credits/listings', body),
  delist: (id, run = fresh) => run(`/credits/listings/${enc(id)}/delist`, {}),
  bid: (body, run = fresh) => run('/credits/bids', body),
  acceptBid: (id, body, run = fresh) => run(`/credits/bids/${enc(id)}/accept`, body),
  withdrawBid: (id, run = fresh) => run(`/credits/bids/${enc(id)}/withdraw`, {}),
  openAccount: (body, run = fresh) => run('/credits/parties', body),
  publishPool: (body, run = fresh) => run('/credits/pools', body),
};

/** Units as the API writes credits: "1234.500" from 1234500n. */
export function creditsText(units) {
  const neg = units < 0n;
  const abs = neg ? -units : units;
  return `${neg ? '-' : ''}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, '0')}`;
}

/** Fen of a price typed in 元 per credit (up to 2 decimals, ≥ 0), or null. */
export function priceFen(text) {
  const m = /^\s*(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(String(text ?? ''));
  return m ? BigInt(m[1]) * 100n + BigInt((m[2] || '').padEnd(2, '0')) : null;
}

/**
 * What a buyer pays for `credits` at `price` 元 per credit, as 元 with 2 decimals: units × fen per credit
 * / 1000 rounded up to the fen, as the registry computes it (CreditUnits.paymentFen, decision 0005).
 */
export function paymentYuan(credits, price) {
  const units = unitsOf(credits);
  const fen = priceFen(price);
  if (units === null || fen === null || units < 0n) return null;
  const paid = (units * fen + 999n) / 1000n;
  return `${paid / 100n}.${(paid % 100n).toString().padStart(2, '0')}`;
}

/**
 * Problems of a listing or bid form before it is sent: {field → message key}. `available` (a credits
 * string) caps the amount of a listing (the seller's issued credits) or of an acceptance (the seller's
 * holdings and what the bid still asks).
 */
export function orderProblems({ credits, price, available, needPrice = true }) {
  const out = {};
  if (!isCredits(credits)) out.credits = 'credits.market.problem.credits';
  else if (available !== undefined && available !== null && unitsOf(credits) > unitsOf(available)) out.credits = 'credits.market.problem.exceeds';
  if (needPrice && (priceFen(price) === null || priceFen(price) === 0n)) out.priceYuanPerCredit = 'credits.market.problem.price';
  return out;
}

/** The smaller of two credit strings. */
export function minCredits(a, b) {
  return unitsOf(a) <= unitsOf(b) ? a : b;
}
