// 资产包 tab: the package builder (secured resources + term, totals by type), the title check with
// every blocking problem listed, status actions (offered → leased to the cooperative), the package
// export, and share quantification (折股量化) by area, members or a mix, summing to the total.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { emptyState, errorState, loadingState } from '../ui.js';
import { TYPE_COLOURS, ledgerApi, muText, nameOf, problemText, sharesBalance, today } from '../eledger.js';
import { canWrite, field, formAlert, hideAlert, input, pager, pairSelect, section, setError, showProblems } from '../ledger-ui.js';

/** Area by type of the chosen resources (client-side preview; the server's sums are authoritative). */
export function areaByType(resources) {
  const out = new Map();
  for (const r of resources) {
    const a = Number(r.geometryKind === 'point' ? r.declaredAreaM2 || 0 : r.areaM2);
    const cur = out.get(r.type) || { type: r.type, count: 0, areaM2: 0 };
    cur.count += 1;
    cur.areaM2 += a;
    out.set(r.type, cur);
  }
  return [...out.values()].sort((a, b) => b.areaM2 - a.areaM2);
}

function typeTable(rows, catalog, total) {
  return h(
    'table',
    { class: 'data-table type-table' },
    h('thead', null, h('tr', null, [t('ledger.field.type'), t('ledger.package.count'), t('ledger.field.areaM2'), t('ledger.field.areaMu')].map((l, i) => h('th', { scope: 'col', class: i ? 'num' : null }, l)))),
    h('tbody', null, rows.map((r) => h('tr', null, h('th', { scope: 'row' }, h('span', { class: 'swatch-dot', style: `background:${TYPE_COLOURS[r.type]}`, 'aria-hidden': 'true' }), nameOf(catalog.types, r.type)), h('td', { class: 'num' }, formatNumber(r.count)), h('td', { class: 'num' }, formatNumber(r.areaM2, 2)), h('td', { class: 'num' }, muText(r.areaM2))))),
    total ? h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, t('common.total')), h('td', { class: 'num' }, formatNumber(total.count)), h('td', { class: 'num package-total' }, formatNumber(total.areaM2, 2)), h('td', { class: 'num' }, muText(total.areaM2)))) : null,
  );
}

function builder(code, catalog, resources, onSaved) {
  const alert = formAlert();
  const name = input({ name: 'name', maxlength: '100' });
  const year = Number(today().slice(0, 4));
  const termFrom = input({ type: 'date', name: 'termFrom', value: `${year + 1}-01-01` });
  const termTo = input({ type: 'date', name: 'termTo', value: `${year + 4}-01-01` });
  const totals = h('div', { class: 'builder-totals', 'aria-live': 'polite' });
  const checks = h(
    'div',
    { class: 'resource-checks' },
    resources.map((r) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: r.id, name: 'resourceIds' }), h('span', { class: 'swatch-dot', style: `background:${TYPE_COLOURS[r.type]}`, 'aria-hidden': 'true' }), `${r.name} · ${nameOf(catalog.types, r.type)} · ${muText(r.geometryKind === 'point' ? r.declaredAreaM2 || 0 : r.areaM2)}`)),
  );
  const fields = { name: field(t('ledger.package.name'), name), termFrom: field(t('ledger.transfer.termFrom'), termFrom), termTo: field(t('ledger.transfer.termTo'), termTo), resourceIds: field(t('ledger.package.resources'), checks, { wide: true, hint: t('ledger.package.resourcesHint') }) };
  const chosen = () => [...checks.querySelectorAll('input:checked')].map((c) => c.value);
  const drawTotals = () => {
    const rows = areaByType(resources.filter((r) => chosen().includes(r.id)));
    const total = rows.reduce((s, r) => ({ count: s.count + r.count, areaM2: s.areaM2 + r.areaM2 }), { count: 0, areaM2: 0 });
    mount(totals, rows.length ? typeTable(rows, catalog, total) : h('p', { class: 'muted small' }, t('ledger.package.noneChosen')));
  };
  checks.addEventListener('change', drawTotals);
  drawTotals();
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('ledger.package.create'));
  return h(
    'form',
    {
      class: 'package-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        if (!name.value.trim()) return setError(fields.name, t('ledger.required'));
        submit.disabled = true;
        try {
          onSaved(await ledgerApi.createPackage(code, { name: name.value.trim(), termFrom: termFrom.value, termTo: termTo.value, resourceIds: chosen() }));
        } catch (err) {
          showProblems(err, fields, alert);
        } finally {
          submit.disabled = false;
        }
      },
    },
    alert,
    h('div', { class: 'form-grid' }, fields.name, fields.termFrom, fields.termTo),
    fields.resourceIds,
    totals,
    submit,
  );
}

/** The package card: totals by type, status, title check, status actions, export. */
function packageView(pkg, catalog, names, parties, writable, onChange) {
  const p = pkg.pkg;
  const problemsSlot = h('div', { class: 'title-problems', 'aria-live': 'polite' });
  const alert = formAlert();
  const lessee = pairSelect(parties.filter((x) => x.kind === 'cooperative').map((x) => [x.id, x.name]), { blank: t('ledger.package.lessee'), name: 'lesseePartyId' });
  const act = async (fn) => {
    hideAlert(alert);
    try {
      await fn();
    } catch (err) {
      showProblems(err, {}, alert);
    }
  };
  const check = () =>
    act(async () => {
      const out = await ledgerApi.titleCheck(p.id);
      problemsSlot.dataset.clear = String(out.clear);
      mount(
        problemsSlot,
        out.clear
          ? h('p', { class: 'form-alert info', role: 'status' }, t('ledger.title.clear'))
          : h('div', { class: 'form-alert warn' }, h('p', null, h('strong', null, t('ledger.title.problems', { count: out.problems.length }))), h('ul', { class: 'problem-list' }, out.problems.map((x) => h('li', { dataset: { code: x.code } }, h('strong', null, names.get(x.resourceId) || x.resourceId), '：', problemText(x.code))))),
      );
      onChange(out.pkg, problemsSlot);
    });
  const statusAction = (status) =>
    act(async () => {
      if (status === 'leased' && !lessee.value) throw { localized: () => t('ledger.package.lesseeRequired') };
      onChange(await ledgerApi.packageStatus(p.id, status, lessee.value));
    });
  return h(
    'div',
    { class: 'package-view card', dataset: { package: p.id, status: p.status } },
    h('div', { class: 'section-head' }, h('h4', null, p.name), h('span', { class: `status-badge status-${p.status}` }, t(`ledger.package.status.${p.status}`))),
    h('p', { class: 'small muted' }, `${t('ledger.transfer.term')}: ${p.termFrom} – ${p.termTo} · ${t('ledger.package.resourceCount', { count: pkg.resourceIds.length })}`),
    typeTable(pkg.areaByType.map((r) => ({ ...r, areaM2: Number(r.areaM2) })), catalog, { count: pkg.resourceIds.length, areaM2: Number(pkg.totalAreaM2) }),
    alert,
    h(
      'div',
      { class: 'btn-row' },
      writable ? h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'title-check', onclick: check }, t('ledger.title.check')) : null,
      writable && p.status === 'title_checked' ? h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'offer', onclick: () => statusAction('offered') }, t('ledger.package.offer')) : null,
      writable && p.status === 'offered' ? [lessee, h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'lease', onclick: () => statusAction('leased') }, t('ledger.package.lease'))] : null,
      h('a', { class: 'btn btn-small', href: ledgerApi.packageExportHref(p.id), download: '', 'data-external': '' }, '⤓ ', t('ledger.package.export')),
    ),
    problemsSlot,
  );
}

/** Share quantification form and its result (nothing is stored). */
export function sharesForm(code, parties) {
  const alert = formAlert();
  const households = parties.filter((p) => p.kind === 'household');
  const total = input({ name: 'totalShares', inputmode: 'numeric', value: '1000', class: 'short' });
  const method = pairSelect(['area', 'members', 'mix'].map((m) => [m, t(`ledger.shares.method.${m}`)]), { name: 'method', value: 'area' });
  const areaPercent = input({ name: 'areaPercent', inputmode: 'decimal', value: '50', class: 'short' });
  const rows = h(
    'div',
    { class: 'share-rows' },
    households.map((p) => h('div', { class: 'holder-row', dataset: { party: p.id } }, h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: true, name: 'use' }), `${p.name}（${t('ledger.shares.members', { count: p.memberCount })}）`), input({ name: 'area', inputmode: 'decimal', placeholder: t('ledger.shares.area'), 'aria-label': `${p.name} ${t('ledger.shares.area')}`, class: 'short', value: '' }))),
  );
  const result = h('div', { class: 'share-result', 'aria-live': 'polite' });
  const fields = { totalShares: field(t('ledger.shares.total'), total), method: field(t('ledger.shares.method'), method), areaPercent: field(t('ledger.shares.areaPercent'), areaPercent), households: field(t('ledger.shares.households'), rows, { wide: true }) };
  const syncMix = () => (fields.areaPercent.hidden = method.value !== 'mix');
  method.addEventListener('change', syncMix);
  syncMix();
  return h(
    'form',
    {
      class: 'share-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        const list = [...rows.querySelectorAll('.holder-row')].filter((r) => r.querySelector('[name=use]').checked).map((r) => ({ partyId: r.dataset.party, contractedAreaM2: r.querySelector('[name=area]').value.trim() || '0' }));
        try {
          const out = await ledgerApi.shares(code, { totalShares: Number(total.value), method: method.value, areaPercent: method.value === 'mix' ? areaPercent.value : undefined, households: list });
          const bal = sharesBalance(out);
          mount(
            result,
            h(
              'table',
              { class: 'data-table share-table' },
              h('thead', null, h('tr', null, [t('ledger.party.name'), t('ledger.shares.area'), t('ledger.party.members'), t('ledger.shares.shares')].map((l, i) => h('th', { scope: 'col', class: i ? 'num' : null }, l)))),
              h('tbody', null, out.households.map((x) => h('tr', null, h('th', { scope: 'row' }, x.name), h('td', { class: 'num' }, formatNumber(x.contractedAreaM2, 2)), h('td', { class: 'num' }, String(x.members)), h('td', { class: 'num' }, formatNumber(x.shares))))),
              h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, t('common.total')), h('td'), h('td'), h('td', { class: `num share-sum ${bal.ok ? 'ok' : 'bad'}` }, `${formatNumber(Number(bal.sum))} / ${formatNumber(out.totalShares)} ${bal.ok ? '✓' : '✗'}`))),
            ),
          );
          result.dataset.ok = String(bal.ok);
        } catch (err) {
          showProblems(err, fields, alert);
        }
      },
    },
    alert,
    h('div', { class: 'form-grid' }, fields.totalShares, fields.method, fields.areaPercent),
    households.length ? fields.households : h('p', { class: 'muted small' }, t('ledger.shares.noHouseholds')),
    h('button', { type: 'submit', class: 'btn btn-primary', disabled: !households.length }, t('ledger.shares.compute')),
    result,
  );
}

/** Renders the 资产包 tab of village `code`. */
export function packagesTab(code, ctx) {
  const box = h('div', { class: 'ledger-tab ledger-packages' }, loadingState());
  Promise.all([ledgerApi.catalog(), ledgerApi.resources(code, { size: 500 }), ledgerApi.parties(code, { size: 500 })])
    .then(([catalog, res, parties]) => !ctx.signal.aborted && render(box, code, ctx, catalog, res.items, parties.items))
    .catch((e) => !ctx.signal.aborted && mount(box, errorState(e)));
  return box;
}

function render(box, code, ctx, catalog, resources, parties) {
  const writable = canWrite(code);
  const names = new Map(resources.map((r) => [r.id, r.name]));
  const listSlot = h('div', { class: 'package-list' }, loadingState());
  const viewSlot = h('div', { class: 'package-slot', 'aria-live': 'polite' });
  const formSlot = h('div');
  let page = 0;
  const show = (pkg, keep) => {
    const view = packageView(pkg, catalog, names, parties, writable, (next, problems) => {
      show(next, problems);
      load();
    });
    if (keep) view.querySelector('.title-problems').replaceWith(keep);
    mount(viewSlot, view);
  };
  const load = () =>
    ledgerApi
      .packages(code, { page, size: 20 })
      .then((p) => {
        if (ctx.signal.aborted) return;
        mount(
          listSlot,
          p.items.length
            ? h(
                'div',
                { class: 'table-wrap' },
                h(
                  'table',
                  { class: 'data-table packages-table' },
                  h('thead', null, h('tr', null, [t('ledger.package.name'), t('ledger.transfer.term'), t('ledger.package.count'), t('ledger.field.areaMu'), t('ledger.transfer.status')].map((l, i) => h('th', { scope: 'col', class: i === 2 || i === 3 ? 'num' : null }, l)))),
                  h('tbody', null, p.items.map((x) => h('tr', { dataset: { package: x.pkg.id } }, h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link-button', onclick: () => show(x) }, x.pkg.name)), h('td', null, `${x.pkg.termFrom} – ${x.pkg.termTo}`), h('td', { class: 'num' }, String(x.resourceIds.length)), h('td', { class: 'num' }, muText(x.totalAreaM2)), h('td', null, h('span', { class: `status-badge status-${x.pkg.status}` }, t(`ledger.package.status.${x.pkg.status}`)))))),
                ),
              )
            : emptyState(t('ledger.package.none')),
          pager(p, (n) => {
            page = n;
            load();
          }),
        );
        listSlot.dataset.ready = 'true';
      })
      .catch((e) => mount(listSlot, errorState(e, load)));
  const newBtn = writable
    ? h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-action': 'new-package', onclick: () => mount(formSlot, h('div', { class: 'card ledger-panel' }, h('h3', null, t('ledger.package.new')), builder(code, catalog, resources, (saved) => {
          mount(formSlot);
          show(saved);
          load();
        }))) }, '+ ', t('ledger.package.new'))
    : null;
  mount(
    box,
    section(t('ledger.packages'), h('div', { class: 'ledger-filters' }, h('p', { class: 'muted small' }, t('ledger.package.explain')), h('span', { class: 'toolbar-gap' }), newBtn), formSlot, listSlot, viewSlot),
    section(t('ledger.shares'), h('p', { class: 'muted small' }, t('ledger.shares.explain')), sharesForm(code, parties)),
  );
  load();
}
