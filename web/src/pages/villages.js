// 村 tier for users whose scope is larger than one village: find a village by name or code.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { divisions } from '../api.js';
import { navigate } from '../router.js';
import { formatNumber } from '../format.js';
import { dataTable, emptyState, errorState, kindLabel, loadingState, pageHeader, placeName } from '../ui.js';

const SIZE = 50;

export default {
  name: 'villages',
  tier: 'village',
  render(main, ctx) {
    ctx.setTitle(t('villages.title'));
    const q = ctx.query.get('q') || '';
    const page = Math.max(0, Number.parseInt(ctx.query.get('page') || '0', 10) || 0);
    const input = h('input', { type: 'search', id: 'village-q', name: 'q', value: q, placeholder: t('villages.placeholder'), autocomplete: 'off' });
    const form = h('form', { class: 'search-form', role: 'search' }, h('label', { for: 'village-q', class: 'sr-only' }, t('villages.placeholder')), input, h('button', { type: 'submit', class: 'btn btn-primary' }, t('common.search')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      navigate(`/villages?q=${encodeURIComponent(input.value.trim())}`);
    });
    const results = h('div', null, loadingState());
    mount(main, h('div', { class: 'page' }, pageHeader({ title: t('villages.title'), subtitle: t('villages.subtitle') }), h('section', { class: 'card' }, form, results)));

    const load = () =>
      divisions
        .list({ level: 'village', q: q || undefined, page, size: SIZE }, { signal: ctx.signal })
        .then((res) => {
          if (ctx.signal.aborted) return;
          const items = res.items || [];
          if (!items.length) {
            mount(results, emptyState(t('villages.none'), null));
            return;
          }
          const pages = Math.max(1, Math.ceil((res.total || 0) / (res.size || SIZE)));
          const link = (p) => `/villages?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
          mount(
            results,
            dataTable({
              columns: [
                { label: t('level.village'), value: (r) => placeName(r) },
                { label: t('common.code'), value: (r) => h('span', { class: 'mono' }, r.code) },
                { label: t('common.kind'), value: (r) => kindLabel(r.kind) },
                { label: t('division.table.areaKm2'), numeric: true, value: (r) => formatNumber(r.areaKm2, 2) },
              ],
              rows: items,
              rowHref: (r) => `/village/${r.code}`,
            }),
            h(
              'nav',
              { class: 'pager', 'aria-label': t('common.pageOf', { page: page + 1, pages, total: res.total }) },
              page > 0 ? h('a', { class: 'btn btn-small', href: link(page - 1) }, t('common.prev')) : null,
              h('span', { class: 'muted small' }, t('common.pageOf', { page: page + 1, pages, total: formatNumber(res.total) })),
              page + 1 < pages ? h('a', { class: 'btn btn-small', href: link(page + 1) }, t('common.next')) : null,
            ),
          );
        })
        .catch((e) => e.name !== 'AbortError' && !ctx.signal.aborted && mount(results, errorState(e, load)));
    load();
  },
};
