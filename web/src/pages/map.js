// 一张图 page: /map?place=330802&layers=counties,villages&sel=CODE. The URL is the whole state, so
// a view can be shared; clicking a county or town zooms to it, clicking a village opens its
// eco account.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { divisions } from '../api.js';
import { navigate, updateQuery } from '../router.js';
import { createDivisionMap, DIVISION_LAYERS } from '../map.js';
import { isGepLayer } from '../map-gep.js';
import { breadcrumb, placeName } from '../ui.js';

const PLACE = /^(3308|\d{6}|\d{9}|\d{12})$/;

export function placeHref(code) {
  if (code.length === 12) return `/village/${code}`;
  if (code.length === 9) return `/town/${code}`;
  if (code.length === 6) return `/county/${code}`;
  return '/city';
}

export default {
  name: 'map',
  tier: 'map',
  render(main, ctx) {
    ctx.setTitle(t('map.title'));
    const placeParam = ctx.query.get('place') || '3308';
    const place = PLACE.test(placeParam) ? placeParam : '3308';
    const layersParam = ctx.query.get('layers');
    const layers = layersParam ? layersParam.split(',').filter((l) => DIVISION_LAYERS.includes(l) || isGepLayer(l)) : place.length >= 6 ? ['counties', 'towns', 'villages'] : ['counties', 'villages'];
    const selected = ctx.query.get('sel');

    const crumbs = h('div', { class: 'map-crumbs' }, breadcrumb([{ label: t('city.title'), href: '/map' }]));
    const openLink = h('div', { class: 'map-open' });
    const mapBox = h('div', { class: 'map-page-map' });
    mount(
      main,
      h(
        'div',
        { class: 'map-page' },
        h('div', { class: 'map-page-head' }, h('div', null, h('h1', { id: 'page-title', class: 'h-compact' }, t('map.title')), crumbs), h('p', { class: 'muted small map-hint' }, t('map.hint')), openLink),
        mapBox,
      ),
    );

    if (place !== '3308') {
      divisions
        .detail(place)
        .then((d) => {
          if (ctx.signal.aborted) return;
          const chain = (d.chain || []).filter((c) => c.code !== d.code);
          const items = [{ label: t('city.title'), href: '/map' }, ...chain.filter((c) => c.level !== 'city').map((c) => ({ label: placeName(c), href: `/map?place=${c.code}&layers=${layers.join(',')}` })), { label: placeName(d) }];
          mount(crumbs, breadcrumb(items));
          mount(openLink, h('a', { class: 'btn btn-small', href: placeHref(d.code) }, t('map.openPlace', { name: placeName(d) })));
        })
        .catch(() => {});
    }

    const component = createDivisionMap(mapBox, {
      place,
      layers,
      selected,
      panel: true,
      expose: true,
      year: ctx.query.get('year'),
      opacity: ctx.query.get('opacity'),
      onLayersChange: (now) => updateQuery({ layers: now.join(',') }),
      onGepChange: ({ year, opacity }) => updateQuery({ year, opacity }),
      onFeatureClick: ({ level, code }) => {
        if (level === 'village') navigate(`/village/${code}`);
        else {
          const now = new URLSearchParams(window.location.search).get('layers') || layers.join(',');
          const next = new Set(now.split(','));
          next.add(level === 'county' ? 'towns' : 'villages');
          if (level === 'county') next.add('villages');
          const keep = new URLSearchParams(window.location.search);
          const extra = ['year', 'opacity'].filter((k) => keep.get(k)).map((k) => `&${k}=${keep.get(k)}`).join('');
          navigate(`/map?place=${code}&layers=${[...next].filter((l) => DIVISION_LAYERS.includes(l) || isGepLayer(l)).join(',')}${extra}`);
        }
      },
    });
    return () => component.destroy();
  },
};
