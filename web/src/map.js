// "一张图": the one MapLibre map used on every page, with a layer panel. No external tile or
// glyph server is used: the style is a plain background (an optional raster base map can be
// configured with window.LIANGSHAN_BASEMAP = 'https://…/{z}/{x}/{y}.png'), and names are drawn
// as HTML markers because text layers would need a glyph server.

import { Map as MapLibre, Marker, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { h, mount } from './dom.js';
import { t } from './i18n.js';
import { divisions } from './api.js';
import { bboxOf, labelPoint } from './geo.js';
import { illustrativeBadge, placeName } from './ui.js';
import { createGepLayers } from './map-gep.js';

setWorkerUrl(workerUrl);

export const DIVISION_LAYERS = ['counties', 'towns', 'villages'];
const LEVEL = { counties: 'county', towns: 'town', villages: 'village' };

// Okabe–Ito palette (safe for the common colour-vision deficiencies), used as pale fills; every
// county is also outlined and labelled, so colour is never the only cue.
const COUNTY_COLOURS = ['#56B4E9', '#009E73', '#F0E442', '#CC79A7', '#0072B2', '#D55E00'];
const HOVER = '#E69F00';
const SELECTED = '#1B3A4B';
const BACKGROUND = '#EEF1EC';

function prefixFilter(prefix) {
  return prefix && prefix.length > 4 ? ['==', ['slice', ['to-string', ['get', 'code']], 0, prefix.length], prefix] : true;
}

function baseStyle() {
  const style = { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }] };
  const basemap = typeof window !== 'undefined' ? window.LIANGSHAN_BASEMAP : null;
  if (typeof basemap === 'string' && basemap.includes('{z}')) {
    style.sources.basemap = { type: 'raster', tiles: [basemap], tileSize: 256, attribution: window.LIANGSHAN_BASEMAP_ATTRIBUTION || '' };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.85 } });
  }
  return style;
}

function hasWebgl() {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') || canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/**
 * Creates the map in `container`.
 * options: place (division code framed: 4/6/9/12 digits), layers (subset of DIVISION_LAYERS),
 * selected (code highlighted), panel (show the layer panel), panelCollapsed (start it folded),
 * compact (small, no controls), gep (GEP layers in the panel; default with the panel), year and
 * opacity (GEP layer state), onFeatureClick({level, code, name}), onLayersChange(layers: division
 * and GEP layer ids), onGepChange({year, opacity}), expose (window.__liangshanMap).
 * Returns { map, ready, destroy }; `ready` resolves once data are drawn.
 */
export function createDivisionMap(container, options) {
  const opts = { place: '3308', layers: ['counties', 'villages'], selected: null, panel: true, compact: false, gep: options.panel !== false && !options.compact, ...options };
  const state = { layers: new Set(opts.layers.filter((l) => DIVISION_LAYERS.includes(l))), hover: null, markers: [], destroyed: false, loaded: new Set() };
  const canvasBox = h('div', { class: 'map-canvas', role: 'region', 'aria-label': t('map.aria') });
  const status = h('div', { class: 'map-status', role: 'status', 'aria-live': 'polite' }, t('map.loading'));
  const badgeSlot = h('div', { class: 'map-badges' });
  const tooltip = h('div', { class: 'map-tooltip', hidden: true, 'aria-hidden': 'true' });
  const legendSlot = h('div', { class: 'map-legend', 'aria-live': 'polite' });
  const shell = h('div', { class: `map-shell${opts.compact ? ' compact' : ''}` }, canvasBox, badgeSlot, status, tooltip, legendSlot);
  mount(container, shell);

  if (!hasWebgl()) {
    status.textContent = t('map.noWebgl');
    status.classList.add('error');
    return { map: null, ready: Promise.resolve(), destroy() {} };
  }

  const map = new MapLibre({
    container: canvasBox,
    style: baseStyle(),
    bounds: [118.0, 28.25, 119.35, 29.5], // Quzhou, until the data frame it exactly
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    cooperativeGestures: false,
    interactive: !opts.compact || opts.interactiveCompact,
  });
  map.touchZoomRotate?.disableRotation();
  if (!opts.compact) {
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  }
  if (opts.expose) window.__liangshanMap = map;

  const styleLoaded = new Promise((resolve) => map.once('load', resolve));
  const gep = opts.gep
    ? createGepLayers(
        {
          map,
          styleLoaded,
          legendSlot,
          villages: () => collection('villages'),
          onChange: ({ layers, year, opacity }) => {
            opts.onLayersChange?.([...state.layers, ...layers]);
            opts.onGepChange?.({ year, opacity });
          },
        },
        { layers: opts.layers, year: opts.year, opacity: opts.opacity, place: opts.place },
      )
    : null;
  state.tooltipExtra = (code) => gep?.tooltip(code);
  if (opts.panel) shell.appendChild(layerPanel(state, (layer, on) => toggleLayer(layer, on), opts.panelCollapsed, gep?.panel));

  async function collection(layer) {
    const level = LEVEL[layer];
    const place = opts.place || '3308';
    // A town's villages (or a village's siblings) come from the town; larger areas load the
    // whole level once (cached) and are filtered here by code prefix.
    if (layer === 'villages' && place.length >= 9) return divisions.map(level, place.slice(0, 9));
    return divisions.map(level);
  }

  async function ensureLayer(layer) {
    if (state.loaded.has(layer)) return;
    const data = await collection(layer);
    await styleLoaded;
    if (state.destroyed || state.loaded.has(layer)) return;
    state.loaded.add(layer);
    addDivisionLayer(map, layer, data, opts);
    gep?.reorder();
    state[`data_${layer}`] = data;
    if (data.features?.some((f) => f.properties?.illustrative)) mount(badgeSlot, illustrativeBadge());
  }

  function applyVisibility() {
    for (const layer of DIVISION_LAYERS) {
      if (!state.loaded.has(layer)) continue;
      const v = state.layers.has(layer) ? 'visible' : 'none';
      for (const id of layerIds(layer)) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', v);
    }
    // Counties recede when finer divisions are on top of them.
    if (map.getLayer('counties-fill')) map.setPaintProperty('counties-fill', 'fill-opacity', state.layers.has('villages') || state.layers.has('towns') ? 0.18 : 0.32);
    drawLabels();
  }

  function drawLabels() {
    for (const m of state.markers) m.remove();
    state.markers = [];
    if (opts.compact) return;
    const place = opts.place || '3308';
    const labelled = [];
    if (state.layers.has('counties') && state.data_counties) labelled.push(['county', state.data_counties.features.filter((f) => place.length < 6 || String(f.properties.code) === place.slice(0, 6))]);
    if (state.layers.has('towns') && state.data_towns && place.length >= 6) labelled.push(['town', state.data_towns.features.filter((f) => String(f.properties.code).startsWith(place.slice(0, 6)))]);
    for (const [level, features] of labelled) {
      for (const f of features) {
        const at = labelPoint(f);
        if (!at) continue;
        const el = h('div', { class: `map-label map-label-${level}`, 'aria-hidden': 'true' }, placeName(f.properties));
        state.markers.push(new Marker({ element: el, anchor: 'center' }).setLngLat(at).addTo(map));
      }
    }
  }

  function frame() {
    const place = opts.place || '3308';
    let source;
    if (place.length === 12) source = state.data_villages;
    else if (place.length === 9) source = state.data_towns || state.data_villages;
    else source = state.data_counties || state.data_villages;
    const inside = (source?.features || []).filter((f) => String(f.properties.code).startsWith(place));
    const b = bboxOf(inside);
    if (!b) return;
    const pad = opts.compact ? 24 : 40;
    // Keep the framed place clear of the layer panel when there is room beside it.
    const wide = opts.panel && !opts.panelCollapsed && map.getContainer().clientWidth > 700;
    const padding = wide ? { top: pad, bottom: pad, right: pad, left: pad + 220 } : pad;
    map.fitBounds(b, { padding, animate: false, maxZoom: place.length === 12 ? 14 : 13 });
    if (place.length === 12) map.zoomTo(Math.max(map.getZoom() - 1.2, 8), { animate: false });
  }

  async function toggleLayer(layer, on) {
    if (on) state.layers.add(layer);
    else state.layers.delete(layer);
    opts.onLayersChange?.([...state.layers, ...(gep ? gep.layers() : [])]);
    if (on) await ensureLayer(layer);
    applyVisibility();
  }

  // Framing needs the level of the place, so load it even when its layer is off.
  const frameLayer = (opts.place || '3308').length === 12 ? 'villages' : (opts.place || '').length === 9 ? 'towns' : 'counties';
  const initial = new Set([...state.layers, frameLayer]);
  const ready = Promise.all([...initial].map(ensureLayer))
    .then(() => {
      if (state.destroyed) return;
      applyVisibility();
      frame();
      bindPointer(map, state, opts, tooltip);
      return new Promise((resolve) => map.once('idle', resolve));
    })
    .then(() => {
      if (state.destroyed) return;
      status.hidden = true;
      canvasBox.dataset.ready = 'true';
    })
    .catch((e) => {
      if (state.destroyed) return;
      status.textContent = typeof e?.localized === 'function' ? e.localized() : t('error.load');
      status.classList.add('error');
    });

  return {
    map,
    ready,
    destroy() {
      state.destroyed = true;
      for (const m of state.markers) m.remove();
      if (window.__liangshanMap === map) delete window.__liangshanMap;
      map.remove();
    },
  };
}

function layerIds(layer) {
  return [`${layer}-fill`, `${layer}-line`, `${layer}-state`];
}

function addDivisionLayer(map, layer, data, opts) {
  map.addSource(layer, { type: 'geojson', data, promoteId: 'code' });
  const place = opts.place || '3308';
  const filter = layer === 'counties' ? true : prefixFilter(place.length === 12 ? place.slice(0, 9) : place);
  const hovered = ['boolean', ['feature-state', 'hover'], false];
  const selected = ['==', ['to-string', ['get', 'code']], opts.selected || '-'];
  const before = layer === 'villages' ? (map.getLayer('counties-line') ? 'counties-line' : undefined) : layer === 'towns' ? (map.getLayer('villages-fill') ? 'villages-fill' : map.getLayer('counties-line') ? 'counties-line' : undefined) : undefined;

  if (layer === 'counties') {
    const colour = ['match', ['to-string', ['get', 'code']], '330802', COUNTY_COLOURS[0], '330803', COUNTY_COLOURS[1], '330822', COUNTY_COLOURS[2], '330824', COUNTY_COLOURS[3], '330825', COUNTY_COLOURS[4], '330881', COUNTY_COLOURS[5], '#9AA5A0'];
    map.addLayer({ id: 'counties-fill', type: 'fill', source: layer, paint: { 'fill-color': ['case', hovered, HOVER, colour], 'fill-opacity': 0.3 } }, map.getLayer('towns-fill') ? 'towns-fill' : map.getLayer('villages-fill') ? 'villages-fill' : undefined);
    map.addLayer({ id: 'counties-line', type: 'line', source: layer, paint: { 'line-color': '#2F3E46', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 12, 2.4] } });
    map.addLayer({ id: 'counties-state', type: 'line', source: layer, paint: { 'line-color': ['case', selected, SELECTED, HOVER], 'line-width': ['case', selected, 3, hovered, 3, 0] } });
    return;
  }
  const isVillage = layer === 'villages';
  map.addLayer(
    {
      id: `${layer}-fill`,
      type: 'fill',
      source: layer,
      filter,
      paint: {
        'fill-color': ['case', selected, '#0072B2', hovered, HOVER, '#FFFFFF'],
        'fill-opacity': ['case', selected, 0.55, hovered, 0.6, isVillage ? 0.4 : 0.01],
      },
    },
    before,
  );
  map.addLayer(
    {
      id: `${layer}-line`,
      type: 'line',
      source: layer,
      filter,
      paint: isVillage
        ? { 'line-color': '#5F706B', 'line-opacity': 0.65, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.25, 13, 1] }
        : { 'line-color': '#46545A', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 13, 1.6], 'line-dasharray': [3, 2] },
    },
    before,
  );
  // Highlight outlines go on top of everything drawn so far.
  map.addLayer({ id: `${layer}-state`, type: 'line', source: layer, filter, paint: { 'line-color': ['case', selected, SELECTED, HOVER], 'line-width': ['case', selected, 3, hovered, 2.5, 0] } });
}

/** Hover highlight + tooltip, and click → onFeatureClick, finest visible level first. */
function bindPointer(map, state, opts, tooltip) {
  const order = ['villages', 'towns', 'counties'];
  const pick = (point) => {
    const ids = order.filter((l) => state.layers.has(l) && map.getLayer(`${l}-fill`)).map((l) => `${l}-fill`);
    if (!ids.length) return null;
    const found = map.queryRenderedFeatures(point, { layers: ids });
    if (!found.length) return null;
    found.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
    return found[0];
  };
  const setHover = (f) => {
    const key = f ? `${f.source}:${f.id}` : null;
    if (state.hover?.key === key) return;
    if (state.hover) map.setFeatureState({ source: state.hover.source, id: state.hover.id }, { hover: false });
    state.hover = f ? { key, source: f.source, id: f.id } : null;
    if (f) map.setFeatureState({ source: f.source, id: f.id }, { hover: true });
  };
  map.on('mousemove', (e) => {
    const f = opts.compact ? null : pick(e.point);
    setHover(f);
    map.getCanvas().style.cursor = f && opts.onFeatureClick ? 'pointer' : '';
    if (f) {
      tooltip.hidden = false;
      const extra = state.tooltipExtra?.(String(f.properties.code));
      tooltip.textContent = `${placeName(f.properties)} · ${f.properties.code}${extra ? ` · ${extra}` : ''}`;
      tooltip.style.transform = `translate(${e.point.x + 14}px, ${e.point.y + 14}px)`;
    } else tooltip.hidden = true;
  });
  map.getCanvasContainer().addEventListener('mouseleave', () => {
    setHover(null);
    tooltip.hidden = true;
  });
  map.on('click', (e) => {
    const f = pick(e.point);
    if (f && opts.onFeatureClick) opts.onFeatureClick({ level: LEVEL[f.source], code: String(f.properties.code), name: f.properties.name });
  });
}

function layerPanel(state, onToggle, collapsed, extra) {
  const list = h(
    'fieldset',
    null,
    h('legend', null, t('map.layers.divisions')),
    DIVISION_LAYERS.map((layer) =>
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', name: layer, checked: state.layers.has(layer), onchange: (e) => onToggle(layer, e.target.checked) }),
        h('span', { class: `swatch swatch-${layer}`, 'aria-hidden': 'true' }),
        t(`map.layer.${layer}`),
      ),
    ),
  );
  const body = h('div', { class: 'map-panel-body', id: 'map-panel-body' }, list, extra || null, h('p', { class: 'muted small' }, t('map.layers.later')));
  const toggle = h('button', { type: 'button', class: 'map-panel-toggle', 'aria-expanded': 'true', 'aria-controls': 'map-panel-body' }, t('map.layers'));
  toggle.addEventListener('click', () => {
    const open = body.hidden;
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  });
  if (collapsed || window.matchMedia?.('(max-width: 640px)').matches) {
    body.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
  }
  return h('section', { class: 'map-panel', 'aria-label': t('map.layers') }, toggle, body);
}
