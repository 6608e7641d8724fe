// 新建租约: a cooperative writer records the lease of an asset package the e-ledger leased to the
// cooperative (POST /leases; lessee and term come from the package). Every field is checked as the user
// types with the server's rules; 预览 asks the server for the rent schedule (GET /leases/preview, the
// same computation and rejections as the command), shown to the fen before 确认提交. The lease is then
// proposed until a second person approves it.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { field, formAlert, input, setError } from '../ledger-ui.js';
import { moneyApi, optionShares, validInt, validPaymentDay, validPct, validYuan, yuan } from './money-common.js';
import { previewForm } from './money-preview-form.js';

/** The lease form's fields with their client-side rule (null = fine, else a message key). */
const RULES = {
  packageId: (v) => (v ? null : 'money.leaseForm.err.package'),
  contractNumber: (v) => (v.trim() ? null : 'money.leaseForm.err.contract'),
  annualRentYuan: (v) => (validYuan(v) ? null : 'money.form.err.yuan'),
  escalationPct: (v) => (!v.trim() || validPct(v) ? null : 'money.form.err.pct'),
  escalationEveryYears: (v) => (!v.trim() || validInt(v, 1, 100) ? null : 'money.leaseForm.err.every'),
  paymentDay: (v) => (validPaymentDay(v) ? null : 'money.leaseForm.err.day'),
  'option.valuationYuan': (v, all) => (!v.trim() && !all['option.pricePerShareYuan'].trim() ? null : validYuan(v) ? null : 'money.form.err.yuan'),
  'option.pricePerShareYuan': (v, all) => (!v.trim() && !all['option.valuationYuan'].trim() ? null : validYuan(v) ? null : 'money.form.err.yuan'),
};

function packageSelect(village, info) {
  const select = h('select', { name: 'packageId' }, h('option', { value: '' }, t('money.loading')));
  const byId = new Map();
  moneyApi
    .leasable(village)
    .then((list) => {
      for (const p of list) byId.set(p.packageId, p);
      mount(
        select,
        h('option', { value: '' }, list.length ? t('money.leaseForm.choose') : t('money.leaseForm.noPackages')),
        list.map((p) => h('option', { value: p.packageId }, `${p.name} · ${p.termFrom} – ${p.termTo}`)),
      );
      if (list.length === 1) select.value = list[0].packageId;
      showInfo();
    })
    .catch((e) => mount(select, h('option', { value: '' }, e.localized?.() || String(e))));
  const showInfo = () => {
    const p = byId.get(select.value);
    mount(info, p ? t('money.leaseForm.packageInfo', { lessee: p.lesseeName || p.lesseePartyId, from: p.termFrom, to: p.termTo, n: p.resourceCount }) : '');
  };
  select.addEventListener('change', showInfo);
  return select;
}

function previewView(p) {
  const opt = p.option;
  return h(
    'div',
    { class: 'money-preview', role: 'region', 'aria-label': t('money.form.previewTitle') },
    h('h4', null, t('money.form.previewTitle')),
    h('p', { class: 'small' }, t('money.leaseForm.previewHead', { name: p.packageName, lessee: p.lesseeName || p.lesseePartyId, from: p.termFrom, to: p.termTo })),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table lease-schedule' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('money.leaseForm.year')), h('th', { scope: 'col' }, t('money.payables.dueOn')), h('th', { scope: 'col', class: 'num' }, t('money.payables.amount')))),
        h(
          'tbody',
          null,
          p.schedule.map((y) => h('tr', { dataset: { year: String(y.year) } }, h('th', { scope: 'row' }, t('money.payables.leaseYear', { year: y.year }), h('span', { class: 'muted small money-sub' }, `${y.from} – ${y.to}`)), h('td', { class: 'nowrap' }, y.dueOn), h('td', { class: 'num' }, yuan(y.amountYuan)))),
        ),
        h('tfoot', null, h('tr', null, h('th', { scope: 'row', colspan: '2' }, t('money.leaseForm.total')), h('td', { class: 'num preview-total' }, yuan(p.totalRentYuan)))),
      ),
    ),
    opt ? h('p', { class: 'small preview-option' }, t('money.leaseForm.optionPreview', { shares: formatNumber(opt.shares), price: opt.pricePerShareYuan, residual: opt.residualYuan })) : null,
  );
}

/** The form; `onCreated(lease)` is called with the proposed lease. */
export function leaseForm(village, onCreated) {
  const alert = formAlert();
  const info = h('p', { class: 'muted small' });
  const fields = {};
  const controls = {
    contractNumber: input({ name: 'contractNumber', maxlength: '60', autocomplete: 'off' }),
    annualRentYuan: input({ name: 'annualRentYuan', inputmode: 'decimal', placeholder: '120000.00' }),
    escalationPct: input({ name: 'escalationPct', inputmode: 'decimal', value: '0' }),
    escalationEveryYears: input({ name: 'escalationEveryYears', inputmode: 'numeric', value: '1' }),
    paymentDay: input({ name: 'paymentDay', placeholder: '03-31', maxlength: '5', value: '03-31' }),
    'option.valuationYuan': input({ name: 'option.valuationYuan', inputmode: 'decimal', placeholder: t('money.leaseForm.noOption') }),
    'option.pricePerShareYuan': input({ name: 'option.pricePerShareYuan', inputmode: 'decimal', placeholder: t('money.leaseForm.noOption') }),
  };
  controls.packageId = packageSelect(village, info);
  const labels = {
    packageId: ['money.leaseForm.package', null, true],
    contractNumber: ['money.lease.contract'],
    annualRentYuan: ['money.lease.rent'],
    escalationPct: ['money.leaseForm.escalation', 'money.leaseForm.escalationHint'],
    escalationEveryYears: ['money.leaseForm.every'],
    paymentDay: ['money.leaseForm.day', 'money.leaseForm.dayHint'],
    'option.valuationYuan': ['money.leaseForm.valuation', 'money.leaseForm.optionHint'],
    'option.pricePerShareYuan': ['money.leaseForm.price'],
  };
  for (const [name, [label, hint, wide]] of Object.entries(labels)) fields[name] = field(t(label), controls[name], { name, hint: hint ? t(hint) : undefined, wide });
  fields.packageId.append(info);
  const optionLine = h('p', { class: 'muted small option-shares', 'aria-live': 'polite' });
  fields['option.pricePerShareYuan'].append(optionLine);
  const values = () => Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.value]));
  const check = (name) => {
    const message = RULES[name](controls[name].value, values());
    setError(fields[name], message ? t(message) : null);
    return !message;
  };
  const body = () => {
    const v = values();
    const option = v['option.valuationYuan'].trim() || v['option.pricePerShareYuan'].trim() ? { valuationYuan: v['option.valuationYuan'].trim(), pricePerShareYuan: v['option.pricePerShareYuan'].trim() } : null;
    return {
      packageId: v.packageId,
      contractNumber: v.contractNumber.trim(),
      annualRentYuan: v.annualRentYuan.trim(),
      escalationPct: v.escalationPct.trim() || '0',
      escalationEveryYears: Number(v.escalationEveryYears.trim() || '1'),
      paymentDay: v.paymentDay.trim(),
      option,
    };
  };
  const form = previewForm({
    className: 'money-lease-form',
    title: t('money.leaseForm.title'),
    hint: t('money.leaseForm.hint'),
    confirmLabel: t('money.form.confirm'),
    alert,
    fields,
    checkAll: () => Object.keys(controls).map(check).every(Boolean),
    preview: async () => previewView(await moneyApi.leasePreview(body())),
    command: (key) => moneyApi.createLease(body(), key),
    onDone: onCreated,
  });
  const stale = () => {
    form.stale();
    const o = optionShares(controls['option.valuationYuan'].value.trim(), controls['option.pricePerShareYuan'].value.trim());
    optionLine.textContent = o ? t('money.leaseForm.shares', { shares: formatNumber(o.shares), residual: o.residualYuan }) : '';
  };
  for (const name of Object.keys(controls)) {
    controls[name].addEventListener('input', () => {
      stale();
      if (controls[name].value) check(name);
    });
    controls[name].addEventListener('change', () => {
      stale();
      check(name);
    });
  }
  return form.element;
}
