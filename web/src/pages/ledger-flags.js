// Rights ended early and their consequences (rights-and-money.md rule 6): the "end early" form of a
// right (date, reason, the document that ends it) and the open flags on derived rights that now
// outlive their parent, each resolvable with a note. Used by the 权属 tab.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { ledgerApi, nameOf, rightKinds, today } from '../eledger.js';
import { field, formAlert, hideAlert, input, pairSelect, setError, showProblems } from '../ledger-ui.js';

const REASONS = ['terminated', 'revoked', 'surrendered'];

/** The form that ends right `r` early; onSaved(answer) gets {rows, flags}. */
export function endForm(r, onSaved) {
  const alert = formAlert();
  const endOn = input({ type: 'date', name: 'endOn', value: today() });
  const reason = pairSelect(REASONS.map((x) => [x, t(`ledger.end.reason.${x}`)]), { name: 'reason', value: 'terminated' });
  const docKind = input({ name: 'docKind', value: '解除协议', maxlength: '40' });
  const docNumber = input({ name: 'docNumber', maxlength: '60' });
  const issuer = input({ name: 'issuer', maxlength: '100' });
  const issuedOn = input({ type: 'date', name: 'issuedOn', value: today() });
  const note = input({ name: 'note', maxlength: '200' });
  const fields = {
    endOn: field(t('ledger.end.on'), endOn),
    reason: field(t('ledger.end.reason'), reason),
    docKind: field(t('ledger.end.docKind'), docKind),
    source: field(t('ledger.end.docNumber'), docNumber),
    issuer: field(t('ledger.end.issuer'), issuer),
    issuedOn: field(t('ledger.end.issuedOn'), issuedOn),
    note: field(t('ledger.note'), note),
  };
  const submit = h('button', { type: 'submit', class: 'btn btn-danger' }, t('ledger.end.submit'));
  return h(
    'form',
    {
      class: 'end-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        let ok = true;
        for (const k of ['source', 'issuer']) if (!fields[k].control.value.trim()) ok = (setError(fields[k], t('ledger.required')), false);
        if (!ok) return;
        submit.disabled = true;
        try {
          const answer = await ledgerApi.endRight(r.rightId, {
            endOn: endOn.value,
            reason: reason.value,
            source: { kind: docKind.value.trim() || 'decision', number: docNumber.value.trim(), issuer: issuer.value.trim(), issuedOn: issuedOn.value },
            note: note.value.trim() || undefined,
          });
          onSaved(answer);
        } catch (err) {
          showProblems(err, fields, alert);
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('p', { class: 'muted small' }, t('ledger.end.explain')),
    alert,
    h('div', { class: 'form-grid' }, Object.values(fields)),
    submit,
  );
}

/** Open flags (may be empty: then nothing is shown) with a resolve form each when `writable`. */
export function flagsList(flags, catalog, names, { writable, onResolved }) {
  if (!flags.length) return null;
  return h(
    'div',
    { class: 'flags-box form-alert warn', role: 'status', dataset: { count: String(flags.length) } },
    h('strong', null, `${t('ledger.flags')} (${flags.length})`),
    h('p', { class: 'small' }, t('ledger.flags.explain')),
    h(
      'ul',
      { class: 'flag-list small' },
      flags.map((f) => {
        const alert = formAlert();
        const note = input({ name: 'note', placeholder: t('ledger.flags.note'), 'aria-label': t('ledger.flags.note') });
        const resolve = async () => {
          hideAlert(alert);
          try {
            await ledgerApi.resolveFlag(f.id, note.value.trim());
            onResolved?.();
          } catch (err) {
            showProblems(err, {}, alert);
          }
        };
        return h(
          'li',
          { class: 'flag-item', dataset: { flag: String(f.id), right: f.rightId } },
          t('ledger.flags.item', { kind: nameOf(rightKinds(catalog), f.kind), right: `${names.get(f.resourceId) || ''} ${f.rightId.slice(0, 8)}`.trim(), parent: f.parentRightId.slice(0, 8), date: f.parentEndedOn, reason: t(`ledger.end.reason.${f.reason}`) }),
          writable ? h('div', { class: 'btn-row' }, note, h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'resolve-flag', onclick: resolve }, t('ledger.flags.resolve'))) : null,
          alert,
        );
      }),
    ),
  );
}

/** Loads the open flags of a resource (or of the village when `resourceId` is empty) into `slot`. */
export function loadFlags(slot, { village, resourceId, catalog, names, writable, signal, onChange }) {
  const call = resourceId ? ledgerApi.resourceFlags(resourceId, { signal }) : ledgerApi.villageFlags(village, { signal });
  return call
    .then((flags) => {
      mount(slot, flagsList(flags, catalog, names, { writable, onResolved: onChange }));
      slot.dataset.ready = 'true';
      return flags;
    })
    .catch(() => {
      mount(slot);
      return [];
    });
}
