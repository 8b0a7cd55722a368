"""Which reports a build changes, against what the warehouse in place holds: so dbt rebuilds only
their rows in the models that grow with the corpus (dbt_project/macros/report_increments.sql).

The warehouse records, in its own file (schema xianzhi_build), a fingerprint of every landed
report row it was built from and the version of the code and models that built it: swapped in
with the file, it can never describe another warehouse. A build compares the landing it has just
written with that record; a report whose row differs (added, changed, removed, or merged with a
new duplicate) is changed. Any doubt (no record, other code or models, many changes) means a full
build into a new file, which gives the same tables.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb

from ingest import paths
from ingest.land.store import code_version

SCHEMA = "xianzhi_build"
# Only while dbt runs on an incremental build's copy; dropped before the file is swapped in.
CHANGED_TABLE = "changed_reports"
# Seeds and unit tests are part of the models version: one incremental build's record says they
# passed as they are, so it builds the models and runs their data tests only.
DBT_SELECTION = ["--select", "resource_type:model", "--exclude-resource-type", "unit_test"]
# Beyond this share of the corpus (and a few reports) a full build is as quick as deleting and
# inserting.
MAX_CHANGED_SHARE = 0.2
MIN_CHANGED_FOR_FULL = 50

# A report's landed row, but its text (its report_id already hashes the text).
_FINGERPRINTS = ("select report_id, md5(cast(r as varchar)) as fingerprint "
                 "from (select * exclude (report_text) from read_parquet(?)) r")


@dataclass(frozen=True)
class Increment:
    """An incremental build: the reports whose rows are deleted and inserted again."""

    changed_reports: tuple[str, ...]
    n_reports: int  # landed now

    def write(self, building: Path) -> None:
        """Name the changed reports in the copy dbt builds (macros/report_increments.sql reads them)."""
        with duckdb.connect(str(building)) as connection:
            connection.execute(f"create schema if not exists {SCHEMA}")
            connection.execute(f"create or replace table {SCHEMA}.{CHANGED_TABLE} (report_id varchar primary key)")
            if self.changed_reports:
                connection.executemany(f"insert into {SCHEMA}.{CHANGED_TABLE} values (?)", [[r] for r in self.changed_reports])


@lru_cache(maxsize=1)
def models_version() -> str:
    """Hash of what decides the warehouse's tables besides the landing: the dbt project (models,
    macros, seeds, tests) and the code version of every document's rows."""
    digest = hashlib.sha256(code_version().encode())
    for file in sorted(paths.DBT_PROJECT_DIR.rglob("*")):
        if file.is_file() and file.suffix in (".sql", ".yml", ".csv") and "target" not in file.parts:
            digest.update(str(file.relative_to(paths.DBT_PROJECT_DIR)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def landed_fingerprints(landing_dir: Path) -> dict[str, str]:
    with duckdb.connect() as connection:
        return dict(connection.execute(_FINGERPRINTS, [paths.landed_table_glob(landing_dir, "reports")]).fetchall())


def recorded(warehouse: Path) -> tuple[str, dict[str, str]] | None:
    """(models version, fingerprints) the warehouse in place was built from; None if it has none."""
    if not Path(warehouse).exists():
        return None
    try:
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            [(version,)] = connection.execute(f"select models_version from {SCHEMA}.build_version").fetchall()
            fingerprints = dict(connection.execute(f"select report_id, fingerprint from {SCHEMA}.report_fingerprints").fetchall())
    except (duckdb.Error, ValueError):
        return None
    return version, fingerprints


def plan(warehouse: Path, landing_dir: Path) -> Increment | None:
    """The increment from the warehouse in place to what is landed now; None: build in full."""
    before = recorded(warehouse)
    if before is None or before[0] != models_version() or not paths.landed_table_files(landing_dir, "reports"):
        return None
    old, new = before[1], landed_fingerprints(landing_dir)
    changed = tuple(sorted(r for r in old.keys() | new.keys() if old.get(r) != new.get(r)))
    if len(changed) > max(MAX_CHANGED_SHARE * len(new), MIN_CHANGED_FOR_FULL):
        return None
    return Increment(changed, len(new))


def record(connection: duckdb.DuckDBPyConnection, landing_dir: Path) -> None:
    """Write the record into the warehouse being built (before it is swapped in)."""
    connection.execute(f"create schema if not exists {SCHEMA}")
    connection.execute(f"drop table if exists {SCHEMA}.{CHANGED_TABLE}")
    connection.execute(f"create or replace table {SCHEMA}.report_fingerprints as {_FINGERPRINTS}",
                       [paths.landed_table_glob(landing_dir, "reports")])
    connection.execute(f"create or replace table {SCHEMA}.build_version as select ? as models_version",
                       [models_version()])
