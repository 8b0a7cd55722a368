"""The only module that knows where things live."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
DBT_SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_WAREHOUSE = DATA_DIR / "warehouse.duckdb"
APP_ENTRY = PROJECT_ROOT / "app" / "streamlit_app.py"

# ../shared sits beside the clone, on developer machines and in CI alike.
SHARED_DIR = Path(os.environ.get("XIANZHI_SHARED", PROJECT_ROOT.parent / "shared"))
CORPUS_DIR = SHARED_DIR / "corpus"
GOLD_DIR = SHARED_DIR / "gold"
STATS_DIR = SHARED_DIR / "stats"


def landing_dir(warehouse: Path) -> Path:
    """Landed Parquet lives beside the warehouse it feeds (data/landing for the default)."""
    return Path(warehouse).resolve().parent / "landing"


def dbt_work_dir(warehouse: Path) -> Path:
    """dbt's target/ and logs/ for one warehouse, kept out of the source tree."""
    return Path(warehouse).resolve().parent / ".dbt"


def catalogue_file(name: str) -> Path:
    """A catalogue CSV (dbt seed) by file name, e.g. 'indicator_aliases.csv'."""
    return DBT_SEEDS_DIR / name
