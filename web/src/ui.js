// Shared building blocks of pages: headers, breadcrumbs, badges, empty/loading/error states,
// stat cards and simple tables. Everything is plain DOM through h().

import { h } from './dom.js';
import { t, getLang } from './i18n.js';

export function illustrativeBadge() {
  return h('span', { class: 'badge badge-illustrative', title: t('common.illustrative.hint') }, t('common.illustrative'));
}

/** Breadcrumb from [{label, href?}]; the last item is the current page. */
export function breadcrumb(items) {
  return h(
    'nav',
    { class: 'breadcrumb', 'aria-label': t('common.breadcrumb') },
    h(
      'ol',
      null,
      items.map((item, i) =>
        h(
          'li',
          null,
          item.href && i < items.length - 1
            ? h('a', { href: item.href }, item.label)
            : h('span', { 'aria-current': i === items.length - 1 ? 'page' : null }, item.label),
        ),
      ),
    ),
  );
}

export function pageHeader({ title, eyebrow, subtitle, badges = [], crumbs, meta, actions }) {
  return h(
    'header',
    { class: 'page-header' },
    crumbs ? breadcrumb(crumbs) : null,
    eyebrow ? h('p', { class: 'eyebrow' }, eyebrow) : null,
    h('div', { class: 'title-row' }, h('h1', { id: 'page-title', tabindex: '-1' }, title), badges, actions),
    subtitle ? h('p', { class: 'subtitle' }, subtitle) : null,
    meta ? h('dl', { class: 'meta' }, meta.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v)))) : null,
  );
}

export function emptyState(title, text, icon = '—') {
  return h(
    'div',
    { class: 'empty-state', role: 'status' },
    h('div', { class: 'empty-icon', 'aria-hidden': 'true' }, icon),
    h('p', { class: 'empty-title' }, title),
    text ? h('p', { class: 'empty-text' }, text) : null,
  );
}

export function loadingState(text = t('common.loading')) {
  return h('div', { class: 'loading-state', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

export function errorState(error, retry) {
  const message = typeof error?.localized === 'function' ? error.localized() : t('error.network');
  return h(
    'div',
    { class: 'error-state', role: 'alert' },
    h('p', { class: 'error-title' }, t('error.load')),
    h('p', null, message),
    error?.requestId ? h('p', { class: 'muted small' }, `${t('error.requestId')}: ${error.requestId}`) : null,
    retry ? h('button', { type: 'button', class: 'btn', onclick: retry }, t('common.retry')) : null,
  );
}

export function statCards(items) {
  return h(
    'dl',
    { class: 'stat-cards' },
    items.map(([label, value, unit]) =>
      h('div', { class: 'stat' }, h('dt', null, label), h('dd', null, h('span', { class: 'stat-value' }, value), unit ? h('span', { class: 'stat-unit' }, unit) : null)),
    ),
  );
}

/** Label → value rows in one card: [[label, value, unit?, title?]]. */
export function factList(items) {
  return h(
    'dl',
    { class: 'facts' },
    items.map(([label, value, unit, title]) => h('div', { title }, h('dt', null, label), h('dd', null, h('span', { class: 'fact-value' }, value), unit ? h('span', { class: 'stat-unit' }, unit) : null))),
  );
}

/**
 * A table. columns: [{label, value(row) → node|string, numeric?}]; rowHref(row) makes the first
 * cell a link (keyboard reachable) so every row leads to its record.
 */
export function dataTable({ caption, columns, rows, rowHref, footer }) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table' },
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
      h(
        'tbody',
        null,
        rows.map((row) =>
          h(
            'tr',
            null,
            columns.map((c, i) => {
              const value = c.value(row);
              const content = i === 0 && rowHref ? h('a', { href: rowHref(row) }, value) : value;
              return i === 0 ? h('th', { scope: 'row' }, content) : h('td', { class: c.numeric ? 'num' : null }, content);
            }),
          ),
        ),
      ),
      footer ? h('tfoot', null, h('tr', null, footer.map((v, i) => (i === 0 ? h('th', { scope: 'row' }, v) : h('td', { class: 'num' }, v))))) : null,
    ),
  );
}

/** Translated division kind, falling back to the server's value for kinds we do not know. */
export function kindLabel(kind, name) {
  if (!kind) {
    // Towns carry no kind: 街道 / 镇 / 乡 is read from the end of the official name.
    const n = String(name || '');
    if (n.endsWith('街道')) return t('kind.street');
    if (n.endsWith('镇')) return t('kind.town');
    if (n.endsWith('乡')) return t('kind.township');
    return '';
  }
  const key = `kind.${String(kind).toLowerCase()}`;
  const text = t(key);
  return text === key ? String(kind) : text;
}

export function levelLabel(level) {
  return t(`level.${level}`);
}

/** Division name in the UI language: Chinese names are proper names and stay as they are. */
export function placeName(d) {
  return getLang() === 'en' && d?.nameEn ? d.nameEn : d?.name;
}
