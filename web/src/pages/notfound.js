import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { emptyState } from '../ui.js';

export default {
  name: 'notfound',
  tier: null,
  render(main, ctx) {
    ctx.setTitle(t('error.notFound.title'));
    mount(main, h('div', { class: 'page' }, h('h1', { id: 'page-title' }, t('error.notFound.title')), emptyState(t('error.notFound.text'), null, '?'), h('p', null, h('a', { href: '/' }, t('error.backHome')))));
  },
};
