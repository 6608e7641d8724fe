// A development project (/credits/development/:id): its loss of regulating-service value from
// project-level GEP, the no-net-loss obligation with its policy version, price set and provenance,
// the eco gate (生态通), and the three ways to balance it — retire own credits, buy from the county
// pool at the published price, or buy a market listing (delivery versus payment, then retirement).

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { formatYuan } from '../format.js';
import { errorState, factList, loadingState, pageHeader } from '../ui.js';
import { field, formAlert, hideAlert, input, pairSelect, section, showProblems } from '../ledger-ui.js';
import { canManageCredits, creditsApi, groupDecimal, isCredits } from '../credits.js';
import { gateBadge } from './credits-county.js';

function creditsInput(name) {
  return input({ name, inputmode: 'decimal', placeholder: '0.000' });
}

/** A small form: fields, one submit button; `send(values)` answers a Settlement. */
function balanceForm(action, title, fields, send, reload) {
  const alert = formAlert();
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-small' }, t('credits.balance.submit'));
  const out = h('p', { class: 'small', 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      class: 'credits-balance-form',
      novalidate: true,
      dataset: { action },
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        const credits = fields.credits.control.value;
        if (!isCredits(credits)) {
          showProblems({ fieldErrors: [{ field: 'credits', messageZh: t('credits.balance.creditsInvalid'), messageEn: t('credits.balance.creditsInvalid') }] }, fields, alert);
          return;
        }
        submit.disabled = true;
        try {
          const s = await send(credits.trim());
          out.textContent = t('credits.balance.done', { units: groupDecimal(s.units), amount: s.amountYuan ? formatYuan(s.amountYuan) : '—' });
          reload();
        } catch (err) {
          showProblems(err, fields, alert);
        } finally {
          submit.disabled = false;
        }
      },
    },
    alert,
    h('div', { class: 'inline-fields' }, Object.values(fields)),
    submit,
    out,
  );
  return section(title, form);
}

function balancing(d, parties, listings, reload) {
  const o = d.obligation;
  const county = parties.filter((p) => p.type !== 'county_pool');
  const holder = pairSelect(county.map((p) => [p.id, p.name]), { name: 'holderPartyId', value: d.developerPartyId });
  const listing = pairSelect(listings.map((l) => [l.id, `${l.id} · ${formatYuan(l.priceYuanPerCredit)} · ${groupDecimal(l.remaining)}`]), { name: 'listingId' });
  const own = { holderPartyId: field(t('credits.column.holderPartyId'), holder, { name: 'holderPartyId' }), credits: field(t('credits.column.credits'), creditsInput('credits'), { name: 'credits' }) };
  const pool = { credits: field(t('credits.column.credits'), creditsInput('credits'), { name: 'credits' }) };
  const market = { listingId: field(t('credits.balance.listing'), listing, { name: 'listingId' }), credits: field(t('credits.column.credits'), creditsInput('credits'), { name: 'credits' }) };
  return h(
    'section',
    { class: 'card credits-balance', 'aria-labelledby': 'balance-title' },
    h('h2', { id: 'balance-title' }, t('credits.balance.title')),
    h('p', { class: 'muted small' }, t('credits.balance.intro')),
    balanceForm('retire', t('credits.balance.own'), own, (credits) => creditsApi.retire(o.id, { holderPartyId: holder.value, credits }), reload),
    balanceForm('pool', t('credits.balance.pool'), pool, (credits) => creditsApi.buyFromPool(o.id, { credits }), reload),
    listings.length
      ? balanceForm('market', t('credits.balance.market'), market, (credits) => creditsApi.buy(listing.value, { buyerPartyId: d.developerPartyId, credits, obligationId: o.id }), reload)
      : section(t('credits.balance.market'), h('p', { class: 'muted small' }, t('credits.county.noListings'))),
  );
}

function view(d, parties, listings, ctx, reload) {
  const o = d.obligation;
  const name = (id) => parties.find((p) => p.id === id)?.name || id || '—';
  return [
    pageHeader({ eyebrow: t('credits.county.developmentsTitle'), title: d.name, badges: [gateBadge(d.gate)], crumbs: [{ label: t('credits.county.title'), href: `/credits/${d.countyCode}` }, { label: d.name }] }),
    h(
      'section',
      { class: 'card credits-obligation' },
      factList([
        [t('credits.column.obligorPartyId'), name(d.developerPartyId)],
        [t('credits.development.delta'), formatYuan(d.deltaYuan), t('credits.perYear')],
        [t('credits.column.amount'), o ? groupDecimal(o.amount) : '—', t('credits.unit')],
        [t('credits.column.retired'), o ? groupDecimal(o.retired) : '—', t('credits.unit')],
        [t('credits.column.coveredByPool'), o ? groupDecimal(o.coveredByPool) : '—', t('credits.unit')],
        [t('credits.development.outstanding'), o ? groupDecimal(o.outstanding) : '—', t('credits.unit')],
        [t('credits.column.policyVersion'), o?.policyVersion || '—'],
        [t('credits.column.priceSetId'), o?.priceSetId || '—'],
      ]),
      o ? h('details', { class: 'provenance' }, h('summary', null, t('credits.development.provenance')), h('pre', { class: 'mono small' }, JSON.stringify(o.provenance ?? {}, null, 2))) : h('p', { class: 'muted' }, t('credits.development.noObligation')),
    ),
    o && d.gate !== 'passed' && canManageCredits(ctx.me, d.countyCode) ? balancing(d, parties, listings, reload) : null,
  ];
}

export const creditsDevelopmentPage = {
  name: 'credits-development',
  tier: 'county',
  render(main, ctx) {
    const load = () => {
      mount(main, loadingState());
      creditsApi
        .development(ctx.params.id, { signal: ctx.signal })
        .then(async (d) => {
          const [parties, listings] = await Promise.all([
            creditsApi.parties(d.countyCode, { signal: ctx.signal }).then((p) => p.items || []),
            creditsApi.listings({ county: d.countyCode, open: true, size: 100 }, { signal: ctx.signal }).then((p) => p.items || []),
          ]);
          if (ctx.signal.aborted) return;
          ctx.setTitle(d.name);
          mount(main, h('div', { class: 'page credits-development', dataset: { gate: d.gate } }, view(d, parties, listings, ctx, load)));
        })
        .catch((e) => !ctx.signal.aborted && mount(main, errorState(e, load)));
    };
    load();
  },
};
