"""Runs `dbt build` on the project against one warehouse file and reports what failed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ingest import paths


@dataclass
class DbtOutcome:
    success: bool
    n_passed: int = 0
    n_tests: int = 0
    failures: list[str] = field(default_factory=list)


def dbt_environment(database: Path, landing: Path) -> dict[str, str]:
    """What profiles.yml and the sources read, plus no usage tracking (no network here)."""
    return {
        "XIANZHI_BUILD_DB": str(Path(database).resolve()),
        "XIANZHI_LANDING_DIR": str(Path(landing).resolve()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
    }


def run_dbt(command: list[str], database: Path, landing: Path, work_dir: Path) -> DbtOutcome:
    """Invoke dbt in-process (its documented programmatic API) with this build's settings."""
    from dbt.cli.main import dbtRunner

    os.environ.update(dbt_environment(database, landing))
    work_dir.mkdir(parents=True, exist_ok=True)
    args = command + [
        "--project-dir", str(paths.DBT_PROJECT_DIR),
        "--profiles-dir", str(paths.DBT_PROJECT_DIR),
        "--target-path", str(work_dir / "target"),
        "--log-path", str(work_dir / "logs"),
        "--quiet",
    ]
    try:
        result = dbtRunner().invoke(args)
    finally:
        _release_database()
    outcome = DbtOutcome(success=bool(result.success))
    if result.exception is not None:
        outcome.failures.append(f"dbt: {result.exception}")
    for node_result in getattr(result.result, "results", None) or []:
        status = str(node_result.status).lower()
        node = node_result.node
        if node.resource_type == "test":
            outcome.n_tests += 1
        if status in ("success", "pass"):
            outcome.n_passed += 1
        elif status not in ("skipped",):
            outcome.failures.append(f"{node.resource_type} {node.name}: {status} {node_result.message or ''}".strip())
    return outcome


def _release_database() -> None:
    """Close the DuckDB connection dbt-duckdb keeps in-process after a command.

    Its connection manager holds one environment per process (a class attribute) whose connection
    stays open after `invoke` returns; the file swapped in as the warehouse then stays locked by this
    process, and the app or a shell in another process cannot open it until this one exits.
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        environment, DuckDBConnectionManager._ENV = DuckDBConnectionManager._ENV, None
    if environment is not None:
        environment.close()
