// 县 page section 项目与分红: the county's projects with their dividend policy, cap table and dividends.
// A cooperative writer approves a proposed project (second person), declares a dividend for a period —
// 预览 shows every holder's line computed by the server with the project's policy (GET …/dividends/preview,
// the declaration's own code), 确认宣告 stores it — and a second person pays a declared dividend.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber, formatYuan } from '../format.js';
import { api, divisions } from '../api.js';
import { emptyState, errorState, loadingState } from '../ui.js';
import { field, formAlert, hideAlert, input, setError, showProblems } from '../ledger-ui.js';
import { moneyApi, statusBadge, validPeriod, validYuan, yuan } from './money-common.js';
import { previewForm } from './money-preview-form.js';

const COOP_WRITERS = ['CITY_ADMIN', 'COUNTY_OFFICER', 'COOPERATIVE_OPERATOR'];

function policyText(p) {
  const x = p.policy;
  const parts = [t(`money.policy.${x.kind}`)];
  if (x.minimumPerShareYuan) parts.push(t('money.policy.perShare', { yuan: x.minimumPerShareYuan }));
  if (x.minimumPerYearYuan) parts.push(t('money.policy.perYear', { yuan: x.minimumPerYearYuan }));
  if (x.profitSharePct) parts.push(t('money.policy.share', { pct: x.profitSharePct }));
  return parts.join(' · ');
}

const names = new Map();
/** The name of a village (division) or an investor (e-ledger party), looked up once per page load. */
function nameOf(kind, id) {
  const key = `${kind}:${id}`;
  if (!names.has(key)) {
    const p = kind === 'village' ? divisions.detail(id).then((d) => d.name) : api.get(`/eledger/parties/${encodeURIComponent(id)}`).then((x) => x.name);
    names.set(key, p.catch(() => null));
  }
  return names.get(key);
}

/** A cap-table holder: the code or the id's tail at once, the name when it arrives (full id in the title). */
function holder(kind, id) {
  const el =
    kind === 'village'
      ? h('a', { href: `/village/${id}?tab=income`, title: id }, t('money.holder.village', { code: id }))
      : h('span', { class: 'holder-id', title: id }, t('money.holder.investor', { id: `…${String(id).slice(-6)}` }));
  nameOf(kind, id).then((name) => name && (el.textContent = t(`money.holder.${kind === 'village' ? 'village' : 'investor'}`, kind === 'village' ? { code: name } : { id: name })));
  return el;
}

function button(label, action, alert, reload, primary) {
  return h(
    'button',
    {
      type: 'button',
      class: `btn btn-small${primary ? ' btn-primary' : ''}`,
      onclick: async (e) => {
        e.target.disabled = true;
        hideAlert(alert);
        try {
          await action();
          reload(t('money.run.done', { what: label }));
        } catch (err) {
          showProblems(err, {}, alert);
          e.target.disabled = false;
        }
      },
    },
    label,
  );
}

function linesTable(lines, cls) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: `data-table ${cls}` },
      h('thead', null, h('tr', null, [[t('money.holder')], [t('money.holder.shares'), 1], [t('money.policy.guaranteedPart'), 1], [t('money.policy.profitPart'), 1], [t('money.payables.amount'), 1]].map(([l, n]) => h('th', { scope: 'col', class: n ? 'num' : null }, l)))),
      h(
        'tbody',
        null,
        lines.map((l) => h('tr', { dataset: { holder: l.holderId } }, h('th', { scope: 'row' }, holder(l.holderKind, l.holderId)), h('td', { class: 'num' }, formatNumber(l.shares)), h('td', { class: 'num' }, yuan(l.guaranteedYuan)), h('td', { class: 'num' }, yuan(l.profitYuan)), h('td', { class: 'num' }, yuan(l.amountYuan)))),
      ),
    ),
  );
}

/** 宣告分红: period + profit → server preview of every line → confirm (with an Idempotency-Key). */
function declareForm(project, onDeclared) {
  const alert = formAlert();
  const period = input({ name: 'period', maxlength: '7', placeholder: '2026-Q4' });
  const profit = input({ name: 'profitYuan', inputmode: 'decimal', placeholder: '0.00' });
  const fields = {
    period: field(t('money.run.period'), period, { name: 'period', hint: t('money.form.periodHint') }),
    profitYuan: field(t('money.dividend.profit'), profit, { name: 'profitYuan', hint: t('money.dividend.profitHint') }),
  };
  const rules = { period: (v) => (validPeriod(v) ? null : 'money.form.err.period'), profitYuan: (v) => (validYuan(v, { zero: true, negative: true }) ? null : 'money.form.err.yuan') };
  const check = (name) => {
    const m = rules[name](fields[name].control.value);
    setError(fields[name], m ? t(m) : null);
    return !m;
  };
  const form = previewForm({
    className: 'money-dividend-form',
    title: t('money.dividend.title'),
    hint: t('money.dividend.hint'),
    confirmLabel: t('money.dividend.confirm'),
    alert,
    fields,
    checkAll: () => [check('period'), check('profitYuan')].every(Boolean),
    preview: async () => {
      const p = await moneyApi.dividendPreview(project.id, period.value.trim(), profit.value.trim());
      return h('div', { class: 'money-preview' }, h('h4', null, t('money.form.previewTitle')), h('p', { class: 'small' }, t('money.dividend.previewHead', { period: p.period, profit: formatYuan(p.profitYuan) }), ' ', h('strong', { class: 'preview-total' }, yuan(p.totalYuan))), linesTable(p.lines, 'dividend-preview'));
    },
    command: (key) => moneyApi.declareDividend(project.id, { period: period.value.trim(), profitYuan: profit.value.trim() }, key),
    onDone: onDeclared,
  });
  for (const name of Object.keys(fields)) {
    fields[name].control.addEventListener('input', () => {
      form.stale();
      if (fields[name].control.value) check(name);
    });
  }
  return form.element;
}

function dividendRows(list, canWrite, alert, reload) {
  return list.map((d) =>
    h(
      'tr',
      { dataset: { dividend: d.id, period: d.period, status: d.status } },
      h('th', { scope: 'row' }, d.period),
      h('td', { class: 'num' }, yuan(d.profitYuan)),
      h('td', { class: 'num' }, yuan(d.totalYuan)),
      h('td', null, statusBadge('money.status', d.status), h('span', { class: 'muted small money-sub' }, d.status === 'paid' ? d.paidBy : d.declaredBy)),
      h('td', { class: 'money-actions' }, canWrite && d.status === 'declared' ? button(t('money.dividend.pay'), () => moneyApi.payDividend(d.id), alert, reload, true) : null),
    ),
  );
}

function projectCard(p, ctx, canWrite) {
  const card = h('article', { class: 'money-project', dataset: { project: p.id, status: p.status } });
  const load = (notice) => {
    const alert = h('p', { class: 'form-alert error small', role: 'alert', hidden: true });
    mount(card, h('h3', null, p.name, ' ', statusBadge('money.project.status', p.status)), loadingState());
    moneyApi
      .dividends(p.id)
      .then((list) => {
        if (ctx.signal.aborted) return;
        mount(
          card,
          h('div', { class: 'money-section-head' }, h('h3', null, p.name, ' ', statusBadge('money.project.status', p.status)), canWrite && p.status === 'proposed' ? button(t('money.project.approve'), () => moneyApi.approveProject(p.id).then((x) => Object.assign(p, x)), alert, load, true) : null),
          h('p', { class: 'small muted' }, policyText(p), ' · ', t('money.project.totalShares', { shares: formatNumber(p.totalShares) })),
          h('ul', { class: 'money-cap' }, p.capTable.map((e) => h('li', null, holder(e.holderKind, e.holderId), ` ${t('money.statement.shares', { shares: formatNumber(e.shares) })}`))),
          notice ? h('p', { class: 'form-alert info small', role: 'status' }, notice) : null,
          alert,
          list.length
            ? h(
                'div',
                { class: 'table-wrap' },
                h(
                  'table',
                  { class: 'data-table dividend-table' },
                  h('thead', null, h('tr', null, [[t('money.run.period')], [t('money.dividend.profit'), 1], [t('money.dividend.total'), 1], [t('money.lease.status')], ['']].map(([l, n]) => h('th', { scope: 'col', class: n ? 'num' : null }, l)))),
                  h('tbody', null, dividendRows(list, canWrite, alert, load)),
                ),
              )
            : h('p', { class: 'muted small' }, t('money.dividend.none')),
          canWrite && p.status === 'approved' ? declareForm(p, (d) => load(t('money.dividend.declared', { period: d.period, total: formatYuan(d.totalYuan) }))) : null,
        );
      })
      .catch((e) => !ctx.signal.aborted && mount(card, h('h3', null, p.name), errorState(e)));
  };
  load();
  return card;
}

/** The 项目与分红 section of county `d` (nothing for a town or a reader without projects). */
export function projectsSection(d, ctx) {
  const box = h('section', { class: 'card money-projects', 'aria-label': t('money.projects.title') }, h('h2', null, t('money.projects.title')), loadingState(t('money.loading')));
  const canWrite = (ctx.me?.roles || []).some((r) => COOP_WRITERS.includes(r));
  moneyApi
    .projects(d.code)
    .then((page) => {
      if (ctx.signal.aborted) return;
      mount(box, h('h2', null, t('money.projects.title')), page.items.length ? page.items.map((p) => projectCard(p, ctx, canWrite)) : emptyState(t('money.projects.none')));
      box.dataset.ready = 'true';
    })
    .catch(() => box.remove());
  return box;
}
