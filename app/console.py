"""The SQL console's sandbox: one read-only SELECT at a time, no file or network access, 5 s, 1,000 rows."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from app import warehouse

TIMEOUT_SECONDS = 5.0
MAX_ROWS = 1000
ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


@dataclass
class ConsoleResult:
    frame: pd.DataFrame = field(default_factory=pd.DataFrame)
    error: str | None = None
    truncated: bool = False
    seconds: float = 0.0


def refusal(sql: str) -> str | None:
    """Why a console statement is refused (None when it is one read-only SELECT/EXPLAIN)."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        return f"SQL error: {error}"
    if len(statements) != 1:
        return "Run exactly one statement at a time."
    if statements[0].type not in ALLOWED:
        return f"Only SELECT queries are allowed here (got {statements[0].type.name})."
    return None


def run(sql: str, timeout: float = TIMEOUT_SECONDS, max_rows: int = MAX_ROWS) -> ConsoleResult:
    """Run a user's read-only query with a time limit and a row cap; errors come back as text."""
    refused = refusal(sql)
    if refused:
        return ConsoleResult(error=refused)
    path = warehouse.warehouse_path()
    if not path.is_file():
        return ConsoleResult(error=f"No warehouse at {path}")
    outcome: dict = {}
    started = time.monotonic()
    # Its own connection, not the held one: interrupting a runaway query must not touch the pages'.
    with warehouse.connect(path) as conn:
        def work():
            try:
                conn.execute(sql)
                columns = [d[0] for d in conn.description or []]
                rows = conn.fetchmany(max_rows + 1)
                outcome["frame"] = pd.DataFrame(rows[:max_rows], columns=columns)
                outcome["truncated"] = len(rows) > max_rows
            except Exception as error:  # every engine error is shown to the analyst, not raised
                outcome["error"] = f"{type(error).__name__}: {error}"

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            conn.interrupt()
            worker.join(5)
            outcome = {"error": f"Stopped after {timeout:g} s (time limit)."}
    return ConsoleResult(
        frame=outcome.get("frame", pd.DataFrame()),
        error=outcome.get("error"),
        truncated=outcome.get("truncated", False),
        seconds=time.monotonic() - started,
    )
