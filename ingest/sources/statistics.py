"""Official statistics → the landing table `statistics`: county panels (names mapped to place codes,
columns to indicators) and census population, from a documents folder's statistics/ or `xianzhi stats load`."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from ingest import catalogue, paths
from ingest.land import parquet
from ingest.land.schemas import SCHEMAS
from ingest.readers.sidecar import read_mapping, sidecar_path
from ingest.records import ReaderError
from ingest.sources import census
from ingest.sources.gazetteer import load_gazetteer

ALIASES_SEED = "statistics_place_aliases.csv"
METADATA_KEYS = ("title", "url", "licence", "edition")
# Where landed rows came from: a build re-lands every documents folder's statistics/, while
# files loaded by `xianzhi stats load` stay until the same file is loaded again.
FROM_DOCUMENTS, FROM_STATS_LOAD = "documents", "stats load"
# What reading a statistics file can raise on bad input (not a panel, unreadable, malformed CSV).
READ_ERRORS = (ValueError, OSError, pl.exceptions.PolarsError)


def read_error_reason(file: Path, error: Exception) -> str:
    """One line saying why a statistics file could not be read, without the file's own name
    (polars' parse errors run over a dozen lines of advice)."""
    lines = str(error).strip().splitlines() or [type(error).__name__]
    return lines[0].removeprefix(f"{file}: ").removeprefix(f"{Path(file).name}: ")


@dataclass
class StatisticsLoad:
    rows: list[dict]
    unmapped: list[tuple[str, str, int]] = field(default_factory=list)  # (province, county, panel rows)
    ambiguous: list[tuple[str, str, str]] = field(default_factory=list)  # (province, county, codes)
    left_out: list[tuple] = field(default_factory=list)  # census units: (year, code, name, why)
    file: Path | None = None


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


def read_metadata(file: Path) -> dict:
    """The statistics file's sidecar (<stem>.meta.yml or <name>.meta.yml) (title, url, licence, edition); {} when there is none."""
    sidecar = sidecar_path(file)
    if sidecar is None:
        return {}
    try:
        data = read_mapping(sidecar, METADATA_KEYS)
    except ReaderError as error:
        raise ValueError(str(error)) from None
    return {key: str(data[key]).strip() for key in METADATA_KEYS if data.get(key) not in (None, "")}


def vintage(years: set[int], metadata: dict, file: Path) -> str:
    """What edition the values are: the years they cover and the edition (else the file's name)."""
    if not years:
        covered = "no years"
    elif len(years) <= 3:
        covered = ", ".join(str(year) for year in sorted(years))
    else:
        covered = f"{min(years)}–{max(years)}"
    return f"{covered} · {metadata.get('edition') or Path(file).name}"


def _with_source(rows: list[dict], file: Path, origin: str) -> list[dict]:
    """Rows with the file's name, source, url and vintage, and where they were loaded from."""
    metadata = read_metadata(file)
    edition = vintage({row["reference_year"] for row in rows}, metadata, file)
    source = {"source_file": Path(file).name, "source_name": metadata.get("title") or Path(file).stem,
              "source_url": metadata.get("url"), "vintage": edition, "origin": origin}
    return [{"source_code": None, **row, **source} for row in rows]


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


def _header(file: Path) -> list[str]:
    with Path(file).open(encoding="utf-8-sig", newline="", errors="replace") as handle:
        return [name.strip() for name in next(csv.reader(handle), [])]


def load_statistics_file(file: Path, origin: str = FROM_STATS_LOAD) -> StatisticsLoad:
    """A county panel or a census population file (told apart by their columns) as landing rows.
    Raises ValueError with a one-line reason for a file that is neither."""
    file = Path(file)
    if census.is_census_file(_header(file)):
        rows, left_out = census.census_statistics(census.read_census_file(file), file.name)
        load = StatisticsLoad(rows=rows, left_out=left_out)
    else:
        load = load_panel(file)
    load.rows, load.file = _with_source(load.rows, file, origin), file
    return load


def statistics_files(folders: list[Path]) -> list[tuple[Path, str]]:
    """Every CSV under each documents folder's statistics/ subfolder (README, LICENSE and sidecars
    aside), with the name users see (statistics/census/census_population.csv)."""
    found = []
    for folder in folders:
        subfolder = Path(folder) / paths.STATISTICS_SUBFOLDER
        if Path(folder).is_dir() and subfolder.is_dir():
            found += [(path, str(path.relative_to(folder))) for path in sorted(subfolder.rglob("*.csv"))
                      if not path.name.startswith(".")]
    return found


def _landed_rows(landing_dir: Path) -> list[dict]:
    """The statistics landed so far. Columns an older build did not land come back empty, and
    rows landed before origins were kept came from `xianzhi stats load` (the only way then)."""
    file = Path(landing_dir) / "statistics.parquet"
    if not file.exists():
        return []
    columns = SCHEMAS["statistics"].names
    rows = [{name: row.get(name) for name in columns} for row in parquet.read_rows(file)]
    return [row | {"origin": row["origin"] or FROM_STATS_LOAD} for row in rows]


def replace_landed(landing_dir: Path, rows: list[dict], replaces) -> None:
    """Land `rows` in place of the landed rows for which `replaces(row)` is true; the rest stay."""
    kept = [row for row in _landed_rows(landing_dir) if not replaces(row)]
    Path(landing_dir).mkdir(parents=True, exist_ok=True)
    parquet.write_table(landing_dir, "statistics", kept + rows)


def land_statistics(file: Path, warehouse: Path) -> StatisticsLoad:
    """`xianzhi stats load`: the file's rows replace those it landed before; other sources stay."""
    load = load_statistics_file(file, FROM_STATS_LOAD)
    replace_landed(paths.landing_dir(warehouse), load.rows,
                   lambda row: row["origin"] == FROM_STATS_LOAD and row["source_file"] == Path(file).name)
    return load


def land_statistics_folders(folders: list[Path], landing_dir: Path) -> tuple[list[StatisticsLoad], list[dict]]:
    """The build: every documents folder's statistics/ replaces what earlier builds landed from
    documents. Returns the loads and one error per file that could not be read (the run goes on)."""
    loads, errors, rows = [], [], []
    for file, source in statistics_files(folders):
        try:
            load = load_statistics_file(file, FROM_DOCUMENTS)
        except READ_ERRORS as error:
            reason = read_error_reason(file, error)
            errors.append({"source": source, "reason": f"{source}: {reason}"})
            continue
        loads.append(load)
        rows += load.rows
    replace_landed(landing_dir, rows, lambda row: row["origin"] == FROM_DOCUMENTS)
    return loads, errors


def statistics_summary(load: StatisticsLoad) -> str:
    """One line per statistics file: how many values, and what could not be placed (a few named)."""
    line = f"statistics: {len(load.rows)} values from {load.file.name}"
    names = [f"{province}{county}" for province, county, _ in load.unmapped + load.ambiguous]
    if names:
        shown = ", ".join(" ".join(name.split()) for name in sorted(names)[:5])
        line += (f"; {len(names)} county names not matched to a place code (e.g. {shown}; "
                 f"add them to dbt_project/seeds/{ALIASES_SEED})")
    if load.left_out:
        line += f"; {len(load.left_out)} census units left out (merged since, or no unit of that code and name today)"
    return line
