// Small form and list pieces of the e-ledger views: labelled fields with an error line each,
// selects from catalogue terms, server field errors shown next to their field, a pager.

import { h, mount } from './dom.js';
import { t, pick } from './i18n.js';
import { session } from './session.js';
import { pageCount, pageRange, termName } from './eledger.js';

let seq = 0;
/** A unique element id with a readable prefix. */
export const uid = (prefix) => `${prefix}-${++seq}`;

/**
 * A labelled field: {label, control, hint?, name}. The control gets an id and aria-describedby; the
 * returned element has .error (the error line) and .control.
 */
export function field(label, control, { hint, name, wide } = {}) {
  control.id ||= uid('f');
  const error = h('p', { class: 'field-error', id: `${control.id}-error`, role: 'alert', hidden: true });
  control.setAttribute('aria-describedby', error.id);
  if (name) control.name ||= name;
  const el = h('div', { class: `field${wide ? ' field-wide' : ''}`, dataset: { field: name || '' } }, h('label', { for: control.id }, label), control, hint ? h('p', { class: 'muted small field-hint' }, hint) : null, error);
  el.error = error;
  el.control = control;
  // A problem disappears as soon as the user changes the value.
  const clear = () => !error.hidden && setError(el, null);
  control.addEventListener('change', clear);
  control.addEventListener('input', clear);
  return el;
}

export function setError(f, message) {
  if (!f?.error) return;
  f.error.textContent = message || '';
  f.error.hidden = !message;
  f.control?.setAttribute('aria-invalid', message ? 'true' : 'false');
}

/** <select> of catalogue terms; `blank` adds a first empty option with that label. */
export function termSelect(terms, { value, blank, name } = {}) {
  return h(
    'select',
    { name },
    blank ? h('option', { value: '' }, blank) : null,
    (terms || []).map((x) => h('option', { value: x.code, selected: x.code === value }, termName(x))),
  );
}

/** <select> of plain [value, label] pairs. */
export function pairSelect(pairs, { value, blank, name } = {}) {
  return h('select', { name }, blank ? h('option', { value: '' }, blank) : null, pairs.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
}

export const input = (attrs) => h('input', { type: 'text', ...attrs });

/**
 * Shows an ApiError on a form: field problems next to their fields (matching `fields` by name or by
 * the problem's field prefix), anything else in `alert`.
 */
export function showProblems(err, fields, alert) {
  for (const f of Object.values(fields)) setError(f, null);
  const unplaced = [];
  for (const p of err?.fieldErrors || []) {
    const key = Object.keys(fields).find((k) => p.field === k || String(p.field || '').startsWith(`${k}.`) || String(p.field || '').startsWith(`${k}[`));
    const message = p.messageZh || p.messageEn ? pick(p) : p.code;
    if (key && !fields[key].error.textContent) setError(fields[key], message);
    else if (!key) unplaced.push(message);
  }
  const top = err?.fieldErrors?.length ? unplaced.join('；') : err?.localized?.() || t('error.network');
  if (alert) {
    alert.textContent = top || '';
    alert.hidden = !top;
    if (err?.code) alert.dataset.code = err.code;
  }
}

export function formAlert() {
  return h('div', { class: 'form-alert', role: 'alert', hidden: true });
}

export function hideAlert(alert) {
  alert.hidden = true;
  alert.textContent = '';
  delete alert.dataset.code;
}

/** Previous / next buttons and the range text of a Page; onPage(n) loads page n. */
export function pager(p, onPage) {
  if (!p?.total) return null;
  const pages = pageCount(p);
  return h(
    'div',
    { class: 'pager' },
    h('span', { class: 'muted small pager-range' }, pageRange(p)),
    h('button', { type: 'button', class: 'btn btn-small', disabled: p.page <= 0, onclick: () => onPage(p.page - 1) }, t('ledger.page.prev')),
    h('span', { class: 'small' }, t('ledger.page.of', { page: p.page + 1, pages })),
    h('button', { type: 'button', class: 'btn btn-small', disabled: p.page + 1 >= pages, onclick: () => onPage(p.page + 1) }, t('ledger.page.next')),
  );
}

/** True when the signed-in user may change the ledger (resources, parties, rights). */
export function canWrite(village) {
  const me = session.me;
  const roles = me?.roles || [];
  const scope = me?.scope?.code || '';
  const inScope = !village || String(village).startsWith(scope === '3308' ? '3308' : scope);
  return inScope && roles.some((r) => ['CITY_ADMIN', 'COUNTY_OFFICER', 'VILLAGE_ACCOUNTANT'].includes(r));
}

/** Transfers may also be recorded by the cooperative operator. */
export function canTransfer(village) {
  const roles = session.me?.roles || [];
  return canWrite(village) || (roles.includes('COOPERATIVE_OPERATOR') && String(village).startsWith(session.me?.scope?.code || '-'));
}

/** A titled section of a tab. */
export function section(title, ...children) {
  return h('section', { class: 'ledger-section' }, h('h3', null, title), ...children);
}

/** A tiny modal-less dialog: a card shown in `slot`, closed by its button or Escape. */
export function panel(slot, title, body, onClose) {
  const close = () => {
    mount(slot);
    onClose?.();
  };
  const card = h(
    'div',
    { class: 'ledger-panel card', role: 'region', 'aria-label': title },
    h('div', { class: 'ledger-panel-head' }, h('h3', null, title), h('button', { type: 'button', class: 'btn btn-small', onclick: close, 'aria-label': t('ledger.close') }, '×')),
    body,
  );
  card.addEventListener('keydown', (e) => e.key === 'Escape' && close());
  mount(slot, card);
  return close;
}
