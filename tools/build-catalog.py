#!/usr/bin/env python3
"""Build Huella's shipped catalog (data/catalog/*.json) from the shared CSVs.

Usage:  tools/build-catalog.py [SHARED_DATA_DIR] [--no-examples]

SHARED_DATA_DIR defaults to ../shared/data relative to the repository root.
Writes data/catalog/{gpus,regions,pue,equivalences,models}.json and
data/examples/*.huella.  Python 3 standard library only; output is
deterministic (fixed key order, indent=1 for the catalog, 2 for projects,
ensure_ascii=False, trailing newline).
"""

import csv
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG_DIR = os.path.join(REPO, "data", "catalog")
EXAMPLES_DIR = os.path.join(REPO, "data", "examples")

HEADER = {"format": "huella-catalog", "format-version": 1}


# --------------------------------------------------------------------------
# helpers

def read_csv(data_dir, name):
    with open(os.path.join(data_dir, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(s):
    """CSV cell -> int/float/None (ints stay ints so JSON is tidy)."""
    s = (s or "").strip()
    if s == "":
        return None
    v = float(s)
    if v.is_integer() and "e" not in s.lower():
        return int(v)
    return v


def year_of(s):
    s = (s or "").strip()
    return int(s) if s else None


def write_json(path, obj, indent=1):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = json.dumps(obj, indent=indent, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")


def shorten(s, limit):
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;(") + "…"


# --------------------------------------------------------------------------
# gpus.json

def build_gpus(data_dir):
    gpus = []
    for r in read_csv(data_dir, "gpus.csv"):
        gpus.append({
            "id": r["id"],
            "name": r["name"],
            "vendor": r["vendor"],
            "year": year_of(r["year"]),
            "tdp_w": num(r["tdp_w"]),
            "memory_gb": num(r["mem_gb"]),
            "peak_tflops": {
                "fp32": num(r["fp32_tflops"]),
                "tf32": num(r["tf32_tflops"]),
                "fp16": num(r["fp16_tflops"]),
                "bf16": num(r["bf16_tflops"]),
                "fp8": num(r["fp8_tflops"]),
            },
            "source": " ".join(r["source"].split()),
        })
    return dict(HEADER, gpus=gpus)


# --------------------------------------------------------------------------
# regions.json

PROVIDER_ORDER = {"gcp": 0, "aws": 1, "azure": 2}  # other clouds 3, grid 9
CLOUD_PROVIDERS = ("gcp", "aws", "azure")

# Dataset of a regions.csv row, from its id prefix.
def dataset_of(row_id):
    for p in ("ccfcoef-", "ccf-", "mlco2-", "ga-grid-", "ga-", "codecarbon-grid-",
              "owid-grid-", "seed-grid-", "gcp-"):
        if row_id.startswith(p):
            return {"ga-grid-": "ga", "codecarbon-grid-": "codecarbon",
                    "owid-grid-": "owid", "seed-grid-": "seed",
                    "gcp-": "google"}.get(p, p[:-1])
    raise ValueError("unknown dataset for row " + row_id)


# Tie-break between sources with the same (effective) year: primary provider
# data, then Cloud Carbon Footprint (main repo, then ccf-coefficients),
# then ML CO2 Impact, then Green Algorithms.  For grids: OWID/Ember first.
SOURCE_PREF = {"google": 0, "owid": 0, "ccf": 1, "ccfcoef": 2, "codecarbon": 2,
               "mlco2": 3, "ga": 4, "seed": 5}

# Rows without a year in regions.csv: year used only for ranking (output keeps
# year null).  CCF main-repo factors (CCF @b7a049c; non-US values equal the
# carbonfootprint.com 2022 / data-2020 factors that Green Algorithms dates
# "data from 2020"), ccf-coefficients (file added 2021-10-29, values ~2019),
# undated mlco2 rows (carbonfootprint.com 2018 / older national sources).
UNDATED_RANK_YEAR = {"ccf": 2020, "ccfcoef": 2019, "mlco2": 2018, "ga": 2019,
                     "codecarbon": 2000, "owid": 2000, "seed": 2000, "google": 2000}

LICENCE = {
    "google": "Apache-2.0", "ccf": "Apache-2.0", "ccfcoef": "Apache-2.0",
    "mlco2": "MIT", "ga": "CC BY 4.0", "codecarbon": "MIT", "owid": "CC BY 4.0",
}

# Azure: CCF lists billing geographies / internal stage+EUAP locations that are
# not deployable regions; they are not catalogued.
AZURE_NOT_REGIONS = {"asia", "asiapacific", "australia", "brazil", "canada", "france",
                     "germany", "india", "japan", "korea", "norway", "switzerland",
                     "uae", "uk", "unitedstates", "southafrica", "apeast",
                     "apsoutheast", "usnorth", "unknown"}
AZURE_NAMES = {  # display names for Azure regions that only CCF lists (enum names)
    "jioindiacentral": "Jio India Central", "jioindiawest": "Jio India West",
    "brazilsoutheast": "Brazil Southeast", "eastus3": "East US 3",
    "germanynorth": "Germany North", "swedencentral": "Sweden Central",
    "belgiumcentral": "Belgium Central", "finlandcentral": "Finland Central",
}


def ga_data_year(source):
    m = re.findall(r"[Dd]ata from (?:[A-Za-z]+ )?(\d{4})", source)
    return int(m[0]) if m else None


def row_year(row, dataset):
    y = year_of(row["year"])
    if y is None and dataset == "ga":
        y = ga_data_year(row["source"])
    return y


def short_source(dataset, year, row):
    """The citation people read: publisher and year, no paths or hashes.
    The full provenance goes to the entry's "details" and SOURCES.md."""
    src = row["source"]
    if dataset == "google":
        kind = ", lifecycle" if "Lifecycle" in src else ""
        return f"Google Cloud region carbon data{kind}, {year}"
    if dataset == "owid":
        return f"Our World in Data and Ember, {year}"
    if dataset == "ccf":
        m = re.search(r"US NERC (\w+) factor", src)
        if m:
            return f"Cloud Carbon Footprint, after US EPA eGRID ({m.group(1)})"
        return "Cloud Carbon Footprint"
    if dataset == "ccfcoef":
        return "Cloud Carbon Footprint coefficients, 2021"
    if dataset == "mlco2":
        y = f", {year}" if year else ""
        m = re.search(r"original source: ([^;]+)", src)
        orig = ""
        if m:
            o = m.group(1).strip()
            if "carbonfootprint.com" in o:
                orig = ", after carbonfootprint.com"
            elif o.startswith("eGRID"):
                orig = ", after US EPA eGRID"
            elif "electricitymap" in o:
                orig = ", after Electricity Maps"
            elif "carbon-free" in o:
                orig = ", provider's carbon-free energy claim"
        return f"ML CO2 Impact{orig}{y}"
    if dataset == "ga":
        y = f", data {year}" if year else ""
        return f"Green Algorithms 3.0{y}"
    if dataset == "codecarbon":
        return f"CodeCarbon energy mix, after Our World in Data, {year}"
    if dataset == "seed":
        return "Seed article, Chile, 2018 (publisher not verified)"
    raise ValueError(dataset)


def cloud_code(provider, dataset, row):
    code = row["region_code"].strip()
    if provider == "azure":
        code = re.sub(r"\(.*?\)", "", code)
        code = code.replace(" ", "").lower()
        if code == "germanynortheastt":  # typo in Green Algorithms v3.0
            code = "germanynortheast"
        if code.endswith(("stage", "euap")) or code in AZURE_NOT_REGIONS:
            return None
        return code
    if provider in ("aws", "gcp"):
        code = code.lower()
        return None if code == "unknown" else code
    if provider == "scaleway" and not code and row["display_name"] == "Paris":
        return "fr-par"  # mlco2 gives no code; Scaleway's id for Paris
    return code  # other clouds: keep the provider's own spelling


def cloud_name(provider, code, cands):
    """Human-readable name for a cloud region from the candidate rows."""
    by = {}
    for c in cands:
        by.setdefault(c["dataset"], c["row"])
    if provider == "gcp":
        for d in ("google", "ccfcoef", "ga", "mlco2"):
            if d in by and by[d]["display_name"]:
                return f"{by[d]['display_name']} ({code})"
    elif provider == "aws":
        for d in ("ccf", "mlco2"):
            if d in by and by[d]["display_name"]:
                disp = by[d]["display_name"]
                m = re.match(r"^(.*?) \((.*)\)$", disp)
                if m:
                    disp = f"{m.group(1)}, {m.group(2)}"
                return f"{disp} ({code})"
    elif provider == "azure":
        for d in ("ga", "ccfcoef"):
            if d in by:
                disp = re.sub(r"\s*\(.*?\)", "", by[d]["region_code"]).strip()
                if d == "ga":
                    disp = disp.replace("Northeastt", "Northeast")
                return f"{disp} ({code})"
        if "mlco2" in by:
            return f"{by['mlco2']['display_name']} ({code})"
        if code in AZURE_NAMES:
            return f"{AZURE_NAMES[code]} ({code})"
    disp = cands[0]["row"]["display_name"]
    return f"{disp} ({code})" if disp else code


def rank_key(c):
    y = c["year"] if c["year"] is not None else UNDATED_RANK_YEAR[c["dataset"]]
    return (-y, SOURCE_PREF[c["dataset"]], c["row"]["id"])


def hist_key(h):
    return (-(h["year"] if h["year"] is not None else -1), h["source"], h["intensity"])


def make_entry(rid, provider, name, country, cands, extra_hist=(), pue_override=None):
    cands = sorted(cands, key=rank_key)
    best = cands[0]
    hist = []
    seen = set()
    for c in cands[1:]:
        h = {"year": c["year"], "intensity": c["intensity"],
             "source": short_source(c["dataset"], c["year"], c["row"])}
        k = (h["year"], h["intensity"], h["source"])
        if k not in seen and k != (best["year"], best["intensity"],
                                  short_source(best["dataset"], best["year"], best["row"])):
            seen.add(k)
            hist.append(h)
    for h in extra_hist:
        k = (h["year"], h["intensity"], h["source"])
        if k not in seen:
            seen.add(k)
            hist.append(h)
    hist.sort(key=hist_key)
    source = short_source(best["dataset"], best["year"], best["row"])
    pue = best["pue"]
    # CCF's AWS/Azure PUE is the provider average applied to every region, not
    # a region PUE: leave null so the app uses pue.json's provider default.
    if best["dataset"] == "ccf" and provider in ("aws", "azure"):
        pue = None
    if pue_override is not None and pue is None:
        pue, psrc = pue_override
        source = f"{source}; PUE: {psrc}"
    assert len(source) < 120, source
    return {
        "id": rid,
        "provider": provider,
        "name": name,
        "country": country or None,
        "intensity": best["intensity"],
        "pue": pue,
        "year": best["year"],
        "source": source,
        "details": " ".join(best["row"]["source"].split()),
        "history": hist,
    }


def build_regions(data_dir):
    rows = read_csv(data_dir, "regions.csv")
    pue_rows = read_csv(data_dir, "pue_defaults.csv")
    ts = read_csv(data_dir, "grid_intensity_owid_timeseries.csv")

    # CCF region-specific trailing-twelve-month PUE for GCP regions.
    gcp_pue = {}
    for p in pue_rows:
        m = re.match(r"^ccf-gcp-(.+)$", p["id"])
        if m and m.group(1) not in ("avg",):
            gcp_pue[m.group(1)] = (num(p["pue"]), "Cloud Carbon Footprint")

    cloud = {}   # id -> dict(provider, country, cands)
    grid = {}    # id -> dict(country, name, cands)
    for r in rows:
        ds = dataset_of(r["id"])
        val = num(r["gco2_per_kwh"])
        if val is None:
            continue  # e.g. Green Algorithms Qatar Central: no value
        cand = {"dataset": ds, "row": r, "intensity": val,
                "pue": num(r["pue"]), "year": row_year(r, ds)}
        prov = r["provider"]
        if prov != "grid":
            code = cloud_code(prov, ds, r)
            if code is None:
                continue
            rid = f"{prov}/{code}"
            e = cloud.setdefault(rid, {"provider": prov, "code": code,
                                       "country": None, "cands": []})
            e["cands"].append(cand)
            if not e["country"] and r["country_iso"]:
                e["country"] = r["country_iso"]
            continue
        # grids
        if ds in ("owid", "codecarbon"):
            if r["region_code"] == "OWID_WRL":
                gid = "grid/WORLD"
            elif r["country_iso"]:
                gid = f"grid/{r['country_iso']}"
            else:
                continue
        elif ds == "ga":
            code = r["region_code"]
            if code == "WORLD":
                gid = "grid/WORLD"
            elif code == "CN-HK":
                gid = "grid/HK-HKE"      # HK Electric Company service area
            elif code == "CN-HK2":
                gid = "grid/HK-CLP"      # CLP Group service area
            else:
                gid = f"grid/{code}"
        elif ds == "seed":
            gid = f"grid/{r['country_iso']}"
        else:
            raise ValueError(r["id"])
        e = grid.setdefault(gid, {"cands": [], "country": None, "names": {}})
        e["cands"].append(cand)
        if r["country_iso"] and not e["country"]:
            e["country"] = r["country_iso"]
        e["names"][ds] = r["display_name"]

    # OWID timeseries: newest year per ISO2 (and World); 2015+ kept as history.
    owid_name = {}
    for t in ts:
        iso = t["country_iso"]
        if t["entity"] == "World":
            gid = "grid/WORLD"
        elif iso:
            gid = f"grid/{iso}"
        else:
            continue  # aggregates without an ISO code
        y = int(t["year"])
        owid_name[gid] = t["entity"]
        e = grid.setdefault(gid, {"cands": [], "country": iso or None, "names": {}})
        if not e["country"] and iso:
            e["country"] = iso
        row = {"id": f"owid-ts-{t['owid_code'] or iso}-{y}", "display_name": t["entity"],
               "source": "owid-ci", "country_iso": iso}
        e["cands"].append({"dataset": "owid", "row": row,
                           "intensity": num(t["gco2_per_kwh"]), "pue": None, "year": y})

    entries = []
    for rid, e in cloud.items():
        prov = e["provider"]
        name = cloud_name(prov, e["code"], e["cands"])
        po = gcp_pue.get(e["code"]) if prov == "gcp" else None
        entries.append(make_entry(rid, prov, name, e["country"], e["cands"],
                                  pue_override=po))

    country_name = {}
    for gid, e in grid.items():
        if gid in owid_name:
            country_name[e["country"]] = owid_name[gid]
    for gid, e in grid.items():
        cands = e["cands"]
        # de-duplicate OWID rows (regions.csv latest-year row == timeseries row)
        uniq, seen = [], set()
        for c in sorted(cands, key=lambda c: (c["row"]["id"].startswith("owid-ts-") is False,
                                              c["row"]["id"])):
            k = (c["dataset"], c["year"], c["intensity"])
            if c["dataset"] == "owid" and k in seen:
                continue
            seen.add(k)
            uniq.append(c)
        # history: drop OWID years before 2015 (timeseries goes back to 2000),
        # but never the newest OWID year (Western Sahara ends in 2009)
        owid_years = [c["year"] for c in uniq if c["dataset"] == "owid"]
        newest = max(owid_years) if owid_years else None
        uniq = [c for c in uniq if not (c["dataset"] == "owid" and c["year"] is not None
                                        and c["year"] < 2015 and c["year"] != newest)]
        code = gid.split("/", 1)[1]
        if gid == "grid/WORLD":
            name = "World"
        elif "-" in code:
            parent = country_name.get(e["country"], e["country"])
            disp = e["names"].get("ga", code)
            sub = disp.split(" - ", 1)[1] if " - " in disp else disp
            if sub == "Mississip":  # truncated in Green Algorithms v3.0
                sub = "Mississippi"
            if code == "HK-HKE":
                sub = "HK Electric service area"
            elif code == "HK-CLP":
                sub = "CLP Power service area"
                parent = "Hong Kong"
            if code == "HK-HKE":
                parent = "Hong Kong"
            name = f"{sub}, {parent}"
        else:
            name = owid_name.get(gid) or e["names"].get("codecarbon") or \
                e["names"].get("ga") or code
        country = None if gid == "grid/WORLD" else e["country"]
        entries.append(make_entry(gid, "grid", name, country, uniq))

    def sort_key(x):
        p = x["provider"]
        return (PROVIDER_ORDER.get(p, 9 if p == "grid" else 3), p if p not in PROVIDER_ORDER
                and p != "grid" else "", x["id"])

    entries.sort(key=sort_key)
    ids = [x["id"] for x in entries]
    assert len(ids) == len(set(ids)), "duplicate region ids"
    return dict(HEADER, regions=entries)


# --------------------------------------------------------------------------
# pue.json

def build_pue(data_dir):
    rows = read_csv(data_dir, "pue_defaults.csv")
    by_id = {r["id"]: r for r in rows}

    def pick(rid, provider, source):
        r = by_id[rid]
        return {"provider": provider, "pue": num(r["pue"]), "year": year_of(r["year"]),
                "source": source}

    defaults = [
        pick("google-fleet-2023", "gcp",
             "Google fleet-wide trailing-twelve-month average PUE ~1.10 (Google, via datacenterdynamics.com 2024)"),
        pick("aws-fleet-2024", "aws",
             "AWS global PUE 2024 (aws.amazon.com/about-aws/sustainability)"),
        pick("azure-fleet-avg", "azure",
             "Microsoft global facility average PUE (via datacenterdynamics.com, Dec 2024)"),
        pick("industry-uptime-2024", "default",
             "Uptime Institute Global Data Center Survey 2024"),
    ]
    alts = [{"id": r["id"], "provider": r["provider"], "pue": num(r["pue"]),
             "year": year_of(r["year"]), "scope": r["scope"],
             "source": " ".join(r["source"].split())} for r in rows]
    return dict(HEADER, pue=defaults, alternatives=alts)


# --------------------------------------------------------------------------
# equivalences.json

# (kind, csv id, year) per set; kg/unit = CSV tCO2/unit x 1000.
EQUIV_SETS = [
    {
        "id": "epa-current",
        "name": "US EPA Greenhouse Gas Equivalencies (eGRID2022 vintage)",
        "year": 2024,
        "source": "US EPA Greenhouse Gas Equivalencies Calculator, calculations and references, "
                  "eGRID2022 vintage (2024+); US Government work, public domain",
        "electricity": "epa-electricity-used-egrid2022",
        "factors": [
            ("car-year", "epa-passenger-vehicle-year-latest", 2024),
            ("car-mile", "epa-mile-latest", 2024),
            ("smartphone-charge", "epa-smartphone-latest", 2024),
            ("tree-seedling-10y", "epa-tree-seedling-10yr", 2024),
            ("gasoline-gallon", "epa-gasoline-gallon", 2024),
        ],
    },
    {
        "id": "epa-2021",
        "name": "US EPA Greenhouse Gas Equivalencies (c. 2021, as used by the seed article)",
        "year": 2021,
        "source": "US EPA Greenhouse Gas Equivalencies Calculator c. 2020-2022 (eGRID2019 "
                  "vintage), as quoted in public code; US Government work, public domain",
        # No CSV row: EPA "electricity consumed" c.2021-2022 = eGRID2019 US average
        # 884.2 lb/MWh / 2204.6 / (1 - 0.073 T&D losses) = 0.4327 kg/kWh, printed
        # 4.33e-4 t/kWh (published-results.md section 2).
        "electricity_fixed": 0.433,
        "factors": [
            ("car-year", "epa-passenger-vehicle-year-c2020", 2020),
            ("car-mile", "epa-mile-c2021", 2021),
            ("smartphone-charge", "epa-smartphone-c2021", 2021),
            ("coal-lb", "epa-coal-lb-mlco2", None),
            ("home-year", "epa-home-energy-c2021", 2021),
            ("tree-seedling-10y", "epa-tree-seedling-10yr", 2021),
        ],
    },
    {
        "id": "green-algorithms",
        "name": "Green Algorithms v3.0 reference values",
        "year": None,
        "source": "Green Algorithms v3.0 referenceValues.csv (GreenAlgorithms/green-algorithms-tool "
                  "@30df2fe), Lannelongue, Grealey & Inouye; CC BY 4.0",
        "electricity_fixed": None,
        "factors": [
            ("tree-month", "ga-tree-month", None),
            ("tree-year", "ga-tree-year", None),
            ("car-eu-km", "ga-car-eu-km", 2019),
            ("car-us-km", "ga-car-us-km", None),
            ("train-km", "ga-train-km", 2020),
            ("flight-economy-km", "ga-flight-economy-km", 2020),
            ("flight-paris-london", "ga-flight-paris-london", None),
            ("flight-paris-dublin", "ga-flight-paris-dublin", None),
            ("flight-ny-sf", "ga-flight-ny-sf", None),
            ("flight-nyc-melbourne", "ga-flight-nyc-melbourne", None),
            ("netflix-hour", "ga-netflix-hour", None),
            ("google-search", "ga-google-search", None),
        ],
    },
]


def kg(t):
    # tCO2 -> kg, rounded to kill binary noise (0.000393*1000 = 0.39299999...)
    v = round(float(t) * 1000, 9)
    return int(v) if v.is_integer() else v


def build_equivalences(data_dir):
    rows = {r["id"]: r for r in read_csv(data_dir, "equivalences.csv")}
    sets = []
    for s in EQUIV_SETS:
        if "electricity" in s:
            elec = kg(rows[s["electricity"]]["tco2_per_unit"])
        else:
            elec = s["electricity_fixed"]
        factors = []
        for kind, rid, year in s["factors"]:
            r = rows[rid]
            factors.append({
                "kind": kind,
                "kg_per_unit": kg(r["tco2_per_unit"]),
                "unit": r["unit"],
                "year": year,
                "source": shorten(r["source"], 159),
            })
        sets.append({"id": s["id"], "name": s["name"], "year": s["year"],
                     "source": s["source"], "electricity_kg_per_kwh": elec,
                     "factors": factors})
    return dict(HEADER, sets=sets)


# --------------------------------------------------------------------------
# example projects

def project(title, notes, scenarios):
    return {"format": "huella-project", "format-version": 1, "title": title,
            "currency": "USD", "notes": notes, "scenarios": scenarios, "runs": []}


SEED_CAVEAT = ("The seed table's peak figures mix dense and sparse tensor rates: 130 (V100S) "
               "and 312 (A100) TFLOPS are dense FP16 peaks, 309.7 (RTX A6000) is the "
               "with-sparsity figure (dense 154.8), and 285 matches the RTX 3090 (non-Ti) "
               "sparse FP16 rate (3090 Ti dense FP16/FP32-acc is 80). Rows are not comparable; "
               "real training reaches far below peak (GPT-3 on V100: 24.6 TFLOPS).")


def build_examples():
    ex = {}
    common = {"flops": 3.14e23, "precision": "fp16", "count": 1, "utilization": 1.0,
              "intensity": 433, "pue": 1.0}
    rows = [
        ("v100s", "V100S PCIe", "nvidia-v100s-pcie-32gb", 130, 250,
         "130 TFLOPS = dense FP16 tensor peak of the V100S. Seed: 670,940 GPU-hours, 167.7 MWh."),
        ("a6000", "RTX A6000", "nvidia-rtx-a6000", 309.7, 300,
         "309.7 TFLOPS is the RTX A6000's WITH-SPARSITY FP16 figure (dense 154.8). "
         "Seed: 281,634 GPU-hours, 84.5 MWh."),
        ("a100", "A100 SXM", "nvidia-a100-sxm4-80gb", 312, 400,
         "312 TFLOPS = dense FP16/BF16 tensor peak of the A100 SXM (40 GB and 80 GB alike). "
         "Seed: 279,558 GPU-hours, 111.8 MWh."),
        ("rtx3090ti", "RTX 3090 Ti", "nvidia-rtx-3090-ti", 285, 450,
         "285 TFLOPS matches the RTX 3090 (non-Ti) sparse FP16 figure, not the 3090 Ti "
         "(dense FP16 w/ FP32 accumulate 80). Seed: 306,042 GPU-hours, 137.7 MWh."),
    ]
    sc = []
    for sid, name, gpu, peak, pw, note in rows:
        s = {"id": sid, "name": name, "notes": note + " " + SEED_CAVEAT}
        s.update({"flops": common["flops"], "gpu": gpu, "precision": "fp16",
                  "peak_tflops": peak, "count": 1, "utilization": 1.0, "power_w": pw,
                  "intensity": 433, "pue": 1.0})
        sc.append(s)
    ex["gpt3-gpus.huella"] = project(
        "GPT-3 on four GPUs (seed article, Table 2)",
        "GPT-3 training compute 3.14e23 FLOPs (Brown et al. 2020) at 100 % of each GPU's "
        "listed peak, board power, no PUE, as in the seed article's Table 2. Intensity "
        "433 g/kWh = EPA c.2021 US 'electricity consumed' factor (use the 'epa-2021' "
        "equivalence set to reproduce the seed's Table 3). " + SEED_CAVEAT, sc)

    # Patterson et al. 2021 Table 4
    pt = [
        ("et-nas", "Evolved Transformer NAS", 2.91e21, "google-tpu-v2", "bf16", 24.8, 200, 208,
         1.10, 431, None, "Google Georgia datacenter, Dec 2018. Published: 7.5 MWh, 3.2 tCO2e."),
        ("t5", "T5", 4.05e22, "google-tpu-v3", "bf16", 45.6, 512, 310, 1.12, 545,
         "gcp/asia-east1", "Google Taiwan datacenter, Sep 2019. Published: 85.7 MWh, 46.7 tCO2e."),
        ("meena", "Meena", 1.12e23, "google-tpu-v3", "bf16", 42.3, 1024, 289, 1.09, 415, None,
         "Google Georgia datacenter, Dec 2019. Published: 232 MWh, 96.4 tCO2e."),
        ("gshard", "GShard-600B", 1.33e22, "google-tpu-v3", "bf16", 48.0, 1024, 288, 1.09, 201,
         None, "Google North Carolina datacenter, Apr 2020. Gross 0.201 kg/kWh (net 0.177 "
         "after 24/7 CFE). Published: 24.1 MWh, 4.8 t gross / 4.3 t net."),
        ("switch", "Switch Transformer", 8.22e22, "google-tpu-v3", "bf16", 34.4, 1024, 245, 1.10,
         403, None, "Google Georgia datacenter, Oct 2020. Gross 0.403 kg/kWh (net 0.330). "
         "Published: 179 MWh, 72.2 t gross / 59.1 t net."),
        ("gpt3", "GPT-3", 3.14e23, "nvidia-v100-sxm2-32gb", "fp16", 24.6, 10000, 330, 1.10, 429,
         None, "Microsoft datacenter, 2020; V100 SXM2 (TDP 300 W; memory size not stated). "
         "Published: 1,287 MWh, 552.1 tCO2e (14.8 days is rounded from 14.77)."),
    ]
    sc = []
    for sid, name, fl, gpu, prec, tf, chips, pw, pue, ci, region, note in pt:
        s = {"id": sid, "name": name,
             "notes": note + " peak_tflops = measured TFLOPS with utilization 1, so "
             "GPU-hours = chips x days x 24; power_w = measured system power per accelerator.",
             "flops": fl, "gpu": gpu, "precision": prec, "peak_tflops": tf, "count": chips,
             "utilization": 1.0, "power_w": pw}
        if region:
            s["region"] = region
        s.update({"intensity": ci, "pue": pue})
        sc.append(s)
    ex["patterson2021.huella"] = project(
        "Patterson et al. 2021, Table 4",
        "Carbon Emissions and Large Neural Network Training (arXiv 2104.10350), Table 4: six "
        "NLP models with measured performance, measured system power, datacenter PUE and gross "
        "CO2e/kWh. Recomputed values agree with the paper within ~0.5 % (rounded inputs).", sc)

    ll = [("7b", "Llama 2 7B", 184320, 400, "Published: 31.22 tCO2eq."),
          ("13b", "Llama 2 13B", 368640, 400, "Published: 62.44 tCO2eq."),
          ("34b", "Llama 2 34B", 1038336, 350, "Published: 153.90 tCO2eq (350 W cluster)."),
          ("70b", "Llama 2 70B", 1720320, 400, "Published: 291.42 tCO2eq.")]
    sc = []
    for sid, name, gh, pw, note in ll:
        sc.append({"id": sid, "name": name,
                   "notes": note + " Power is the per-GPU power cap (peak), as in the paper.",
                   "gpu_hours": gh, "gpu": "nvidia-a100-sxm4-80gb", "power_w": pw,
                   "region": "grid/US", "intensity": 385, "pue": 1.1})
    ex["llama2.huella"] = project(
        "Llama 2 pretraining (Touvron et al. 2023b, Table 2)",
        "GPU-hours x power cap x PUE 1.1 x 0.385 kg/kWh (US national average), the "
        "LLaMA-1 convention. Total published: 3,311,616 GPU-hours, 539 tCO2eq (100 % offset "
        "by Meta). The paper gives no per-model GPU count, so count is left at its default "
        "and wall-clock time is not meaningful here.", sc)

    base = {"gpu_hours": 1082990, "gpu": "nvidia-a100-sxm4-80gb", "count": 384,
            "power_w": 400, "region": "grid/FR", "intensity": 57}
    b1 = {"id": "bloom", "name": "BLOOM (dynamic + GPU embodied)",
          "notes": "384 x A100 SXM4 80GB on Jean Zay (France), 118 days: 433,196 kWh at TDP, "
                   "57 g/kWh -> 24.69 t dynamic. GPU embodied 150 kg per GPU over 6 yr x 85 % "
                   "utilisation (44,676 h) -> 3.64 t. Idle (14.6 t) and server embodied (7.57 t) "
                   "are not modelled here; paper total 50.5 t."}
    b1.update(base)
    b1.update({"pue": 1.0, "embodied_kg": 150, "lifetime_h": 44676})
    b2 = {"id": "bloom-pue12", "name": "BLOOM with PUE 1.2",
          "notes": "Comparison-table convention: 433 MWh x PUE 1.2 x 57 g/kWh = 29.6 t "
                   "(published '30 t'); no embodied."}
    b2.update(base)
    b2.update({"pue": 1.2})
    ex["bloom.huella"] = project(
        "BLOOM 176B (Luccioni, Viguier, Ligozat 2023)",
        "Estimating the Carbon Footprint of BLOOM (arXiv 2211.02001; JMLR 24(253)).", [b1, b2])
    return ex


def check_examples(ex, gpus, regions):
    gids = {g["id"] for g in gpus["gpus"]}
    rids = {r["id"] for r in regions["regions"]}
    for fn, p in ex.items():
        for s in p["scenarios"]:
            assert s.get("gpu") in gids, (fn, s["id"], s.get("gpu"))
            assert "region" not in s or s["region"] in rids, (fn, s["id"], s["region"])


# --------------------------------------------------------------------------
# models.json (Epoch AI, "Data on Notable AI Models", CC BY 4.0)

MODELS_CSV = "epoch_notable_ai_models.csv"
MODELS_SOURCE = "Epoch AI, Notable AI Models (April 2025), CC BY 4.0"

# Epoch hardware names the shared GPU table (gpus_by_source.csv) leaves
# unmapped but that are the same accelerator as a catalog entry.  The DGX
# Station's "V100 DGXS" is the SXM2 V100 module (GV100, 125 dense FP16 tensor
# TFLOPS in Epoch's own chip data, the same as the catalog's SXM2 rows).
MODEL_HARDWARE_EXTRA = {
    "NVIDIA Tesla V100 DGXS 16 GB": "nvidia-v100-sxm2-16gb",
    "NVIDIA Tesla V100 DGXS 32 GB": "nvidia-v100-sxm2-32gb",
}

# Epoch's country names (UN style) -> ISO 3166-1 alpha-2, for the grid/ISO
# region.  "Multinational" has no grid and is skipped.
MODEL_COUNTRY_ISO = {
    "Argentina": "AR", "Australia": "AU", "Belgium": "BE", "Canada": "CA",
    "China": "CN", "Czechia": "CZ", "France": "FR", "Germany": "DE",
    "Hong Kong": "HK", "India": "IN", "Ireland": "IE", "Israel": "IL",
    "Italy": "IT", "Japan": "JP", "Korea (Republic of)": "KR",
    "Netherlands": "NL", "Poland": "PL", "Russia": "RU", "Saudi Arabia": "SA",
    "Singapore": "SG", "Spain": "ES", "Switzerland": "CH", "Taiwan": "TW",
    "United Arab Emirates": "AE",
    "United Kingdom of Great Britain and Northern Ireland": "GB",
    "United States of America": "US",
}


def model_hardware_table(data_dir, gpus):
    """Epoch hardware name -> catalog GPU id, from the Epoch rows of
    gpus_by_source.csv plus MODEL_HARDWARE_EXTRA."""
    ids = {g["id"] for g in gpus["gpus"]}
    table = {}
    for r in read_csv(data_dir, "gpus_by_source.csv"):
        if r["source_dataset"] == "Epoch AI chip dataset" and r["canonical_id"]:
            table[r["name_in_source"].strip()] = r["canonical_id"].strip()
    table.update(MODEL_HARDWARE_EXTRA)
    for name, gid in table.items():
        assert gid in ids, (name, gid)
    return table


def split_list(cell):
    """Epoch's comma-separated multi-value cell -> unique items, in order."""
    out = []
    for part in (cell or "").split(","):
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return out


def model_hardware(cell, table):
    """(hardware, gpu id, match) for an Epoch "Training hardware" cell.
    match is "catalog", "unmapped", "mixed" (two or more names: one
    accelerator id would misstate the run) or None without hardware."""
    names = split_list(cell)
    if not names:
        return None, None, None
    hardware = ", ".join(names)
    if len(names) > 1:
        return hardware, None, "mixed"
    gid = table.get(names[0])
    return hardware, gid, "catalog" if gid else "unmapped"


def model_region(countries, region_ids):
    """The grid of the first named country with one (assumption: the
    organisation trained at home)."""
    for c in countries:
        iso = MODEL_COUNTRY_ISO.get(c)
        if iso and "grid/" + iso in region_ids:
            return "grid/" + iso
    return None


def model_entry(r, table, region_ids):
    hardware, gid, match = model_hardware(r["Training hardware"], table)
    countries = split_list(r["Country (of organization)"])
    domains = split_list(r["Domain"])
    links = (r["Link"] or "").split()
    # Epoch's dataset size is in datapoints: tokens for language models,
    # images or games for others, so only language models fill "tokens".
    tokens = num(r["Training dataset size (datapoints)"]) if "Language" in domains else None
    util = num(r["Hardware utilization"])
    if util is not None and not 0 < util <= 1:
        raise ValueError(f"Hardware utilization: {util} is not in (0, 1]")
    flops = num(r["Training compute (FLOP)"])
    if flops is None or not flops > 0:
        raise ValueError("Training compute (FLOP): missing or not positive")
    return {
        "name": r["Model"].strip(),
        "organization": ", ".join(split_list(r["Organization"])) or None,
        "date": r["Publication date"].strip() or None,
        "domain": ", ".join(domains) or None,
        "parameters": num(r["Parameters"]),
        "flops": float(flops),
        "tokens": tokens,
        "hardware": hardware,
        "gpu": gid,
        "hardware_match": match,
        "count": num(r["Hardware quantity"]),
        "hours": num(r["Training time (hours)"]),
        "utilization": util,
        "country": ", ".join(countries) or None,
        "region": model_region(countries, region_ids),
        "confidence": r["Confidence"].strip() or None,
        "link": links[0] if links else None,
        "source": MODELS_SOURCE,
    }


def build_models(data_dir, gpus, regions):
    table = model_hardware_table(data_dir, gpus)
    region_ids = {x["id"] for x in regions["regions"]}
    models = []
    with open(os.path.join(data_dir, MODELS_CSV), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for r in reader:
            try:
                models.append(model_entry(r, table, region_ids))
            except ValueError as e:
                raise ValueError(f"{MODELS_CSV}:{reader.line_num}: {e}") from None
    names = [m["name"] for m in models]
    assert len(names) == len(set(names)), "duplicate model names"
    return dict(HEADER, models=models)


def models_summary(models):
    """One line for the build log: how many rows map to the catalog, and
    the hardware names that do not."""
    rows = models["models"]
    mapped = sum(1 for m in rows if m["gpu"])
    with_hw = sum(1 for m in rows if m["hardware"])
    missing = sorted({m["hardware"] for m in rows if m["hardware"] and not m["gpu"]})
    return (f"models: {len(rows)}; {mapped} of {with_hw} with hardware map to a catalog "
            f"accelerator; not mapped: {'; '.join(missing)}")


# --------------------------------------------------------------------------
# What people read: short citations, a year for every region, and the basis
# of every intensity (issue 10).  Kept apart from the builders above so the
# catalog's numbers and its wording can change independently.

# (document, year) per GPU: the vendor document the figures come from, dated
# by the product's launch year (when its datasheet first appeared).  The
# shared CSV's full notes, with every secondary source, stay in "details".
GPU_CITATIONS = {
    "nvidia-k80": "NVIDIA Tesla K80 datasheet",
    "nvidia-p100-pcie-16gb": "NVIDIA Tesla P100 PCIe datasheet",
    "nvidia-p100-sxm2-16gb": "NVIDIA Tesla P100 NVLink specifications",
    "nvidia-v100-pcie-16gb": "NVIDIA V100 datasheet",
    "nvidia-v100-pcie-32gb": "NVIDIA V100 datasheet",
    "nvidia-v100-sxm2-16gb": "NVIDIA V100 datasheet",
    "nvidia-v100-sxm2-32gb": "NVIDIA V100 datasheet",
    "nvidia-v100s-pcie-32gb": "NVIDIA V100 datasheet",
    "nvidia-t4": "NVIDIA T4 datasheet",
    "nvidia-a100-pcie-40gb": "NVIDIA A100 datasheet",
    "nvidia-a100-pcie-80gb": "NVIDIA A100 80GB datasheet",
    "nvidia-a100-sxm4-40gb": "NVIDIA A100 datasheet",
    "nvidia-a100-sxm4-80gb": "NVIDIA A100 datasheet",
    "nvidia-a10": "NVIDIA A10 datasheet",
    "nvidia-a10g": "NVIDIA A10 datasheet and TechPowerUp",
    "nvidia-a40": "NVIDIA A40 datasheet",
    "nvidia-rtx-a6000": "NVIDIA Ampere GA102 architecture whitepaper",
    "nvidia-rtx-3090": "NVIDIA Ampere GA102 architecture whitepaper",
    "nvidia-rtx-3090-ti": "Epoch AI machine learning hardware data",
    "nvidia-rtx-4090": "NVIDIA Ada architecture whitepaper",
    "nvidia-l4": "NVIDIA L4 datasheet",
    "nvidia-l40s": "NVIDIA L40S datasheet",
    "nvidia-h100-pcie": "NVIDIA H100 datasheet",
    "nvidia-h100-sxm": "NVIDIA H100 datasheet",
    "nvidia-h100-nvl": "NVIDIA H100 datasheet",
    "nvidia-h200-sxm": "NVIDIA H200 specifications",
    "nvidia-h200-nvl": "NVIDIA H200 NVL specifications",
    "nvidia-b200": "NVIDIA HGX B200 specifications",
    "nvidia-gb200": "NVIDIA GB200 NVL72 specifications",
    "amd-mi250x": "AMD Instinct MI250X specifications",
    "amd-mi300x": "AMD Instinct MI300X datasheet",
    "amd-mi325x": "AMD Instinct MI325X specifications",
    "intel-gaudi2": "Intel Gaudi 2 white paper",
    "intel-gaudi3": "Intel Gaudi 3 white paper",
    "google-tpu-v2": "Jouppi et al., Communications of the ACM",
    "google-tpu-v3": "Google Cloud TPU documentation",
    "google-tpu-v4": "Google Cloud TPU documentation",
    "google-tpu-v5e": "Google Cloud TPU documentation",
    "google-tpu-v5p": "Google Cloud TPU documentation",
    "google-tpu-v6e": "Google Cloud TPU documentation",
}
GPU_CITATION_YEAR = {"google-tpu-v2": 2020}   # the CACM paper, not the chip


def cite_gpus(gpus):
    for g in gpus["gpus"]:
        details = g.pop("source")
        year = GPU_CITATION_YEAR.get(g["id"], g["year"])
        doc = GPU_CITATIONS[g["id"]]   # KeyError: a new GPU needs a citation
        g["source"] = f"{doc}, {year}" if year else doc
        g["details"] = details


PUE_CITATIONS = {
    "gcp": "Google data centre efficiency, 2023",
    "aws": "Amazon sustainability report, 2024",
    "azure": "Microsoft data centre efficiency, 2024",
    "default": "Uptime Institute Global Data Center Survey, 2024",
}


def cite_pue(pue):
    for d in pue["pue"]:
        d["details"] = d["source"]
        d["source"] = PUE_CITATIONS[d["provider"]]


EPA_2024 = "US EPA Greenhouse Gas Equivalencies, eGRID2022, 2024"
EPA_2021 = "US EPA Greenhouse Gas Equivalencies, eGRID2019, 2021"
GA_REF = "Green Algorithms 3.0 reference values"
EQUIV_CITATIONS = {
    "epa-current": (EPA_2024, {}),
    "epa-2021": (EPA_2021, {
        "car-year": "US EPA Greenhouse Gas Equivalencies, 2020",
        "coal-lb": "US EPA Greenhouse Gas Equivalencies, as used by ML CO2 Impact",
    }),
    "green-algorithms": ("Green Algorithms 3.0 reference values (Lannelongue et al.)", {
        "tree-month": GA_REF,
        "tree-year": GA_REF,
        "car-eu-km": GA_REF + ", after UK GHG conversion factors 2019",
        "car-us-km": GA_REF + ", after US EPA",
        "train-km": GA_REF + ", after UK GHG conversion factors 2020",
        "flight-economy-km": GA_REF + ", after UK GHG conversion factors 2020",
        "flight-paris-london": GA_REF + ", after carbonfootprint.com",
        "flight-paris-dublin": GA_REF + ", after carbonfootprint.com",
        "flight-ny-sf": GA_REF + ", after carbonfootprint.com",
        "flight-nyc-melbourne": GA_REF + ", after carbonfootprint.com",
        "netflix-hour": GA_REF + ", after Carbon Brief",
        "google-search": GA_REF,
    }),
}


def cite_equivalences(equiv, data_dir):
    rows = {r["id"]: r for r in read_csv(data_dir, "equivalences.csv")}
    for s in equiv["sets"]:
        set_cite, factor_cites = EQUIV_CITATIONS[s["id"]]
        s["details"] = s["source"]
        s["source"] = set_cite
        spec = {k: rid for k, rid, _ in
                next(x for x in EQUIV_SETS if x["id"] == s["id"])["factors"]}
        for f in s["factors"]:
            f["source"] = factor_cites.get(f["kind"], set_cite)
            f["details"] = " ".join(rows[spec[f["kind"]]]["source"].split())


# AWS regions sitting in a sub-national grid the catalog has (Green Algorithms
# gives Azure's and Google's own locations; AWS publishes its cities).
AWS_GRID = {"us-east-1": "US-VA", "us-east-2": "US-OH", "us-west-1": "US-CA",
            "us-west-2": "US-OR", "ca-central-1": "CA-QC", "ap-southeast-2": "AU-NSW"}


def region_grid(r, rows_by_region, grids):
    """The grid a cloud region sits in: sub-national where known, else its
    country's."""
    code = r["id"].split("/", 1)[1]
    loc = None
    for row in rows_by_region.get(r["id"], ()):
        m = re.search(r"location=([A-Z]{2}(?:-[A-Z]+)?)", row["source"])
        if m:
            loc = m.group(1)
            break
    if loc is None and r["provider"] == "aws":
        loc = AWS_GRID.get(code)
    for gid in (f"grid/{loc}" if loc else None, f"grid/{r['country']}"):
        if gid and gid in grids and grids[gid]["year"]:
            return grids[gid]
    return None


# Below this a grid average is implausible on a location basis: it is then a
# direct-emissions-only figure or a claim, and must not top a ranking.
NEAR_ZERO_G_PER_KWH = 5


def annotate_regions(regions, data_dir):
    rows_by_region = {}
    for row in read_csv(data_dir, "regions.csv"):
        if row["provider"] != "grid":
            code = cloud_code(row["provider"], dataset_of(row["id"]), row)
            if code is not None:
                rows_by_region.setdefault(f"{row['provider']}/{code}", []).append(row)
    grids = {r["id"]: r for r in regions["regions"] if r["provider"] == "grid"}
    for r in regions["regions"]:
        # details: the full provenance (the time series rows only say "owid-ci")
        if r["details"] == "owid-ci":
            r["details"] = ("Our World in Data, carbon intensity of electricity generation "
                            f"(Ember and Energy Institute Statistical Review), {r['year']}; "
                            "grid_intensity_owid_timeseries.csv")
        # location-based (a grid's average) or market-based (a provider's
        # claim on the energy it buys), as the GHG Protocol separates them
        market = "carbon-free energy" in r["details"]
        r["basis"] = "market" if market else "location"
        if r["intensity"] == 0:
            r["data_flag"] = "claim" if market else "no-data"
        elif r["intensity"] < NEAR_ZERO_G_PER_KWH:
            r["data_flag"] = "near-zero"
        else:
            r["data_flag"] = None
        r["year_from"] = "source"
        r["year_grid"] = None
        if r["year"] is None and r["provider"] != "grid":
            g = region_grid(r, rows_by_region, grids)
            if g is not None:
                r["year"] = g["year"]
                r["year_from"] = "grid"
                r["year_grid"] = g["id"]
        # fixed key order: the new keys after "source"/"details"
        hist = r.pop("history")
        r["history"] = hist


# --------------------------------------------------------------------------

def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    data_dir = args[0] if args else os.path.join(REPO, "..", "shared", "data")
    data_dir = os.path.abspath(data_dir)
    gpus = build_gpus(data_dir)
    regions = build_regions(data_dir)
    cite_gpus(gpus)
    annotate_regions(regions, data_dir)
    pue = build_pue(data_dir)
    cite_pue(pue)
    equivalences = build_equivalences(data_dir)
    cite_equivalences(equivalences, data_dir)
    write_json(os.path.join(CATALOG_DIR, "gpus.json"), gpus)
    write_json(os.path.join(CATALOG_DIR, "regions.json"), regions)
    write_json(os.path.join(CATALOG_DIR, "pue.json"), pue)
    write_json(os.path.join(CATALOG_DIR, "equivalences.json"), equivalences)
    models = build_models(data_dir, gpus, regions)
    write_json(os.path.join(CATALOG_DIR, "models.json"), models)
    print(models_summary(models), file=sys.stderr)
    if "--no-examples" not in argv:
        ex = build_examples()
        check_examples(ex, gpus, regions)
        for fn, p in ex.items():
            write_json(os.path.join(EXAMPLES_DIR, fn), p, indent=2)
    counts = {}
    for r in regions["regions"]:
        counts[r["provider"]] = counts.get(r["provider"], 0) + 1
    print(f"gpus: {len(gpus['gpus'])}; regions: {len(regions['regions'])} {counts}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
