// 生态积分 of a county (/credits/:county): the county pool (price, credits, liabilities), the
// development projects with their no-net-loss obligations and eco gates, the restoration reserve
// library, the open market listings and the credit accounts. Every row leads to its record.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { divisions } from '../api.js';
import { formatYuan } from '../format.js';
import { dataTable, emptyState, errorState, loadingState, pageHeader, placeName, statCards } from '../ui.js';
import { formAlert, hideAlert, showProblems } from '../ledger-ui.js';
import { canManageCredits, codedLabel, creditsApi, groupDecimal } from '../credits.js';
import { creditsAdminCard } from './credits-admin.js';
import { noticeBanner } from './credits-market.js';

/** The eco gate as a coloured badge: passed, covered by a pool liability, or blocked. */
export function gateBadge(gate) {
  const cls = gate === 'passed' ? 'ok' : gate === 'covered-by-pool-liability' ? 'warn' : 'bad';
  return h('span', { class: `gate-badge gate-${cls}`, dataset: { gate: gate || '' } }, codedLabel('status', gate));
}

function table(rows, columns, rowHref, emptyKey) {
  return rows.length ? dataTable({ columns, rows, rowHref }) : emptyState(t('credits.register.empty'), t(emptyKey));
}

function poolCard(county, pool, me, reload) {
  if (!pool) return h('p', { class: 'muted' }, t('credits.county.noPool'));
  const alert = formAlert();
  const settle = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'settle-pool' }, t('credits.county.settle'));
  settle.onclick = async () => {
    hideAlert(alert);
    settle.disabled = true;
    try {
      const out = await creditsApi.settlePool(county);
      alert.textContent = t('credits.county.settled', { count: String(out.settled ?? 0) });
      alert.hidden = false;
      reload();
    } catch (e) {
      showProblems(e, {}, alert);
    } finally {
      settle.disabled = false;
    }
  };
  const liabilities = pool.liabilities || [];
  return h(
    'div',
    null,
    statCards([
      [t('credits.county.poolPrice'), formatYuan(pool.priceYuanPerCredit), t('credits.perCredit')],
      [t('credits.county.poolIssued'), groupDecimal(pool.issued), t('credits.unit')],
      [t('credits.county.openLiabilities'), groupDecimal(pool.openLiabilities), t('credits.unit')],
    ]),
    liabilities.length
      ? dataTable({
          caption: t('credits.county.liabilities'),
          columns: [
            { label: t('credits.column.obligationId'), value: (l) => h('span', { class: 'mono' }, l.obligationId) },
            { label: t('credits.column.beneficiary'), value: (l) => l.beneficiary || '—' },
            { label: t('credits.county.liabilityUnits'), numeric: true, value: (l) => groupDecimal(l.units) },
            { label: t('credits.county.outstanding'), numeric: true, value: (l) => groupDecimal(l.outstanding) },
          ],
          rows: liabilities,
        })
      : null,
    canManageCredits(me, county) ? h('div', { class: 'btn-row' }, settle) : null,
    alert,
  );
}

function render(body, county, ctx, notice) {
  mount(body, loadingState());
  const opts = { signal: ctx.signal };
  Promise.all([
    creditsApi.pools(opts),
    creditsApi.developments({ county, size: 100 }, opts),
    creditsApi.projects({ county, size: 100 }, opts),
    creditsApi.listings({ county, open: true, size: 100 }, opts),
    creditsApi.parties(county, opts),
    canManageCredits(ctx.me, county) ? creditsApi.policies(opts) : null,
  ])
    .then(([pools, developments, projects, listings, parties, policies]) => {
      if (ctx.signal.aborted) return;
      const pool = (pools || []).find((p) => p.countyCode === county);
      const names = new Map((parties.items || []).map((p) => [p.id, p.name]));
      const party = (id) => names.get(id) || id || '—';
      const devs = developments.items || [];
      const blocked = devs.filter((d) => d.gate === 'blocked').length;
      mount(
        body,
        noticeBanner(notice),
        statCards([
          [t('credits.county.developments'), String(devs.length)],
          [t('credits.county.blocked'), String(blocked)],
          [t('credits.county.projects'), String((projects.items || []).length)],
          [t('credits.county.listings'), String((listings.items || []).length)],
        ]),
        policies ? creditsAdminCard(county, pool, policies, ctx, (n) => render(body, county, ctx, n)) : null,
        h('section', { class: 'card', 'aria-labelledby': 'credits-pool' }, h('h2', { id: 'credits-pool' }, t('credits.county.pool')), poolCard(county, pool, ctx.me, () => render(body, county, ctx))),
        h(
          'section',
          { class: 'card credits-developments', 'aria-labelledby': 'credits-devs' },
          h('div', { class: 'title-row' }, h('h2', { id: 'credits-devs' }, t('credits.county.developmentsTitle')), h('a', { class: 'btn btn-small', href: '/centre/evaluation' }, t('credits.county.newDevelopment'))),
          table(
            devs,
            [
              { label: t('credits.column.name'), value: (d) => d.name },
              { label: t('credits.column.obligorPartyId'), value: (d) => party(d.developerPartyId) },
              { label: t('credits.development.delta'), numeric: true, value: (d) => formatYuan(d.deltaYuan) },
              { label: t('credits.column.amount'), numeric: true, value: (d) => groupDecimal(d.obligation?.amount) },
              { label: t('credits.column.retired'), numeric: true, value: (d) => groupDecimal(d.obligation?.retired) },
              { label: t('credits.development.gate'), value: (d) => gateBadge(d.gate) },
            ],
            (d) => `/credits/development/${encodeURIComponent(d.id)}`,
            'credits.county.noDevelopments',
          ),
        ),
        h(
          'section',
          { class: 'card credits-projects', 'aria-labelledby': 'credits-projects' },
          h('div', { class: 'title-row' }, h('h2', { id: 'credits-projects' }, t('credits.county.projectsTitle')), h('a', { class: 'btn btn-small', href: '/centre/evaluation' }, t('credits.county.newProject'))),
          table(
            projects.items || [],
            [
              { label: t('credits.column.name'), value: (p) => p.name },
              { label: t('credits.column.kind'), value: (p) => codedLabel('kind', p.kind) },
              { label: t('credits.column.ownerPartyId'), value: (p) => party(p.ownerPartyId) },
              { label: t('credits.column.status'), value: (p) => codedLabel('status', p.status) },
              { label: t('credits.project.estimate'), numeric: true, value: (p) => groupDecimal(p.estimate?.units) },
              { label: t('credits.project.released'), numeric: true, value: (p) => groupDecimal(p.estimate?.released) },
            ],
            (p) => `/credits/project/${encodeURIComponent(p.id)}`,
            'credits.county.noProjects',
          ),
        ),
        h(
          'section',
          { class: 'card credits-listings', 'aria-labelledby': 'credits-listings' },
          h('div', { class: 'title-row' }, h('h2', { id: 'credits-listings' }, t('credits.county.listingsTitle')), h('a', { class: 'btn btn-small', href: `/market?county=${county}` }, t('credits.market.title'))),
          table(
            listings.items || [],
            [
              { label: t('credits.column.id'), value: (l) => h('span', { class: 'mono' }, l.id) },
              { label: t('credits.listing.seller'), value: (l) => party(l.sellerPartyId) },
              { label: t('credits.column.priceYuanPerCredit'), numeric: true, value: (l) => formatYuan(l.priceYuanPerCredit) },
              { label: t('credits.listing.remaining'), numeric: true, value: (l) => groupDecimal(l.remaining) },
              { label: t('credits.column.policyVersion'), value: (l) => l.policyVersion },
            ],
            null,
            'credits.county.noListings',
          ),
        ),
        h(
          'section',
          { class: 'card credits-parties', 'aria-labelledby': 'credits-parties' },
          h('h2', { id: 'credits-parties' }, t('credits.county.partiesTitle')),
          table(
            parties.items || [],
            [
              { label: t('credits.party.name'), value: (p) => p.name },
              { label: t('credits.column.kind'), value: (p) => codedLabel('kind', p.type) },
              { label: t('credits.party.issued'), numeric: true, value: (p) => groupDecimal(p.issued) },
              { label: t('credits.party.pending'), numeric: true, value: (p) => groupDecimal(p.pending) },
              { label: t('credits.party.listed'), numeric: true, value: (p) => groupDecimal(p.listed) },
              { label: t('credits.party.cash'), numeric: true, value: (p) => (p.cashYuan === undefined || p.cashYuan === null ? '—' : formatYuan(p.cashYuan)) },
            ],
            (p) => `/credits/account/${encodeURIComponent(p.id)}`,
            'credits.county.noParties',
          ),
        ),
      );
    })
    .catch((e) => !ctx.signal.aborted && mount(body, errorState(e, () => render(body, county, ctx))));
}

export const creditsCountyPage = {
  name: 'credits-county',
  tier: 'county',
  render(main, ctx) {
    const county = ctx.params.code;
    const body = h('div', { class: 'credits-county' });
    const header = h('div');
    mount(main, h('div', { class: 'page' }, header, body));
    const drawHeader = (d) => {
      const place = d ? placeName(d) : county;
      ctx.setTitle(`${t('credits.county.title')} · ${place}`);
      mount(header, pageHeader({ eyebrow: place, title: t('credits.county.title'), subtitle: t('credits.county.subtitle'), crumbs: [{ label: place, href: `/county/${county}` }, { label: t('credits.county.title') }] }));
    };
    drawHeader(null);
    divisions.detail(county).then((d) => !ctx.signal.aborted && drawHeader(d)).catch(() => null);
    render(body, county, ctx);
  },
};
