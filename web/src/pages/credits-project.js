// A restoration project of the reserve library (/credits/project/:id): what is planned, its ex-ante
// estimate from project-level GEP, milestones with their acceptance (验收) and the staged releases,
// and the next step of its workflow for the people allowed to take it: review, estimate, record a
// verification, propose a release, approve a release (a different person than its maker).

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { formatDate, formatYuan } from '../format.js';
import { dataTable, errorState, factList, loadingState, pageHeader } from '../ui.js';
import { field, formAlert, hideAlert, input, pairSelect, showProblems } from '../ledger-ui.js';
import { canManageCredits, codedLabel, creditsApi, groupDecimal, unitsOf } from '../credits.js';

function actionButton(label, action, run) {
  const b = h('button', { type: 'button', class: 'btn btn-small', dataset: { action } }, label);
  b.onclick = async () => {
    b.disabled = true;
    try {
      await run();
    } finally {
      b.disabled = false;
    }
  };
  return b;
}

function actions(p, ctx, reload) {
  if (!canManageCredits(ctx.me, p.countyCode)) return null;
  const alert = formAlert();
  const attempt = (call) => async () => {
    hideAlert(alert);
    try {
      await call();
      reload();
    } catch (e) {
      showProblems(e, {}, alert);
    }
  };
  const items = [];
  if (p.status === 'proposed') {
    const note = input({ name: 'note', placeholder: t('ledger.note') });
    items.push(note, actionButton(t('credits.project.approve'), 'approve', attempt(() => creditsApi.review(p.id, 'approve', note.value))), actionButton(t('credits.project.reject'), 'reject', attempt(() => creditsApi.review(p.id, 'reject', note.value))));
  }
  if (p.status === 'approved') items.push(actionButton(t('credits.project.runEstimate'), 'estimate', attempt(() => creditsApi.estimate(p.id, {}))));
  if (p.status === 'estimated') {
    const open = (p.milestones || []).filter((m) => !m.verified);
    if (open.length) {
      const milestone = pairSelect(open.map((m) => [m.code, `${m.code} · ${m.cumulativePct}%`]), { name: 'milestoneCode' });
      const record = input({ name: 'recordRef', placeholder: t('credits.project.recordRef') });
      const f = { recordRef: field(t('credits.project.recordRef'), record, { name: 'recordRef' }) };
      items.push(
        h('div', { class: 'inline-fields' }, milestone, f.recordRef),
        actionButton(t('credits.project.verify'), 'verify', async () => {
          hideAlert(alert);
          try {
            await creditsApi.verify(p.id, { milestoneCode: milestone.value, recordRef: record.value, completed: true });
            reload();
          } catch (e) {
            showProblems(e, f, alert);
          }
        }),
      );
    }
    const released = new Set((p.releases || []).map((r) => r.milestoneCode));
    // A release brings the issued credits up to its milestone's cap: milestones whose cap is already
    // reached (a later milestone was released) have nothing left to release.
    const issued = unitsOf(p.estimate?.released) ?? 0n;
    for (const m of (p.milestones || []).filter((x) => x.verified && !released.has(x.code) && (unitsOf(x.capUnits) ?? 0n) > issued)) {
      items.push(actionButton(t('credits.project.proposeRelease', { code: m.code }), 'propose-release', attempt(() => creditsApi.proposeRelease(p.id, m.code))));
    }
    for (const r of (p.releases || []).filter((x) => x.status === 'proposed')) {
      items.push(actionButton(t('credits.project.approveRelease', { code: r.milestoneCode }), 'approve-release', attempt(() => creditsApi.approveRelease(r.id))));
    }
  }
  if (!items.length) return null;
  return h('section', { class: 'card credits-actions', 'aria-labelledby': 'project-actions' }, h('h2', { id: 'project-actions' }, t('credits.project.next')), h('div', { class: 'btn-row' }, items), alert);
}

function view(p, ctx, reload) {
  const e = p.estimate;
  return [
    pageHeader({ eyebrow: t('credits.county.projectsTitle'), title: p.name, subtitle: `${codedLabel('kind', p.kind)} · ${codedLabel('status', p.status)}`, crumbs: [{ label: t('credits.county.title'), href: `/credits/${p.countyCode}` }, { label: p.name }] }),
    h(
      'section',
      { class: 'card' },
      factList([
        [t('credits.column.id'), p.id],
        [t('credits.project.sponsor'), p.sponsor || '—'],
        [t('credits.project.cost'), formatYuan(p.costYuan || '0')],
        [t('credits.project.area'), groupDecimal(p.areaHm2), 'hm²'],
        [t('credits.project.period'), `${formatDate(p.periodFrom)} — ${formatDate(p.periodTo)}`],
        [t('credits.column.policyVersion'), p.policyVersion || '—'],
        [t('credits.project.proposedBy'), p.proposedBy || '—'],
        [t('credits.project.reviewedBy'), p.reviewedBy || '—'],
      ]),
    ),
    h(
      'section',
      { class: 'card credits-estimate', 'aria-labelledby': 'project-estimate' },
      h('h2', { id: 'project-estimate' }, t('credits.project.estimate')),
      e
        ? factList([
            [t('credits.project.gain'), formatYuan(e.deltaYuan), t('credits.perYear')],
            [t('credits.project.estimate'), groupDecimal(e.units), t('credits.unit')],
            [t('credits.party.pending'), groupDecimal(e.pending), t('credits.unit')],
            [t('credits.project.released'), groupDecimal(e.released), t('credits.unit')],
            [t('gep.year'), String(e.year ?? '—')],
            [t('credits.column.priceSetId'), e.params || '—'],
          ])
        : h('p', { class: 'muted' }, t('credits.project.noEstimate')),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'project-milestones' },
      h('h2', { id: 'project-milestones' }, t('credits.project.milestones')),
      dataTable({
        columns: [
          { label: t('credits.project.milestone'), value: (m) => m.code },
          { label: t('credits.project.dueOn'), value: (m) => formatDate(m.dueOn) },
          { label: t('credits.project.cumulative'), numeric: true, value: (m) => `${m.cumulativePct}%` },
          { label: t('credits.project.cap'), numeric: true, value: (m) => groupDecimal(m.capUnits) },
          { label: t('credits.project.verified'), value: (m) => (m.verified ? t('credits.project.yes') : t('credits.project.no')) },
        ],
        rows: p.milestones || [],
      }),
      (p.releases || []).length
        ? dataTable({
            caption: t('credits.project.releases'),
            columns: [
              { label: t('credits.project.milestone'), value: (r) => r.milestoneCode },
              { label: t('credits.project.maker'), value: (r) => r.maker || '—' },
              { label: t('credits.project.checker'), value: (r) => r.checker || '—' },
              { label: t('credits.column.status'), value: (r) => codedLabel('status', r.status) },
            ],
            rows: p.releases,
          })
        : null,
    ),
    actions(p, ctx, reload),
  ];
}

export const creditsProjectPage = {
  name: 'credits-project',
  tier: 'county',
  render(main, ctx) {
    const load = () => {
      mount(main, loadingState());
      creditsApi
        .project(ctx.params.id, { signal: ctx.signal })
        .then((p) => {
          if (ctx.signal.aborted) return;
          ctx.setTitle(p.name);
          mount(main, h('div', { class: 'page credits-project', dataset: { status: p.status } }, view(p, ctx, load)));
        })
        .catch((e) => !ctx.signal.aborted && mount(main, errorState(e, load)));
    };
    load();
  },
};
