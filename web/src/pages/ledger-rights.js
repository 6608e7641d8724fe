// 权属 tab (V2 资源权属一账理): who held which right on a chosen valid date as recorded on a chosen
// record date, for the village and per resource; the bitemporal history of every right (valid
// time across, record time down, corrections marked); forms for a new right and a new version;
// and the parties (权利人) of the village with their create form.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { updateQuery } from '../router.js';
import { formatDate } from '../format.js';
import { emptyState, errorState, loadingState } from '../ui.js';
import { historyVersions, holdersText, instantText, isDate, ledgerApi, nameOf, rightKinds, termName, today } from '../eledger.js';
import { endForm, loadFlags } from './ledger-flags.js';
import { canWrite, field, formAlert, hideAlert, input, pager, pairSelect, panel, section, setError, showProblems, termSelect } from '../ledger-ui.js';

const SOURCE_KINDS = ['certificate', 'contract', 'decision', 'other'];
const ALL = 500;

/** Holder rows editor: party + numerator/denominator; value() → [{partyId, numerator, denominator}]. */
function holdersEditor(parties, initial) {
  const rows = h('div', { class: 'holder-rows' });
  const add = (hd) => {
    const party = h('select', { name: 'partyId', 'aria-label': t('ledger.holder.party') }, h('option', { value: '' }, t('ledger.choose')), parties.map((p) => h('option', { value: p.id, selected: p.id === hd?.partyId }, `${p.name} · ${t(`ledger.partyKind.${p.kind}`)}`)));
    const num = input({ name: 'numerator', inputmode: 'numeric', value: String(hd?.numerator ?? 1), 'aria-label': t('ledger.holder.numerator'), class: 'short' });
    const den = input({ name: 'denominator', inputmode: 'numeric', value: String(hd?.denominator ?? 1), 'aria-label': t('ledger.holder.denominator'), class: 'short' });
    const row = h('div', { class: 'holder-row' }, party, num, h('span', { 'aria-hidden': 'true' }, '/'), den, h('button', { type: 'button', class: 'btn btn-small', 'aria-label': t('ledger.holder.remove'), onclick: () => row.remove() }, '×'));
    rows.appendChild(row);
  };
  for (const hd of initial?.length ? initial : [null]) add(hd);
  const el = h('div', { class: 'holders-editor' }, rows, h('button', { type: 'button', class: 'btn btn-small', onclick: () => add(null) }, '+ ', t('ledger.holder.add')));
  el.value = () =>
    [...rows.querySelectorAll('.holder-row')]
      .map((r) => ({ partyId: r.querySelector('[name=partyId]').value, numerator: Number(r.querySelector('[name=numerator]').value), denominator: Number(r.querySelector('[name=denominator]').value) }))
      .filter((x) => x.partyId);
  return el;
}

function sourceFields(prefix) {
  const kind = pairSelect(SOURCE_KINDS.map((k) => [k, t(`ledger.source.${k}`)]), { name: 'sourceKind', value: 'certificate' });
  const number = input({ name: 'sourceNumber', maxlength: '60' });
  const issuer = input({ name: 'sourceIssuer', maxlength: '100' });
  const issuedOn = input({ type: 'date', name: 'sourceIssuedOn', value: today() });
  const f = {
    kind: field(t('ledger.source.kind'), kind),
    number: field(t('ledger.source.number'), number),
    issuer: field(t('ledger.source.issuer'), issuer),
    issuedOn: field(t('ledger.source.issuedOn'), issuedOn),
  };
  return {
    fields: f,
    el: h('fieldset', { class: 'impact-fieldset', id: `${prefix}-source` }, h('legend', null, t('ledger.source')), h('div', { class: 'form-grid' }, Object.values(f))),
    value: () => ({ kind: kind.value, number: number.value.trim(), issuer: issuer.value.trim(), issuedOn: issuedOn.value }),
  };
}

/** The form for a new right or restriction on `resource`; `current` are its rights now (parents). */
function rightForm(resource, catalog, parties, current, onSaved) {
  const alert = formAlert();
  const kind = termSelect(rightKinds(catalog), { blank: t('ledger.choose'), name: 'kind' });
  const parent = h('select', { name: 'parentRightId' }, h('option', { value: '' }, t('ledger.right.noParent')), current.map((r) => h('option', { value: r.rightId }, `${nameOf(rightKinds(catalog), r.kind)} · ${holdersText(r.holders)} · ${r.validFrom}–${r.validTo || '∞'}`)));
  const rank = input({ name: 'rank', inputmode: 'numeric', class: 'short' });
  const validFrom = input({ type: 'date', name: 'validFrom', value: today() });
  const validTo = input({ type: 'date', name: 'validTo' });
  const holders = holdersEditor(parties, []);
  const note = input({ name: 'note', maxlength: '200' });
  const source = sourceFields('right');
  const fields = {
    kind: field(t('ledger.right.kind'), kind),
    parentRightId: field(t('ledger.right.parent'), parent),
    rank: field(t('ledger.right.rank'), rank, { hint: t('ledger.right.rank.hint') }),
    validFrom: field(t('ledger.right.validFrom'), validFrom),
    validTo: field(t('ledger.right.validTo'), validTo, { hint: t('ledger.right.validTo.hint') }),
    holders: field(t('ledger.right.holders'), holders, { wide: true }),
    source: source.fields.number,
    note: field(t('ledger.note'), note),
  };
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('ledger.right.add'));
  const form = h(
    'form',
    {
      class: 'right-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        let ok = true;
        if (!kind.value) ok = (setError(fields.kind, t('ledger.required')), false);
        if (!isDate(validFrom.value)) ok = (setError(fields.validFrom, t('ledger.required')), false);
        if (!ok) return;
        submit.disabled = true;
        try {
          const saved = await ledgerApi.createRight(resource.id, {
            kind: kind.value,
            parentRightId: parent.value || undefined,
            rank: rank.value ? Number(rank.value) : undefined,
            validFrom: validFrom.value,
            validTo: validTo.value || undefined,
            holders: holders.value(),
            source: source.value(),
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
    h('div', { class: 'form-grid' }, fields.kind, fields.parentRightId, fields.rank, fields.validFrom, fields.validTo, fields.note),
    fields.holders,
    source.el,
    submit,
  );
  return form;
}

/** A new version of right `r` (a change from a date, or a correction with an earlier date). */
function versionForm(r, parties, onSaved) {
  const alert = formAlert();
  const effectiveFrom = input({ type: 'date', name: 'effectiveFrom', value: today() });
  const validTo = input({ type: 'date', name: 'validTo', value: r.validTo || '' });
  const holders = holdersEditor(parties, r.holders);
  const note = input({ name: 'note', maxlength: '200' });
  const source = sourceFields('version');
  const fields = {
    effectiveFrom: field(t('ledger.version.effectiveFrom'), effectiveFrom, { hint: t('ledger.version.hint') }),
    validTo: field(t('ledger.right.validTo'), validTo),
    holders: field(t('ledger.right.holders'), holders, { wide: true }),
    source: source.fields.number,
    note: field(t('ledger.note'), note),
  };
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('ledger.version.add'));
  return h(
    'form',
    {
      class: 'version-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        if (!isDate(effectiveFrom.value)) return setError(fields.effectiveFrom, t('ledger.required'));
        submit.disabled = true;
        try {
          await ledgerApi.amendRight(r.rightId, { effectiveFrom: effectiveFrom.value, validTo: validTo.value || undefined, holders: holders.value(), source: source.value(), note: note.value.trim() || undefined });
          onSaved();
        } catch (err) {
          showProblems(err, fields, alert);
        } finally {
          submit.disabled = false;
        }
      },
    },
    alert,
    h('div', { class: 'form-grid' }, fields.effectiveFrom, fields.validTo, fields.note),
    fields.holders,
    source.el,
    submit,
  );
}

/**
 * The bitemporal history of one right: one line per record (newest first), its rows drawn as bars
 * on a shared valid-time axis; superseded records are struck through, corrections marked.
 */
export function historyView(rows, catalog) {
  const versions = historyVersions(rows);
  if (!versions.length) return emptyState(t('common.empty'));
  const dates = rows.flatMap((r) => [r.validFrom, r.validTo].filter(Boolean));
  const min = dates.reduce((a, b) => (a < b ? a : b));
  const maxKnown = dates.reduce((a, b) => (a > b ? a : b));
  const max = maxKnown > today() ? maxKnown : today();
  const span = Math.max(1, Date.parse(max) - Date.parse(min));
  const pos = (d) => (100 * (Date.parse(d) - Date.parse(min))) / span;
  return h(
    'div',
    { class: 'right-history' },
    h('div', { class: 'timeline-axis small muted', 'aria-hidden': 'true' }, h('span', null, min), h('span', null, t('ledger.history.validAxis')), h('span', null, max)),
    h(
      'ol',
      { class: 'timeline', 'aria-label': t('ledger.history.title') },
      versions.map((v) =>
        h(
          'li',
          { class: `timeline-version${v.correction ? ' is-correction' : ''}`, dataset: { recorded: v.recordedAt } },
          h(
            'div',
            { class: 'timeline-head small' },
            h('strong', null, t('ledger.history.recorded', { at: instantText(v.recordedAt) })),
            v.initial ? h('span', { class: 'badge' }, t('ledger.history.initial')) : null,
            v.correction ? h('span', { class: 'badge badge-correction' }, t('ledger.history.correction')) : null,
            !v.initial && !v.correction ? h('span', { class: 'badge' }, t('ledger.history.change')) : null,
          ),
          h(
            'div',
            { class: 'timeline-track' },
            v.rows.map((r) => {
              const left = pos(r.validFrom);
              const right = r.validTo ? pos(r.validTo) : 100;
              return h(
                'div',
                { class: `timeline-bar${r.current ? ' current' : ' superseded'}`, style: `left:${left}%;width:${Math.max(1.5, right - left)}%`, title: `${r.validFrom} – ${r.validTo || '∞'}` },
                h('span', null, holdersText(r.holders) || '—'),
              );
            }),
          ),
          h(
            'ul',
            { class: 'timeline-rows small' },
            v.rows.map((r) =>
              h(
                'li',
                { class: r.current ? 'current' : 'superseded' },
                `${r.validFrom} – ${r.validTo || t('ledger.open')}: ${holdersText(r.holders) || '—'} · ${nameOf(rightKinds(catalog), r.kind)} · ${r.source?.number || ''}`,
                r.current ? null : h('span', { class: 'muted' }, ` (${t('ledger.history.supersededAt', { at: instantText(r.supersededAt) })})`),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function rightsTable(list, catalog, resources, { onHistory, onVersion, onEnd, writable, flagged = new Set() }) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table rights-table' },
      h('thead', null, h('tr', null, [t('ledger.right.kind'), t('ledger.resource'), t('ledger.right.holders'), t('ledger.right.valid'), '', t('ledger.right.recordedAt'), t('ledger.source')].map((l) => h('th', { scope: 'col' }, l)))),
      h(
        'tbody',
        null,
        list.map((r) =>
          h(
            'tr',
            { dataset: { right: r.rightId, flagged: flagged.has(r.rightId) ? 'true' : null } },
            h('th', { scope: 'row' }, h('span', { class: `right-cat right-${r.category}` }, nameOf(rightKinds(catalog), r.kind)), r.rank ? ` #${r.rank}` : '', flagged.has(r.rightId) ? h('span', { class: 'status-badge status-flagged' }, ' ', t('ledger.flags.badge')) : null),
            h('td', null, resources.get(r.resourceId) || r.resourceId.slice(0, 8)),
            h('td', { class: 'wrap' }, holdersText(r.holders) || '—'),
            h('td', null, `${r.validFrom} – ${r.validTo || t('ledger.open')}`),
            h('td', null, h('div', { class: 'btn-row' }, h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'history', onclick: () => onHistory(r) }, t('ledger.history')), writable ? h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'version', onclick: () => onVersion(r) }, t('ledger.version.add')) : null, writable && r.category === 'right' ? h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'end', onclick: () => onEnd(r) }, t('ledger.end')) : null)),
            h('td', null, formatDate(r.recordedAt)),
            h('td', { class: 'wrap small' }, r.source ? `${t(`ledger.source.${r.source.kind}`) === `ledger.source.${r.source.kind}` ? r.source.kind : t(`ledger.source.${r.source.kind}`)} ${r.source.number}` : '—'),
          ),
        ),
      ),
    ),
  );
}

/** Parties list (paged, filtered by kind / name) and the create form. */
export function partiesSection(code, ctx, writable, onCreated) {
  const slot = h('div', { class: 'parties-list' }, loadingState());
  const formSlot = h('div');
  const kinds = ['household', 'collective', 'cooperative', 'enterprise', 'person'];
  const kindSel = pairSelect(kinds.map((k) => [k, t(`ledger.partyKind.${k}`)]), { blank: t('ledger.filter.allKinds'), name: 'kind' });
  const q = input({ type: 'search', name: 'q', placeholder: t('ledger.party.search'), 'aria-label': t('ledger.party.search') });
  let page = 0;
  const load = () =>
    ledgerApi
      .parties(code, { kind: kindSel.value, q: q.value.trim(), page, size: 20 })
      .then((p) => {
        if (ctx.signal.aborted) return;
        mount(
          slot,
          p.items.length
            ? h(
                'div',
                { class: 'table-wrap' },
                h(
                  'table',
                  { class: 'data-table party-table' },
                  h('thead', null, h('tr', null, [t('ledger.party.name'), t('ledger.party.kind'), t('ledger.party.idNumber'), t('ledger.party.members')].map((l) => h('th', { scope: 'col' }, l)))),
                  h('tbody', null, p.items.map((x) => h('tr', { dataset: { party: x.id } }, h('th', { scope: 'row' }, x.name), h('td', null, t(`ledger.partyKind.${x.kind}`)), h('td', { class: 'mono' }, x.idNumber || '—'), h('td', { class: 'wrap' }, x.kind === 'household' ? `${x.memberCount} · ${(x.members || []).map((m) => `${m.name}（${m.relation}）`).join('、')}` : '—')))),
                ),
              )
            : emptyState(t('ledger.party.none')),
          pager(p, (n) => {
            page = n;
            load();
          }),
        );
        slot.dataset.ready = 'true';
      })
      .catch((e) => mount(slot, errorState(e, load)));
  kindSel.addEventListener('change', () => ((page = 0), load()));
  q.addEventListener('change', () => ((page = 0), load()));
  load();
  const openForm = () =>
    panel(
      formSlot,
      t('ledger.party.new'),
      partyForm(code, () => {
        mount(formSlot);
        page = 0;
        load();
        onCreated?.();
      }),
    );
  return section(
    t('ledger.parties'),
    h('div', { class: 'ledger-filters' }, kindSel, q, h('span', { class: 'toolbar-gap' }), writable ? h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'new-party', onclick: openForm }, '+ ', t('ledger.party.new')) : null),
    formSlot,
    slot,
  );
}

function partyForm(code, onSaved) {
  const alert = formAlert();
  const kinds = ['household', 'collective', 'cooperative', 'enterprise', 'person'];
  const kind = pairSelect(kinds.map((k) => [k, t(`ledger.partyKind.${k}`)]), { name: 'kind', value: 'household' });
  const name = input({ name: 'name', maxlength: '100' });
  const idNumber = input({ name: 'idNumber', maxlength: '30', autocomplete: 'off' });
  const members = h('div', { class: 'member-rows' });
  const addMember = () => {
    const row = h('div', { class: 'holder-row' }, input({ name: 'memberName', placeholder: t('ledger.party.memberName'), 'aria-label': t('ledger.party.memberName') }), input({ name: 'relation', placeholder: t('ledger.party.relation'), 'aria-label': t('ledger.party.relation'), class: 'short' }), h('button', { type: 'button', class: 'btn btn-small', onclick: () => row.remove(), 'aria-label': t('ledger.holder.remove') }, '×'));
    members.appendChild(row);
  };
  addMember();
  const membersBox = h('div', null, members, h('button', { type: 'button', class: 'btn btn-small', onclick: addMember }, '+ ', t('ledger.party.addMember')));
  const fields = { kind: field(t('ledger.party.kind'), kind), name: field(t('ledger.party.name'), name), idNumber: field(t('ledger.party.idNumber'), idNumber, { hint: t('ledger.party.idHint') }), members: field(t('ledger.party.members'), membersBox, { wide: true }) };
  kind.addEventListener('change', () => (fields.members.hidden = kind.value !== 'household'));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('ledger.create'));
  return h(
    'form',
    {
      class: 'party-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        if (!name.value.trim()) return setError(fields.name, t('ledger.required'));
        const list = [...members.querySelectorAll('.holder-row')].map((r) => ({ name: r.querySelector('[name=memberName]').value.trim(), relation: r.querySelector('[name=relation]').value.trim() })).filter((m) => m.name);
        submit.disabled = true;
        try {
          await ledgerApi.createParty(code, { kind: kind.value, name: name.value.trim(), idNumber: idNumber.value.trim() || undefined, members: kind.value === 'household' ? list : undefined });
          onSaved();
        } catch (err) {
          showProblems(err, fields, alert);
        } finally {
          submit.disabled = false;
        }
      },
    },
    alert,
    h('div', { class: 'form-grid' }, fields.kind, fields.name, fields.idNumber),
    fields.members,
    submit,
  );
}

/** Renders the 权属 tab of village `code`. */
export function rightsTab(code, ctx) {
  const box = h('div', { class: 'ledger-tab ledger-rights' }, loadingState());
  Promise.all([ledgerApi.catalog(), ledgerApi.resources(code, { size: ALL }), ledgerApi.parties(code, { size: ALL })])
    .then(([catalog, res, parties]) => !ctx.signal.aborted && render(box, code, ctx, catalog, res.items, parties.items))
    .catch((e) => !ctx.signal.aborted && mount(box, errorState(e)));
  return box;
}

function render(box, code, ctx, catalog, resources, parties) {
  const writable = canWrite(code);
  const names = new Map(resources.map((r) => [r.id, r.name]));
  const validAt = input({ type: 'date', name: 'validAt', value: ctx.query.get('validAt') || today() });
  const recordedAt = input({ type: 'date', name: 'recordedAt', value: ctx.query.get('recordedAt') || today() });
  const kindSel = termSelect(rightKinds(catalog), { blank: t('ledger.filter.allKinds'), name: 'kind' });
  const resSel = h('select', { name: 'res', id: 'rights-resource' }, h('option', { value: '' }, t('ledger.rights.allResources')), resources.map((r) => h('option', { value: r.id, selected: r.id === ctx.query.get('res') }, r.name)));
  const listSlot = h('div', { class: 'rights-list' }, loadingState());
  const flagSlot = h('div', { class: 'flags-slot' });
  const sideSlot = h('div', { class: 'rights-side', 'aria-live': 'polite' });
  const title = h('h3', null);
  let page = 0;

  const showHistory = (r) => {
    mount(sideSlot, loadingState());
    ledgerApi
      .history(r.rightId)
      .then((rows) => {
        panel(sideSlot, t('ledger.history.of', { kind: nameOf(rightKinds(catalog), r.kind), resource: names.get(r.resourceId) || '' }), historyView(rows, catalog));
        sideSlot.scrollIntoView({ block: 'nearest' });
      })
      .catch((e) => mount(sideSlot, errorState(e)));
  };
  const showVersion = (r) =>
    panel(
      sideSlot,
      t('ledger.version.title', { kind: nameOf(rightKinds(catalog), r.kind) }),
      versionForm(r, parties, () => {
        load();
        showHistory(r);
      }),
    );

  const showEnd = (r) =>
    panel(
      sideSlot,
      `${t('ledger.end.title')} · ${nameOf(rightKinds(catalog), r.kind)}`,
      endForm(r, (answer) => {
        mount(sideSlot, h('p', { class: 'form-alert info end-done', role: 'status' }, t('ledger.end.done', { count: answer.flags.length })));
        load();
      }),
    );

  function load() {
    const params = { validAt: validAt.value || undefined, recordedAt: recordedAt.value || undefined, kind: kindSel.value, page, size: 20 };
    updateQuery({ validAt: validAt.value === today() ? null : validAt.value, recordedAt: recordedAt.value === today() ? null : recordedAt.value, res: resSel.value || null });
    const res = resSel.value;
    title.textContent = res ? t('ledger.rights.ofResource', { name: names.get(res) || res, valid: validAt.value, recorded: recordedAt.value }) : t('ledger.rights.ofVillage', { valid: validAt.value, recorded: recordedAt.value });
    const call = res ? ledgerApi.resourceRights(res, params) : ledgerApi.villageRights(code, params);
    const flags = loadFlags(flagSlot, { village: code, resourceId: res, catalog, names, writable, signal: ctx.signal, onChange: load });
    Promise.all([call, flags])
      .then(([answer, open]) => {
        if (ctx.signal.aborted) return;
        const p = answer.rights;
        const addBtn = res && writable ? h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-action': 'new-right', onclick: () => openRightForm(res, p.items) }, '+ ', t('ledger.right.add')) : null;
        mount(
          listSlot,
          addBtn ? h('div', { class: 'btn-row' }, addBtn) : null,
          p.items.length ? rightsTable(p.items, catalog, names, { onHistory: showHistory, onVersion: showVersion, onEnd: showEnd, writable, flagged: new Set(open.map((f) => f.rightId)) }) : emptyState(t('ledger.rights.none'), res ? null : t('ledger.rights.pick')),
          pager(p, (n) => {
            page = n;
            load();
          }),
        );
        listSlot.dataset.ready = 'true';
      })
      .catch((e) => mount(listSlot, errorState(e, load)));
  }

  function openRightForm(resourceId, current) {
    const resource = resources.find((r) => r.id === resourceId) || { id: resourceId };
    panel(
      sideSlot,
      t('ledger.right.addTo', { name: resource.name || '' }),
      rightForm(resource, catalog, parties, current, (saved) => {
        load();
        showHistory(saved);
      }),
    );
  }

  for (const el of [validAt, recordedAt, kindSel, resSel]) el.addEventListener('change', () => ((page = 0), load()));
  mount(
    box,
    h(
      'div',
      { class: 'ledger-filters' },
      h('label', { class: 'inline-field' }, h('span', null, t('ledger.resource')), resSel),
      h('label', { class: 'inline-field' }, h('span', null, t('ledger.rights.validAt')), validAt),
      h('label', { class: 'inline-field' }, h('span', null, t('ledger.rights.recordedAt')), recordedAt),
      h('label', { class: 'inline-field' }, h('span', null, t('ledger.right.kind')), kindSel),
    ),
    h('p', { class: 'muted small' }, t('ledger.rights.explain')),
    h('div', { class: 'rights-layout' }, h('div', null, title, flagSlot, listSlot), sideSlot),
    partiesSection(code, ctx, writable, () =>
      ledgerApi.parties(code, { size: ALL }).then((p) => {
        parties.splice(0, parties.length, ...p.items);
      }),
    ),
  );
  load();
}

/** Party kind names for other views. */
export const partyKindName = (kind) => t(`ledger.partyKind.${kind}`);
