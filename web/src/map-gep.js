// GEP layers of the one map: the 'GEP per km²' choropleth (GET /gep/choropleth joined by code to
// the village features of GET /divisions/map) and per-indicator rasters (MapLibre image source on
// the 4 corners of GET /gep/rasters), each with a legend. Layer ids in the URL: `gep` and
// `raster-<indicator>`; the raster opacity is `opacity=<0–100>` and the year `year=<Y>`.

import { h, mount } from './dom.js';
import { t } from './i18n.js';
import { session } from './session.js';
import { formatNumber } from './format.js';
import { gepApi, indicatorName, wanPerKm2Unit } from './gep.js';

// ColorBrewer YlGn, 5 classes (sequential; readable with the common colour-vision deficiencies).
export const YLGN5 = ['#ffffcc', '#c2e699', '#78c679', '#31a354', '#006837'];
const NO_DATA = '#c9cdca';
export const isGepLayer = (id) => id === 'gep' || /^raster-[a-z0-9_]+$/.test(id);

/**
 * Class thresholds from breaks b1…b5 (ascending; b5 is the maximum) as [threshold, colour index]:
 * values below the first threshold take colour 0. Equal breaks (few or tied values) collapse into
 * one threshold taking the darker colour, because MapLibre's `step` needs strictly ascending input.
 */
export function classStops(breaks) {
  const stops = [];
  breaks
    .slice(0, 4)
    .map(Number)
    .forEach((b, i) => {
      if (!Number.isFinite(b)) return;
      if (stops.length && b <= stops[stops.length - 1][0]) stops[stops.length - 1][1] = i + 1;
      else stops.push([b, i + 1]);
    });
  return stops;
}

/** MapLibre colour expression of the choropleth (grey where a village has no result). */
export function stepExpression(breaks, colours = YLGN5) {
  const stops = classStops(breaks).flatMap(([b, c]) => [b, colours[c]]);
  const value = ['to-number', ['get', 'value']];
  return ['case', ['has', 'value'], stops.length ? ['step', value, colours[0], ...stops] : colours[0], NO_DATA];
}

/**
 * opts: initial layers (array), year, opacity (0–100), place; host: {map, styleLoaded,
 * villages() → FeatureCollection promise, legendSlot, onChange({layers, year, opacity}), reorder}.
 * Returns {panel, layers(), tooltip(code), reorder()}.
 */
export function createGepLayers(host, opts) {
  const { map, styleLoaded } = host;
  const state = {
    choropleth: opts.layers.includes('gep'),
    raster: (opts.layers.find((l) => l.startsWith('raster-')) || '').slice('raster-'.length) || null,
    opacity: Number.isFinite(Number(opts.opacity)) && opts.opacity !== null && opts.opacity !== '' ? Math.max(0, Math.min(100, Number(opts.opacity))) : 75,
    year: Number(opts.year) || null,
    values: null,
    rasters: [],
  };
  const chLegend = h('div', { class: 'legend-block', hidden: true });
  const rLegend = h('div', { class: 'legend-block', hidden: true });
  mount(host.legendSlot, chLegend, rLegend);

  const check = h('input', { type: 'checkbox', name: 'gep', checked: state.choropleth, disabled: true, onchange: (e) => setChoropleth(e.target.checked) });
  const rasterSelect = h('select', { id: 'gep-raster', name: 'raster', disabled: true, onchange: (e) => setRaster(e.target.value || null) }, h('option', { value: '' }, t('map.gep.rasterNone')));
  const opacity = h('input', { type: 'range', id: 'gep-opacity', name: 'opacity', min: '0', max: '100', step: '5', value: String(state.opacity), 'aria-valuetext': `${state.opacity}%`, oninput: (e) => setOpacity(Number(e.target.value)) });
  const note = h('p', { class: 'muted small' }, t('common.loading'));
  const panel = h(
    'fieldset',
    { class: 'gep-layers' },
    h('legend', null, t('map.layers.gep')),
    h('label', { class: 'check' }, check, h('span', { class: 'swatch swatch-gep', 'aria-hidden': 'true' }), t('map.layer.gep')),
    h('label', { class: 'stack', for: 'gep-raster' }, t('map.gep.raster')),
    rasterSelect,
    h('label', { class: 'stack', for: 'gep-opacity' }, t('map.gep.opacity')),
    opacity,
    note,
  );

  const emit = () => host.onChange?.({ layers: layers(), year: state.year, opacity: state.opacity });
  const layers = () => [...(state.choropleth ? ['gep'] : []), ...(state.raster ? [`raster-${state.raster}`] : [])];

  async function years() {
    const code = session.me?.scope?.code || '3308';
    const list = await gepApi.years(code).catch(() => []);
    return list.map((y) => y.year);
  }

  function reorder() {
    const before = ['villages-line', 'towns-line', 'counties-line'].find((id) => map.getLayer(id));
    if (map.getLayer('gep-raster')) map.moveLayer('gep-raster', map.getLayer('gep-fill') ? 'gep-fill' : before);
    if (map.getLayer('gep-fill')) map.moveLayer('gep-fill', before);
    if (map.getLayer('gep-line')) map.moveLayer('gep-line', before);
  }

  async function loadChoropleth() {
    const place = opts.place || '3308';
    const parent = place.length >= 6 ? place.slice(0, Math.min(place.length, 9)) : undefined;
    const [data, features] = await Promise.all([gepApi.choropleth({ level: 'village', parent, year: state.year, measure: 'perKm2' }), host.villages()]);
    await styleLoaded;
    state.values = data;
    const joined = {
      type: 'FeatureCollection',
      features: features.features
        .filter((f) => !parent || String(f.properties.code).startsWith(parent))
        .map((f) => {
          const value = data.values?.[String(f.properties.code)];
          return { type: 'Feature', id: f.id, geometry: f.geometry, properties: value === undefined || value === null ? { code: String(f.properties.code) } : { code: String(f.properties.code), value: Number(value) } };
        }),
    };
    if (map.getSource('gep')) map.getSource('gep').setData(joined);
    else map.addSource('gep', { type: 'geojson', data: joined });
    if (!map.getLayer('gep-fill')) {
      map.addLayer({ id: 'gep-fill', type: 'fill', source: 'gep', paint: { 'fill-color': stepExpression(data.breaks || []), 'fill-opacity': 0.85 } });
      map.addLayer({ id: 'gep-line', type: 'line', source: 'gep', paint: { 'line-color': '#ffffff', 'line-width': 0.4, 'line-opacity': 0.7 } });
    } else map.setPaintProperty('gep-fill', 'fill-color', stepExpression(data.breaks || []));
    reorder();
    drawChoroplethLegend(data);
  }

  function drawChoroplethLegend(data) {
    const b = (data.breaks || []).map(Number);
    const stops = classStops(data.breaks || []);
    const money = /元/.test(data.unit || '');
    const fmt = (v) => (money ? formatNumber(v / 10000, v / 10000 >= 100 ? 0 : 1) : formatNumber(v, 1));
    const unit = money ? wanPerKm2Unit() : data.unit;
    const max = b.length >= 5 && Number.isFinite(b[4]) ? ` (≤ ${fmt(b[4])})` : '';
    const classes = [[YLGN5[0], `< ${fmt(stops[0]?.[0])}`], ...stops.map(([v, c], k) => [YLGN5[c], k + 1 < stops.length ? `${fmt(v)} – ${fmt(stops[k + 1][0])}` : `≥ ${fmt(v)}${max}`])];
    const rows = classes.map(([c, label]) => h('li', null, h('span', { class: 'legend-swatch', style: `background:${c}`, 'aria-hidden': 'true' }), label));
    mount(
      chLegend,
      h('p', { class: 'legend-title' }, t('map.gep.legend', { year: data.year })),
      h('p', { class: 'legend-unit' }, unit),
      stops.length ? h('ul', { class: 'legend-list' }, rows, h('li', null, h('span', { class: 'legend-swatch', style: `background:${NO_DATA}`, 'aria-hidden': 'true' }), t('map.gep.noData'))) : h('p', { class: 'small' }, t('map.gep.noData')),
    );
    chLegend.hidden = false;
  }

  async function setChoropleth(on) {
    state.choropleth = on;
    emit();
    if (on) {
      try {
        await loadChoropleth();
      } catch (e) {
        note.textContent = e.localized?.() || t('error.load');
        return;
      }
    }
    if (map.getLayer('gep-fill')) for (const id of ['gep-fill', 'gep-line']) map.setLayoutProperty(id, 'visibility', state.choropleth ? 'visible' : 'none');
    chLegend.hidden = !state.choropleth;
  }

  async function setRaster(id) {
    state.raster = id;
    emit();
    await styleLoaded;
    if (map.getLayer('gep-raster')) map.removeLayer('gep-raster');
    if (map.getSource('gep-raster')) map.removeSource('gep-raster');
    const r = state.rasters.find((x) => x.indicator === id);
    rLegend.hidden = !r;
    if (!r) return;
    map.addSource('gep-raster', { type: 'image', url: new URL(r.url, window.location.origin).href, coordinates: r.bounds });
    map.addLayer({ id: 'gep-raster', type: 'raster', source: 'gep-raster', paint: { 'raster-opacity': state.opacity / 100, 'raster-fade-duration': 0 } });
    reorder();
    mount(
      rLegend,
      h('p', { class: 'legend-title' }, `${indicatorName(r)} · ${state.year}`),
      h('div', { class: 'legend-ramp', style: `background:linear-gradient(to right, ${YLGN5.join(', ')})`, 'aria-hidden': 'true' }),
      h('p', { class: 'legend-range' }, h('span', null, formatNumber(r.min, 1)), h('span', null, r.unit), h('span', null, formatNumber(r.max, 1))),
    );
  }

  function setOpacity(v) {
    state.opacity = v;
    opacity.setAttribute('aria-valuetext', `${v}%`);
    if (map.getLayer('gep-raster')) map.setPaintProperty('gep-raster', 'raster-opacity', v / 100);
    emit();
  }

  (async () => {
    const list = await years();
    if (!list.length) {
      note.textContent = t('map.gep.noResults');
      return;
    }
    if (!state.year || !list.includes(state.year)) state.year = list[list.length - 1];
    note.textContent = t('map.gep.year', { year: state.year });
    check.disabled = false;
    state.rasters = await gepApi.rasters(state.year).catch(() => []);
    mount(rasterSelect, h('option', { value: '' }, t('map.gep.rasterNone')), state.rasters.map((r) => h('option', { value: r.indicator, selected: r.indicator === state.raster }, indicatorName(r))));
    rasterSelect.disabled = !state.rasters.length;
    if (state.choropleth) await setChoropleth(true);
    if (state.raster) await setRaster(state.rasters.some((r) => r.indicator === state.raster) ? state.raster : null);
  })().catch(() => (note.textContent = t('error.load')));

  return {
    panel,
    layers,
    reorder,
    /** Extra tooltip text for a village code while the choropleth is on. */
    tooltip(code) {
      const v = state.choropleth ? state.values?.values?.[code] : undefined;
      if (v === undefined || v === null) return null;
      return /元/.test(state.values.unit || '') ? `${formatNumber(Number(v) / 10000, 1)} ${wanPerKm2Unit()}` : `${v} ${state.values.unit}`;
    },
  };
}
