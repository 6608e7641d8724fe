// 资源 tab of the village eco account (V1 闲置资源一图清): the village's idle resources on the one
// map (coloured by type, filtered by type / subtype / use status / direction), a paged list, the
// resource card with photos and documents, and create / edit / retire by drawing a polygon or
// placing a point (the drawing tool of the project-impact page).

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { updateQuery } from '../router.js';
import { createDivisionMap } from '../map.js';
import { formatDate, formatNumber } from '../format.js';
import { emptyState, errorState, loadingState } from '../ui.js';
import { drawingTool } from './gep-impact.js';
import { TYPE_COLOURS, ledgerApi, muText, nameOf, subtypeName, termName, typeColourExpression } from '../eledger.js';
import { canWrite, field, formAlert, hideAlert, input, pager, panel, setError, showProblems, termSelect } from '../ledger-ui.js';

const PAGE_SIZE = 20;

function legend(catalog) {
  return h(
    'ul',
    { class: 'ledger-legend', 'aria-label': t('ledger.legend') },
    (catalog.types || []).map((ty) => h('li', null, h('span', { class: 'swatch-dot', style: `background:${TYPE_COLOURS[ty.code]}`, 'aria-hidden': 'true' }), termName(ty))),
    h('li', null, h('span', { class: 'swatch-point', 'aria-hidden': 'true' }), t('ledger.legend.point')),
  );
}

function addResourceLayers(map) {
  map.addSource('ledger', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
  const selected = ['boolean', ['feature-state', 'selected'], false];
  const polygons = ['==', ['geometry-type'], 'Polygon'];
  map.addLayer({ id: 'ledger-fill', type: 'fill', source: 'ledger', filter: polygons, paint: { 'fill-color': typeColourExpression(), 'fill-opacity': ['case', selected, 0.75, 0.5] } });
  map.addLayer({ id: 'ledger-line', type: 'line', source: 'ledger', filter: polygons, paint: { 'line-color': ['case', selected, '#1B3A4B', '#2F3E46'], 'line-width': ['case', selected, 3, 1] } });
  map.addLayer({ id: 'ledger-point', type: 'circle', source: 'ledger', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': ['case', selected, 8, 6], 'circle-color': typeColourExpression(), 'circle-stroke-color': ['case', selected, '#1B3A4B', '#ffffff'], 'circle-stroke-width': 2 } });
  map.addSource('ledger-pin', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'ledger-pin', type: 'circle', source: 'ledger-pin', paint: { 'circle-radius': 8, 'circle-color': '#ffffff', 'circle-stroke-color': '#7a1f5c', 'circle-stroke-width': 3 } });
}

function detailsView(r, catalog, { onEdit, onRetire, onRights, writable }) {
  const facts = [
    [t('ledger.field.type'), `${nameOf(catalog.types, r.type)} · ${subtypeName(catalog, r.type, r.subtype)}`],
    [t('ledger.field.status'), nameOf(catalog.useStatuses, r.useStatus)],
    [t('ledger.field.area'), r.geometryKind === 'point' ? (r.declaredAreaM2 ? `${formatNumber(r.declaredAreaM2, 2)} m² · ${muText(r.declaredAreaM2)} (${t('ledger.declared')})` : t('ledger.point')) : `${formatNumber(r.areaM2, 2)} m² · ${muText(r.areaM2)}`],
    [t('ledger.field.condition'), r.condition || '—'],
    [t('ledger.field.directions'), (r.directions || []).map((d) => nameOf(catalog.directions, d)).join('、') || '—'],
    [t('ledger.field.centroid'), r.centroid ? r.centroid.map((c) => Number(c).toFixed(5)).join(', ') : '—'],
    [t('ledger.field.version'), String(r.version)],
    [t('ledger.field.updated'), formatDate(r.updatedAt || r.createdAt)],
  ];
  return h(
    'div',
    { class: 'resource-details', dataset: { id: r.id } },
    h('dl', { class: 'meta-list small' }, facts.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v)))),
    h(
      'div',
      { class: 'btn-row' },
      h('button', { type: 'button', class: 'btn btn-small', onclick: onRights, 'data-action': 'rights' }, t('ledger.rights.open')),
      writable ? h('button', { type: 'button', class: 'btn btn-small', onclick: onEdit, 'data-action': 'edit' }, t('ledger.edit')) : null,
      writable ? h('button', { type: 'button', class: 'btn btn-small btn-danger', onclick: onRetire, 'data-action': 'retire' }, t('ledger.retire')) : null,
    ),
  );
}

/** Photos and documents of a resource, with upload (photo | document) when writable. */
export function filesView(resourceId, writable) {
  const list = h('ul', { class: 'file-list' }, h('li', { class: 'muted small' }, t('common.loading')));
  const alert = formAlert();
  const load = () =>
    ledgerApi
      .files(resourceId)
      .then((files) =>
        mount(
          list,
          files.length
            ? files.map((f) =>
                h(
                  'li',
                  null,
                  h('span', { class: `file-kind file-${f.kind}` }, t(`ledger.file.${f.kind}`)),
                  h('a', { href: ledgerApi.fileHref(f.id), 'data-external': '', target: '_blank', rel: 'noopener' }, f.title || f.fileName),
                  h('span', { class: 'muted small' }, ` ${formatNumber(f.sizeBytes / 1024, 0)} KB · SHA-256 ${String(f.sha256).slice(0, 10)}…`),
                  f.kind === 'photo' && f.contentType !== 'application/pdf' ? h('img', { class: 'file-thumb', src: ledgerApi.fileHref(f.id), alt: f.title || f.fileName, loading: 'lazy' }) : null,
                ),
              )
            : h('li', { class: 'muted small' }, t('ledger.files.none')),
        ),
      )
      .catch((e) => mount(list, h('li', { class: 'muted small' }, e.status === 404 ? t('ledger.files.unavailable') : e.localized?.() || t('error.load'))));
  load();
  const fileInput = h('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,application/pdf', name: 'file' });
  const kind = h('select', { name: 'kind', 'aria-label': t('ledger.files.kind') }, h('option', { value: 'photo' }, t('ledger.file.photo')), h('option', { value: 'document' }, t('ledger.file.document')));
  const title = input({ name: 'title', maxlength: '100', placeholder: t('ledger.files.title'), 'aria-label': t('ledger.files.title') });
  const form = writable
    ? h(
        'form',
        {
          class: 'file-form',
          onsubmit: async (e) => {
            e.preventDefault();
            hideAlert(alert);
            if (!fileInput.files[0]) return showProblems({ localized: () => t('ledger.files.choose') }, {}, alert);
            try {
              await ledgerApi.uploadFile(resourceId, fileInput.files[0], kind.value, title.value.trim());
              form.reset();
              load();
            } catch (err) {
              showProblems(err, {}, alert);
            }
          },
        },
        alert,
        h('div', { class: 'inline-fields' }, kind, title, fileInput, h('button', { type: 'submit', class: 'btn btn-small' }, t('ledger.files.upload'))),
        h('p', { class: 'muted small' }, t('ledger.files.hint')),
      )
    : null;
  return h('div', { class: 'resource-files' }, h('h4', null, t('ledger.files')), list, form);
}

/** The resource form (create when `r` is null). Geometry comes from the map tool via `geometry()`. */
function resourceForm(code, catalog, r, tools, onSaved, onCancel) {
  const alert = formAlert();
  const name = input({ name: 'name', value: r?.name || '', maxlength: '100', required: true });
  const type = termSelect(catalog.types, { value: r?.type, blank: t('ledger.choose'), name: 'type' });
  const subtype = h('select', { name: 'subtype' });
  const fillSubtypes = () => mount(subtype, h('option', { value: '' }, t('ledger.choose')), (catalog.types.find((x) => x.code === type.value)?.subtypes || []).map((s) => h('option', { value: s.code, selected: s.code === r?.subtype }, termName(s))));
  type.addEventListener('change', fillSubtypes);
  fillSubtypes();
  const status = termSelect(catalog.useStatuses, { value: r?.useStatus || 'idle', name: 'useStatus' });
  const condition = input({ name: 'condition', value: r?.condition || '', maxlength: '200' });
  const directions = h('div', { class: 'check-grid', role: 'group', id: `dir-${code}` }, (catalog.directions || []).map((d) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: d.code, checked: (r?.directions || []).includes(d.code) }), termName(d))));
  const declared = input({ name: 'declaredAreaM2', inputmode: 'decimal', value: r?.declaredAreaM2 ?? '' });
  const mode = r?.geometryKind === 'point' ? 'point' : 'polygon';
  const fields = {
    name: field(t('ledger.field.name'), name, { name: 'name' }),
    type: field(t('ledger.field.type'), type, { name: 'type' }),
    subtype: field(t('ledger.field.subtype'), subtype, { name: 'subtype' }),
    useStatus: field(t('ledger.field.status'), status, { name: 'useStatus' }),
    condition: field(t('ledger.field.condition'), condition, { name: 'condition' }),
    directions: field(t('ledger.field.directions'), directions, { name: 'directions', wide: true }),
    geometry: field(t('ledger.field.drawStatus'), tools.status, { name: 'geometry', wide: true }),
    declaredAreaM2: field(t('ledger.field.declared'), declared, { name: 'declaredAreaM2', hint: t('ledger.declared.hint') }),
  };
  name.addEventListener('input', () => setError(fields.name, name.value.trim() ? null : t('ledger.required')));
  const modeRadio = (value) => h('label', { class: 'check' }, h('input', { type: 'radio', name: `geom-mode-${code}`, value, checked: value === mode, onchange: () => tools.setMode(value) }), t(`ledger.geometry.${value}`));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, r ? t('ledger.save') : t('ledger.create'));
  const form = h(
    'form',
    {
      class: 'resource-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        hideAlert(alert);
        const geometry = tools.geometry();
        let ok = true;
        if (!name.value.trim()) ok = (setError(fields.name, t('ledger.required')), false);
        if (!type.value) ok = (setError(fields.type, t('ledger.required')), false);
        if (!subtype.value) ok = (setError(fields.subtype, t('ledger.required')), false);
        if (!geometry) ok = (setError(fields.geometry, t('ledger.geometry.required')), false);
        if (!ok) return;
        const body = {
          name: name.value.trim(),
          type: type.value,
          subtype: subtype.value,
          useStatus: status.value,
          condition: condition.value.trim() || null,
          directions: [...directions.querySelectorAll('input:checked')].map((c) => c.value),
          geometry,
          declaredAreaM2: geometry.type === 'Point' && declared.value.trim() ? declared.value.trim() : null,
          version: r?.version,
        };
        submit.disabled = true;
        try {
          const saved = r ? await ledgerApi.updateResource(r.id, body) : await ledgerApi.createResource(code, body);
          onSaved(saved);
        } catch (err) {
          showProblems(err, fields, alert);
        } finally {
          submit.disabled = false;
        }
      },
    },
    alert,
    h('div', { class: 'form-grid' }, Object.entries(fields).filter(([k]) => k !== 'geometry').map(([, f]) => f)),
    h('fieldset', { class: 'impact-fieldset' }, h('legend', null, t('ledger.field.geometry')), h('div', { class: 'radio-row' }, modeRadio('polygon'), modeRadio('point')), tools.buttons, fields.geometry),
    h('div', { class: 'btn-row' }, submit, h('button', { type: 'button', class: 'btn', onclick: onCancel }, t('ledger.cancel'))),
  );
  return form;
}

/** Renders the 资源 tab of village `code`; `ctx` gives the abort signal, query and tab switching. */
export function resourcesTab(code, ctx) {
  const box = h('div', { class: 'ledger-tab ledger-resources' }, loadingState());
  ledgerApi
    .catalog()
    .then((catalog) => !ctx.signal.aborted && render(box, code, ctx, catalog))
    .catch((e) => !ctx.signal.aborted && mount(box, errorState(e)));
  return box;
}

function render(box, code, ctx, catalog) {
  const writable = canWrite(code);
  const q = ctx.query;
  const filter = { type: q.get('type') || '', subtype: q.get('subtype') || '', status: q.get('status') || '', direction: q.get('direction') || '', q: q.get('q') || '' };
  const mapBox = h('div', { class: 'ledger-map' });
  const side = h('div', { class: 'ledger-side', 'aria-live': 'polite' }, h('p', { class: 'muted small' }, t('ledger.map.hint')));
  const listSlot = h('div', { class: 'ledger-list' }, loadingState());
  const countSlot = h('span', { class: 'muted small ledger-count' });
  let page = 0;
  let map = null;
  let selectedId = null;
  let drawing = null;
  let pointMode = null; // when placing a point: {coords}
  let geomMode = 'polygon';
  const setPin = (c) => map?.getSource('ledger-pin')?.setData({ type: 'FeatureCollection', features: c ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } }] : [] });

  const typeSel = termSelect(catalog.types, { value: filter.type, blank: t('ledger.filter.allTypes'), name: 'type' });
  const subtypeSel = h('select', { name: 'subtype' });
  const fillSub = () => mount(subtypeSel, h('option', { value: '' }, t('ledger.filter.allSubtypes')), (catalog.types.find((x) => x.code === typeSel.value)?.subtypes || []).map((s) => h('option', { value: s.code, selected: s.code === filter.subtype }, termName(s))));
  fillSub();
  const statusSel = termSelect(catalog.useStatuses, { value: filter.status, blank: t('ledger.filter.allStatuses'), name: 'status' });
  const dirSel = termSelect(catalog.directions, { value: filter.direction, blank: t('ledger.filter.allDirections'), name: 'direction' });
  const search = input({ type: 'search', name: 'q', value: filter.q, placeholder: t('ledger.filter.q'), 'aria-label': t('ledger.filter.q') });
  const onFilter = () => {
    if (typeSel.value !== filter.type) {
      filter.subtype = '';
      filter.type = typeSel.value;
      fillSub();
    }
    Object.assign(filter, { subtype: subtypeSel.value, status: statusSel.value, direction: dirSel.value, q: search.value.trim() });
    updateQuery(filter);
    page = 0;
    loadMap();
    loadList();
  };
  for (const s of [typeSel, subtypeSel, statusSel, dirSel]) s.addEventListener('change', onFilter);
  search.addEventListener('change', onFilter);

  const filters = h(
    'div',
    { class: 'ledger-filters', role: 'search' },
    h('label', { class: 'inline-field' }, h('span', null, t('ledger.field.type')), typeSel),
    h('label', { class: 'inline-field' }, h('span', null, t('ledger.field.subtype')), subtypeSel),
    h('label', { class: 'inline-field' }, h('span', null, t('ledger.field.status')), statusSel),
    h('label', { class: 'inline-field' }, h('span', null, t('ledger.field.directions')), dirSel),
    search,
    h('span', { class: 'toolbar-gap' }),
    writable ? h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-action': 'new-resource', onclick: () => openForm(null) }, '+ ', t('ledger.resource.new')) : null,
  );

  function loadMap() {
    if (!map) return;
    ledgerApi
      .resourcesGeojson(code, { type: filter.type, status: filter.status, direction: filter.direction })
      .then((fc) => {
        if (ctx.signal.aborted) return;
        const features = filter.subtype ? fc.features.filter((f) => f.properties.subtype === filter.subtype) : fc.features;
        map.getSource('ledger')?.setData({ type: 'FeatureCollection', features });
        mapBox.dataset.features = String(features.length);
        mapBox.dataset.loaded = 'true';
      })
      .catch(() => (mapBox.dataset.loaded = 'error'));
  }

  function loadList() {
    ledgerApi
      .resources(code, { ...filter, page, size: PAGE_SIZE })
      .then((p) => {
        if (ctx.signal.aborted) return;
        countSlot.textContent = t('ledger.resource.count', { count: formatNumber(p.total) });
        if (!p.items.length) {
          mount(listSlot, emptyState(t('ledger.resource.none'), writable ? t('ledger.resource.noneHint') : null));
          listSlot.dataset.ready = 'true';
          return;
        }
        mount(
          listSlot,
          h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'data-table resource-table' },
              h('caption', { class: 'sr-only' }, t('ledger.resource.list')),
              h('thead', null, h('tr', null, [t('ledger.field.name'), t('ledger.field.type'), t('ledger.field.status'), t('ledger.field.areaM2'), t('ledger.field.areaMu'), t('ledger.field.directions')].map((l, i) => h('th', { scope: 'col', class: i === 3 || i === 4 ? 'num' : null }, l)))),
              h(
                'tbody',
                null,
                p.items.map((r) =>
                  h(
                    'tr',
                    { dataset: { id: r.id }, class: r.id === selectedId ? 'selected' : null },
                    h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link-button', onclick: () => select(r.id, true) }, r.name)),
                    h('td', null, h('span', { class: 'swatch-dot', style: `background:${TYPE_COLOURS[r.type]}`, 'aria-hidden': 'true' }), `${nameOf(catalog.types, r.type)} · ${subtypeName(catalog, r.type, r.subtype)}`),
                    h('td', null, h('span', { class: `use-status use-${r.useStatus}` }, nameOf(catalog.useStatuses, r.useStatus))),
                    h('td', { class: 'num' }, formatNumber(r.geometryKind === 'point' ? r.declaredAreaM2 || 0 : r.areaM2, 2)),
                    h('td', { class: 'num' }, muText(r.geometryKind === 'point' ? r.declaredAreaM2 || 0 : r.areaM2)),
                    h('td', null, (r.directions || []).map((d) => nameOf(catalog.directions, d)).join('、') || '—'),
                  ),
                ),
              ),
            ),
          ),
          pager(p, (n) => {
            page = n;
            loadList();
          }),
        );
        listSlot.dataset.ready = 'true';
      })
      .catch((e) => !ctx.signal.aborted && mount(listSlot, errorState(e, loadList)));
  }

  function highlight(id) {
    if (!map?.getSource('ledger')) return;
    if (selectedId) map.setFeatureState({ source: 'ledger', id: selectedId }, { selected: false });
    selectedId = id;
    if (id) map.setFeatureState({ source: 'ledger', id }, { selected: true });
    for (const tr of listSlot.querySelectorAll('tr[data-id]')) tr.classList.toggle('selected', tr.dataset.id === id);
  }

  function select(id, fly) {
    highlight(id);
    updateQuery({ res: id });
    mount(side, loadingState());
    ledgerApi
      .resource(id)
      .then((r) => {
        if (ctx.signal.aborted) return;
        if (fly && map && r.centroid) map.jumpTo({ center: r.centroid, zoom: Math.max(map.getZoom(), 15) });
        panel(
          side,
          r.name,
          h(
            'div',
            null,
            detailsView(r, catalog, {
              writable,
              onRights: () => ctx.openTab?.('rights', { res: r.id }),
              onEdit: () => openForm(r),
              onRetire: async () => {
                if (!window.confirm(t('ledger.retire.confirm', { name: r.name }))) return;
                try {
                  await ledgerApi.retireResource(r.id, r.version);
                  highlight(null);
                  updateQuery({ res: null });
                  mount(side, h('p', { class: 'form-alert info' }, t('ledger.retired', { name: r.name })));
                  loadMap();
                  loadList();
                } catch (err) {
                  mount(side, errorState(err));
                }
              },
            }),
            filesView(r.id, writable),
          ),
          () => {
            highlight(null);
            updateQuery({ res: null });
          },
        );
        side.dataset.resource = r.id;
      })
      .catch((e) => mount(side, errorState(e)));
  }

  // Geometry tools for the form: polygon drawing (shared tool) or a point placed by a click.
  const drawStatus = h('p', { class: 'small draw-status', 'aria-live': 'polite' });
  const btn = (label, action, onclick) => h('button', { type: 'button', class: 'btn btn-small', 'data-action': action, onclick }, label);
  const tools = {
    status: drawStatus,
    buttons: h(
      'div',
      { class: 'btn-row' },
      btn(t('impact.draw.start'), 'draw', () => (geomMode === 'point' ? startPoint() : drawing?.start())),
      btn(t('impact.draw.finish'), 'finish', () => drawing?.finish()),
      btn(t('impact.draw.undo'), 'undo', () => drawing?.undo()),
      btn(t('impact.draw.clear'), 'clear', () => (geomMode === 'point' ? (pointMode = { coords: null }, setPin(null), showPointStatus()) : drawing?.clear())),
      btn(t('ledger.draw.square'), 'square', () => {
        if (geomMode === 'point') return;
        drawing?.square(80, [map.getCenter().lng, map.getCenter().lat]);
      }),
    ),
    setMode(m) {
      geomMode = m;
      if (m === 'point') {
        drawing?.clear();
        startPoint();
      } else {
        pointMode = null;
        setPin(null);
        onDraw(drawing?.state || { vertices: [] });
      }
    },
    geometry() {
      if (geomMode === 'point') return pointMode?.coords ? { type: 'Point', coordinates: pointMode.coords } : null;
      if (drawing?.state.drawing) return null;
      return drawing?.polygon() || null;
    },
  };
  function startPoint() {
    pointMode = { coords: pointMode?.coords || null };
    if (map) map.getCanvas().style.cursor = 'crosshair';
    showPointStatus();
  }
  function showPointStatus() {
    drawStatus.textContent = pointMode?.coords ? t('ledger.point.placed', { at: pointMode.coords.map((c) => c.toFixed(5)).join(', ') }) : t('ledger.point.click');
  }
  function onDraw(s) {
    if (geomMode === 'point') return;
    const n = s.vertices.length;
    drawStatus.textContent = s.drawing ? t('impact.draw.drawing', { count: n }) : s.closed ? t('impact.draw.closed', { count: n }) : n ? t('impact.draw.open', { count: n }) : t('ledger.draw.idle');
  }

  function openForm(r) {
    if (!map) return;
    highlight(null);
    geomMode = r?.geometryKind === 'point' ? 'point' : 'polygon';
    drawing?.clear();
    pointMode = null;
    setPin(null);
    if (r?.geometry?.type === 'Polygon') drawing?.set(r.geometry.coordinates[0]);
    else if (r?.geometry?.type === 'MultiPolygon') drawing?.set(r.geometry.coordinates[0][0]);
    else if (r?.geometry?.type === 'Point') {
      pointMode = { coords: r.geometry.coordinates };
      setPin(pointMode.coords);
    }
    if (geomMode === 'point') showPointStatus();
    else onDraw(drawing?.state || { vertices: [] });
    const done = () => {
      drawing?.clear();
      pointMode = null;
      setPin(null);
      map.getCanvas().style.cursor = '';
    };
    panel(
      side,
      r ? t('ledger.resource.edit', { name: r.name }) : t('ledger.resource.new'),
      resourceForm(
        code,
        catalog,
        r,
        tools,
        (saved) => {
          done();
          loadMap();
          loadList();
          select(saved.id, false);
        },
        () => {
          done();
          mount(side);
        },
      ),
      done,
    );
  }

  mount(
    box,
    filters,
    h('div', { class: 'ledger-map-layout' }, h('div', { class: 'ledger-map-card' }, mapBox, legend(catalog)), side),
    h('div', { class: 'section-head' }, h('h3', null, t('ledger.resource.list')), countSlot),
    listSlot,
  );

  const component = createDivisionMap(mapBox, { place: code, layers: ['villages'], panel: false, gep: false, expose: true });
  ctx.signal.addEventListener('abort', () => component.destroy());
  component.ready.then(() => {
    if (ctx.signal.aborted || !component.map) return;
    map = component.map;
    addResourceLayers(map);
    drawing = drawingTool(map, onDraw);
    map.on('click', (e) => {
      if (pointMode && geomMode === 'point' && side.querySelector('.resource-form')) {
        pointMode.coords = [Math.round(e.lngLat.lng * 1e7) / 1e7, Math.round(e.lngLat.lat * 1e7) / 1e7];
        setPin(pointMode.coords);
        showPointStatus();
        return;
      }
      if (drawing.state.drawing || side.querySelector('.resource-form')) return;
      const hit = map.queryRenderedFeatures(e.point, { layers: ['ledger-point', 'ledger-fill'] })[0];
      if (hit) select(String(hit.properties.id), false);
    });
    map.on('mousemove', (e) => {
      if (drawing.state.drawing || pointMode) return;
      const hit = map.queryRenderedFeatures(e.point, { layers: ['ledger-point', 'ledger-fill'] }).length;
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
    });
    loadMap();
    const res = q.get('res');
    if (res) select(res, true);
  });
  loadList();
}
