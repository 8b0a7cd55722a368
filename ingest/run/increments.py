"""Which reports a build changes, against what the warehouse in place holds: so dbt rebuilds only
their rows in the models that grow with the corpus (dbt_project/macros/report_increments.sql).

The warehouse records, in its own file (schema xianzhi_build), a fingerprint of every landed
report row it was built from and the version of the code and models that built it: swapped in
with the file, it can never describe another warehouse. A build compares the landing it has just
written with that record; a report whose row differs (added, changed, removed, or merged with a
new duplicate) is changed. The reference tables (gazetteer, statistics) are compared by the hash
of their files: the models that read only unchanged ones are not rebuilt. Any doubt (no record,
other code or models, many changes) means a full build into a new file, which gives the same
tables.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import duckdb

from ingest import paths
from ingest.land.store import code_version

SCHEMA = "xianzhi_build"
# Landed tables that come from packages or loaded statistics, not from the documents: a build that
# leaves them as they were leaves the models that read only them (and their tests) as they are.
REFERENCE_TABLES = ("places", "place_changes", "statistics")
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
    changed_references: tuple[str, ...] = REFERENCE_TABLES  # whose landed files differ
    # Each reference table's hash as landed now (reference_fingerprints): the record keeps it.
    reference_fingerprints: dict[str, str] | None = field(default=None, compare=False)

    def dbt_selection(self) -> list[str]:
        """The models downstream of a landed table that may have changed (every table the documents
        give, and the reference tables that did change), with their data tests. Seeds and unit
        tests are part of the models version: the record says they passed as they are."""
        changing = [name for name in landing_sources() if name not in REFERENCE_TABLES or name in self.changed_references]
        return ["--select", *(f"source:landing.{name}+,resource_type:model" for name in changing),
                "--exclude-resource-type", "unit_test"]


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


def landing_sources() -> list[str]:
    """The landed tables dbt reads (its sources, models/staging/_landing__sources.yml)."""
    import yaml  # dbt's dependency

    document = yaml.safe_load((paths.DBT_PROJECT_DIR / "models" / "staging" / "_landing__sources.yml").read_text(encoding="utf-8"))
    [landing] = [source for source in document["sources"] if source["name"] == "landing"]
    return [table["name"] for table in landing["tables"]]


def reference_fingerprints(landing_dir: Path) -> dict[str, str]:
    """A hash of each reference table's landed files (small: the gazetteer, the statistics)."""
    fingerprints = {}
    for name in REFERENCE_TABLES:
        digest = hashlib.sha256()
        for file in paths.landed_table_files(landing_dir, name):
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
        fingerprints[name] = digest.hexdigest()[:32]
    return fingerprints


def recorded(warehouse: Path) -> tuple[str, dict[str, str], dict[str, str]] | None:
    """(models version, report fingerprints, reference fingerprints) the warehouse in place was
    built from; None if it has none."""
    if not Path(warehouse).exists():
        return None
    try:
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            [(version,)] = connection.execute(f"select models_version from {SCHEMA}.build_version").fetchall()
            fingerprints = dict(connection.execute(f"select report_id, fingerprint from {SCHEMA}.report_fingerprints").fetchall())
            references = dict(connection.execute(f"select table_name, fingerprint from {SCHEMA}.reference_fingerprints").fetchall())
    except (duckdb.Error, ValueError):
        return None
    return version, fingerprints, references


def built_by_these_models(before: tuple | None) -> bool:
    """Whether a record (recorded()) says these models built the warehouse: a build may then be
    incremental."""
    return before is not None and before[0] == models_version()


def plan(warehouse: Path, landing_dir: Path, before: tuple | None = None) -> Increment | None:
    """The increment from the warehouse in place to what is landed now; None: build in full.
    `before`: its record, when the build has read it already (the warehouse is locked)."""
    before = before or recorded(warehouse)
    if not built_by_these_models(before) or not paths.landed_table_files(landing_dir, "reports"):
        return None
    old, new = before[1], landed_fingerprints(landing_dir)
    changed = tuple(sorted(r for r in old.keys() | new.keys() if old.get(r) != new.get(r)))
    if len(changed) > max(MAX_CHANGED_SHARE * len(new), MIN_CHANGED_FOR_FULL):
        return None
    references = reference_fingerprints(landing_dir)
    changed_references = tuple(name for name in REFERENCE_TABLES if before[2].get(name) != references[name])
    return Increment(changed, len(new), changed_references, references)


def record(connection: duckdb.DuckDBPyConnection, landing_dir: Path, increment: Increment | None = None) -> None:
    """Write the record into the warehouse being built (before it is swapped in); an increment's
    reference hashes are the landing's already (dbt does not write the landing)."""
    connection.execute(f"create schema if not exists {SCHEMA}")
    # What this build's models kept while they ran (the changed reports, previous rows, places
    # and peer instances to rebuild: macros/changed_places.sql) describes no other build.
    for (table,) in connection.execute(
            "select table_name from duckdb_tables() where database_name = current_database() and schema_name = ?"
            " and table_name not in ('report_fingerprints', 'reference_fingerprints', 'build_version')", [SCHEMA]).fetchall():
        connection.execute(f'drop table {SCHEMA}."{table}"')
    connection.execute(f"create or replace table {SCHEMA}.report_fingerprints as {_FINGERPRINTS}",
                       [paths.landed_table_glob(landing_dir, "reports")])
    connection.execute(f"create or replace table {SCHEMA}.build_version as select ? as models_version",
                       [models_version()])
    connection.execute(f"create or replace table {SCHEMA}.reference_fingerprints (table_name varchar, fingerprint varchar)")
    connection.executemany(f"insert into {SCHEMA}.reference_fingerprints values (?, ?)",
                           [list(item) for item in ((increment and increment.reference_fingerprints)
                                                    or reference_fingerprints(landing_dir)).items()])
