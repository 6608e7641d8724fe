// Accessible tabs (WAI-ARIA tabs pattern): buttons with role="tab", arrow keys move between
// them, the selected tab is kept in the URL (?tab=) so it survives reloads and can be shared.

import { h } from './dom.js';
import { updateQuery } from './router.js';

export function tabs({ label, items, selected, renderPanel, idPrefix = 'tab' }) {
  const current = items.some((i) => i.id === selected) ? selected : items[0].id;
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel', tabindex: '0' });
  const buttons = items.map((item) =>
    h('button', { type: 'button', role: 'tab', id: `${idPrefix}-${item.id}`, class: 'tab', 'aria-controls': `${idPrefix}-panel`, dataset: { tab: item.id } }, item.label),
  );
  panel.id = `${idPrefix}-panel`;

  function select(id, focus) {
    for (const b of buttons) {
      const on = b.dataset.tab === id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
      if (on && b.isConnected) b.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      if (on) panel.setAttribute('aria-labelledby', b.id);
    }
    panel.replaceChildren(renderPanel(id));
  }

  const list = h('div', { class: 'tab-list', role: 'tablist', 'aria-label': label }, buttons);
  list.addEventListener('click', (e) => {
    const b = e.target.closest('[role=tab]');
    if (!b) return;
    select(b.dataset.tab, false);
    updateQuery({ tab: b.dataset.tab });
  });
  list.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    let next = null;
    if (e.key === 'ArrowRight') next = (i + 1) % buttons.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + buttons.length) % buttons.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    if (next === null) return;
    e.preventDefault();
    select(buttons[next].dataset.tab, true);
    updateQuery({ tab: buttons[next].dataset.tab });
  });
  select(current, false);
  return h('div', { class: 'tabs' }, list, panel);
}
