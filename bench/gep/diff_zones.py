#!/usr/bin/python3
"""Largest per-village differences between the engine's zones.csv and gep_numpy.py's CSV.

Usage: diff_zones.py OUT/zones.csv numpy.csv
Per regulating indicator: zones compared, largest absolute difference, largest relative
difference (|java − numpy| / max(|numpy|, 1e-9), over zones whose numpy value is ≥ 1 unit),
and the zone where the relative difference is largest. zones.csv rounds quantities to 3 decimals,
so absolute differences below 0.0005 are rounding.
"""
import csv
import sys

java, ref = {}, {}
with open(sys.argv[1], encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["quantity"] != "":
            java[(row["zone_code"], row["indicator"])] = (float(row["quantity"]), row["unit"])
with open(sys.argv[2], encoding="utf-8") as f:
    for row in csv.DictReader(f):
        ref[(row["zone_code"], row["indicator"])] = float(row["quantity"])

indicators = []
for _, ind in ref:
    if ind not in indicators:
        indicators.append(ind)
print(f"{'indicator':22} {'unit':5} {'zones':>6} {'max abs diff':>14} {'max rel diff':>13}  worst zone (java / numpy)")
worst_rel = 0.0
for ind in indicators:
    n, max_abs, max_rel, where = 0, 0.0, 0.0, None
    unit = ""
    for (zone, i), r in ref.items():
        if i != ind or zone == "outside":
            continue
        j, unit = java.get((zone, ind), (None, ""))
        if j is None:
            print(f"missing in java: {zone} {ind}")
            continue
        n += 1
        diff = abs(j - r)
        max_abs = max(max_abs, diff)
        if abs(r) >= 1:
            rel = diff / abs(r)
            if rel > max_rel:
                max_rel, where = rel, f"{zone} ({j:.3f} / {r:.3f})"
    worst_rel = max(worst_rel, max_rel)
    print(f"{ind:22} {unit:5} {n:6d} {max_abs:14.6g} {max_rel:13.3g}  {where or '-'}")
print(f"largest relative difference over all indicators: {worst_rel:.3g}")
