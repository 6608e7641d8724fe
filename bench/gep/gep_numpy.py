#!/usr/bin/python3
"""A plain numpy/GDAL implementation of the LS-2026.1 regulating indicators (gep-method.md),
written independently of the Java engine, for the issue-3 performance comparison.

Reads the same inputs directory as `gep run` (landcover, dem, precip, et, r_factor, k_factor,
npp GeoTIFFs; tables/emissions.csv, reservoirs.csv, lakes.csv), the same villages GeoJSON and the
parameter-set JSON, and writes one CSV row per zone and indicator with the physical quantity
(same units as the `quantity` column of the engine's zones.csv).

Vectorised with numpy where the formula is per cell (indicators, Horn slope, D8 directions, LS,
zonal sums with np.bincount). The two sequential steps are plain Python on compact arrays:
priority-flood filling (heapq ordered by (filled elevation, insertion sequence), with the FIFO
for cells at the current level of Barnes et al. 2014, Algorithm 2) and flow accumulation in
reverse flood-pop order. Zones are rasterised with gdal.RasterizeLayer (cell-centre rule).

Usage: gep_numpy.py INPUTS_DIR ZONES.geojson PARAMS.json OUT.csv
Prints the time of each step to stderr.
"""
import csv
import heapq
import json
import math
import os
import sys
import time
from array import array
from collections import deque

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
T0 = time.time()


def log(step):
    print(f"[numpy] {time.time() - T0:7.1f} s  {step}", file=sys.stderr, flush=True)


def read(path):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    a = band.ReadAsArray().astype(np.float32)
    nd = band.GetNoDataValue()
    invalid = np.isnan(a)
    if nd is not None:
        invalid |= a == np.float32(nd)
    return ds, a, invalid


def load_params(path):
    d = json.load(open(path, encoding="utf-8"))
    consts = {k: v["value"] for k, v in d["constants"].items()}
    classes = {c["code"]: c for c in d["classes"]}
    top = max(classes) + 1

    def per_class(name):
        out = np.zeros(top, dtype=np.float64)
        for code, c in classes.items():
            v = c["values"].get(name)
            out[code] = v["value"] if v is not None else 0.0
        return out

    def in_categories(cats):
        out = np.zeros(top, dtype=bool)
        for code, c in classes.items():
            out[code] = c["category"] in cats
        return out

    return consts, per_class, in_categories, top


# ---------------------------------------------------------------- terrain (LS factor)

def horn(z, valid, d):
    """Horn slope and aspect, missing neighbours replaced by the centre, replicate border."""
    h, w = z.shape
    zz = np.where(valid, z, np.nan).astype(np.float64)
    pad = np.pad(zz, 1, mode="constant", constant_values=np.nan)
    centre = zz

    def nb(dr, dc):
        a = pad[1 + dr:1 + dr + h, 1 + dc:1 + dc + w]
        return np.where(np.isnan(a), centre, a)

    a, b, c = nb(-1, -1), nb(-1, 0), nb(-1, 1)
    dd, f = nb(0, -1), nb(0, 1)
    g, hh, i = nb(1, -1), nb(1, 0), nb(1, 1)
    dzdx = ((c + 2 * f + i) - (a + 2 * dd + g)) / (8 * d)
    dzdy = ((a + 2 * b + c) - (g + 2 * hh + i)) / (8 * d)
    del a, b, c, dd, f, g, hh, i, pad
    slope = np.arctan(np.sqrt(dzdx * dzdx + dzdy * dzdy)).astype(np.float32)
    az = np.arctan2(-dzdx, -dzdy)
    az = np.where(az < 0, az + 2 * np.pi, az)
    aspect = np.where((dzdx == 0) & (dzdy == 0), np.nan, az).astype(np.float32)
    del dzdx, dzdy, az
    # border cells take the nearest interior cell's values
    for arr in (slope, aspect):
        arr[0, :] = arr[1, :]
        arr[-1, :] = arr[-2, :]
        arr[:, 0] = arr[:, 1]
        arr[:, -1] = arr[:, -2]
        arr[0, 0], arr[0, -1], arr[-1, 0], arr[-1, -1] = arr[1, 1], arr[1, -2], arr[-2, 1], arr[-2, -2]
        arr[~valid] = np.nan
    return slope, aspect


def priority_flood(z, valid):
    """Returns (filled, reached_from, pop order) on the grid padded by one no-data cell."""
    h, w = z.shape
    W = w + 2
    vpad = np.pad(valid, 1, mode="constant", constant_values=False)
    zpad = np.pad(np.where(valid, z, np.nan).astype(np.float32), 1, mode="constant", constant_values=np.nan)
    offs = (1, W + 1, W, W - 1, -1, -W - 1, -W, -W + 1)  # E, SE, S, SW, W, NW, N, NE
    edge = np.zeros_like(vpad)
    for o in offs:
        edge |= ~np.roll(vpad, -o)  # neighbour at index + o is no-data (padding included)
    edge &= vpad
    flat_z = zpad.ravel()
    seeds = np.flatnonzero(edge.ravel())
    filled = array("f", flat_z.tobytes())
    zl = array("f", flat_z.tobytes())
    todo = bytearray((vpad & ~edge).ravel().tobytes())
    frm = array("i", bytes(4 * flat_z.size))
    order = array("i")
    heap = [(zl[s], k, s) for k, s in enumerate(seeds.tolist())]
    heapq.heapify(heap)
    seq = len(heap)
    pit = deque()
    level = -math.inf
    push, pop = heapq.heappush, heapq.heappop
    while heap or pit:
        if heap and heap[0][0] == level:
            _, _, c = pop(heap)
        elif pit:
            c = pit.popleft()
        else:
            level, _, c = pop(heap)
        order.append(c)
        for o in offs:
            n = c + o
            if todo[n]:
                todo[n] = 0
                zn = zl[n]
                k = zn if zn > level else level
                filled[n] = k
                frm[n] = c
                if k == level:
                    pit.append(n)
                else:
                    push(heap, (k, seq, n))
                    seq += 1
    return (np.frombuffer(filled, dtype=np.float32).reshape(h + 2, w + 2), np.frombuffer(frm, dtype=np.int32),
            np.frombuffer(order, dtype=np.int32), edge)


def ls_factor(z, valid, d, lmax):
    h, w = z.shape
    W = w + 2
    slope, aspect = horn(z, valid, d)
    log("horn slope/aspect")
    filled, frm, order, edge = priority_flood(z, valid)
    log("priority-flood")
    offs = (1, W + 1, W, W - 1, -1, -W - 1, -W, -W + 1)
    diag = math.hypot(d, d)  # as the engine: hypot(cell width, cell height)
    dist = (d, diag, d, diag, d, diag, d, diag)
    f = filled.ravel().astype(np.float64)
    idx = np.flatnonzero((~edge & np.pad(valid, 1)).ravel())  # interior data cells
    best = np.zeros(idx.size)
    recv = np.full(f.size, -1, dtype=np.int32)
    r = np.full(idx.size, -1, dtype=np.int64)
    for o, dd in zip(offs, dist):
        drop = (f[idx] - f[idx + o]) / dd
        better = drop > best
        best = np.where(better, drop, best)
        r = np.where(better, idx + o, r)
    r = np.where(r < 0, frm[idx], r)  # no strictly lower neighbour: the cell that flooded it
    recv[idx] = r
    del best, r, f
    log("D8 directions")
    acc = array("i", bytes(4 * recv.size))
    rl = array("i", recv.tobytes())
    for c in reversed(order):
        t = rl[c]
        if t >= 0:
            acc[t] += acc[c] + 1
    acc = np.frombuffer(acc, dtype=np.int32).reshape(h + 2, w + 2)[1:-1, 1:-1]
    log("flow accumulation")
    area = d * d
    a_in = np.minimum(acc.astype(np.float64) * area, lmax * d)
    theta = slope.astype(np.float64)
    pct = np.tan(theta) * 100
    m = np.where(pct < 1, 0.2, np.where(pct < 3, 0.3, np.where(pct < 5, 0.4, 0.5)))
    asp = aspect.astype(np.float64)
    x = np.where((theta == 0) | np.isnan(asp), 1.0, np.abs(np.sin(asp)) + np.abs(np.cos(asp)))
    L = (np.power(a_in + d * d, m + 1) - np.power(a_in, m + 1)) / (d ** (m + 2) * x ** m * 22.13 ** m)
    deg = np.degrees(theta)
    s = np.sin(theta)
    S = np.where(deg < 5.14, 10.8 * s + 0.03, np.where(deg < 10, 16.8 * s - 0.5, 21.91 * s - 0.96))
    ls = (L * S).astype(np.float32)
    ls[~valid | np.isnan(slope)] = np.nan
    log("LS")
    return ls


# ---------------------------------------------------------------- zones


def zones(path, ds):
    src = ogr.Open(path)
    layer = src.GetLayer(0)
    grid_srs = osr.SpatialReference(wkt=ds.GetProjection())
    grid_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ll = osr.SpatialReference()
    ll.ImportFromEPSG(4490)
    ll.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    tr = osr.CoordinateTransformation(ll, grid_srs)
    mem = ogr.GetDriverByName("Memory").CreateDataSource("z")
    out = mem.CreateLayer("z", grid_srs, ogr.wkbMultiPolygon)
    out.CreateField(ogr.FieldDefn("slot", ogr.OFTInteger))
    codes, geoms = [], []
    for k, feat in enumerate(layer):
        g = feat.GetGeometryRef().Clone()
        g.Transform(tr)
        codes.append(feat.GetField("code"))
        geoms.append(g)
        of = ogr.Feature(out.GetLayerDefn())
        of.SetField("slot", k + 1)
        of.SetGeometry(g)
        out.CreateFeature(of)
    target = gdal.GetDriverByName("MEM").Create("", ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Int32)
    target.SetGeoTransform(ds.GetGeoTransform())
    target.SetProjection(ds.GetProjection())
    gdal.RasterizeLayer(target, [1], out, options=["ATTRIBUTE=slot"])
    slot = target.GetRasterBand(1).ReadAsArray().astype(np.int32)
    return codes, geoms, slot, tr


def point_zone(geoms, codes, tr, lon, lat):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(float(lon), float(lat))
    p.Transform(tr)
    for g, code in zip(geoms, codes):
        if g.Contains(p):
            return code
    return "outside"


def read_table(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------- indicators


def main(inputs, zones_path, params_path, out_path):
    consts, per_class, in_cat, top = load_params(params_path)
    ds, lc, lc_nd = read(os.path.join(inputs, "landcover.tif"))
    gt = ds.GetGeoTransform()
    d = gt[1]
    area = d * abs(gt[5])
    codes, geoms, slot, tr = zones(zones_path, ds)
    log(f"read land cover, rasterised {len(codes)} zones")
    _, dem, dem_nd = read(os.path.join(inputs, "dem.tif"))
    ls = ls_factor(dem, ~dem_nd, d, consts["slope_length_cap"])
    del dem, dem_nd
    cover = np.where(lc_nd, -1, lc).astype(np.int32)
    del lc
    known = (cover > 0) & (cover < top)
    cov = np.where(known, cover, 0)
    nz = len(codes) + 1
    out = {}

    def zsum(v):
        return np.bincount(slot.ravel(), weights=v.ravel(), minlength=nz)

    def counted(cats):
        return known & in_cat(cats)[cov]

    _, p, p_nd = read(os.path.join(inputs, "precip.tif"))
    _, et, et_nd = read(os.path.join(inputs, "et.tif"))
    alpha = per_class("runoff_coefficient")[cov]
    ok = counted({"forest", "shrubland", "garden", "grassland", "cropland", "wetland", "water"}) & ~p_nd & ~et_nd
    p64 = p.astype(np.float64)
    out["water_conservation"] = zsum(np.where(ok, np.maximum(0, p64 - alpha * p64 - et) * area * 1e-3, 0))
    del p, p64, alpha, ok
    # climate regulation: vegetation by EPP, water/wetland by evaporation
    veg = counted({"forest", "shrubland", "garden", "grassland", "cropland"})
    wat = counted({"water", "wetland"}) & ~et_nd
    kwh_per_kj = 1 / (3600 * consts["ac_energy_efficiency_ratio"])
    cool = np.where(veg, per_class("transpiration_heat")[cov] * area * consts["hot_days"] * kwh_per_kj, 0)
    ew = et.astype(np.float64) * area * 1e-3
    cool += np.where(wat, ew * consts["water_density"] * consts["vaporization_heat"] * kwh_per_kj, 0)
    if consts["humidification_applies"]:
        cool += np.where(wat, ew * consts["humidifier_energy"], 0)
    out["climate_regulation"] = zsum(cool)
    del et, et_nd, veg, wat, cool, ew
    log("water conservation, climate regulation")
    _, r, r_nd = read(os.path.join(inputs, "r_factor.tif"))
    _, k, k_nd = read(os.path.join(inputs, "k_factor.tif"))
    ok = counted({"forest", "shrubland", "garden", "grassland", "cropland", "wetland", "bare"})
    ok &= ~r_nd & ~k_nd & ~np.isnan(ls)
    cp = per_class("cover_factor")[cov] * per_class("practice_factor")[cov]
    pot = r.astype(np.float64) * k * ls.astype(np.float64)
    out["soil_retention"] = zsum(np.where(ok, pot * (1 - cp) * area / 1e4, 0))
    del r, k, ok, cp, pot, ls
    log("soil retention")
    _, npp, npp_nd = read(os.path.join(inputs, "npp.tif"))
    ok = known & ~npp_nd
    co2 = np.where(ok, npp.astype(np.float64) * per_class("nep_ratio")[cov] * area * 1e-6 * (44.0 / 12.0), 0)
    o2 = np.where(ok, npp.astype(np.float64) * per_class("nep_ratio")[cov] * area * 1e-6 * (44.0 / 12.0)
                  * (32.0 / 44.0), 0)
    out["carbon_sequestration"] = zsum(co2)
    out["oxygen_release"] = zsum(o2)
    del npp, co2, o2
    log("carbon, oxygen")
    # flood regulation: marsh cells, reservoirs and lakes by the zone of their point
    marsh = counted({"wetland"})
    flood = zsum(np.where(marsh, consts["marsh_flood_depth"] * area, 0.0))
    slot_of = {c: i + 1 for i, c in enumerate(codes)}
    slot_of["outside"] = 0
    for row in read_table(os.path.join(inputs, "tables", "reservoirs.csv")):
        z = point_zone(geoms, codes, tr, row["lon"], row["lat"])
        flood[slot_of[z]] += consts["reservoir_flood_share"] * float(row["capacity_m3"])
    for row in read_table(os.path.join(inputs, "tables", "lakes.csv")):
        z = point_zone(geoms, codes, tr, row["lon"], row["lat"])
        units = math.exp(consts["lake_coefficient_c0"]) * float(row["area_km2"]) ** consts["lake_coefficient_c1"]
        flood[slot_of[z]] += units * consts["lake_factor_t"] * consts["lake_regression_scale"]
    out["flood_regulation"] = flood
    log("flood regulation")
    # emission-capped indicators: capacity per class, capped per county
    county_of_slot = np.array([-1] + [int(c[:6]) for c in codes], dtype=np.int64)
    counties, county_idx = np.unique(county_of_slot[slot.ravel()], return_inverse=True)
    emissions = {(int(e["county_code"]), e["pollutant"]): float(e["tonnes"])
                 for e in read_table(os.path.join(inputs, "tables", "emissions.csv"))}
    has_county = (slot.ravel() > 0) & known.ravel()
    covr = cov.ravel()
    for ind, pols in (("water_purification", ("cod", "nh3n", "tn", "tp")),
                      ("air_purification", ("so2", "nox", "dust"))):
        total = np.zeros(nz)
        for pol in pols:
            rate = per_class(("removal_" if ind == "water_purification" else "absorption_") + pol)
            cap = np.where(has_county, rate[covr] * area / 1e4, 0.0)
            sums = np.bincount(county_idx, weights=cap, minlength=counties.size)
            fac = np.ones(counties.size)
            for j, c in enumerate(counties):
                if c >= 0 and sums[j] > 0:
                    fac[j] = min(1.0, emissions[(int(c), pol)] / sums[j])
            total += np.bincount(slot.ravel(), weights=cap * fac[county_idx], minlength=nz)
        out[ind] = total
    log("water and air purification")
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f)
        wr.writerow(["zone_code", "indicator", "quantity"])
        for ind, v in out.items():
            for i, c in enumerate(codes):
                wr.writerow([c, ind, repr(float(v[i + 1]))])
            wr.writerow(["outside", ind, repr(float(v[0]))])
    log("done")


if __name__ == "__main__":
    main(*sys.argv[1:5])
