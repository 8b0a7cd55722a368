"""Census resident population by county code (seeds/statistics/census/) → statistics rows under today's codes."""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from ingest.sources.gazetteer import Gazetteer, Place, load_gazetteer, short_name_of

INDICATOR_ID = "resident_population"
# The shipped census file's columns (ingest/tools/shipped_statistics.py writes it).
COLUMNS = ("census_year", "census_code", "province", "prefecture", "name", "population")
# The census workbooks' column each year's count came from.
SOURCE_COLUMNS = {2010: "合计", 2020: "人口数_合计"}


def is_census_file(header: list[str]) -> bool:
    return {"census_year", "census_code", "population"} <= set(header)


def _normalised(name: str) -> str:
    # The 2010 workbook types 巿 (U+5DFF) for 市 in some names (泊头巿).
    return "".join(name.split()).replace("巿", "市")


def _same_name(place: Place, name: str) -> bool:
    return name in (place.name, place.short_name) or short_name_of(name) == place.short_name


def _one_character_apart(a: str, b: str) -> bool:
    """内邱县 / 内丘县, 汩罗市 / 汨罗市: the workbook's variant or typo of one character."""
    return len(a) == len(b) and a[-1] == b[-1] and sum(x != y for x, y in zip(a, b)) == 1


@lru_cache(maxsize=4)
def _successions(gazetteer: Gazetteer) -> dict[tuple[str, str], str]:
    """(old code, old name) → the code of the place it is today, from the change events."""
    return {(change.old_code, change.old_name): change.current_code for change in gazetteer.changes
            if change.old_code and change.old_name and change.current_code}


def resolve_unit(code: str, name: str, gazetteer: Gazetteer) -> tuple[str | None, str]:
    """(today's code or None, how): the census code where its name agrees with the place of that
    code today; else where a change event carries that code and name to a place today (桥东区
    130502 → 襄都区, 蓟县 120225 → 蓟州区 120119); else the one place of that name under the same
    prefecture (codes swapped: 2010's 丰润区 under 130207); else the code's successor when the name
    carried over (徐水县 130625 → 徐水区 130609)."""
    name = _normalised(name)
    place = gazetteer.places.get(code)
    if place is not None and _same_name(place, name):
        return code, "code"
    if (code, name) in _successions(gazetteer):
        return _successions(gazetteer)[(code, name)], "change event"
    prefix = code[:4] if code[4:] != "00" else code[:2]
    named = [p for p in gazetteer.lookup(name) if p.code.startswith(prefix) and p.code != code]
    if len(named) == 1:
        return named[0].code, "name"
    if place is not None and _one_character_apart(place.name, name):
        return code, "code, name one character apart"
    successor = gazetteer.current_code(code) if place is None else None
    if successor and _same_name(gazetteer.places[successor], name):
        return successor, "successor"
    if place is not None:
        return None, f"code {code} is {place.name} today"
    return None, "no current unit of that code and name"


def census_statistics(rows: list[dict], source_file: str, gazetteer: Gazetteer | None = None) -> tuple[list[dict], list[tuple]]:
    """Landing rows (one per current place × census year) and the units left out, with why.

    Where several census units became one place since (北市区 and 南市区 → 莲池区; 邯郸县, split
    among districts, → 邯山区 by its change event), the census counted a different territory:
    none of them is kept, rather than a sum that would be wrong for units split among several.
    """
    gazetteer = gazetteer or load_gazetteer()
    resolved: dict[tuple[str, int], list[dict]] = defaultdict(list)
    left_out: list[tuple] = []
    for row in rows:
        year, code, name = int(row["census_year"]), str(row["census_code"]).strip(), row.get("name") or ""
        current, how = resolve_unit(code, name, gazetteer)
        if current is None:
            left_out.append((year, code, name, how))
            continue
        resolved[(current, year)].append({
            "place_code": current, "indicator_id": INDICATOR_ID, "reference_year": year,
            "value": float(row["population"]), "unit": "persons",
            "source_county": name, "source_province": row.get("province") or None,
            "source_column": SOURCE_COLUMNS.get(year, "population"), "source_code": code,
            "source_file": source_file,
        })
    kept = []
    for (current, year), records in resolved.items():
        if len(records) == 1:
            kept += records
            continue
        codes = "+".join(sorted(record["source_code"] for record in records))
        left_out += [(year, r["source_code"], r["source_county"], f"merged into {current} since ({codes})") for r in records]
    return kept, left_out


def read_census_file(file: Path) -> list[dict]:
    with Path(file).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))
