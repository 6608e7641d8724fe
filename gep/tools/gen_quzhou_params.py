#!/usr/bin/env python3
"""Writes the default parameter set quzhou-2025-v1 (run once by hand; the JSON is the data of
record, this script only documents how the table was assembled). Usage: python3 gen_quzhou_params.py"""
import json, pathlib

METHOD_PH = "LS-2026.1 §D default from published RCEES-method studies; the Zhejiang DB33/T 2274-2025 value is not available to the project"
ENGINE_PH = "no value in LS-2026.1; engine choice (see gep/METHOD-CHOICES.md), replace with DB33/T 2274-2025 or local measurement"

sources = {
    "ls-2026.1-defaults": "gep-method.md edition LS-2026.1, section 'Default parameters and prices' (values from published RCEES-method studies, e.g. the Garze 2010 accounting)",
    "ls-2026.1-clause": "gep-method.md edition LS-2026.1, the indicator clause that pins the constant (§R2 L_max, §R3 marsh depth and reservoir share, §R8 ρw and q)",
    "runoff-guideline-2020": "陆地生态系统生产总值（GEP）核算技术指南 (生态环境部环境规划院 / 中国科学院生态环境研究中心, 2020), surface-runoff coefficient table: evergreen broadleaf 4.65 %, evergreen needleleaf 3.02 %, mixed 2.29 %, evergreen broadleaf shrub 4.26 %, grass tussock 9.37 % (LS-2026.1 §D names 0.0465)",
    "runoff-alternative": "alternative published runoff-coefficient table named in LS-2026.1 §D (evergreen broadleaf 0.0267)",
    "forest-air-1998": "中国生物多样性国情研究报告 (1998) as used in RCEES-method GEP studies: SO₂ absorption broadleaf 88.65, coniferous 215.60 kg·hm⁻²·a⁻¹; dust retention broadleaf 10.11, coniferous 33.20 t·hm⁻²·a⁻¹; NOₓ absorption 6.0 kg·hm⁻²·a⁻¹",
    "epp-rcees": "transpiration heat per vegetation type used in RCEES-method GEP studies and the 2020 technical guideline example: forest 2837.27, shrub 1300.95, grass 969.83 kJ·m⁻²·d⁻¹",
    "pollution-equivalent-2003": "排污费征收标准管理办法 (2003): pollution equivalents NH₃-N 0.8 kg, TN 0.8 kg, TP 0.25 kg at 0.7 元 per equivalent → 875 and 2800 元/t, the same basis as the method's COD 700 and NH₃-N 875 元/t",
    "lake-regression-rcees": "RCEES-method lake flood-storage regression for lakes of the eastern plain region, C = exp(4.924) × A^1.128 × 3.19 with A in km² and C in 10⁴ m³, as cited in RCEES-method GEP studies",
    "cea-market": "China national carbon emission allowance (CEA) market, order of magnitude of the 2024 average closing price (about 90–100 元/t CO₂)",
    "physics": "physical constants: density of water 1000 kg/m³, latent heat of vaporisation 2260 kJ/kg",
    "humidifier-rcees": "energy of a humidifier evaporating 1 m³ of water, 125 kWh/m³, as used in RCEES-method climate-regulation studies",
    "engine-choice": "Liangshan engine choice documented in gep/METHOD-CHOICES.md; not taken from a published table",
}

def v(value, source, placeholder=True, reason=None, unit=None, year=None):
    out = {"value": value}
    if unit is not None:
        out["unit"] = unit
    if year is not None:
        out["year"] = year
    out["source"] = source
    out["placeholder"] = placeholder
    if reason:
        out["reason"] = reason
    return out

def eng(value, why):
    return v(value, "engine-choice", True, ENGINE_PH + ": " + why)

# code, zh, en, category, gbt21010, note
classes_meta = [
    (1, "常绿阔叶林", "Evergreen broadleaf forest", "forest", [], "GB/T 21010 0301 乔木林地 does not split leaf type; import 0301 as class 3 unless the forest survey (优势树种) gives broadleaf"),
    (2, "常绿针叶林", "Evergreen needleleaf forest", "forest", [], "GB/T 21010 0301 乔木林地 does not split leaf type; import 0301 as class 3 unless the forest survey (优势树种) gives needleleaf"),
    (3, "针阔混交林", "Mixed forest", "forest", ["0301"], None),
    (4, "竹林", "Bamboo forest", "forest", ["0302"], None),
    (5, "灌木林", "Shrubland", "shrubland", ["0305", "0307"], None),
    (6, "园地（果园、茶园）", "Orchard / tea garden", "garden", ["0201", "0202", "0203", "0204"], None),
    (7, "草地", "Grassland", "grassland", ["0401", "0403", "0404"], None),
    (8, "水田", "Paddy field", "cropland", ["0101"], None),
    (9, "旱地", "Dry farmland", "cropland", ["0102", "0103", "1203"], None),
    (10, "沼泽 / 湿地", "Marsh / wetland", "wetland", ["0303", "0304", "0306", "0402", "1105", "1106", "1108"], None),
    (11, "河流 / 湖泊", "River / lake", "water", ["1101", "1102", "1107"], None),
    (12, "水库 / 坑塘", "Reservoir / pond", "water", ["1103", "1104"], None),
    (13, "建设用地", "Built-up land", "built_up", ["05", "06", "07", "08", "09", "10", "1109", "1201", "1202"], None),
    (14, "裸地", "Bare land", "bare", ["1110", "1204", "1205", "1206", "1207"], None),
]

G = "runoff-guideline-2020"
runoff = {
    1: v(0.0465, G, True, METHOD_PH),
    2: v(0.0302, G, True, METHOD_PH),
    3: v(0.0229, G, True, METHOD_PH),
    4: v(0.0465, G, True, METHOD_PH + "; the table has no bamboo row, evergreen broadleaf used as proxy"),
    5: v(0.0426, G, True, METHOD_PH + "; evergreen broadleaf shrub row"),
    6: v(0.0426, G, True, METHOD_PH + "; no garden row, evergreen broadleaf shrub used as proxy"),
    7: v(0.0937, G, True, METHOD_PH + "; grass tussock (草丛) row"),
    8: eng(0.2, "paddy fields are bunded and hold water; no paddy row in the cited table"),
    9: eng(0.4, "dry farmland; no farmland row in the cited table"),
    10: v(0, "ls-2026.1-clause", False, "marsh is treated as a water class, §R1 α = 0 for water classes (METHOD-CHOICES C2)"),
    11: v(0, "ls-2026.1-clause", False, "§R1: α is 0 for water classes"),
    12: v(0, "ls-2026.1-clause", False, "§R1: α is 0 for water classes"),
}
C = {1: 0.006, 2: 0.01, 3: 0.008, 4: 0.01, 5: 0.03, 6: 0.15, 7: 0.04, 8: 0.1, 9: 0.31, 10: 0.01, 14: 1.0}
P = {1: 1.0, 2: 1.0, 3: 1.0, 4: 1.0, 5: 1.0, 6: 0.6, 7: 1.0, 8: 0.15, 9: 0.35, 10: 1.0, 14: 1.0}
NEP = {1: 0.35, 2: 0.35, 3: 0.35, 4: 0.35, 5: 0.25, 6: 0.2, 7: 0.15, 8: 0.05, 9: 0.05, 10: 0.2, 11: 0, 12: 0, 13: 0, 14: 0}
EPP = {1: 2837.27, 2: 2837.27, 3: 2837.27, 4: 2837.27, 5: 1300.95, 6: 1300.95, 7: 969.83, 8: 969.83, 9: 969.83}
# water purification t/hm²/a: cod, nh3n, tn, tp
WP = {10: (1.0, 0.1, 0.3, 0.03), 11: (0.5, 0.05, 0.15, 0.015), 12: (0.5, 0.05, 0.15, 0.015)}
# air t/hm²/a: so2, nox, dust
AIR = {1: (0.08865, 0.006, 10.11), 2: (0.2156, 0.006, 33.2), 3: (0.152125, 0.006, 21.655), 4: (0.08865, 0.006, 10.11),
       5: (0.044325, 0.003, 5.055), 6: (0.044325, 0.003, 5.055)}
ALLOC = {
    "agriculture": {6, 8, 9},
    "forestry": {1, 2, 3, 4, 5},
    "livestock": {7, 8, 9},
    "fishery": {10, 11, 12},
    "water_supply": {11, 12},
    "hydropower": {11, 12},
    "recreation": {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14},
}

def class_values(code, cat):
    vals = {}
    if code in runoff:
        vals["runoff_coefficient"] = runoff[code]
    if code in C:
        vals["cover_factor"] = eng(C[code], "RUSLE cover factor within published ranges for southern-China red-soil regions")
        vals["practice_factor"] = eng(P[code], "RUSLE support-practice factor (1 = no practice; terraces and bunds lower)")
    vals["nep_ratio"] = eng(NEP[code], "NEP/NPP share; forests keep most NEP, crops lose it at harvest, non-vegetated 0")
    if code in EPP:
        if code <= 7 and code not in (6,):
            reason = METHOD_PH.replace("LS-2026.1 §D default", "value") + "; forest/shrub/grass rows" + ("; bamboo uses the forest row" if code == 4 else "")
            vals["transpiration_heat"] = v(EPP[code], "epp-rcees", True, reason)
        else:
            vals["transpiration_heat"] = eng(EPP[code], "garden uses the shrub row, cropland the grass row")
    wp = WP.get(code, (0, 0, 0, 0))
    for name, val in zip(("removal_cod", "removal_nh3n", "removal_tn", "removal_tp"), wp):
        why = "order-of-magnitude wetland/water-body removal capacity; only wetland and water classes purify" if code in WP else "the class is not counted for water purification"
        vals[name] = eng(val, why)
    air = AIR.get(code, (0, 0, 0))
    for name, val in zip(("absorption_so2", "absorption_nox", "absorption_dust"), air):
        if code in (1, 2, 3, 4):
            why = "forest row of the cited report" + ("; mixed = mean of broadleaf and coniferous" if code == 3 else "") + ("; bamboo uses broadleaf" if code == 4 else "")
            vals[name] = v(val, "forest-air-1998", True, "published national average, not a Quzhou value; " + why)
        elif code in (5, 6):
            vals[name] = eng(val, "half of the broadleaf-forest rate (lower canopy and leaf area)")
        else:
            vals[name] = eng(val, "the class is not counted for air purification")
    for ind, codes in ALLOC.items():
        vals["allocates_" + ind] = v(code in codes, "engine-choice", False, "producing classes for allocating county statistics (METHOD-CHOICES C9)")
    return vals

classes = []
for code, zh, en, cat, gbt, note in classes_meta:
    row = {"code": code, "zh": zh, "en": en, "category": cat, "gbt21010": gbt}
    if note:
        row["gbt21010Note"] = note
    row["values"] = class_values(code, cat)
    classes.append(row)

D = "ls-2026.1-defaults"
K = "ls-2026.1-clause"
constants = {
    "sediment_deposition_share": v(0.24, D, True, METHOD_PH, unit="1"),
    "soil_bulk_density": v(0.93, D, True, METHOD_PH + "; the method itself calls 0.93 a placeholder for Quzhou red soils, measure locally", unit="t·m⁻³"),
    "soil_nitrogen_content": v(0.37, D, True, METHOD_PH, unit="%"),
    "soil_phosphorus_content": v(0.108, D, True, METHOD_PH, unit="%"),
    "slope_length_cap": v(122, K, False, unit="m"),
    "marsh_flood_depth": v(0.3, K, False, unit="m"),
    "reservoir_flood_share": v(0.35, K, False, unit="1"),
    "lake_coefficient_c0": v(4.924, "lake-regression-rcees", True, "eastern-plain region coefficients; no regression fitted for Quzhou lakes", unit="-"),
    "lake_coefficient_c1": v(1.128, "lake-regression-rcees", True, "eastern-plain region coefficients; no regression fitted for Quzhou lakes", unit="-"),
    "lake_factor_t": v(3.19, "lake-regression-rcees", True, "eastern-plain region multiplier; no regression fitted for Quzhou lakes", unit="-"),
    "lake_regression_scale": v(10000, "lake-regression-rcees", True, "the regression returns 10⁴ m³ (METHOD-CHOICES C5)", unit="m³"),
    "hot_days": eng(90, "days with daily mean above 26 °C at Quzhou; derive from CMA station records of the accounting year"),
    "ac_energy_efficiency_ratio": v(3.0, D, True, METHOD_PH, unit="-"),
    "water_density": v(1000, "physics", False, unit="kg·m⁻³"),
    "vaporization_heat": v(2260, "physics", False, unit="kJ·kg⁻¹"),
    "humidification_applies": v(False, "engine-choice", True, ENGINE_PH + ": Quzhou is humid subtropical (annual mean relative humidity near 75–80 %), humidification is not counted", unit="bool"),
    "humidifier_energy": v(125, "humidifier-rcees", True, "literature value, only used when humidification applies", unit="kWh·m⁻³"),
}
for k in ("hot_days",):
    constants[k]["unit"] = "d"
    constants[k] = {"value": constants[k]["value"], "unit": "d", "source": "engine-choice", "placeholder": True, "reason": constants[k]["reason"]}

def price(value, unit, year, source=D, reason=METHOD_PH):
    return v(value, source, True, reason, unit=unit, year=year)

Y = 2010  # price level of the Garze 2010 accounting from which the §D defaults come
prices = {
    "price_reservoir": price(7.06, "元·m⁻³", Y),
    "price_dredging": price(15.58, "元·m⁻³", Y),
    "price_nitrogen": price(875, "元·t⁻¹", Y),
    "price_phosphorus": price(2800, "元·t⁻¹", Y),
    "price_cod": price(700, "元·t⁻¹", Y),
    "price_nh3n": price(875, "元·t⁻¹", Y),
    "price_tn": price(875, "元·t⁻¹", Y, "pollution-equivalent-2003", "no TN price in LS-2026.1; same pollution-equivalent basis as its NH₃-N price"),
    "price_tp": price(2800, "元·t⁻¹", Y, "pollution-equivalent-2003", "no TP price in LS-2026.1; same pollution-equivalent basis as its COD and NH₃-N prices"),
    "price_so2": price(1200, "元·t⁻¹", Y),
    "price_nox": price(630, "元·t⁻¹", Y),
    "price_dust": price(150, "元·t⁻¹", Y),
    "price_carbon": price(90, "元·t⁻¹", 2024, "cea-market", "policy choice of the set (carbonPriceBasis = national_carbon_market); replace with the CEA average of the accounting period"),
    "price_oxygen": price(727, "元·t⁻¹", Y),
    "price_electricity": price(0.53, "元·kWh⁻¹", Y),
}

alternatives = [
    {"name": "runoff-alternative-table", "zh": "径流系数备选表（常绿阔叶林 0.0267）", "en": "alternative runoff table (evergreen broadleaf 0.0267)",
     "parameter": "runoff_coefficient",
     "values": {"1": v(0.0267, "runoff-alternative", True, METHOD_PH + "; other classes keep the default table")}},
]

doc = {
    "id": "quzhou-2025-v1",
    "methodEdition": "LS-2026.1",
    "title": {"zh": "衢州默认参数集 2025 第1版（多数为占位值）", "en": "Quzhou default parameter set 2025, version 1 (mostly placeholders)"},
    "carbonPriceBasis": "national_carbon_market",
    "sources": sources,
    "classes": classes,
    "constants": constants,
    "prices": prices,
    "alternatives": alternatives,
}
out = pathlib.Path(__file__).resolve().parents[1] / "src/main/resources/liangshan/gep/params/quzhou-2025-v1.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print("wrote", out)
