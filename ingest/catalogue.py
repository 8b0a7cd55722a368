"""Reads the catalogues (dbt seeds under dbt_project/seeds) that drive matching in Python too."""

from __future__ import annotations

import csv
from functools import lru_cache

from ingest import paths


@lru_cache(maxsize=None)
def read_seed(name: str) -> tuple[dict[str, str], ...]:
    """Rows of one seed CSV as dicts of strings (cached: the catalogues do not change mid-run)."""
    with open(paths.catalogue_file(name), encoding="utf-8", newline="") as handle:
        return tuple(dict(row) for row in csv.DictReader(handle))


def indicators() -> dict[str, dict[str, str]]:
    """Core indicators by id: name_zh, name_en, measure, unit."""
    return {row["indicator_id"]: row for row in read_seed("indicators.csv")}


def indicator_aliases() -> list[str]:
    """Every alias of the core indicators (the jieba user dictionary takes them as words)."""
    return sorted({row["alias"] for row in read_seed("indicator_aliases.csv") if row.get("alias")})
