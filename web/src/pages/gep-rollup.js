// GEP on the county, town and city pages: roll-up summary, ranking of the children (each row
// leads down), early-warning alerts (acknowledge / resolve for county officers and the city
// admin) and the 'GEP 核算' runs panel (start, live progress, cancel).

import { h, mount } from '../dom.js';
import { t, pick } from '../i18n.js';
import { formatDate, formatNumber } from '../format.js';
import { dataTable, emptyState, errorState, loadingState, placeName } from '../ui.js';
import { canManage, changeBadge, gepApi, placeholderCount, wan, wanPerKm2Unit, wanUnit } from '../gep.js';
import { downloads, gepHeadline, yearSelect } from './gep-village.js';

const LEVEL_HREF = { county: (c) => `/county/${c}`, town: (c) => `/town/${c}`, village: (c) => `/village/${c}` };
const ACTIVE = new Set(['queued', 'running', 'cancelling']);
const ALERTS_SHOWN = 6;
// Page<T> of the API ({items, page, size, total}); `content` is accepted as well.
const pageItems = (page) => (Array.isArray(page) ? page : page?.items || page?.content || []);
// A run's scope as a division code (a plain code, or an object with a code).
const scopeOf = (run) => String(run.scope?.code ?? run.scope ?? '');

/** Summary + ranking of `d` (county, town or city); re-loads itself for another year. */
function summarySection(d, ctx) {
  const box = h('div', { class: 'gep-rollup-body' }, loadingState());
  let inner = null;
  const load = (year) => {
    inner?.abort();
    inner = new AbortController();
    const signal = inner.signal;
    ctx.signal.addEventListener('abort', () => inner.abort(), { once: true });
    Promise.all([gepApi.years(d.code, { signal }), gepApi.account(d.code, year || undefined, { signal })])
      .then(async ([years, a]) => {
        const children = await gepApi.children(d.code, a.year, { signal }).catch(() => []);
        if (signal.aborted) return;
        mount(
          box,
          h('div', { class: 'gep-toolbar' }, yearSelect(years, a.year, load, `gep-year-${d.code}`), h('span', { class: 'muted small' }, t('gep.rollup.villages', { count: a.villages ?? '—' })), h('span', { class: 'toolbar-gap' }), downloads(d.code, a.year)),
          gepHeadline(a),
          h('h3', null, t('gep.ranking.title', { year: a.year })),
          children.length ? rankingTable(children) : emptyState(t('common.empty'), null),
        );
        box.dataset.ready = 'true';
      })
      .catch((e) => {
        if (signal.aborted || e.name === 'AbortError') return;
        if (e.status === 404 && e.code === 'gep.account.no-results') mount(box, emptyState(t('gep.noResults.title'), t('gep.noResults.rollup')));
        else if (e.status === 404 && e.code === 'gep.division.not-found') mount(box, emptyState(t('gep.outOfScope.title'), t('gep.outOfScope.text')));
        else mount(box, errorState(e, () => load(year)));
        box.dataset.ready = 'empty';
      });
  };
  load(null);
  return { box, reload: () => load(null) };
}

function rankingTable(rows) {
  return h(
    'div',
    { class: 'gep-ranking' },
    dataTable({
      columns: [
        { label: t('gep.ranking.name'), value: (r) => placeName(r) },
        { label: t('gep.ranking.rank'), numeric: true, value: (r) => String(r.rank) },
        { label: t('gep.ranking.perKm2', { unit: wanPerKm2Unit() }), numeric: true, value: (r) => wan(r.perKm2Yuan) },
        { label: t('gep.ranking.total', { unit: wanUnit() }), numeric: true, value: (r) => wan(r.totalYuan) },
        { label: t('gep.ranking.regulating', { unit: wanUnit() }), numeric: true, value: (r) => wan(r.regulatingYuan) },
        { label: t('gep.table.change'), numeric: true, value: (r) => changeBadge(r.changePct) },
      ],
      rows,
      rowHref: (r) => (LEVEL_HREF[r.level] || LEVEL_HREF.village)(r.code) + (r.level === 'village' ? '?tab=gep' : ''),
    }),
  );
}

// ---- alerts -------------------------------------------------------------------------------------

function severityBadge(severity) {
  // Distinct shapes per severity, so colour is not the only cue.
  const icon = { critical: '■', warning: '▲', info: '●' }[severity] || '•';
  return h('span', { class: `badge severity severity-${severity}` }, h('span', { 'aria-hidden': 'true' }, icon), ' ', t(`gep.severity.${severity}`));
}

const measureText = (v) => (v === null || v === undefined || v === '' || Number.isNaN(Number(v)) ? '—' : formatNumber(Number(v), 2));

function alertActions(alert, onDone) {
  const note = h('input', { type: 'text', class: 'note-input', maxlength: '500', placeholder: t('gep.alert.notePlaceholder'), 'aria-label': t('gep.alert.note') });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const act = (action) => async (e) => {
    const button = e.currentTarget;
    error.hidden = true;
    if (action === 'resolve' && !note.value.trim()) {
      error.textContent = t('gep.alert.noteRequired');
      error.hidden = false;
      note.setAttribute('aria-invalid', 'true');
      note.focus();
      return;
    }
    button.disabled = true;
    try {
      onDone(await gepApi.alertAction(alert.id, action, note.value.trim() || null));
    } catch (err) {
      error.textContent = err.fieldMessages?.().note || err.localized?.() || t('error.network');
      error.hidden = false;
      button.disabled = false;
    }
  };
  return h(
    'div',
    { class: 'alert-actions' },
    note,
    alert.status === 'open' ? h('button', { type: 'button', class: 'btn btn-small', onclick: act('acknowledge') }, t('gep.alert.acknowledge')) : null,
    h('button', { type: 'button', class: 'btn btn-small', onclick: act('resolve') }, t('gep.alert.resolve')),
    error,
  );
}

function alertsSection(d, ctx) {
  const list = h('div', { class: 'gep-alerts-list' }, loadingState());
  const manage = d.level !== 'town' && canManage(ctx.me, d.level === 'city' ? undefined : d.code);
  let status = 'open';
  let expanded = false;
  const load = () => {
    const params = { status: status === 'all' ? undefined : status, county: d.level === 'county' ? d.code : undefined, size: 100 };
    gepApi
      .alerts(params, { signal: ctx.signal })
      .then((page) => {
        const items = pageItems(page).filter((a) => d.level !== 'town' || a.villageCode.startsWith(d.code));
        if (!items.length) return mount(list, emptyState(t('gep.alerts.none'), null, '✓'));
        const more = items.length > ALERTS_SHOWN && !expanded;
        mount(
          list,
          h('p', { class: 'small' }, t('gep.alerts.count', { count: page.total ?? items.length })),
          h(
            'ul',
            { class: 'alert-list' },
            items.slice(0, more ? ALERTS_SHOWN : items.length).map((a) =>
              h(
                'li',
                { class: `alert-item alert-${a.status}`, dataset: { alert: a.id } },
                h('div', { class: 'alert-head' }, severityBadge(a.severity), h('a', { href: `/village/${a.villageCode}?tab=gep` }, a.villageName || a.villageCode), h('span', { class: 'muted small' }, `${a.year} · ${t(`gep.alert.status.${a.status}`)}`)),
                h('p', { class: 'alert-rule' }, pick({ zh: a.ruleNameZh, en: a.ruleNameEn }), a.changePct !== null && a.changePct !== undefined ? [' ', changeBadge(a.changePct)] : null),
                h('p', { class: 'muted small' }, t(/PerHm2$/.test(a.measure || '') ? 'gep.alert.values' : 'gep.alert.valuesPlain', { value: measureText(a.value), reference: measureText(a.reference) })),
                a.note ? h('p', { class: 'small' }, `${t('gep.alert.note')}：${a.note}`) : null,
                manage && a.status !== 'resolved' ? alertActions(a, load) : null,
              ),
            ),
          ),
          more
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'btn btn-small show-more',
                  onclick: () => {
                    expanded = true;
                    load();
                  },
                },
                t('gep.alerts.showAll', { count: items.length }),
              )
            : null,
        );
      })
      .catch((e) => e.name !== 'AbortError' && mount(list, errorState(e, load)));
  };
  const filter = h(
    'label',
    { class: 'inline-field' },
    h('span', null, t('gep.alerts.status')),
    h(
      'select',
      {
        onchange: (e) => {
          status = e.target.value;
          expanded = false;
          load();
        },
      },
      ['open', 'acknowledged', 'resolved', 'all'].map((s) => h('option', { value: s }, t(`gep.alerts.filter.${s}`))),
    ),
  );
  load();
  return h('section', { class: 'card gep-alerts', 'aria-labelledby': `alerts-${d.code}` }, h('div', { class: 'section-head' }, h('h2', { id: `alerts-${d.code}` }, t('gep.alerts.title')), filter), manage ? null : h('p', { class: 'muted small' }, t('gep.alerts.readOnly')), list);
}

// ---- runs ---------------------------------------------------------------------------------------

function problemsList(run) {
  if (!run.problems?.length) return null;
  return h('ul', { class: 'run-problems' }, run.problems.map((p) => h('li', null, p.input ? h('span', { class: 'mono small' }, `${p.input}: `) : null, pick({ zh: p.messageZh, en: p.messageEn }) || p.code)));
}

/** Stage of a run in words; stages this UI does not know are shown as the server names them. */
function stageLabel(stage) {
  if (!stage) return '—';
  const key = `gep.stage.${stage}`;
  const text = t(key);
  return text === key ? stage : text;
}

function runRow(run, onCancel) {
  const percent = Math.max(0, Math.min(100, Number(run.percent) || 0));
  const active = ACTIVE.has(run.status);
  return h(
    'li',
    { class: `run-item run-${run.status}`, dataset: { run: run.id, status: run.status } },
    h('div', { class: 'run-head' }, h('strong', null, `#${run.id}`), h('span', null, t('gep.run.summary', { year: run.year, scope: scopeOf(run), params: run.params })), h('span', { class: `badge run-status status-${run.status}` }, t(`gep.run.status.${run.status}`))),
    active || run.status === 'succeeded'
      ? h(
          'div',
          { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(percent), 'aria-label': t('gep.run.progress', { id: run.id }) },
          h('div', { class: 'progress-bar', style: `width:${percent}%` }),
        )
      : null,
    h(
      'p',
      { class: 'muted small' },
      active ? t('gep.run.stage', { stage: stageLabel(run.stage), done: run.done ?? 0, total: run.total ?? 0, percent }) : null,
      run.status === 'succeeded' ? t('gep.run.done', { villages: run.villages ?? '—', total: run.totalYuan ? `${wan(run.totalYuan)} ${wanUnit()}` : '—', at: formatDate(run.finishedAt) }) : null,
      !active && run.status !== 'succeeded' ? t('gep.run.ended', { at: formatDate(run.finishedAt) }) : null,
      ` · ${run.createdBy || ''}`,
    ),
    problemsList(run),
    active && run.status !== 'cancelling' && onCancel ? h('button', { type: 'button', class: 'btn btn-small', onclick: () => onCancel(run) }, t('gep.run.cancel')) : null,
  );
}

function field(id, label, control, error) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, error);
}

function runsSection(d, ctx, onSucceeded) {
  const scope = d.level === 'city' ? '3308' : d.code;
  const list = h('ul', { class: 'run-list', 'aria-live': 'polite' });
  const formAlert = h('div', { class: 'form-alert', role: 'alert', hidden: true });
  const errors = {};
  const errorEl = (name) => (errors[name] = h('p', { class: 'field-error', id: `run-${name}-error`, hidden: true }));
  const inputs = h('select', { id: 'run-inputs', name: 'inputs', 'aria-describedby': 'run-inputs-error' });
  const params = h('select', { id: 'run-params', name: 'params', 'aria-describedby': 'run-params-error' });
  const year = h('input', { id: 'run-year', name: 'year', type: 'number', min: '2000', max: '2100', step: '1', inputmode: 'numeric', value: String(new Date().getFullYear() - 1), 'aria-describedby': 'run-year-error' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('gep.run.start'));
  const runs = new Map();
  const pollers = new Map();

  const showError = (name, message) => {
    const el = errors[name];
    const control = { inputs, params, year }[name];
    if (!el) return false;
    el.textContent = message || '';
    el.hidden = !message;
    control?.setAttribute('aria-invalid', message ? 'true' : 'false');
    return true;
  };
  const validateYear = () => {
    const y = Number(year.value);
    showError('year', !year.value ? t('gep.run.yearRequired') : !Number.isInteger(y) || y < 2000 || y > 2100 ? t('gep.run.yearRange') : null);
    return !errors.year.textContent;
  };
  year.addEventListener('input', validateYear);

  const draw = () => {
    const items = [...runs.values()].sort((a, b) => b.id - a.id).slice(0, 8);
    if (!items.length) return mount(list, h('li', { class: 'muted small' }, t('gep.run.none')));
    mount(list, items.map((r) => runRow(r, cancel)));
  };
  const poll = (id) => {
    if (pollers.has(id)) return;
    const timer = setInterval(async () => {
      try {
        const run = await gepApi.run(id, { signal: ctx.signal });
        const before = runs.get(id)?.status;
        runs.set(id, run);
        if (!ACTIVE.has(run.status)) {
          clearInterval(timer);
          pollers.delete(id);
          if (run.status === 'succeeded' && before !== 'succeeded') onSucceeded();
        }
        draw();
      } catch (e) {
        if (e.name === 'AbortError') clearInterval(timer);
      }
    }, 1000);
    pollers.set(id, timer);
  };
  ctx.signal.addEventListener('abort', () => pollers.forEach((timer) => clearInterval(timer)));

  async function cancel(run) {
    try {
      runs.set(run.id, await gepApi.cancelRun(run.id));
      poll(run.id);
    } catch (e) {
      formAlert.textContent = e.localized?.() || t('error.network');
      formAlert.hidden = false;
    }
    draw();
  }

  const form = h(
    'form',
    {
      class: 'run-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        formAlert.hidden = true;
        ['inputs', 'params'].forEach((n) => showError(n, null));
        let ok = validateYear();
        if (!inputs.value) ok = showError('inputs', t('gep.run.inputsRequired')) && false;
        if (!params.value) ok = showError('params', t('gep.run.paramsRequired')) && false;
        if (!ok) return;
        submit.disabled = true;
        try {
          const run = await gepApi.startRun({ inputs: inputs.value, year: Number(year.value), params: params.value, scope });
          runs.set(run.id, run);
          draw();
          poll(run.id);
        } catch (err) {
          const fields = err.fieldMessages?.() || {};
          let shown = false;
          for (const [name, message] of Object.entries(fields)) shown = showError(name, message) || shown;
          if (!shown || !Object.keys(fields).length) {
            formAlert.textContent = err.localized?.() || t('error.network');
            formAlert.hidden = false;
          }
        } finally {
          submit.disabled = false;
        }
      },
    },
    formAlert,
    h('div', { class: 'run-fields' }, field('run-inputs', t('gep.run.inputs'), inputs, errorEl('inputs')), field('run-year', t('gep.year'), year, errorEl('year')), field('run-params', t('gep.run.params'), params, errorEl('params'))),
    h('p', { class: 'muted small' }, t('gep.run.scope', { scope: d.level === 'city' ? t('city.title') : placeName(d) })),
    submit,
  );

  Promise.all([gepApi.inputs(), gepApi.params(), gepApi.runs({ size: 20 }, { signal: ctx.signal })])
    .then(([ins, ps, page]) => {
      mount(inputs, h('option', { value: '' }, t('gep.run.choose')), ins.map((i) => h('option', { value: i.name }, `${i.name} · ${i.cellSizeM} m${i.illustrative ? ` · ${t('common.illustrative')}` : ''}`)));
      if (ins.length === 1) inputs.value = ins[0].name;
      mount(params, h('option', { value: '' }, t('gep.run.choose')), ps.map((p) => h('option', { value: p.id }, `${p.id} · ${p.edition}${placeholderCount(p) ? ` · ${t('gep.run.placeholderShort', { count: placeholderCount(p) })}` : ''}`)));
      if (ps.length === 1) params.value = ps[0].id;
      // Runs of this area and of the whole city (which cover it).
      for (const r of pageItems(page).filter((r) => [scope, '3308'].includes(scopeOf(r)) || scopeOf(r).startsWith(scope))) {
        runs.set(r.id, r);
        if (ACTIVE.has(r.status)) poll(r.id);
      }
      draw();
    })
    .catch((e) => e.name !== 'AbortError' && mount(list, h('li', null, errorState(e))));

  return h('section', { class: 'card gep-runs', 'aria-labelledby': `runs-${d.code}` }, h('h2', { id: `runs-${d.code}` }, t('gep.runs.title')), h('p', { class: 'muted small' }, t('gep.runs.hint')), form, h('h3', null, t('gep.runs.recent')), list);
}

/** The whole GEP block of a county / town / city page. */
export function gepRollup(d, ctx) {
  const summary = summarySection(d, ctx);
  const manage = d.level !== 'town' && canManage(ctx.me, d.level === 'city' ? undefined : d.code) && (d.level !== 'city' || ctx.me?.roles?.includes('CITY_ADMIN'));
  return h(
    'div',
    { class: 'gep-rollup' },
    h('section', { class: 'card gep-summary', 'aria-labelledby': `gep-${d.code}` }, h('div', { class: 'section-head' }, h('h2', { id: `gep-${d.code}` }, t('gep.rollup.title')), h('a', { class: 'small', href: `/map?place=${d.code}&layers=counties,villages,gep` }, t('gep.rollup.onMap'))), summary.box),
    h('div', { class: 'split gep-split' }, alertsSection(d, ctx), manage ? runsSection(d, ctx, summary.reload) : null),
  );
}
