// Registration from the project eco-impact panel (开发评估中心): once a footprint and a land-cover
// change have been computed, the same footprint and change can be registered as a development
// project — which records its no-net-loss obligation — or proposed to the restoration reserve
// library as a restoration project with owner, sponsor, cost, period and milestones.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { emptyState } from '../ui.js';
import { field, formAlert, hideAlert, input, pairSelect, section, showProblems } from '../ledger-ui.js';
import { canManageCredits, creditsApi } from '../credits.js';
import { toFen } from '../format.js';

const KINDS = ['government', 'village', 'enterprise'];
export const DEFAULT_MILESTONES = [
  { code: 'm1.planting', cumulativePct: 40 },
  { code: 'm2.survival', cumulativePct: 70 },
  { code: 'm3.acceptance', cumulativePct: 100 },
];

/** Milestones due at even steps over the period: [{code, dueOn, cumulativePct}]. */
export function spreadMilestones(periodFrom, periodTo, milestones = DEFAULT_MILESTONES) {
  const from = Date.parse(`${periodFrom}T00:00:00Z`);
  const to = Date.parse(`${periodTo}T00:00:00Z`);
  if (!(to > from)) return [];
  return milestones.map((m, i) => ({ ...m, dueOn: new Date(from + ((to - from) * (i + 1)) / milestones.length).toISOString().slice(0, 10) }));
}

function submitter(form, fields, alert, send) {
  const button = form.querySelector('button[type=submit]');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    hideAlert(alert);
    button.disabled = true;
    try {
      await send();
    } catch (err) {
      showProblems(err, fields, alert);
    } finally {
      button.disabled = false;
    }
  });
}

function developmentForm(state, parties) {
  const alert = formAlert();
  const f = {
    name: field(t('credits.column.name'), input({ name: 'name' }), { name: 'name' }),
    developerPartyId: field(t('credits.column.obligorPartyId'), pairSelect(parties.map((p) => [p.id, p.name]), { name: 'developerPartyId', blank: t('ledger.choose') }), { name: 'developerPartyId' }),
  };
  const form = h('form', { class: 'credits-register-development', novalidate: true }, alert, h('div', { class: 'inline-fields' }, Object.values(f)), h('button', { type: 'submit', class: 'btn btn-primary btn-small' }, t('credits.forms.registerDevelopment')));
  submitter(form, f, alert, async () => {
    const { request } = state;
    const d = await creditsApi.registerDevelopment({ name: f.name.control.value.trim(), countyCode: state.county, developerPartyId: f.developerPartyId.control.value, footprint: request.footprint, change: request.change, year: request.year, params: request.params });
    navigate(`/credits/development/${encodeURIComponent(d.id)}`);
  });
  return section(t('credits.forms.developmentTitle'), h('p', { class: 'muted small' }, t('credits.forms.developmentHelp')), form);
}

function projectForm(state, parties) {
  const alert = formAlert();
  const year = new Date().getFullYear();
  const f = {
    name: field(t('credits.column.name'), input({ name: 'name' }), { name: 'name' }),
    kind: field(t('credits.column.kind'), pairSelect(KINDS.map((k) => [k, t(`credits.value.kind.${k}`)]), { name: 'kind', value: 'village' }), { name: 'kind' }),
    ownerPartyId: field(t('credits.column.ownerPartyId'), pairSelect(parties.map((p) => [p.id, p.name]), { name: 'ownerPartyId', blank: t('ledger.choose') }), { name: 'ownerPartyId' }),
    sponsor: field(t('credits.project.sponsor'), input({ name: 'sponsor' }), { name: 'sponsor' }),
    costYuan: field(t('credits.project.cost'), input({ name: 'costYuan', inputmode: 'decimal' }), { name: 'costYuan' }),
    periodFrom: field(t('credits.project.periodFrom'), input({ name: 'periodFrom', type: 'date', value: `${year}-01-01` }), { name: 'periodFrom' }),
    periodTo: field(t('credits.project.periodTo'), input({ name: 'periodTo', type: 'date', value: `${year + 3}-12-31` }), { name: 'periodTo' }),
  };
  const form = h('form', { class: 'credits-propose-project', novalidate: true }, alert, h('div', { class: 'inline-fields' }, Object.values(f)), h('p', { class: 'muted small' }, t('credits.forms.milestonesHelp')), h('button', { type: 'submit', class: 'btn btn-primary btn-small' }, t('credits.forms.proposeProject')));
  submitter(form, f, alert, async () => {
    const { request } = state;
    const v = (k) => f[k].control.value.trim();
    let cost = v('costYuan');
    try {
      cost = (Number(toFen(cost)) / 100).toFixed(2);
    } catch {
      // sent as typed: the server names the field
    }
    const body = {
      name: v('name'),
      kind: v('kind'),
      countyCode: state.county,
      ownerPartyId: v('ownerPartyId') || undefined,
      sponsor: v('sponsor'),
      costYuan: cost,
      footprint: request.footprint,
      change: request.change,
      periodFrom: v('periodFrom'),
      periodTo: v('periodTo'),
      carbonSink: false,
      milestones: spreadMilestones(v('periodFrom'), v('periodTo')),
    };
    const p = await creditsApi.propose(body);
    navigate(`/credits/project/${encodeURIComponent(p.id)}`);
  });
  return section(t('credits.forms.projectTitle'), h('p', { class: 'muted small' }, t('credits.forms.projectHelp')), form);
}

/**
 * The registration card under the impact panel: empty until a footprint has been computed; then the
 * two forms, for the signed-in user's county (city-wide users choose the county of the footprint).
 */
export function creditsRegistration(ctx) {
  const slot = h('div', { class: 'credits-registration' }, emptyState(t('credits.forms.waiting'), t('credits.forms.waitingText'), '▱'));
  const card = h('section', { class: 'card credits-registration-card', 'aria-labelledby': 'credits-registration' }, h('h2', { id: 'credits-registration' }, t('credits.forms.title')), slot);
  const scope = ctx.me?.scope?.code || '3308';
  const state = { request: null, county: scope.length >= 6 ? scope.slice(0, 6) : null };
  const update = async (request, out) => {
    state.request = request;
    state.county = state.county || out?.countyCode || out?.county || null;
    if (!state.county || !canManageCredits(ctx.me, state.county)) {
      mount(slot, h('p', { class: 'muted' }, t('credits.forms.noCounty')));
      return;
    }
    const parties = await creditsApi.parties(state.county, { signal: ctx.signal }).then((p) => p.items || []).catch(() => []);
    if (ctx.signal.aborted) return;
    mount(slot, developmentForm(state, parties.filter((p) => p.type !== 'county_pool')), projectForm(state, parties));
  };
  return { card, update };
}
