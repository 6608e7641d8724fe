// History-API router: paths like /village/330802001001 and /map?place=330802&layers=villages.
// Same-origin <a> clicks are intercepted so the page never reloads; the URL is the state.

const routes = [];
let handler = null;

/** Registers a route; `:name` segments become params. The first matching route wins. */
export function route(pattern, page) {
  const keys = [];
  const source = pattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        keys.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  routes.push({ pattern, regex: new RegExp(`^${source}/?$`), keys, page });
}

export function match(pathname) {
  for (const r of routes) {
    const m = r.regex.exec(pathname);
    if (m) {
      const params = {};
      r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
      return { page: r.page, params, pattern: r.pattern };
    }
  }
  return null;
}

export function currentUrl() {
  return new URL(window.location.href);
}

/** Goes to `to` (path + query). `replace` rewrites the current history entry instead. */
export function navigate(to, { replace = false } = {}) {
  const url = new URL(to, window.location.origin);
  const same = url.pathname === window.location.pathname && url.search === window.location.search;
  if (replace || same) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatch();
}

/**
 * Updates the query string of the current entry without re-rendering (map pans, layer toggles):
 * the view is already showing what the URL now says.
 */
export function updateQuery(params) {
  const url = currentUrl();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  history.replaceState(null, '', url);
}

function dispatch() {
  if (handler) handler(currentUrl());
}

export function startRouter(onRoute) {
  handler = onRoute;
  window.addEventListener('popstate', dispatch);
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = event.target.closest('a[href]');
    if (!a || a.target || a.hasAttribute('download') || a.dataset.external !== undefined) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
  dispatch();
}
