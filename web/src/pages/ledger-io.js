// 导入导出 tab: Excel templates (Chinese headers), imports with a dry run and the row / column /
// problem report (nothing is imported when any row fails), the village ledger export and the
// real-estate registry reconciliation with its four result lists.

import { h, mount } from '../dom.js';
import { t, pick } from '../i18n.js';
import { formatNumber } from '../format.js';
import { ledgerApi, nameOf, rightKinds } from '../eledger.js';
import { canWrite, field, formAlert, hideAlert, pairSelect, section, showProblems } from '../ledger-ui.js';

export const IMPORT_KINDS = ['resources', 'parties', 'rights', 'transfers'];

/** The 422 report: one row per problem (sheet row, column header, message). */
export function problemRowsTable(rows) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table import-problems' },
      h('caption', null, t('ledger.import.problems', { count: rows.length })),
      h('thead', null, h('tr', null, [t('ledger.import.sheet'), t('ledger.import.row'), t('ledger.import.column'), t('ledger.import.problem')].map((l) => h('th', { scope: 'col' }, l)))),
      h('tbody', null, rows.map((r) => h('tr', { dataset: { code: r.code, row: String(r.row), column: r.column || '' } }, h('td', null, r.sheet || '—'), h('th', { scope: 'row', class: 'num' }, String(r.row)), h('td', null, r.column || '—'), h('td', { class: 'wrap' }, pick(r) || r.code)))),
    ),
  );
}

function importForm(code) {
  const alert = formAlert();
  const kind = pairSelect(IMPORT_KINDS.map((k) => [k, t(`ledger.kind.${k}`)]), { name: 'kind', value: 'resources' });
  const file = h('input', { type: 'file', name: 'file', accept: '.xlsx,.geojson,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const dry = h('input', { type: 'checkbox', name: 'dryRun', checked: true });
  const result = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const fields = { kind: field(t('ledger.import.kind'), kind), file: field(t('ledger.import.file'), file, { hint: t('ledger.import.fileHint') }) };
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('ledger.import.run'));
  return h(
    'form',
    {
      class: 'import-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        mount(result);
        if (!file.files[0]) return showProblems({ localized: () => t('ledger.files.choose') }, {}, alert);
        submit.disabled = true;
        try {
          const out = await ledgerApi.importFile(code, kind.value, file.files[0], dry.checked);
          result.dataset.state = 'ok';
          mount(result, h('p', { class: 'form-alert info', role: 'status' }, out.dryRun ? t('ledger.import.dryOk', { rows: formatNumber(out.rows) }) : t('ledger.import.done', { rows: formatNumber(out.rows), imported: formatNumber(out.imported) })));
        } catch (err) {
          result.dataset.state = 'error';
          const rows = err.problem?.rows;
          if (Array.isArray(rows) && rows.length) mount(result, h('p', { class: 'form-alert warn' }, t('ledger.import.nothing')), problemRowsTable(rows));
          else if (err.status === 404 || err.status === 405) showProblems({ localized: () => t('ledger.import.unavailable') }, {}, alert);
          else showProblems(err, fields, alert);
        } finally {
          submit.disabled = false;
        }
      },
    },
    alert,
    h('div', { class: 'form-grid' }, fields.kind, fields.file, h('label', { class: 'check' }, dry, t('ledger.import.dryRun'))),
    submit,
    result,
  );
}

function list(title, items, render) {
  return h('div', { class: 'recon-list', dataset: { list: title } }, h('h4', null, `${t(`ledger.recon.${title}`)} (${items.length})`), items.length ? h('ul', { class: 'small' }, items.slice(0, 200).map((x) => h('li', null, render(x)))) : h('p', { class: 'muted small' }, t('common.empty')));
}

/** One reconciliation item in words; ledger kinds (codes) by their catalogue names, registry kinds as written. */
const describe = (catalog) => (x) => (typeof x === 'string' ? x : [x.certificateNo, x.unitNo || x.resourceName, x.kind ? nameOf(rightKinds(catalog), x.kind) : null, x.holder || x.holders, x.areaM2 ? `${x.areaM2} m²` : null].filter(Boolean).join(' · ') || JSON.stringify(x));

/** Import of the report's "missing here" records (dry run first), all or nothing. */
function registryImport(out) {
  const result = h('div', { class: 'recon-import-result', 'aria-live': 'polite' });
  if (out.importedAt) return h('p', { class: 'muted small recon-imported' }, t('ledger.recon.importedAt', { date: String(out.importedAt).slice(0, 10) }));
  if (!(out.missingHere || []).length) return null;
  const run = async (dryRun, buttons) => {
    buttons.forEach((b) => (b.disabled = true));
    mount(result);
    try {
      const answer = await ledgerApi.importRegistry(out.id, { dryRun });
      result.dataset.state = dryRun ? 'dry' : 'imported';
      mount(result, h('p', { class: 'form-alert info', role: 'status' }, t(dryRun ? 'ledger.recon.dryOk' : 'ledger.recon.imported', { count: formatNumber(answer.rows) })));
      if (!dryRun) return;
    } catch (err) {
      result.dataset.state = 'error';
      const rows = err.problem?.rows;
      if (Array.isArray(rows) && rows.length) mount(result, h('p', { class: 'form-alert warn' }, t('ledger.import.nothing')), problemRowsTable(rows));
      else {
        const alert = formAlert();
        mount(result, alert);
        showProblems(err, {}, alert);
      }
    }
    buttons.forEach((b) => (b.disabled = false));
  };
  const dry = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'registry-dry' }, t('ledger.recon.importDry'));
  const go = h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-action': 'registry-import' }, t('ledger.recon.import'));
  dry.onclick = () => run(true, [dry, go]);
  go.onclick = () => run(false, [dry, go]);
  return h('div', { class: 'recon-import' }, h('div', { class: 'btn-row' }, dry, go), result);
}

function reconcileForm(code) {
  const alert = formAlert();
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.xlsx,text/csv' });
  const result = h('div', { class: 'recon-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('ledger.recon.run'));
  return h(
    'form',
    {
      class: 'recon-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        if (!file.files[0]) return showProblems({ localized: () => t('ledger.files.choose') }, {}, alert);
        submit.disabled = true;
        try {
          const [out, catalog] = await Promise.all([ledgerApi.reconcile(code, file.files[0]), ledgerApi.catalog()]);
          const words = describe(catalog);
          mount(
            result,
            h(
              'div',
              { class: 'recon-grid' },
              list('matched', out.matched || [], words),
              list('missingHere', out.missingHere || [], words),
              list('missingThere', out.missingThere || [], words),
              list('conflicts', out.conflicts || [], (c) => `${c.certificateNo} · ${t(`ledger.recon.field.${c.field}`)}: ${t('ledger.recon.here')} ${c.here} / ${t('ledger.recon.there')} ${c.there}`),
            ),
            out.id ? h('a', { class: 'btn btn-small', href: ledgerApi.reconciliationHref(out.id), download: '', 'data-external': '' }, '⤓ ', t('ledger.recon.download')) : null,
            registryImport(out),
          );
        } catch (err) {
          if (err.status === 404 || err.status === 405) showProblems({ localized: () => t('ledger.import.unavailable') }, {}, alert);
          else showProblems(err, {}, alert);
        } finally {
          submit.disabled = false;
        }
      },
    },
    alert,
    field(t('ledger.recon.file'), file, { hint: t('ledger.recon.hint') }),
    submit,
    result,
  );
}

/** Renders the 导入导出 tab of village `code`. */
export function ioTab(code) {
  const writable = canWrite(code);
  const dl = (href, label) => h('a', { class: 'btn btn-small', href, download: '', 'data-external': '' }, '⤓ ', label);
  return h(
    'div',
    { class: 'ledger-tab ledger-io' },
    section(t('ledger.templates'), h('p', { class: 'muted small' }, t('ledger.templates.explain')), h('div', { class: 'btn-row template-links' }, IMPORT_KINDS.map((k) => dl(ledgerApi.templateHref(k), t(`ledger.kind.${k}`))))),
    section(t('ledger.export'), h('div', { class: 'btn-row export-links' }, dl(ledgerApi.villageExportHref(code), t('ledger.export.village')), dl(ledgerApi.geojsonHref(code), t('ledger.export.geojson')))),
    writable ? section(t('ledger.import'), h('p', { class: 'muted small' }, t('ledger.import.explain')), importForm(code)) : null,
    writable ? section(t('ledger.recon'), h('p', { class: 'muted small' }, t('ledger.recon.explain')), reconcileForm(code)) : null,
  );
}
