"""The app's one read-only connection to the warehouse, held while pages ask, and `query` over it."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from ingest import paths

# One configuration for every connection: DuckDB refuses a second connection to the same file
# with a different configuration, and the SQL console (app/console.py) must never read files,
# reach the network, load extensions or switch these settings back on.
CONNECTION_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


class WarehouseMissing(Exception):
    """The warehouse file does not exist (not built yet, or a wrong path)."""


def warehouse_path() -> Path:
    """st.secrets["warehouse"] (tests inject it), else ingest.paths' configured warehouse."""
    configured = None
    try:
        configured = st.secrets.get("warehouse")
    except Exception:  # no secrets.toml at all is the normal case outside tests
        configured = None
    if not configured:
        return paths.configured_warehouse()
    path = Path(configured).expanduser()
    return path if path.is_absolute() else paths.PROJECT_ROOT / path


def warehouse_exists() -> bool:
    return warehouse_path().is_file()


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """A new read-only, sandboxed connection to the file (the console takes its own per query)."""
    return duckdb.connect(str(path), read_only=True, config=CONNECTION_CONFIG)


# Opening the file costs 30–80 ms, more than most queries, and a page asks its queries in a burst.
# So the app keeps one read-only connection per warehouse file and closes it after this long
# without a query: DuckDB lets another process (a DuckDB shell, say) open the file read-write only
# while no process holds it, and an idle app should not stand in its way.
IDLE_CLOSE_SECONDS = float(os.environ.get("XIANZHI_APP_IDLE_CLOSE_SECONDS", "2"))


@dataclass
class _Held:
    connection: duckdb.DuckDBPyConnection
    users: int = 0
    last_used: float = field(default_factory=time.monotonic)


_held: dict[tuple, _Held] = {}  # (path, inode, mtime_ns) → the open connection
_held_lock = threading.Lock()
_closer: threading.Thread | None = None


def _file_identity(path: Path) -> tuple:
    # A rebuilt warehouse is a new file swapped in: a new inode, so a new connection.
    stat = path.stat()
    return (str(path), stat.st_ino, stat.st_mtime_ns)


@contextlib.contextmanager
def _reading(path: Path):
    """A cursor on the held read-only connection to this file (opened if need be)."""
    global _closer
    key = _file_identity(path)
    with _held_lock:
        for other in [k for k in _held if k[0] == key[0] and k != key and _held[k].users == 0]:
            _held.pop(other).connection.close()  # the file was replaced: drop the old one now
        held = _held.get(key)
        if held is None:
            held = _held[key] = _Held(connect(path))
        held.users += 1
        cursor = held.connection.cursor()
        if _closer is None or not _closer.is_alive():
            _closer = threading.Thread(target=_close_idle_forever, name="xianzhi-close-idle", daemon=True)
            _closer.start()
    try:
        yield cursor
    finally:
        cursor.close()
        with _held_lock:
            held.users -= 1
            held.last_used = time.monotonic()


def close_idle_connections(idle_seconds: float = 0.0) -> int:
    """Close held connections unused for idle_seconds (all unused ones by default); how many closed."""
    now = time.monotonic()
    with _held_lock:
        idle = [k for k, h in _held.items() if h.users == 0 and now - h.last_used >= idle_seconds]
        for key in idle:
            _held.pop(key).connection.close()
    return len(idle)


def held_connections() -> int:
    with _held_lock:
        return len(_held)


def _close_idle_forever() -> None:
    while True:
        time.sleep(max(IDLE_CLOSE_SECONDS / 4, 0.05))
        close_idle_connections(IDLE_CLOSE_SECONDS)


def _as_sql_param(value):
    # Tuples keep cache keys hashable; DuckDB wants lists for LIST parameters.
    return list(value) if isinstance(value, tuple) else value


@st.cache_data(ttl=3600, show_spinner=False, max_entries=500)
def _cached_query(path: str, mtime_ns: int, sql: str, params: tuple, through_arrow: bool = False) -> pd.DataFrame:
    # mtime_ns is only part of the cache key: a rebuilt warehouse gets fresh results.
    with _reading(Path(path)) as cursor:
        result = cursor.execute(sql, [_as_sql_param(p) for p in params])
        # Through Arrow, thousands of text cells (quotes) reach pandas in a third less time than
        # .df() takes; only for queries of strings and numbers, whose frames are the same either way
        # (dates would come back as objects).
        return result.fetch_arrow_table().to_pandas() if through_arrow else result.df()


def query(sql: str, params: tuple | list = (), *, through_arrow: bool = False) -> pd.DataFrame:
    """Run one parameterised query against the warehouse (cached until the file changes)."""
    path = warehouse_path()
    if not path.is_file():
        raise WarehouseMissing(str(path))
    frozen = tuple(tuple(p) if isinstance(p, list) else p for p in params)
    # st.cache_data hands every caller its own unpickled copy: no defensive copy needed.
    return _cached_query(str(path), path.stat().st_mtime_ns, sql, frozen, through_arrow)


def has_table(table: str, schema: str = "main") -> bool:
    """Whether the warehouse has this table. This project's build makes every mart; the map asks for
    the statistics mart, which warehouses built before it lack (app.data.has_statistics_mart)."""
    frame = query("select 1 from information_schema.tables where table_schema = ? and table_name = ?",
                  (schema, table))
    return not frame.empty
