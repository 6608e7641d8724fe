// 新建分配方案: a form that previews a distribution run of the village (POST /villages/{v}/runs; nothing
// moves): period, amount (default: the income waiting in the village account), retention % and cap,
// the sources it distributes (paid rent instalments of the village's leases, paid dividends of projects
// where the village holds shares) and a note. Server problems appear next to their fields.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { field, formAlert, hideAlert, input, showProblems } from '../ledger-ui.js';
import { commandKey, moneyApi, yuan } from './money-common.js';
import { today } from '../eledger.js';

/** The paid sources of village `code`: [{kind, id, label, amountYuan}]. */
async function sources(code) {
  const out = [];
  const leases = await moneyApi.leases(code);
  for (const l of leases.items) {
    for (const y of l.schedule) {
      if (y.paid) out.push({ kind: 'rent', id: y.paymentId, label: t('money.statement.contract', { contract: l.contractNumber, year: y.year }), amountYuan: y.amountYuan });
    }
  }
  const projects = await api.get('/distribution/projects', { size: 100 });
  for (const p of projects.items.filter((x) => x.capTable.some((e) => e.holderKind === 'village' && e.holderId === code))) {
    const dividends = await api.get(`/distribution/projects/${p.id}/dividends`).catch(() => []);
    for (const d of dividends.filter((x) => x.status === 'paid')) {
      const line = d.lines.find((l) => l.holderKind === 'village' && l.holderId === code);
      if (line) out.push({ kind: 'dividend', id: d.id, label: t('money.statement.project', { name: p.name, period: d.period }), amountYuan: line.amountYuan });
    }
  }
  return out;
}

/** The form; `onCreated(run)` is called with the previewed run. */
export function runForm(code, ctx, onCreated) {
  const alert = formAlert();
  const year = today().slice(0, 4);
  const period = input({ name: 'period', value: year, maxlength: '7' });
  const amount = input({ name: 'amountYuan', inputmode: 'decimal' });
  const pct = input({ name: 'retentionPct', inputmode: 'decimal', value: '10' });
  const cap = input({ name: 'retentionCapYuan', inputmode: 'decimal', placeholder: t('money.form.noCap') });
  const note = input({ name: 'note', maxlength: '200' });
  const list = h('div', { class: 'money-source-checks' }, h('p', { class: 'muted small' }, t('money.loading')));
  const fields = {
    period: field(t('money.run.period'), period, { hint: t('money.form.periodHint') }),
    amountYuan: field(t('money.form.amount'), amount),
    retentionPct: field(t('money.form.retentionPct'), pct),
    retentionCapYuan: field(t('money.form.cap'), cap),
    sources: field(t('money.form.sources'), list, { wide: true }),
    note: field(t('ledger.note'), note, { wide: true }),
  };
  moneyApi
    .accounts(code)
    .then((a) => !amount.value && a.incomeYuan !== '0.00' && (amount.value = a.incomeYuan))
    .catch(() => null);
  sources(code)
    .then((items) => {
      if (ctx.signal.aborted) return;
      mount(
        list,
        items.length
          ? items.map((s) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'source', value: `${s.kind}:${s.id}` }), h('span', { class: `money-source source-${s.kind}` }, t(`money.source.${s.kind}`)), ` ${s.label} · `, yuan(s.amountYuan)))
          : h('p', { class: 'muted small' }, t('money.form.noSources')),
      );
    })
    .catch(() => mount(list, h('p', { class: 'muted small' }, t('money.form.noSources'))));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('money.form.preview'));
  return h(
    'details',
    { class: 'money-run-form' },
    h('summary', null, t('money.form.title')),
    h(
      'form',
      {
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          hideAlert(alert);
          submit.disabled = true;
          const chosen = [...list.querySelectorAll('input[name=source]:checked')].map((c) => ({ kind: c.value.split(':')[0], id: c.value.slice(c.value.indexOf(':') + 1) }));
          try {
            const run = await moneyApi.previewRun(code, {
              period: period.value.trim(),
              amountYuan: amount.value.trim(),
              retentionPct: pct.value.trim(),
              retentionCapYuan: cap.value.trim() || null,
              sources: chosen,
              note: note.value.trim() || null,
            }, commandKey());
            onCreated(run);
          } catch (err) {
            showProblems(err, fields, alert);
          } finally {
            submit.disabled = false;
          }
        },
      },
      alert,
      h('div', { class: 'form-grid' }, Object.values(fields)),
      h('p', { class: 'muted small' }, t('money.form.hint')),
      submit,
    ),
  );
}
