// Small GeoJSON helpers (lon/lat degrees) for framing the map and placing HTML labels.

function rings(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** [minLon, minLat, maxLon, maxLat] of features, or null when there are none. */
export function bboxOf(features) {
  let b = null;
  for (const f of features) {
    for (const polygon of rings(f.geometry)) {
      for (const [x, y] of polygon[0] || []) {
        if (!b) b = [x, y, x, y];
        else {
          if (x < b[0]) b[0] = x;
          if (y < b[1]) b[1] = y;
          if (x > b[2]) b[2] = x;
          if (y > b[3]) b[3] = y;
        }
      }
    }
  }
  return b;
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a / 2);
}

/**
 * A point inside the feature's largest polygon for a label: the midpoint of the widest span of a
 * horizontal line through the polygon's vertical middle (even-odd rule, holes included), which
 * unlike the centroid is always inside, also for concave shapes.
 */
export function labelPoint(feature) {
  const polygons = rings(feature.geometry);
  if (!polygons.length) return null;
  const polygon = polygons.reduce((best, p) => (ringArea(p[0]) > ringArea(best[0]) ? p : best));
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of polygon[0]) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  // Slightly off the exact middle so the scan line rarely passes through a vertex.
  const y = minY + (maxY - minY) * 0.5001;
  const xs = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j];
      const [x2, y2] = ring[i];
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  xs.sort((a, b) => a - b);
  let best = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (!best || xs[i + 1] - xs[i] > best[1] - best[0]) best = [xs[i], xs[i + 1]];
  }
  return best ? [(best[0] + best[1]) / 2, y] : polygon[0][0];
}
