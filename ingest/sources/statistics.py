"""`xianzhi stats load`: maps a county statistics panel onto indicator ids and place codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ingest import catalogue, paths
from ingest.land import parquet
from ingest.sources.gazetteer import load_gazetteer

ALIASES_SEED = "statistics_place_aliases.csv"


@dataclass
class StatisticsLoad:
    rows: list[dict]
    unmapped: list[tuple[str, str, int]] = field(default_factory=list)  # (province, county, panel rows)
    ambiguous: list[tuple[str, str, str]] = field(default_factory=list)  # (province, county, codes)


def resolve_county(province: str, county: str, aliases: dict[tuple[str, str], str]) -> tuple[str | None, str]:
    """(place code or None, why). The province disambiguates repeated names; a name that is
    unique nationally is accepted even when the row's province is wrong (a known flaw)."""
    if (province, county) in aliases:
        return aliases[(province, county)], "alias"
    # Cells carry line breaks and padding from the printed yearbooks: "陵水黎族\n自治县", "和  县".
    province, county = "".join(province.split()), "".join(county.split())
    gazetteer = load_gazetteer()
    candidates = gazetteer.lookup(county)
    if not candidates and county.endswith("自治县"):  # 景东自治县: the short form of 景东彝族自治县
        candidates = gazetteer.lookup(county.removesuffix("自治县"))
    if not candidates and county.endswith("县"):  # 禄丰县 became 禄丰市, 孟津县 孟津区
        stem = county.removesuffix("县")
        candidates = gazetteer.lookup(stem + "市") + gazetteer.lookup(stem + "区")
    county_level = [p for p in candidates if p.level_class == "county_level"]
    in_province = [p for p in county_level if p.province_name == province or province.startswith(p.province_name[:2])]
    if len(in_province) == 1:
        return in_province[0].code, "name"
    if not in_province and len(county_level) == 1:
        return county_level[0].code, "unique name, province differs"
    if len(in_province) > 1 or len(county_level) > 1:
        codes = ",".join(sorted(p.code for p in (in_province or county_level)))
        return None, f"ambiguous: {codes}"
    return None, "not in the gazetteer"


def load_panel(file: Path) -> StatisticsLoad:
    """Rows of the landing table `statistics` from a panel CSV (one row per county and year)."""
    columns = catalogue.read_seed("statistics_columns.csv")
    aliases = {(r["source_province"], r["source_county"]): r["place_code"] for r in catalogue.read_seed(ALIASES_SEED)}
    panel = pl.read_csv(file, infer_schema=False, encoding="utf8-lossy")
    panel = panel.rename({name: name.lstrip("\ufeff") for name in panel.columns})
    missing = {"year", "province", "county"} - set(panel.columns)
    if missing:
        raise ValueError(f"{file}: not a county panel (no {', '.join(sorted(missing))} column)")
    places: dict[tuple[str, str], str | None] = {}
    result = StatisticsLoad(rows=[])
    counts = panel.group_by(["province", "county"]).len()
    for province, county, n_rows in counts.iter_rows():
        code, why = resolve_county(province or "", county or "", aliases)
        places[(province, county)] = code
        if code is None and why.startswith("ambiguous"):
            result.ambiguous.append((province, county, why.removeprefix("ambiguous: ")))
        elif code is None:
            result.unmapped.append((province, county, n_rows))
    best: dict[tuple[str, str, int], tuple[int, dict]] = {}
    for mapping in columns:
        source = mapping["source_column"]
        if source not in panel.columns:
            continue
        values = panel.select("year", "province", "county", pl.col(source).cast(pl.Float64, strict=False).alias("value"))
        for year, province, county, value in values.drop_nulls("value").iter_rows():
            code = places.get((province, county))
            if code is None:
                continue
            key = (code, mapping["indicator_id"], int(year))
            priority = int(mapping["priority"])
            if key in best and best[key][0] <= priority:
                continue
            best[key] = (
                priority,
                {
                    "place_code": code,
                    "indicator_id": mapping["indicator_id"],
                    "reference_year": int(year),
                    "value": value * float(mapping["factor"]),
                    "unit": mapping["unit"],
                    "source_county": county,
                    "source_province": province,
                    "source_column": source,
                    "source_file": Path(file).name,
                },
            )
    result.rows = [row for _, row in best.values()]
    return result


def land_statistics(file: Path, warehouse: Path) -> StatisticsLoad:
    load = load_panel(file)
    parquet.write_table(paths.landing_dir(warehouse), "statistics", load.rows)
    return load
