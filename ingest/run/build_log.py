"""The build log: JSON lines when a build starts, when it has landed, and when it ends; kept across builds.

A warehouse file is replaced by every build, so the record of builds lives in the warehouse's
landing folder (`build_runs.jsonl`), where dbt reads it into `fct_build_runs`. The `started` line
is written first, so even a build killed outright leaves a trace (shown as interrupted). The
`landed` line, with what ingest found, is written just before dbt runs, so the warehouse a build
produces holds that build's own row; its outcome and dbt test counts are only known afterwards
and arrive in the `finished` line, which the next build's warehouse shows (and the log has at once).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import shlex
import socket
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ingest import paths
from ingest.land.atomic import atomic_path
from ingest.run import exit_codes
from ingest.run.document_changes import DocumentChanges

# Every line has every field (null where not known yet), so dbt reads one fixed set of columns.
FIELDS = (
    "run_id", "record", "started_at", "finished_at", "seconds", "command", "host", "pid",
    "documents_added", "documents_changed", "documents_removed", "documents_unchanged", "documents_failed",
    "reports_landed", "dbt_tests_passed", "dbt_tests_warned", "dbt_tests_failed", "outcome", "exit_code",
)
OUTCOMES = ("running", "ok", "dbt_failed", "strict_failed", "crashed", "interrupted")
RECORDS = ("started", "landed", "finished")  # in the order a build writes them


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _timestamp(moment: datetime.datetime | None) -> str | None:
    # UTC without an offset: DuckDB reads it as a plain timestamp, the same on every machine.
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if moment else None


def current_command() -> str:
    """How this process was started, as a user would type it (`xianzhi build --documents …`)."""
    program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
    return shlex.join(["xianzhi" if program in ("xianzhi", "cli.py", "__main__.py") else program, *sys.argv[1:]])


@dataclass
class BuildRun:
    command: str
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    started_at: datetime.datetime = field(default_factory=_now)
    finished_at: datetime.datetime | None = None
    host: str = field(default_factory=socket.gethostname)
    pid: int = field(default_factory=os.getpid)
    changes: DocumentChanges | None = None  # None when no documents were read (a statistics load)
    reports_landed: int | None = None
    dbt_tests_passed: int | None = None
    dbt_tests_warned: int | None = None
    dbt_tests_failed: int | None = None
    outcome: str = "running"
    exit_code: int | None = None

    def finish(self, outcome: str, exit_code: int, dbt=None) -> None:
        """What the build ended with (dbt: its DbtOutcome, when dbt ran)."""
        self.outcome, self.exit_code, self.finished_at = outcome, exit_code, _now()
        if dbt is not None:
            self.dbt_tests_passed, self.dbt_tests_warned, self.dbt_tests_failed = (
                dbt.n_tests_passed, dbt.n_tests_warned, dbt.n_tests_failed)

    def line(self, record: str) -> dict:
        """The log line for one of RECORDS."""
        changes = self.changes
        seconds = (self.finished_at - self.started_at).total_seconds() if self.finished_at else None
        row = {
            "run_id": self.run_id, "record": record,
            "started_at": _timestamp(self.started_at), "finished_at": _timestamp(self.finished_at),
            "seconds": round(seconds, 3) if seconds is not None else None,
            "command": self.command, "host": self.host, "pid": self.pid,
            **{f"documents_{kind}": getattr(changes, kind) if changes else None
               for kind in ("added", "changed", "removed", "unchanged", "failed")},
            "reports_landed": self.reports_landed,
            "dbt_tests_passed": self.dbt_tests_passed, "dbt_tests_warned": self.dbt_tests_warned,
            "dbt_tests_failed": self.dbt_tests_failed,
            "outcome": self.outcome, "exit_code": self.exit_code,
        }
        assert tuple(row) == FIELDS
        return row


def append(warehouse: Path, line: dict) -> None:
    """Add one line to the warehouse's log. The file is rewritten whole and renamed into place,
    so a build killed while writing leaves the log as it was, never half a line (it stays small:
    a line per build)."""
    file = paths.build_log_file(warehouse)
    before = file.read_bytes() if file.exists() else b""
    with atomic_path(file) as temporary:
        temporary.write_bytes(before + (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))


def read_log(warehouse: Path) -> list[dict]:
    """Every line of the warehouse's log, oldest first ([] before the first build)."""
    file = paths.build_log_file(warehouse)
    if not file.exists():
        return []
    return [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]


@contextlib.contextmanager
def recorded(warehouse: Path, command: str) -> Iterator[BuildRun]:
    """A BuildRun for the block, its `started` line written on entry and its `finished` line
    however the block ends. The block writes the `landed` line itself (append(warehouse,
    run.line("landed"))) just before dbt, and calls run.finish(…); an exception is recorded as
    crashed, Ctrl-C as interrupted."""
    run = BuildRun(command)
    append(warehouse, run.line("started"))
    try:
        yield run
    except KeyboardInterrupt:
        run.finish("interrupted", exit_codes.INTERRUPTED)
        raise
    except BaseException:
        run.finish("crashed", exit_codes.CRASHED)
        raise
    finally:
        if run.finished_at is None:  # the block forgot to say: never record a success it did not state
            run.finish("crashed", exit_codes.CRASHED)
        append(warehouse, run.line("finished"))
