// 流转 tab (V3 流转归集一站办): the transfer application (resource, the transferor's right, the
// transferee, term, rent with escalation and payment day) with a live rent schedule preview, the
// village's transfers by status, and the approval screen of the caller's open tasks.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { session } from '../session.js';
import { formatDate, formatYuan } from '../format.js';
import { emptyState, errorState, loadingState } from '../ui.js';
import { fenToYuan, holdersText, isDate, ledgerApi, nameOf, pctToBp, problemText, rentSchedule, rightKinds, today } from '../eledger.js';
import { canTransfer, field, formAlert, hideAlert, input, pager, pairSelect, section, setError, showProblems } from '../ledger-ui.js';

const STATUSES = ['pending', 'approved', 'rejected'];

export function scheduleTable(rows, totalYuan) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table schedule-table' },
      h('caption', { class: 'sr-only' }, t('ledger.transfer.schedule')),
      h('thead', null, h('tr', null, [t('ledger.schedule.year'), t('ledger.schedule.period'), t('ledger.schedule.due'), t('ledger.schedule.amount')].map((l, i) => h('th', { scope: 'col', class: i === 3 ? 'num' : null }, l)))),
      h('tbody', null, rows.map((r) => h('tr', null, h('th', { scope: 'row' }, String(r.year)), h('td', null, `${r.from} – ${r.to}`), h('td', null, r.dueOn), h('td', { class: 'num' }, formatYuan(r.amountYuan))))),
      h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, t('common.total')), h('td'), h('td'), h('td', { class: 'num schedule-total' }, formatYuan(totalYuan)))),
    ),
  );
}

function transferForm(code, catalog, resources, parties, onSaved) {
  const alert = formAlert();
  const resource = h('select', { name: 'resourceId' }, h('option', { value: '' }, t('ledger.choose')), resources.map((r) => h('option', { value: r.id }, r.name)));
  const parentRight = h('select', { name: 'parentRightId', disabled: true }, h('option', { value: '' }, t('ledger.transfer.pickResource')));
  const transferor = h('select', { name: 'transferorPartyId' }, h('option', { value: '' }, t('ledger.choose')));
  const transferee = h('select', { name: 'transfereePartyId' }, h('option', { value: '' }, t('ledger.choose')), parties.map((p) => h('option', { value: p.id }, `${p.name} · ${t(`ledger.partyKind.${p.kind}`)}`)));
  const year = Number(today().slice(0, 4));
  const termFrom = input({ type: 'date', name: 'termFrom', value: `${year + 1}-01-01` });
  const termTo = input({ type: 'date', name: 'termTo', value: `${year + 6}-01-01` });
  const rent = input({ name: 'annualRentYuan', inputmode: 'decimal', value: '1000.00' });
  const escalation = input({ name: 'escalationPct', inputmode: 'decimal', value: '5', class: 'short' });
  const every = input({ name: 'escalationEveryYears', inputmode: 'numeric', value: '2', class: 'short' });
  const paymentDay = input({ name: 'paymentDay', value: '03-01', placeholder: 'MM-dd', class: 'short' });
  const channel = pairSelect([['offline', t('ledger.channel.offline')], ['online', t('ledger.channel.online')]], { name: 'channel', value: 'offline' });
  const contract = input({ name: 'contractNumber', maxlength: '60' });
  const note = input({ name: 'note', maxlength: '200' });
  const preview = h('div', { class: 'schedule-preview', 'aria-live': 'polite' });
  const fields = {
    resourceId: field(t('ledger.resource'), resource),
    parentRightId: field(t('ledger.transfer.parentRight'), parentRight, { hint: t('ledger.transfer.parentHint') }),
    transferorPartyId: field(t('ledger.transfer.transferor'), transferor),
    transfereePartyId: field(t('ledger.transfer.transferee'), transferee),
    termFrom: field(t('ledger.transfer.termFrom'), termFrom),
    termTo: field(t('ledger.transfer.termTo'), termTo),
    annualRentYuan: field(t('ledger.transfer.rent'), rent),
    escalationPct: field(t('ledger.transfer.escalation'), escalation),
    escalationEveryYears: field(t('ledger.transfer.every'), every),
    paymentDay: field(t('ledger.transfer.paymentDay'), paymentDay, { hint: t('ledger.transfer.paymentDayHint') }),
    channel: field(t('ledger.transfer.channel'), channel),
    contractNumber: field(t('ledger.transfer.contract'), contract),
    note: field(t('ledger.note'), note),
  };
  let rights = [];
  resource.addEventListener('change', async () => {
    setError(fields.resourceId, null);
    mount(parentRight, h('option', { value: '' }, t('common.loading')));
    if (!resource.value) return;
    const answer = await ledgerApi.resourceRights(resource.value, { validAt: termFrom.value || undefined, size: 100 }).catch(() => null);
    rights = (answer?.rights?.items || []).filter((r) => r.category === 'right' && ['contract', 'operating', 'ownership', 'forest', 'construction_land_use'].includes(r.kind));
    parentRight.disabled = false;
    mount(parentRight, h('option', { value: '' }, rights.length ? t('ledger.choose') : t('ledger.transfer.noRights')), rights.map((r) => h('option', { value: r.rightId }, `${nameOf(rightKinds(catalog), r.kind)} · ${holdersText(r.holders)} · ${r.validFrom}–${r.validTo || '∞'}`)));
    if (rights.length === 1) {
      parentRight.value = rights[0].rightId;
      parentRight.dispatchEvent(new Event('change'));
    }
  });
  parentRight.addEventListener('change', () => {
    const r = rights.find((x) => x.rightId === parentRight.value);
    mount(transferor, h('option', { value: '' }, t('ledger.choose')), (r?.holders || []).map((hd) => h('option', { value: hd.partyId }, hd.name)));
    if (r?.holders?.length === 1) transferor.value = r.holders[0].partyId;
  });

  const draw = () => {
    const input = { termFrom: termFrom.value, termTo: termTo.value, annualRentYuan: rent.value, escalationPct: escalation.value, escalationEveryYears: every.value, paymentDay: paymentDay.value };
    setError(fields.escalationPct, escalation.value && pctToBp(escalation.value) === null ? t('ledger.transfer.badEscalation') : null);
    setError(fields.paymentDay, /^\d{2}-\d{2}$/.test(paymentDay.value) ? null : t('ledger.transfer.badPaymentDay'));
    setError(fields.termTo, isDate(termFrom.value) && isDate(termTo.value) && termTo.value <= termFrom.value ? t('ledger.transfer.badTerm') : null);
    const s = rentSchedule(input);
    if (!s) return mount(preview, h('p', { class: 'muted small' }, t('ledger.transfer.previewIncomplete')));
    mount(preview, h('h4', null, t('ledger.transfer.preview')), scheduleTable(s.schedule.map((r) => ({ ...r, amountYuan: fenToYuan(r.amountFen) })), fenToYuan(s.totalFen)));
  };
  for (const el of [termFrom, termTo, rent, escalation, every, paymentDay]) el.addEventListener('input', draw);
  draw();

  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('ledger.transfer.submit'));
  return h(
    'form',
    {
      class: 'transfer-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        let ok = true;
        for (const [k, el] of [['resourceId', resource], ['parentRightId', parentRight], ['transferorPartyId', transferor], ['transfereePartyId', transferee], ['contractNumber', contract]]) {
          if (!el.value.trim()) ok = (setError(fields[k], t('ledger.required')), false);
        }
        if (!ok) return;
        submit.disabled = true;
        try {
          const saved = await ledgerApi.createTransfer(code, {
            resourceId: resource.value,
            parentRightId: parentRight.value,
            transferorPartyId: transferor.value,
            transfereePartyId: transferee.value,
            termFrom: termFrom.value,
            termTo: termTo.value,
            annualRentYuan: rent.value.trim(),
            escalationPct: escalation.value.trim() || '0',
            escalationEveryYears: Number(every.value || 1),
            paymentDay: paymentDay.value.trim(),
            channel: channel.value,
            contractNumber: contract.value.trim(),
            note: note.value.trim() || undefined,
          });
          onSaved(saved);
        } catch (err) {
          showProblems(err, fields, alert);
        } finally {
          submit.disabled = false;
        }
      },
    },
    alert,
    h('div', { class: 'form-grid' }, Object.values(fields)),
    preview,
    submit,
  );
}

function statusBadge(status) {
  return h('span', { class: `status-badge status-${status}` }, t(`ledger.transfer.status.${status}`));
}

/** One transfer's card: parties, term, rent, steps, schedule and (when rejected) the reason. */
export function transferCard(tr, names, { compact = false } = {}) {
  const x = tr.transfer;
  return h(
    'div',
    { class: 'transfer-card', dataset: { transfer: x.id, status: x.status } },
    h(
      'dl',
      { class: 'meta-list small' },
      h('div', null, h('dt', null, t('ledger.transfer.contract')), h('dd', null, x.contractNumber)),
      h('div', null, h('dt', null, t('ledger.resource')), h('dd', null, names.resources.get(x.resourceId) || x.resourceId)),
      h('div', null, h('dt', null, t('ledger.transfer.transferor')), h('dd', null, names.parties.get(x.transferorPartyId) || x.transferorPartyId)),
      h('div', null, h('dt', null, t('ledger.transfer.transferee')), h('dd', null, names.parties.get(x.transfereePartyId) || x.transfereePartyId)),
      h('div', null, h('dt', null, t('ledger.transfer.term')), h('dd', null, `${x.termFrom} – ${x.termTo}`)),
      h('div', null, h('dt', null, t('ledger.transfer.rent')), h('dd', null, `${formatYuan(tr.annualRentYuan)} · +${tr.escalationPct}% / ${x.escalationEveryYears} ${t('ledger.years')}`)),
      h('div', null, h('dt', null, t('ledger.transfer.status')), h('dd', null, statusBadge(x.status), ` ${t('ledger.transfer.step', { step: Math.min(x.stepIndex + 1, (x.steps || []).length), steps: (x.steps || []).length })} (${(x.steps || []).map((s) => t(`ledger.level.${s}`)).join(' → ')})`)),
      x.rejectionCode ? h('div', null, h('dt', null, t('ledger.transfer.reason')), h('dd', { class: 'rejection', dataset: { code: x.rejectionCode } }, problemText(x.rejectionCode))) : null,
      x.operatingRightId ? h('div', null, h('dt', null, t('ledger.transfer.newRight')), h('dd', { class: 'mono' }, x.operatingRightId.slice(0, 8))) : null,
    ),
    compact
      ? h('details', { class: 'schedule-details' }, h('summary', null, t('ledger.transfer.scheduleTotal', { total: formatYuan(tr.totalRentYuan), years: (tr.schedule || []).length })), scheduleTable(tr.schedule || [], tr.totalRentYuan))
      : scheduleTable(tr.schedule || [], tr.totalRentYuan),
  );
}

/** The approval screen: open tasks in the caller's scope with approve / reject. */
export function approvals(ctx, names, onDecided) {
  const slot = h('div', { class: 'approval-list' }, loadingState());
  const load = () =>
    ledgerApi
      .tasks()
      .then(async (tasks) => {
        if (ctx.signal.aborted) return;
        if (!tasks.length) {
          mount(slot, emptyState(t('ledger.tasks.none')));
          slot.dataset.ready = 'true';
          return;
        }
        const transfers = await Promise.all(tasks.map((tk) => ledgerApi.transfer(tk.transferId).catch(() => null)));
        mount(
          slot,
          tasks.map((tk, i) => {
            const tr = transfers[i];
            const alert = formAlert();
            const note = input({ name: 'note', placeholder: t('ledger.tasks.note'), 'aria-label': t('ledger.tasks.note') });
            const decide = async (decision) => {
              hideAlert(alert);
              try {
                const after = await ledgerApi.decide(tk.transferId, decision, note.value.trim());
                onDecided?.(after);
                load();
              } catch (err) {
                showProblems(err, {}, alert);
              }
            };
            const mine = tr?.transfer?.applicant && tr.transfer.applicant === session.me?.username;
            return h(
              'article',
              { class: 'task-card card', dataset: { task: tk.id, transfer: tk.transferId } },
              h('div', { class: 'task-head' }, h('strong', null, t('ledger.tasks.step', { level: t(`ledger.level.${tk.level}`), code: tk.divisionCode })), h('span', { class: `due${tk.dueOn < today() ? ' overdue' : ''}` }, t('ledger.tasks.due', { date: formatDate(tk.dueOn) }))),
              tr ? transferCard(tr, names, { compact: true }) : h('p', { class: 'muted' }, tk.transferId),
              alert,
              mine ? h('p', { class: 'form-alert warn small' }, t('ledger.tasks.own')) : null,
              h('div', { class: 'btn-row' }, note, h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-action': 'approve', onclick: () => decide('approve') }, t('ledger.tasks.approve')), h('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'reject', onclick: () => decide('reject') }, t('ledger.tasks.reject'))),
            );
          }),
        );
        slot.dataset.ready = 'true';
      })
      .catch((e) => mount(slot, errorState(e, load)));
  load();
  slot.reload = load;
  return slot;
}

/** Renders the 流转 tab of village `code`. */
export function transfersTab(code, ctx) {
  const box = h('div', { class: 'ledger-tab ledger-transfers' }, loadingState());
  Promise.all([ledgerApi.catalog(), ledgerApi.resources(code, { size: 500 }), ledgerApi.parties(code, { size: 500 })])
    .then(([catalog, res, parties]) => !ctx.signal.aborted && render(box, code, ctx, catalog, res.items, parties.items))
    .catch((e) => !ctx.signal.aborted && mount(box, errorState(e)));
  return box;
}

function render(box, code, ctx, catalog, resources, parties) {
  const names = { resources: new Map(resources.map((r) => [r.id, r.name])), parties: new Map(parties.map((p) => [p.id, p.name])) };
  const statusSel = pairSelect(STATUSES.map((s) => [s, t(`ledger.transfer.status.${s}`)]), { blank: t('ledger.filter.allStatuses'), name: 'status', value: ctx.query.get('tstatus') || '' });
  const listSlot = h('div', { class: 'transfer-list' }, loadingState());
  const detailSlot = h('div', { class: 'transfer-detail', 'aria-live': 'polite' });
  const formSlot = h('div');
  let page = 0;
  const load = () =>
    ledgerApi
      .transfers(code, { status: statusSel.value, page, size: 20 })
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
                  { class: 'data-table transfer-table' },
                  h('thead', null, h('tr', null, [t('ledger.transfer.contract'), t('ledger.resource'), t('ledger.transfer.transferee'), t('ledger.transfer.term'), t('ledger.transfer.total'), t('ledger.transfer.status')].map((l, i) => h('th', { scope: 'col', class: i === 4 ? 'num' : null }, l)))),
                  h(
                    'tbody',
                    null,
                    p.items.map((tr) =>
                      h(
                        'tr',
                        { dataset: { transfer: tr.transfer.id, status: tr.transfer.status } },
                        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link-button', onclick: () => mount(detailSlot, transferCard(tr, names)) }, tr.transfer.contractNumber)),
                        h('td', null, names.resources.get(tr.transfer.resourceId) || '—'),
                        h('td', null, names.parties.get(tr.transfer.transfereePartyId) || '—'),
                        h('td', null, `${tr.transfer.termFrom} – ${tr.transfer.termTo}`),
                        h('td', { class: 'num' }, formatYuan(tr.totalRentYuan)),
                        h('td', null, statusBadge(tr.transfer.status), tr.transfer.rejectionCode ? h('span', { class: 'muted small' }, ` ${problemText(tr.transfer.rejectionCode)}`) : null),
                      ),
                    ),
                  ),
                ),
              )
            : emptyState(t('ledger.transfer.none')),
          pager(p, (n) => {
            page = n;
            load();
          }),
        );
        listSlot.dataset.ready = 'true';
      })
      .catch((e) => mount(listSlot, errorState(e, load)));
  statusSel.addEventListener('change', () => ((page = 0), load()));
  const newBtn = canTransfer(code)
    ? h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-action': 'new-transfer', onclick: () => mount(formSlot, h('div', { class: 'card ledger-panel' }, h('h3', null, t('ledger.transfer.new')), transferForm(code, catalog, resources, parties, (saved) => {
          mount(formSlot, h('p', { class: 'form-alert info', role: 'status' }, t('ledger.transfer.saved', { number: saved.transfer.contractNumber })));
          mount(detailSlot, transferCard(saved, names));
          load();
          tasks.reload();
        }))) }, '+ ', t('ledger.transfer.new'))
    : null;
  const tasks = approvals(ctx, names, (after) => (mount(detailSlot, transferCard(after, names)), load()));
  mount(
    box,
    section(t('ledger.tasks'), tasks),
    section(t('ledger.transfers'), h('div', { class: 'ledger-filters' }, h('label', { class: 'inline-field' }, h('span', null, t('ledger.transfer.status')), statusSel), h('span', { class: 'toolbar-gap' }), newBtn), formSlot, listSlot, detailSlot),
  );
  load();
}
