// Fetch wrapper for /api/v1: JSON in and out, CSRF header on every state-changing call, and
// RFC 9457 problem+json turned into an ApiError whose message follows the UI language.

import { t, pick } from './i18n.js';

const BASE = '/api/v1';
const CSRF_COOKIE = 'XSRF-TOKEN';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfHeader = 'X-XSRF-TOKEN';
let csrfFallbackToken = null;
const unauthorizedListeners = new Set();

/** An API rejection or a network failure. `problem` is the parsed problem+json body, if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.messageEn || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || null;
    this.code = problem?.code || null;
    this.requestId = problem?.requestId || null;
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  }

  /** The message in the current UI language: server text first, then a generic one. */
  localized() {
    if (this.status === 0) return t('error.network');
    const p = this.problem;
    if (p && (p.messageZh || p.messageEn)) return pick(p);
    if (this.status === 429) return t('login.throttled');
    return p?.detail || t('error.generic', { status: this.status });
  }

  /** Field problems as {field → message} in the current language. */
  fieldMessages() {
    const out = {};
    for (const e of this.fieldErrors) if (e.field && !(e.field in out)) out[e.field] = pick(e);
    return out;
  }
}

/** Called with the ApiError whenever a request (other than login itself) answers 401. */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function readCookie(name) {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const c = part.trim();
    if (c.startsWith(prefix)) return decodeURIComponent(c.slice(prefix.length));
  }
  return null;
}

/**
 * The token to send. The JS-readable cookie is preferred because the server rotates it (e.g. at
 * login); when there is none yet, ask the server, which also sets the cookie.
 */
async function csrfToken(refresh = false) {
  if (!refresh) {
    const cookie = readCookie(CSRF_COOKIE);
    if (cookie) return cookie;
  }
  const body = await request('GET', '/auth/csrf', undefined, { csrf: false, quiet401: true });
  if (body?.headerName) csrfHeader = body.headerName;
  csrfFallbackToken = body?.token ?? null;
  return readCookie(CSRF_COOKIE) || csrfFallbackToken;
}

async function request(method, path, body, options = {}) {
  const { signal, csrf = UNSAFE.has(method), quiet401 = false, retried = false, accept, idempotencyKey } = options;
  const headers = { Accept: accept || 'application/json, application/problem+json' };
  // Money and credit commands carry a key: a retry of the same command answers the first result.
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf) headers[csrfHeader] = await csrfToken();

  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null);
  }

  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) return parsed;

  // A 403 on a state-changing call with a stale token: fetch a fresh token once and retry.
  if (response.status === 403 && csrf && !retried && (!parsed?.code || /csrf/i.test(parsed.code))) {
    await csrfToken(true);
    return request(method, path, body, { ...options, retried: true });
  }
  const error = new ApiError(response.status, type.includes('problem') || parsed?.code ? parsed : null);
  if (response.status === 401 && !quiet401) for (const listener of unauthorizedListeners) listener(error);
  throw error;
}

function query(params) {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  get: (path, params, options) => request('GET', path + query(params), undefined, options),
  post: (path, body, options) => request('POST', path, body ?? {}, options),
  put: (path, body, options) => request('PUT', path, body ?? {}, options),
  patch: (path, body, options) => request('PATCH', path, body ?? {}, options),
  delete: (path, options) => request('DELETE', path, undefined, options),
};

// ---- Endpoints used by the shell -------------------------------------------------------------

export const auth = {
  me: () => request('GET', '/me', undefined, { quiet401: true }),
  login: (username, password) => request('POST', '/auth/login', { username, password }, { quiet401: true }),
  logout: () => request('POST', '/auth/logout', {}, { quiet401: true }),
  changePassword: (currentPassword, newPassword) => request('POST', '/me/password', { currentPassword, newPassword }),
};

const geoCache = new Map();
const detailCache = new Map();

export const divisions = {
  list: (params, options) => api.get('/divisions', params, options),
  /** Detail with geometry; cached for the page's lifetime (divisions change only by import). */
  detail(code) {
    if (!detailCache.has(code)) {
      const p = api.get(`/divisions/${encodeURIComponent(code)}`);
      p.catch(() => detailCache.delete(code));
      detailCache.set(code, p);
    }
    return detailCache.get(code);
  },
  /** GeoJSON FeatureCollection of one level, optionally below `parent`; cached. */
  map(level, parent) {
    const key = `${level}:${parent || ''}`;
    if (!geoCache.has(key)) {
      const p = api.get('/divisions/map', { level, parent }, { accept: 'application/geo+json, application/json, application/problem+json' });
      p.catch(() => geoCache.delete(key));
      geoCache.set(key, p);
    }
    return geoCache.get(key);
  },
  clearCache() {
    geoCache.clear();
    detailCache.clear();
  },
};
