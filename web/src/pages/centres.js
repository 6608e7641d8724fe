// The five city centres. Their services are later features (except the evaluation centre): each
// page has its real header and says plainly that the feature is not in this release (no sample data).

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { CENTRES } from '../shell.js';
import { emptyState, pageHeader } from '../ui.js';
import notFound from './notfound.js';
import { evaluationCentre } from './gep-impact.js';

function unavailable(titleKey, descKey) {
  return h(
    'div',
    { class: 'page' },
    pageHeader({ eyebrow: t('nav.tier.city.long'), title: t(titleKey), subtitle: t(descKey) }),
    h('section', { class: 'card' }, emptyState(t('centre.unavailable'), t('centre.unavailable.text'), '…')),
  );
}

export const centrePage = {
  name: 'centre',
  tier: 'city',
  render(main, ctx) {
    const id = ctx.params.id;
    if (!CENTRES.includes(id)) return notFound.render(main, ctx);
    ctx.setTitle(t(`nav.centre.${id}`));
    if (id === 'evaluation') return evaluationCentre(main, ctx);
    mount(main, unavailable(`nav.centre.${id}`, `centre.${id}.desc`));
  },
};
