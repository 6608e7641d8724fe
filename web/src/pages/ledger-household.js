// 我的台账: the page of a HOUSEHOLD user (农户). Its own party, the rights it holds today on which
// parcels, an online application to transfer the operating right of a contract (or operating) right to
// the village collective or the cooperative, with the rent preview, and its applications with their
// approval steps. Built for a phone (360 px); the household sees nothing of other parties.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { emptyState, errorState, loadingState, pageHeader } from '../ui.js';
import { fenToYuan, isDate, ledgerApi, muText, nameOf, pctToBp, rentSchedule, rightKinds, shareText, subtypeName, today } from '../eledger.js';
import { field, formAlert, hideAlert, input, pairSelect, section, setError, showProblems } from '../ledger-ui.js';
import { scheduleTable, transferCard } from './ledger-transfers.js';

/** Rights a household may transfer the operating right of. */
const TRANSFERABLE = ['contract', 'operating'];

/** The household's rights as cards (a phone shows them one under the other). */
function rightsList(catalog, rights, partyId, onApply) {
  if (!rights.length) return emptyState(t('ledger.household.noRights'));
  return h(
    'div',
    { class: 'household-rights' },
    rights.map(({ right: r, parcel: p }) => {
      const own = r.holders.find((x) => x.partyId === partyId);
      return h(
        'article',
        { class: 'household-right card', dataset: { right: r.rightId } },
        h('h4', null, p?.name || r.resourceId),
        h(
          'dl',
          { class: 'meta-list small' },
          p ? h('div', null, h('dt', null, t('ledger.field.type')), h('dd', null, `${nameOf(catalog.types, p.type)} · ${subtypeName(catalog, p.type, p.subtype)}`)) : null,
          p ? h('div', null, h('dt', null, t('ledger.household.area')), h('dd', null, `${muText(p.areaM2)} · ${formatNumber(p.areaM2, 2)} m²`)) : null,
          h('div', null, h('dt', null, t('ledger.right.kind')), h('dd', null, nameOf(rightKinds(catalog), r.kind))),
          h('div', null, h('dt', null, t('ledger.household.term')), h('dd', null, `${r.validFrom} – ${r.validTo || t('ledger.open')}`)),
          h('div', null, h('dt', null, t('ledger.household.share')), h('dd', null, own ? shareText(own) : '—')),
          r.source ? h('div', null, h('dt', null, t('ledger.source')), h('dd', null, r.source.number)) : null,
        ),
        TRANSFERABLE.includes(r.kind) ? h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'apply', onclick: () => onApply(r) }, t('ledger.household.apply')) : null,
      );
    }),
  );
}

function applicationForm(mine, right, onSaved) {
  const alert = formAlert();
  const year = Number(today().slice(0, 4));
  const end = right.validTo && right.validTo < `${year + 11}-01-01` ? right.validTo : `${year + 11}-01-01`;
  const transferee = pairSelect(mine.transferees.map((p) => [p.id, `${p.name} · ${t(`ledger.partyKind.${p.kind}`)}`]), { name: 'transfereePartyId', blank: t('ledger.choose') });
  if (mine.transferees.length === 1) transferee.value = mine.transferees[0].id;
  const termFrom = input({ type: 'date', name: 'termFrom', value: `${year + 1}-01-01` });
  const termTo = input({ type: 'date', name: 'termTo', value: end });
  const rent = input({ name: 'annualRentYuan', inputmode: 'decimal', value: '600.00' });
  const escalation = input({ name: 'escalationPct', inputmode: 'decimal', value: '3', class: 'short' });
  const every = input({ name: 'escalationEveryYears', inputmode: 'numeric', value: '3', class: 'short' });
  const paymentDay = input({ name: 'paymentDay', value: '12-31', placeholder: 'MM-dd', class: 'short' });
  const contract = input({ name: 'contractNumber', maxlength: '60', value: `WS-${mine.party.number}-${Date.now().toString(36).toUpperCase()}` });
  const note = input({ name: 'note', maxlength: '200' });
  const preview = h('div', { class: 'schedule-preview', 'aria-live': 'polite' });
  const fields = {
    transfereePartyId: field(t('ledger.transfer.transferee'), transferee),
    termFrom: field(t('ledger.transfer.termFrom'), termFrom),
    termTo: field(t('ledger.transfer.termTo'), termTo, { hint: right.validTo ? t('ledger.household.until', { date: right.validTo }) : null }),
    annualRentYuan: field(t('ledger.transfer.rent'), rent),
    escalationPct: field(t('ledger.transfer.escalation'), escalation),
    escalationEveryYears: field(t('ledger.transfer.every'), every),
    paymentDay: field(t('ledger.transfer.paymentDay'), paymentDay, { hint: t('ledger.transfer.paymentDayHint') }),
    contractNumber: field(t('ledger.household.reference'), contract),
    note: field(t('ledger.note'), note),
  };
  const draw = () => {
    setError(fields.escalationPct, escalation.value && pctToBp(escalation.value) === null ? t('ledger.transfer.badEscalation') : null);
    setError(fields.termTo, isDate(termFrom.value) && isDate(termTo.value) && termTo.value <= termFrom.value ? t('ledger.transfer.badTerm') : null);
    const s = rentSchedule({ termFrom: termFrom.value, termTo: termTo.value, annualRentYuan: rent.value, escalationPct: escalation.value, escalationEveryYears: every.value, paymentDay: paymentDay.value });
    if (!s) return mount(preview, h('p', { class: 'muted small' }, t('ledger.transfer.previewIncomplete')));
    mount(preview, h('h4', null, t('ledger.transfer.preview')), scheduleTable(s.schedule.map((r) => ({ ...r, amountYuan: fenToYuan(r.amountFen) })), fenToYuan(s.totalFen)));
  };
  for (const el of [termFrom, termTo, rent, escalation, every, paymentDay]) el.addEventListener('input', draw);
  draw();
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('ledger.household.send'));
  return h(
    'form',
    {
      class: 'household-application',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        if (!transferee.value) return setError(fields.transfereePartyId, t('ledger.required'));
        submit.disabled = true;
        try {
          const saved = await ledgerApi.createTransfer(mine.villageCode, {
            resourceId: right.resourceId,
            parentRightId: right.rightId,
            transferorPartyId: mine.party.id,
            transfereePartyId: transferee.value,
            termFrom: termFrom.value,
            termTo: termTo.value,
            annualRentYuan: rent.value.trim(),
            escalationPct: escalation.value.trim() || '0',
            escalationEveryYears: Number(every.value || 1),
            paymentDay: paymentDay.value.trim(),
            channel: 'online',
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
    h('p', { class: 'muted small' }, t('ledger.household.applyExplain')),
    alert,
    h('div', { class: 'form-grid' }, Object.values(fields)),
    preview,
    submit,
  );
}

function render(main, ctx, catalog, mine) {
  const names = {
    resources: new Map(mine.rights.filter((x) => x.parcel).map((x) => [x.parcel.id, x.parcel.name])),
    parties: new Map([[mine.party.id, mine.party.name], ...mine.transferees.map((p) => [p.id, p.name])]),
  };
  const formSlot = h('div', { class: 'application-slot' });
  const apply = (right) => {
    const parcel = mine.rights.find((x) => x.right.rightId === right.rightId)?.parcel;
    mount(
      formSlot,
      h(
        'div',
        { class: 'card ledger-panel' },
        h('h3', null, t('ledger.household.applyFor', { name: parcel?.name || right.resourceId })),
        applicationForm(mine, right, (saved) => {
          mount(formSlot, h('p', { class: 'form-alert info', role: 'status' }, t('ledger.household.sent', { number: saved.transfer.contractNumber })));
          reload();
        }),
      ),
    );
    formSlot.scrollIntoView({ block: 'start' });
  };
  const applications = mine.transfers.length
    ? h('div', { class: 'household-transfers' }, mine.transfers.map((tr) => h('article', { class: 'card household-transfer' }, transferCard(tr, names, { compact: true }), steps(tr))))
    : emptyState(t('ledger.household.noApplications'));
  mount(
    main,
    h(
      'div',
      { class: 'page household-page' },
      pageHeader({
        eyebrow: t('ledger.household.eyebrow'),
        title: mine.party.name,
        meta: [
          [t('ledger.household.village'), mine.villageName],
          [t('ledger.household.number'), h('span', { class: 'mono' }, String(mine.party.number))],
          [t('ledger.household.members'), formatNumber(mine.party.memberCount)],
          [t('ledger.household.asOf'), mine.validAt],
        ],
        actions: h('a', { class: 'btn', href: '/household/statement' }, t('ledger.household.statement')),
      }),
      h('section', { class: 'card' }, section(t('ledger.household.rights'), rightsList(catalog, mine.rights, mine.party.id, apply)), formSlot),
      h('section', { class: 'card' }, section(t('ledger.household.applications'), applications)),
    ),
  );
  function reload() {
    load(main, ctx, catalog, formSlot.firstChild);
  }
}

/** The approval steps of an application: which step it waits at, who decided, when. */
function steps(tr) {
  const tasks = tr.tasks || [];
  if (!tasks.length) return null;
  return h(
    'ol',
    { class: 'approval-steps small' },
    tasks.map((tk) => h('li', { dataset: { status: tk.status } }, `${t(`ledger.level.${tk.level}`)} · ${t(`ledger.household.task.${tk.status}`)}`, tk.decidedAt ? ` · ${String(tk.decidedAt).slice(0, 10)}` : ` · ${t('ledger.tasks.due', { date: tk.dueOn })}`, tk.note ? ` · ${tk.note}` : '')),
  );
}

function load(main, ctx, catalogKnown, keep) {
  Promise.all([catalogKnown || ledgerApi.catalog(), ledgerApi.myLedger()])
    .then(([catalog, mine]) => {
      if (ctx.signal.aborted) return;
      render(main, ctx, catalog, mine);
      if (keep) main.querySelector('.application-slot')?.append(keep);
      main.querySelector('.household-page').dataset.ready = 'true';
    })
    .catch((e) => !ctx.signal.aborted && mount(main, h('div', { class: 'page' }, errorState(e, () => load(main, ctx)))));
}

export default {
  name: 'household',
  tier: 'village',
  render(main, ctx) {
    ctx.setTitle(t('ledger.household.title'));
    mount(main, h('div', { class: 'page' }, loadingState()));
    load(main, ctx);
  },
};
