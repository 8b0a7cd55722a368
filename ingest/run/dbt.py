"""Runs `dbt build` on the project against one warehouse file and reports what failed."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ingest import paths


@dataclass
class DbtOutcome:
    success: bool
    n_passed: int = 0
    n_tests: int = 0
    # Tests alone (n_passed counts every node): warn is a test that found rows at severity warn;
    # a test skipped because its model failed is in neither count.
    n_tests_passed: int = 0
    n_tests_warned: int = 0
    n_tests_failed: int = 0
    failures: list[str] = field(default_factory=list)


# dbt's metadata environment (DBT_ENV_CUSTOM_ENV_*): macros read it as dbt_metadata_envs without
# a query, and it is not part of what dbt parses, so telling dbt which reports changed costs no
# re-parse (--vars and env_var() do) and no query per node (a table of them did).
BUILD_KIND_VARIABLE = "DBT_ENV_CUSTOM_ENV_XIANZHI_BUILD"
CHANGED_REPORTS_VARIABLE = "DBT_ENV_CUSTOM_ENV_XIANZHI_CHANGED_REPORTS"
CHANGED_REFERENCES_VARIABLE = "DBT_ENV_CUSTOM_ENV_XIANZHI_CHANGED_REFERENCES"


# An incremental build's dbt logs nothing: both of dbt's loggers format every event, the SQL of
# each query included, before the level drops it (--quiet only drops it later): about 7% of
# a one-report build's dbt time. Its failures reach the build's output from the result, and
# target/run_results.json holds each node's status, message and compiled SQL; logs/dbt.log is
# the last full build's.
_WITHOUT_LOGS = ["--log-level", "none", "--log-level-file", "none"]


def dbt_arguments(command: list[str], work_dir: Path, write_manifest: bool = True) -> list[str]:
    """The command line of one dbt invocation on the project, its artifacts and logs in work_dir;
    write_manifest=False (an incremental build's): neither dbt's JSON artifacts nor its logs."""
    work_dir.mkdir(parents=True, exist_ok=True)
    return command + [
        "--project-dir", str(paths.DBT_PROJECT_DIR),
        "--profiles-dir", str(paths.DBT_PROJECT_DIR),
        "--target-path", str(work_dir / "target"),
        "--log-path", str(work_dir / "logs"),
        "--quiet",
    ] + ([] if write_manifest else ["--no-write-json", *_WITHOUT_LOGS])


def parse_project(database: Path, landing: Path, work_dir: Path):
    """The project's manifest, parsed with the settings run_dbt gives for this database and
    landing (the landing's paths are part of it), for run_dbt(parsed=...); None if dbt cannot."""
    from dbt.cli.main import dbtRunner

    os.environ.update(dbt_environment(database, landing, ()))
    result = dbtRunner().invoke(dbt_arguments(["parse"], work_dir, write_manifest=False))
    return result.result if result.success else None


def dbt_environment(database: Path, landing: Path, changed_reports: Sequence[str] | None = None,
                    changed_references: Sequence[str] = ()) -> dict[str, str]:
    """What profiles.yml, the sources and the increment macros (macros/report_increments.sql)
    read, plus no usage tracking (no network here). changed_reports: an incremental build's, on a
    copy of the warehouse in place; None: a full build. changed_references: the reference tables
    (increments.REFERENCE_TABLES) an incremental build found changed."""
    return {
        "XIANZHI_BUILD_DB": str(Path(database).resolve()),
        "XIANZHI_LANDING_DIR": str(Path(landing).resolve()),
        BUILD_KIND_VARIABLE: "full" if changed_reports is None else "incremental",
        CHANGED_REPORTS_VARIABLE: ",".join(changed_reports or ()),
        CHANGED_REFERENCES_VARIABLE: ",".join(changed_references),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
    }


def run_dbt(command: list[str], database: Path, landing: Path, work_dir: Path,
            changed_reports: Sequence[str] | None = None, changed_references: Sequence[str] = (), *,
            write_manifest: bool = True, parsed=None) -> DbtOutcome:
    """Invoke dbt in-process (its documented programmatic API) with this build's settings.

    write_manifest=False: dbt writes none of its JSON artifacts (manifest.json twice, the graph and
    semantic manifest: about 1 s of an incremental build at 10,000 reports), and
    target/run_results.json is written here from the result, so it is there either way.
    parsed: the project's manifest parsed already with the same settings (parse_project)."""
    from dbt.cli.main import dbtRunner
    from dbt_common.events.functions import reset_metadata_vars

    os.environ.update(dbt_environment(database, landing, changed_reports, changed_references))
    reset_metadata_vars()  # dbt reads its metadata environment once per process otherwise
    try:
        result = dbtRunner(manifest=parsed).invoke(dbt_arguments(command, work_dir, write_manifest))
    finally:
        _release_dbt_connection()
    if not write_manifest and hasattr(result.result, "write"):
        result.result.write(str(work_dir / "target" / "run_results.json"))
    outcome = DbtOutcome(success=bool(result.success))
    if result.exception is not None:
        outcome.failures.append(f"dbt: {result.exception}")
    for node_result in getattr(result.result, "results", None) or []:
        status = str(node_result.status).lower()
        node = node_result.node
        if node.resource_type == "test":
            outcome.n_tests += 1
            outcome.n_tests_passed += status == "pass"
            outcome.n_tests_warned += status == "warn"
            outcome.n_tests_failed += status in ("fail", "error")
        if status in ("success", "pass"):
            outcome.n_passed += 1
        elif status not in ("skipped",):
            failure = f"{node.resource_type} {node.name}: {status} {node_result.message or ''}".strip()
            if status == "fail" and getattr(node, "test_metadata", None) and node.test_metadata.name == "row_checks":
                failure += _broken_checks(database, node.compiled_code)
            outcome.failures.append(failure)
    return outcome


def _broken_checks(database: Path, compiled_sql: str | None) -> str:
    """Which of a failed row_checks test's checks broke (its own query, on the file dbt built):
    dbt says only how many rows the test returned."""
    import duckdb

    try:
        with duckdb.connect(str(database), read_only=True) as connection:
            broken = connection.execute(compiled_sql).fetchall()
    except (duckdb.Error, TypeError):
        return ""
    return " — broken: " + "; ".join(f"{check} ({n} rows)" for check, n in broken) if broken else ""


def _release_dbt_connection() -> None:
    """Close the DuckDB connection dbt-duckdb keeps open in the process after a run. It points at
    the file just built, which the build then renames into place: the next run in this process
    with the same path would reuse it and write into the live warehouse instead of a new file."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        if DuckDBConnectionManager._ENV is not None:
            DuckDBConnectionManager._ENV.close()
            DuckDBConnectionManager._ENV = None
