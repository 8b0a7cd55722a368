"""Regenerates the official statistics shipped in seeds/statistics/ from ../shared/stats.

`python -m ingest.tools.shipped_statistics` writes two files:

- `county_statistics.csv`: the county panel's year, province and county, and only the columns
  `dbt_project/seeds/statistics_columns.csv` maps to indicators, cells exactly as in the panel
  (万元, 万人, 吨); rows with none of those columns filled are left out.
- `census/census_population.csv`: the resident population of the 2010 and 2020 censuses, one row
  per unit with a code, under the census year's own code (mapping to today's codes is the
  loader's job, as mapping county names is for the panel).

Reading and reshaping are pure functions over rows; only `regenerate` touches files.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from ingest import catalogue, paths
from ingest.sources import census

PANEL_KEYS = ("year", "province", "county")
CENSUS_COLUMNS = census.COLUMNS
# The census workbooks, each holding its resident population (persons) in census.SOURCE_COLUMNS.
CENSUS_FILES = {2010: "census_county_2010_v1.xlsx", 2020: "census_county_2020_v1.xlsx"}
# 2020 counts the whole country on a row without a code ('NA'); the project's national code.
NATIONAL_CODE = "100000"


def mapped_columns() -> list[str]:
    """The panel columns the catalogue maps to indicators, in the catalogue's order."""
    return list(dict.fromkeys(row["source_column"] for row in catalogue.read_seed("statistics_columns.csv")))


def compact_panel(header: Sequence[str], rows: Iterable[Sequence[str]], wanted: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """The panel's keys and wanted columns (those it has), rows with at least one of them filled."""
    header = [name.lstrip("\ufeff") for name in header]
    missing = [key for key in PANEL_KEYS if key not in header]
    if missing:
        raise ValueError(f"not a county panel (no {', '.join(missing)} column)")
    kept = list(PANEL_KEYS) + [name for name in wanted if name in header and name not in PANEL_KEYS]
    index = [header.index(name) for name in kept]
    out = []
    for row in rows:
        cells = [row[i].strip() if i < len(row) else "" for i in index]
        if any(cells[len(PANEL_KEYS):]):
            out.append(cells)
    return kept, out


def _code(cell) -> str | None:
    """A census code cell (an int in the workbook) as 6-digit text; None for NA or blank."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)):
        return f"{int(cell):06d}"
    text = str(cell).strip()
    return text if text.isdigit() and len(text) == 6 else None


def _population(cell) -> int | None:
    if isinstance(cell, bool) or cell is None:
        return None
    try:
        return int(round(float(cell)))
    except (TypeError, ValueError):
        return None


def census_rows(year: int, sheet: Sequence[Sequence]) -> list[dict]:
    """One row per unit of a census sheet (header row first) that has a code and a population.

    2020 names each unit's province and prefecture (省, 市); 2010 lists units under their parents
    with indented names, so province and prefecture are found from the code's prefix instead.
    """
    header = [str(cell).strip() if cell is not None else "" for cell in sheet[0]]
    population_column = census.SOURCE_COLUMNS[year]
    if population_column not in header or "区划代码" not in header:
        raise ValueError(f"census {year}: no 区划代码 or {population_column} column")
    at = {name: header.index(name) for name in header if name}
    name_column = "区县" if year == 2020 else "地区"
    records = []
    for row in sheet[1:]:
        row = list(row) + [None] * (len(header) - len(row))
        name = "".join(str(row[at[name_column]] or "").split())
        code, population = _code(row[at["区划代码"]]), _population(row[at[population_column]])
        if code is None and year == 2020 and name == "全国":
            code = NATIONAL_CODE
        if code is None or population is None:
            continue  # functional areas (NA), 市辖区 subtotals without a code, notes
        records.append({"census_year": year, "census_code": code, "name": name, "population": population,
                        "province": "".join(str(row[at["省"]] or "").split()) if "省" in at else None,
                        "prefecture": "".join(str(row[at["市"]] or "").split()) if "市" in at else None})
    by_code = {record["census_code"]: record["name"] for record in records}
    for record in records:
        code = record["census_code"]
        if record["province"] is None:
            record["province"] = by_code.get(code[:2] + "0000", "") if code != NATIONAL_CODE else "全国"
        if record["prefecture"] is None:
            prefecture = code[:4] + "00"
            record["prefecture"] = by_code.get(prefecture, "") if prefecture != code[:2] + "0000" else record["province"]
    return [{column: record[column] for column in CENSUS_COLUMNS} for record in records]


# --- files ----------------------------------------------------------------------------------

def read_sheet(file: Path) -> list[tuple]:
    """The first worksheet's rows as tuples of cell values."""
    import openpyxl

    workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
    try:
        return list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def _write_csv(file: Path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def regenerate(stats_dir: Path = paths.STATS_DIR, panel_out: Path = paths.SHIPPED_PANEL_FILE,
               census_out: Path = paths.SHIPPED_CENSUS_FILE) -> tuple[int, int]:
    """Write the shipped panel and census files; (panel rows, census rows)."""
    with (Path(stats_dir) / paths.PANEL_FILE.name).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header, rows = compact_panel(next(reader), reader, mapped_columns())
    _write_csv(Path(panel_out), header, rows)
    census = []
    for year, name in sorted(CENSUS_FILES.items()):
        census += census_rows(year, read_sheet(Path(stats_dir) / paths.CENSUS_DIR.name / name))
    _write_csv(Path(census_out), CENSUS_COLUMNS, ([row[c] for c in CENSUS_COLUMNS] for row in census))
    return len(rows), len(census)


if __name__ == "__main__":
    n_panel, n_census = regenerate()
    print(f"{paths.SHIPPED_PANEL_FILE}: {n_panel} rows; {paths.SHIPPED_CENSUS_FILE}: {n_census} rows")
