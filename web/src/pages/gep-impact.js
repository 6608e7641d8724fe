// 开发评估中心 — project eco-impact: draw a footprint on the one map, choose the land cover after
// the project (one class, or a per-class mapping), and POST /gep/project-impact computes the change
// of every regulating service (Δ quantity and Δ value; negative = loss) with its provenance.

import { h, mount } from '../dom.js';
import { creditsRegistration } from './credits-forms.js';
import { t, getLang } from '../i18n.js';
import { session } from '../session.js';
import { createDivisionMap } from '../map.js';
import { formatDate, formatNumber, hm2ToMu } from '../format.js';
import { emptyState, pageHeader } from '../ui.js';
import { GAIN, LOSS, chart, gepApi, indicatorName, num, quantityText, wan, wanUnit } from '../gep.js';

const EARTH_M_PER_DEG = 111_320;

/** Signed 万元 text: "+12.30" / "-4.56". */
const signedWan = (v) => (Number(v) > 0 ? `+${wan(v)}` : wan(v));
const deltaClass = (v) => (Number(v) < 0 ? 'delta-loss' : Number(v) > 0 ? 'delta-gain' : 'delta-zero');

function deltaText(v, unit) {
  const n = Number(v);
  return h('span', { class: deltaClass(v) }, h('span', { 'aria-hidden': 'true' }, n < 0 ? '▼ ' : n > 0 ? '▲ ' : ''), `${unit === undefined ? signedWan(v) : `${n > 0 ? '+' : ''}${quantityText(v, unit)}`}`);
}

/** A square of `sideM` metres centred on [lon, lat], as a closed ring. */
export function squareRing([lon, lat], sideM) {
  const dLat = sideM / 2 / EARTH_M_PER_DEG;
  const dLon = sideM / 2 / (EARTH_M_PER_DEG * Math.cos((lat * Math.PI) / 180));
  const r = (v) => Math.round(v * 1e7) / 1e7;
  return [[lon - dLon, lat - dLat], [lon + dLon, lat - dLat], [lon + dLon, lat + dLat], [lon - dLon, lat + dLat], [lon - dLon, lat - dLat]].map(([x, y]) => [r(x), r(y)]);
}

/** Polygon drawing on a MapLibre map (click vertices, double-click or finish to close); shared with the e-ledger. */
export function drawingTool(map, onChange) {
  const state = { vertices: [], drawing: false, closed: false };
  const data = () => {
    const v = state.vertices;
    const features = v.map((c) => ({ type: 'Feature', properties: { kind: 'vertex' }, geometry: { type: 'Point', coordinates: c } }));
    if (v.length >= 3) features.push({ type: 'Feature', properties: { kind: 'area' }, geometry: { type: 'Polygon', coordinates: [[...v, v[0]]] } });
    if (v.length >= 2 && !state.closed) features.push({ type: 'Feature', properties: { kind: 'path' }, geometry: { type: 'LineString', coordinates: v } });
    return { type: 'FeatureCollection', features };
  };
  const redraw = () => {
    map.getSource('footprint')?.setData(data());
    onChange(state);
  };
  map.addSource('footprint', { type: 'geojson', data: data() });
  map.addLayer({ id: 'footprint-fill', type: 'fill', source: 'footprint', filter: ['==', ['get', 'kind'], 'area'], paint: { 'fill-color': '#CC79A7', 'fill-opacity': 0.35 } });
  map.addLayer({ id: 'footprint-line', type: 'line', source: 'footprint', filter: ['!=', ['get', 'kind'], 'vertex'], paint: { 'line-color': '#7a1f5c', 'line-width': 2.5 } });
  map.addLayer({ id: 'footprint-vertex', type: 'circle', source: 'footprint', filter: ['==', ['get', 'kind'], 'vertex'], paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': '#7a1f5c', 'circle-stroke-width': 2 } });

  map.on('click', (e) => {
    if (!state.drawing) return;
    const c = [Math.round(e.lngLat.lng * 1e7) / 1e7, Math.round(e.lngLat.lat * 1e7) / 1e7];
    const last = state.vertices[state.vertices.length - 1];
    // The two clicks of a double-click land on the same pixel: keep one vertex.
    if (last && map.project(last).dist(map.project(c)) < 4) return;
    state.vertices.push(c);
    redraw();
  });
  map.on('dblclick', (e) => {
    if (!state.drawing) return;
    e.preventDefault();
    tool.finish();
  });

  const tool = {
    state,
    start() {
      if (state.closed) state.vertices = [];
      state.drawing = true;
      state.closed = false;
      map.doubleClickZoom.disable();
      map.getCanvas().style.cursor = 'crosshair';
      redraw();
    },
    finish() {
      if (state.vertices.length < 3) return false;
      state.drawing = false;
      state.closed = true;
      map.getCanvas().style.cursor = '';
      setTimeout(() => map.doubleClickZoom.enable(), 0);
      redraw();
      return true;
    },
    undo() {
      state.vertices.pop();
      redraw();
    },
    clear() {
      state.vertices = [];
      state.closed = false;
      redraw();
    },
    square(sideM, centre) {
      state.vertices = squareRing(centre || [map.getCenter().lng, map.getCenter().lat], sideM).slice(0, 4);
      state.drawing = false;
      state.closed = true;
      map.getCanvas().style.cursor = '';
      redraw();
      const lons = state.vertices.map((c) => c[0]);
      const lats = state.vertices.map((c) => c[1]);
      map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], { padding: 80, maxZoom: 14, animate: false });
    },
    /** Shows an existing polygon ring (closing vertex optional) as the closed footprint. */
    set(ring) {
      const v = ring.slice();
      if (v.length > 1 && v[0][0] === v[v.length - 1][0] && v[0][1] === v[v.length - 1][1]) v.pop();
      state.vertices = v;
      state.drawing = false;
      state.closed = v.length >= 3;
      redraw();
    },
    polygon: () => (state.vertices.length >= 3 ? { type: 'Polygon', coordinates: [[...state.vertices, state.vertices[0]]] } : null),
  };
  return tool;
}

function fieldError(id) {
  return h('p', { class: 'field-error', id, role: 'alert', hidden: true });
}

function showErr(el, message, control) {
  el.textContent = message || '';
  el.hidden = !message;
  control?.setAttribute('aria-invalid', message ? 'true' : 'false');
}

function results(out, signal, classNames) {
  const regulating = out.indicators || [];
  const hm2 = Number(out.footprintAreaHm2);
  const chartEl = h('div', { class: 'chart impact-bars', style: `height:${Math.max(220, regulating.length * 28 + 40)}px` });
  const box = h(
    'div',
    { class: 'impact-results', dataset: { ready: 'true' } },
    h(
      'dl',
      { class: 'stat-cards' },
      h('div', { class: 'stat stat-main' }, h('dt', null, t('impact.totalDelta')), h('dd', null, h('span', { class: 'stat-value impact-total' }, deltaText(out.totalDeltaYuan)), h('span', { class: 'stat-unit' }, wanUnit()))),
      h('div', { class: 'stat' }, h('dt', null, t('impact.area')), h('dd', null, h('span', { class: 'stat-value' }, formatNumber(hm2ToMu(hm2), 1)), h('span', { class: 'stat-unit' }, t('unit.mu'))), h('dd', { class: 'muted small' }, `${formatNumber(hm2, 2)} hm² · ${t('impact.cells', { cells: formatNumber(out.cells) })}`)),
      h('div', { class: 'stat' }, h('dt', null, t('impact.year')), h('dd', null, h('span', { class: 'stat-value' }, String(out.year ?? '—')))),
    ),
    h('p', { class: 'muted small' }, t('impact.lossHint')),
    h('section', { class: 'gep-section' }, h('h3', null, t('impact.chart'), ` (${wanUnit()})`), chartEl),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table impact-table' },
        h('caption', { class: 'sr-only' }, t('impact.table')),
        h('thead', null, h('tr', null, [t('gep.table.indicator'), t('impact.before'), t('impact.after'), t('impact.deltaQuantity'), t('impact.deltaValue', { unit: wanUnit() })].map((l, i) => h('th', { scope: 'col', class: i ? 'num' : null }, l)))),
        h(
          'tbody',
          null,
          regulating.map((i) =>
            h(
              'tr',
              { dataset: { indicator: i.id } },
              h('th', { scope: 'row' }, indicatorName(i)),
              h('td', { class: 'num' }, quantityText(i.quantityBefore, i.unit), h('br'), h('span', { class: 'muted small' }, `${wan(i.valueBeforeYuan)} ${wanUnit()}`)),
              h('td', { class: 'num' }, quantityText(i.quantityAfter, i.unit), h('br'), h('span', { class: 'muted small' }, `${wan(i.valueAfterYuan)} ${wanUnit()}`)),
              h('td', { class: 'num' }, i.deltaQuantity === null || i.deltaQuantity === undefined ? '—' : deltaText(i.deltaQuantity, i.unit)),
              h('td', { class: 'num' }, deltaText(i.deltaYuan)),
            ),
          ),
        ),
        h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, t('common.total')), h('td'), h('td'), h('td'), h('td', { class: 'num' }, deltaText(out.totalDeltaYuan)))),
      ),
    ),
    classChanges(out, classNames),
    provenance(out),
  );
  chart(
    chartEl,
    {
      grid: { left: 8, right: 56, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (v) => `${v > 0 ? '+' : ''}${v} ${wanUnit()}` },
      xAxis: { type: 'value', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'category', data: regulating.map(indicatorName).reverse(), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: [...regulating].reverse().map((i) => ({ value: Math.round(num(i.deltaYuan) / 100) / 100, label: { position: num(i.deltaYuan) < 0 ? 'left' : 'right' }, itemStyle: { color: num(i.deltaYuan) < 0 ? LOSS : GAIN, decal: num(i.deltaYuan) < 0 ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.45)' } : undefined } })),
          label: { show: true, formatter: (p) => `${p.value > 0 ? '+' : ''}${p.value}`, fontSize: 11 },
        },
      ],
    },
    { signal, label: t('impact.chart') },
  );
  return box;
}

/** Land-cover cells before and after, per class that occurs in either. */
function classChanges(out, classNames) {
  const before = out.classesBefore || {};
  const after = out.classesAfter || {};
  const codes = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => Number(a) - Number(b));
  if (!codes.length) return null;
  return h(
    'section',
    { class: 'gep-section' },
    h('h3', null, t('impact.classes')),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table impact-classes' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('impact.class')), h('th', { scope: 'col', class: 'num' }, t('impact.cellsBefore')), h('th', { scope: 'col', class: 'num' }, t('impact.cellsAfter')))),
        h('tbody', null, codes.map((c) => h('tr', null, h('th', { scope: 'row' }, classNames.get(Number(c)) || c), h('td', { class: 'num' }, formatNumber(before[c] || 0)), h('td', { class: 'num' }, formatNumber(after[c] || 0))))),
      ),
    ),
  );
}

function provenance(out) {
  const p = out.provenance || {};
  const short = (s) => (s ? String(s).slice(0, 12) : '—');
  return h(
    'section',
    { class: 'gep-section impact-provenance' },
    h('h3', null, t('impact.provenance')),
    h(
      'dl',
      { class: 'meta-list small' },
      h('div', null, h('dt', null, t('gep.run.params')), h('dd', { class: 'mono' }, p.paramsId || out.params || '—')),
      h('div', null, h('dt', null, t('gep.run.edition')), h('dd', { class: 'mono' }, p.methodEdition || '—')),
      h('div', null, h('dt', null, t('gep.run.inputs')), h('dd', { class: 'mono' }, out.inputs || '—')),
      Object.entries(p.inputsSha256 || {}).map(([file, sha]) => h('div', null, h('dt', { class: 'mono' }, file), h('dd', { class: 'mono', title: sha }, `SHA-256 ${short(sha)}…`))),
      h('div', null, h('dt', null, t('impact.footprintSha')), h('dd', { class: 'mono', title: p.footprintSha256 }, `${short(p.footprintSha256)}…`)),
      h('div', null, h('dt', null, t('impact.computedAt')), h('dd', null, formatDate(p.computedAt))),
    ),
  );
}

/** The panel (map + form + results). */
export function impactPanel(ctx, { onComputed } = {}) {
  const scope = session.me?.scope?.code || '3308';
  const place = scope.length >= 6 ? scope.slice(0, 6) : '3308';
  const mapBox = h('div', { class: 'impact-map' });
  const resultBox = h('div', { class: 'impact-result-slot', 'aria-live': 'polite' }, emptyState(t('impact.empty.title'), t('impact.empty.text'), '▱'));
  const formAlert = h('div', { class: 'form-alert', role: 'alert', hidden: true });
  const drawStatus = h('p', { class: 'small draw-status', 'aria-live': 'polite' }, t('impact.draw.idle'));
  const footprintError = fieldError('impact-footprint-error');
  const changeError = fieldError('impact-change-error');
  const yearError = fieldError('impact-year-error');
  const paramsError = fieldError('impact-params-error');
  const toClass = h('select', { id: 'impact-to-class', name: 'toClass', 'aria-describedby': 'impact-change-error' }, h('option', { value: '' }, t('gep.run.choose')));
  const mappingBox = h('div', { class: 'mapping-grid', hidden: true });
  const year = h('select', { id: 'impact-year', name: 'year', 'aria-describedby': 'impact-year-error' }, h('option', { value: '' }, t('impact.yearLatest')));
  const params = h('select', { id: 'impact-params', name: 'params', 'aria-describedby': 'impact-params-error' });
  const side = h('input', { id: 'impact-side', type: 'number', min: '30', max: '5000', step: '10', value: '300', inputmode: 'numeric' });
  let classes = [];
  let tool = null;
  let extent = null;
  let mode = 'toClass';
  let resultAbort = null;

  const btn = (label, onclick, extra = {}) => h('button', { type: 'button', class: 'btn btn-small', onclick, ...extra }, label);
  const startBtn = btn(t('impact.draw.start'), () => tool?.start(), { 'data-action': 'draw' });
  const finishBtn = btn(t('impact.draw.finish'), () => tool?.finish(), { disabled: true, 'data-action': 'finish' });
  const undoBtn = btn(t('impact.draw.undo'), () => tool?.undo(), { disabled: true });
  const clearBtn = btn(t('impact.draw.clear'), () => tool?.clear(), { disabled: true, 'data-action': 'clear' });
  const squareBtn = btn(t('impact.draw.square'), () => {
    const m = Number(side.value);
    if (!Number.isFinite(m) || m < 30 || m > 5000) return showErr(footprintError, t('impact.sideRange'), side);
    const c = component.map.getCenter();
    const inside = !extent || (c.lng >= extent[0] && c.lng <= extent[2] && c.lat >= extent[1] && c.lat <= extent[3]);
    const centre = inside ? [c.lng, c.lat] : [(extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2];
    if (!inside) component.map.jumpTo({ center: centre });
    tool?.square(m, centre);
  }, { 'data-action': 'square' });

  const onDraw = (s) => {
    const n = s.vertices.length;
    drawStatus.textContent = s.drawing ? t('impact.draw.drawing', { count: n }) : s.closed ? t('impact.draw.closed', { count: n }) : n ? t('impact.draw.open', { count: n }) : t('impact.draw.idle');
    finishBtn.disabled = !s.drawing || n < 3;
    undoBtn.disabled = !n || s.closed;
    clearBtn.disabled = !n;
    startBtn.textContent = s.drawing ? t('impact.draw.drawingNow') : t('impact.draw.start');
    startBtn.setAttribute('aria-pressed', String(s.drawing));
    if (n >= 3) showErr(footprintError, null);
  };

  const component = createDivisionMap(mapBox, { place, layers: ['counties', 'villages'], panel: true, panelCollapsed: true, gep: false, expose: true });
  ctx.signal.addEventListener('abort', () => component.destroy());
  component.ready.then(async () => {
    if (ctx.signal.aborted || !component.map) return;
    tool = drawingTool(component.map, onDraw);
    // The inputs' extent (from the latest raster set) is outlined: a footprint must lie inside it.
    const years = await gepApi.years(scope).catch(() => []);
    const latest = years.length ? years[years.length - 1].year : null;
    const rasters = latest ? await gepApi.rasters(latest).catch(() => []) : [];
    if (ctx.signal.aborted || !rasters.length) return;
    const b = rasters[0].bounds;
    extent = [Math.min(...b.map((c) => c[0])), Math.min(...b.map((c) => c[1])), Math.max(...b.map((c) => c[0])), Math.max(...b.map((c) => c[1]))];
    component.map.addSource('inputs-extent', { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...b, b[0]]] } } });
    component.map.addLayer({ id: 'inputs-extent', type: 'line', source: 'inputs-extent', paint: { 'line-color': '#0072B2', 'line-width': 1.5, 'line-dasharray': [4, 3] } }, 'footprint-fill');
    mapBox.dataset.extent = extent.join(',');
  });

  const modeRadio = (value, label) =>
    h('label', { class: 'check' }, h('input', { type: 'radio', name: 'impact-mode', value, checked: value === mode, onchange: () => setMode(value) }), label);
  function setMode(value) {
    mode = value;
    toClass.closest('.field').hidden = value !== 'toClass';
    mappingBox.hidden = value !== 'mapping';
    showErr(changeError, null);
  }

  Promise.all([gepApi.params(), gepApi.years(scope).catch(() => [])])
    .then(async ([ps, ys]) => {
      mount(params, ps.map((p) => h('option', { value: p.id }, `${p.id} · ${p.edition}`)));
      for (const y of [...ys].reverse()) year.appendChild(h('option', { value: String(y.year) }, t('gep.yearOption', { year: y.year })));
      classes = await gepApi.classes(params.value || undefined);
      const name = (c) => `${c.code} · ${getLang() === 'en' ? c.nameEn : c.nameZh}`;
      mount(toClass, h('option', { value: '' }, t('gep.run.choose')), classes.map((c) => h('option', { value: String(c.code) }, name(c))));
      mount(
        mappingBox,
        classes.map((c) =>
          h(
            'label',
            { class: 'mapping-row' },
            h('span', null, name(c)),
            h('select', { name: `map-${c.code}`, dataset: { from: c.code } }, h('option', { value: '' }, t('impact.unchanged')), classes.filter((k) => k.code !== c.code).map((k) => h('option', { value: String(k.code) }, name(k)))),
          ),
        ),
      );
    })
    .catch((e) => {
      formAlert.textContent = e.localized?.() || t('error.load');
      formAlert.hidden = false;
    });

  toClass.addEventListener('change', () => showErr(changeError, toClass.value ? null : t('impact.classRequired'), toClass));

  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('impact.compute'));
  const form = h(
    'form',
    {
      class: 'impact-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        formAlert.hidden = true;
        [footprintError, changeError, yearError, paramsError].forEach((el) => showErr(el, null));
        const footprint = tool?.polygon();
        let ok = true;
        if (!footprint) ok = (showErr(footprintError, t('impact.footprintRequired')), false);
        else if (tool.state.drawing) ok = (showErr(footprintError, t('impact.footprintOpen')), false);
        let change;
        if (mode === 'toClass') {
          if (!toClass.value) ok = (showErr(changeError, t('impact.classRequired'), toClass), false);
          change = { toClass: Number(toClass.value) };
        } else {
          const mapping = {};
          for (const s of mappingBox.querySelectorAll('select')) if (s.value) mapping[s.dataset.from] = Number(s.value);
          if (!Object.keys(mapping).length) ok = (showErr(changeError, t('impact.mappingRequired')), false);
          change = { mapping };
        }
        if (!ok) return;
        submit.disabled = true;
        submit.textContent = t('impact.computing');
        try {
          const out = await gepApi.projectImpact({ footprint, year: year.value ? Number(year.value) : undefined, params: params.value || undefined, change });
          resultAbort?.abort();
          resultAbort = new AbortController();
          ctx.signal.addEventListener('abort', () => resultAbort.abort(), { once: true });
          mount(resultBox, results(out, resultAbort.signal, new Map(classes.map((c) => [Number(c.code), `${c.code} · ${getLang() === 'en' ? c.nameEn : c.nameZh}`]))));
          onComputed?.({ footprint, year: year.value ? Number(year.value) : undefined, params: params.value || undefined, change }, out);
        } catch (err) {
          const fields = err.fieldMessages?.() || {};
          const targets = { footprint: footprintError, change: changeError, 'change.toClass': changeError, 'change.mapping': changeError, year: yearError, params: paramsError, inputs: paramsError };
          let shown = false;
          for (const [f, message] of Object.entries(fields)) if (targets[f]) (showErr(targets[f], message), (shown = true));
          if (!shown) {
            formAlert.textContent = err.localized?.() || t('error.network');
            formAlert.hidden = false;
          }
        } finally {
          submit.disabled = false;
          submit.textContent = t('impact.compute');
        }
      },
    },
    formAlert,
    h('fieldset', { class: 'impact-fieldset' }, h('legend', null, t('impact.footprint')), drawStatus, h('div', { class: 'btn-row' }, startBtn, finishBtn, undoBtn, clearBtn), h('div', { class: 'btn-row' }, h('label', { for: 'impact-side', class: 'inline-field' }, h('span', null, t('impact.side')), side), squareBtn), h('p', { class: 'muted small' }, t('impact.draw.help')), footprintError),
    h(
      'fieldset',
      { class: 'impact-fieldset' },
      h('legend', null, t('impact.change')),
      h('div', { class: 'radio-row' }, modeRadio('toClass', t('impact.mode.toClass')), modeRadio('mapping', t('impact.mode.mapping'))),
      h('div', { class: 'field' }, h('label', { for: 'impact-to-class' }, t('impact.toClass')), toClass),
      mappingBox,
      changeError,
    ),
    h('div', { class: 'run-fields' }, h('div', { class: 'field' }, h('label', { for: 'impact-year' }, t('gep.year')), year, yearError), h('div', { class: 'field' }, h('label', { for: 'impact-params' }, t('gep.run.params')), params, paramsError)),
    submit,
  );
  return h('div', { class: 'impact' }, h('div', { class: 'impact-layout' }, h('section', { class: 'card impact-map-card', 'aria-label': t('impact.mapLabel') }, mapBox), h('section', { class: 'card' }, h('h2', null, t('impact.form')), form)), h('section', { class: 'card impact-result-card' }, h('h2', null, t('impact.result')), resultBox));
}

/** The 开发评估中心 page: header + the project eco-impact panel. */
export function evaluationCentre(main, ctx) {
  const registration = creditsRegistration(ctx);
  mount(main, h('div', { class: 'page impact-page' }, pageHeader({ eyebrow: t('nav.tier.city.long'), title: t('nav.centre.evaluation'), subtitle: t('centre.evaluation.desc') }), h('h2', { class: 'section-title' }, t('impact.title')), h('p', { class: 'muted' }, t('impact.intro')), impactPanel(ctx, { onComputed: registration.update }), registration.card));
}
