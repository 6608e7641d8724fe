// 预览 → 确认: the shape shared by the money forms whose command the server previews first (new lease,
// dividend declaration). 预览金额 checks every field in the browser, shows the server's preview and arms
// 确认 with a fresh Idempotency-Key; 确认 sends the command with that key (a retried click after a lost
// answer reuses it); any edit hides the preview and drops the key. Server problems appear next to their
// fields.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { hideAlert, showProblems } from '../ledger-ui.js';
import { commandKey } from './money-common.js';

/**
 * The form. `o.fields`: field elements by name (server problems are shown there); `o.checkAll()`: the
 * browser checks, false stops; `o.preview()`: resolves to the node shown as the preview;
 * `o.command(key)`: sends the command; `o.onDone(result)`: after it succeeded. Returns the `<details>`
 * element and `stale()`, to be called on every edit.
 */
export function previewForm({ className, title, hint, confirmLabel, alert, fields, checkAll, preview, command, onDone }) {
  const box = h('div');
  const confirm = h('button', { type: 'button', class: 'btn btn-primary', hidden: true }, confirmLabel);
  const submit = h('button', { type: 'submit', class: 'btn' }, t('money.form.previewAmounts'));
  let key = null;
  const stale = () => {
    mount(box);
    confirm.hidden = true;
    key = null;
  };
  confirm.addEventListener('click', async () => {
    hideAlert(alert);
    confirm.disabled = true;
    try {
      onDone(await command(key));
    } catch (err) {
      showProblems(err, fields, alert);
    } finally {
      confirm.disabled = false;
    }
  });
  const onsubmit = async (e) => {
    e.preventDefault();
    hideAlert(alert);
    if (!checkAll()) return;
    submit.disabled = true;
    try {
      mount(box, await preview());
      key = commandKey();
      confirm.hidden = false;
    } catch (err) {
      showProblems(err, fields, alert);
    } finally {
      submit.disabled = false;
    }
  };
  const element = h(
    'details',
    { class: `money-form ${className}` },
    h('summary', null, title),
    h(
      'form',
      { novalidate: true, onsubmit },
      alert,
      h('div', { class: 'form-grid' }, Object.values(fields)),
      h('p', { class: 'muted small' }, hint),
      h('div', { class: 'form-actions' }, submit),
      box,
      h('div', { class: 'form-actions' }, confirm),
    ),
  );
  return { element, stale };
}
