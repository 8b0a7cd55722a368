"""The only module that knows where things live."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"  # source documents (and shipped statistics)
# A documents folder's statistics/ subfolder holds official statistics, never reports.
STATISTICS_SUBFOLDER = "statistics"
SHIPPED_STATISTICS_DIR = SEEDS_DIR / STATISTICS_SUBFOLDER
SHIPPED_PANEL_FILE = SHIPPED_STATISTICS_DIR / "county_statistics.csv"
SHIPPED_CENSUS_FILE = SHIPPED_STATISTICS_DIR / "census" / "census_population.csv"
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
DBT_SEEDS_DIR = DBT_PROJECT_DIR / "seeds"  # the catalogues
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_WAREHOUSE = DATA_DIR / "warehouse.duckdb"
APP_ENTRY = PROJECT_ROOT / "app" / "streamlit_app.py"
BENCH_DIR = DATA_DIR / "bench"
BENCHMARKS_FILE = PROJECT_ROOT / "BENCHMARKS.md"
EVAL_WAREHOUSE = DATA_DIR / "eval" / "warehouse.duckdb"

# ../shared sits beside the clone, on developer machines and in CI alike.
SHARED_DIR = Path(os.environ.get("XIANZHI_SHARED", PROJECT_ROOT.parent / "shared"))
CORPUS_DIR = SHARED_DIR / "corpus"
GOLD_DIR = SHARED_DIR / "gold"
CORE_INDICATORS_FILE = SHARED_DIR / "spec" / "core_indicators.csv"  # the indicators gold sets annotate
STATS_DIR = SHARED_DIR / "stats"
PANEL_FILE = STATS_DIR / "county_statistics_panel.csv"
CENSUS_DIR = STATS_DIR / "census"


def configured_warehouse() -> Path:
    """$XIANZHI_WAREHOUSE (relative to the project), else the default warehouse."""
    configured = os.environ.get("XIANZHI_WAREHOUSE")
    if not configured:
        return DEFAULT_WAREHOUSE
    path = Path(configured).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def landing_dir(warehouse: Path) -> Path:
    """Everything one warehouse owns besides its file: data/warehouse.landing/ for
    data/warehouse.duckdb. Landed Parquet at the top (any Parquet engine reads it), the build
    log beside it, and hidden working folders below. Two warehouses in one folder never share it."""
    warehouse = Path(warehouse).resolve()
    return warehouse.parent / f"{warehouse.stem}.landing"


def legacy_landing_dir(warehouse: Path) -> Path:
    """The landing/ that every warehouse of a folder shared before each got its own (no longer read)."""
    return Path(warehouse).resolve().parent / "landing"


def cache_dir(warehouse: Path) -> Path:
    """Per-document results kept between builds (see ingest/land/store.py); one warehouse's own."""
    return landing_dir(warehouse) / ".cache"


def warehouse_copy_dir(warehouse: Path) -> Path:
    """Where a copy of the warehouse in place is made while documents are ingested; an incremental
    build's models then start from it (moved into building_dir, same file system)."""
    return landing_dir(warehouse) / ".copy"


def building_dir(warehouse: Path) -> Path:
    """Where dbt builds the next warehouse before it is swapped in (same file system: one rename)."""
    return landing_dir(warehouse) / ".building"


def building_file(warehouse: Path) -> Path:
    """The file dbt builds: the warehouse's own name (dbt-duckdb names the catalog after the stem)."""
    return building_dir(warehouse) / warehouse.name


def failed_dir(warehouse: Path) -> Path:
    """Where a warehouse whose dbt tests failed is kept for inspection."""
    return landing_dir(warehouse) / ".failed"


def dbt_work_dir(warehouse: Path) -> Path:
    """dbt's target/ and logs/ for one warehouse, kept out of the source tree."""
    return landing_dir(warehouse) / ".dbt"


def lock_file(warehouse: Path) -> Path:
    """The lock a build or a statistics load holds on one warehouse (see ingest/run/lock.py)."""
    return landing_dir(warehouse) / ".lock"


def build_log_file(warehouse: Path) -> Path:
    """One JSON line per build of the warehouse; kept across builds, read by dbt into fct_build_runs."""
    return landing_dir(warehouse) / "build_runs.jsonl"


# The tables that grow with the corpus are landed as part files, <landing>/<table>/part-NN.parquet,
# a report's rows in the part its report_id hashes to: a build that changes a few reports rewrites
# only their parts. Any Parquet reader takes the folder (or <table>/*.parquet) as one table.
PARTITIONED_TABLES = ("reports", "sentences", "metric_mentions", "report_terms", "named_projects")
LANDING_PARTS = 32


def landed_table_glob(landing: Path, name: str) -> str:
    """What read_parquet reads as one landed table: its part files, or its one file."""
    landing = Path(landing)
    return str(landing / name / "*.parquet") if name in PARTITIONED_TABLES else str(landing / f"{name}.parquet")


def landed_table_files(landing: Path, name: str) -> list[Path]:
    """The files of one landed table (none before the first landing)."""
    landing = Path(landing)
    if name in PARTITIONED_TABLES:
        return sorted((landing / name).glob("*.parquet"))
    file = landing / f"{name}.parquet"
    return [file] if file.exists() else []


def landed_parts_file(landing: Path) -> Path:
    """Which reports each part file holds, as a digest: a part whose reports did not change is not rewritten."""
    return Path(landing) / ".state" / "landed_parts.json"


def documents_file(warehouse: Path) -> Path:
    """The documents the last build read (source, content hash): what the next build compares with.
    In a hidden folder, so a glob for the landed tables (*.parquet) never picks it up."""
    return landing_dir(warehouse) / ".state" / "documents.parquet"


def eval_documents_dir(warehouse: Path) -> Path:
    """The folder an evaluation links its gold's documents into."""
    return Path(warehouse).resolve().parent / "documents"


def catalogue_file(name: str) -> Path:
    """A catalogue CSV (dbt seed) by file name, e.g. 'indicator_aliases.csv'."""
    return DBT_SEEDS_DIR / name
