// County administration of eco credits, shown on /credits/:county to the county's officers and cooperative
// operators (and the city administrator): open an eco-credit account for a village collective (picked from
// the county's villages), a cooperative or an enterprise; publish the county pool's price; read the policy
// versions (multiplier, matching rules, buffer, revenue-share rule). Uses the existing POST endpoints.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { divisions } from '../api.js';
import { formatYuan } from '../format.js';
import { dataTable, emptyState } from '../ui.js';
import { field, input, pairSelect } from '../ledger-ui.js';
import { keyedCommand, marketApi, priceFen } from '../credits.js';
import { commandForm } from './credits-market.js';

const TYPES = ['village_collective', 'cooperative', 'enterprise'];

/** Field problems of the open-account form before sending: {field → message key}. */
export function accountProblems({ name, type, villageCode }) {
  const out = {};
  if (!String(name || '').trim()) out.name = 'credits.admin.problem.name';
  if (!TYPES.includes(type)) out.type = 'credits.admin.problem.type';
  if (type === 'village_collective' && !villageCode) out.villageCode = 'credits.admin.problem.village';
  return out;
}

function openAccountForm(county, villages, reload) {
  const type = pairSelect(TYPES.map((k) => [k, t(`credits.admin.partyType.${k}`)]), { name: 'type', value: 'village_collective' });
  const village = pairSelect(villages.map((v) => [v.code, v.name]), { name: 'villageCode', blank: t('ledger.choose') });
  const name = input({ name: 'name' });
  const fields = {
    type: field(t('credits.admin.type'), type, { name: 'type' }),
    villageCode: field(t('credits.admin.village'), village, { name: 'villageCode', hint: t('credits.admin.villageHint') }),
    name: field(t('credits.party.name'), name, { name: 'name' }),
  };
  // The account name follows the village picked, until the user types one of their own.
  let typed = false;
  name.addEventListener('input', () => (typed = true));
  village.addEventListener('change', () => {
    const v = villages.find((x) => x.code === village.value);
    if (v && !typed && type.value === 'village_collective') name.value = t('credits.admin.collectiveName', { village: v.name });
  });
  type.addEventListener('change', () => (fields.villageCode.hidden = type.value !== 'village_collective' && !village.value));
  const run = keyedCommand();
  const values = () => ({ name: name.value.trim(), countyCode: county, villageCode: village.value || undefined, type: type.value });
  return commandForm({
    action: 'open-account',
    fields,
    submitLabel: t('credits.admin.openAccount'),
    validate: () => accountProblems(values()),
    send: () => marketApi.openAccount(values(), run),
    after: reload,
    done: (p) => {
      return t('credits.admin.opened', { name: p.name, id: p.id });
    },
  });
}

function poolForm(county, pool, reload) {
  if (pool) return h('p', { class: 'pool-published', dataset: { price: pool.priceYuanPerCredit } }, t('credits.admin.poolPublished', { price: formatYuan(pool.priceYuanPerCredit) }));
  const fields = { priceYuanPerCredit: field(t('credits.admin.poolPrice'), input({ name: 'priceYuanPerCredit', inputmode: 'decimal', placeholder: '0.00' }), { name: 'priceYuanPerCredit' }) };
  const run = keyedCommand();
  return commandForm({
    action: 'publish-pool',
    fields,
    submitLabel: t('credits.admin.publish'),
    validate: () => (priceFen(fields.priceYuanPerCredit.control.value) === null ? { priceYuanPerCredit: 'credits.market.problem.price' } : {}),
    send: () => marketApi.publishPool({ countyCode: county, priceYuanPerCredit: fields.priceYuanPerCredit.control.value.trim() }, run),
    after: reload,
    done: (p) => {
      return t('credits.admin.poolPublished', { price: formatYuan(p.priceYuanPerCredit) });
    },
  });
}

function policiesTable(policies) {
  if (!policies.length) return emptyState(t('credits.admin.noPolicy'), t('credits.admin.noPolicyText'));
  const yes = (v) => (v ? t('credits.project.yes') : t('credits.project.no'));
  return dataTable({
    columns: [
      { label: t('credits.column.policyVersion'), value: (p) => h('span', { class: 'mono' }, p.version) },
      { label: t('credits.admin.multiplier'), numeric: true, value: (p) => `× ${p.multiplier}` },
      { label: t('credits.admin.sameCounty'), value: (p) => yes(p.sameCounty) },
      { label: t('credits.admin.serviceType'), value: (p) => yes(p.matchServiceType) },
      { label: t('credits.admin.stacking'), value: (p) => t(`credits.admin.stacking.${String(p.stacking).toLowerCase()}`) },
      { label: t('credits.admin.buffer'), numeric: true, value: (p) => `${p.bufferPct}%` },
      {
        label: t('credits.admin.revenueRule'),
        value: (p) => {
          const r = p.revenueRule || {};
          return t('credits.admin.revenueShares', { version: r.version, village: r.villagePct, households: r.householdsPct, operator: r.operatorPct, funds: r.fundsPct });
        },
      },
    ],
    rows: policies,
  });
}

/**
 * The administration card of a county: `pool` the county's pool (or undefined), `policies` the list;
 * villages are loaded here (the account form's picker).
 */
export function creditsAdminCard(county, pool, policies, ctx, reload) {
  const accountSlot = h('div', { class: 'admin-open-account' });
  divisions
    .list({ level: 'village', parent: county, size: 500 })
    .then((p) => !ctx.signal.aborted && mount(accountSlot, openAccountForm(county, p.items || [], reload)))
    .catch(() => !ctx.signal.aborted && mount(accountSlot, openAccountForm(county, [], reload)));
  return h(
    'section',
    { class: 'card credits-admin', 'aria-labelledby': 'credits-admin' },
    h('h2', { id: 'credits-admin' }, t('credits.admin.title')),
    h('div', { class: 'admin-grid' }, h('div', null, h('h3', null, t('credits.admin.accountTitle')), h('p', { class: 'muted small' }, t('credits.admin.accountHelp')), accountSlot), h('div', { class: 'admin-pool' }, h('h3', null, t('credits.admin.poolTitle')), h('p', { class: 'muted small' }, t('credits.admin.poolHelp')), poolForm(county, pool, reload))),
    h('h3', null, t('credits.admin.policiesTitle')),
    h('div', { class: 'admin-policies' }, policiesTable(policies)),
  );
}
