"""The only module that runs SQL: a read-only, sandboxed connection to the warehouse and cached queries."""

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

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = PROJECT_ROOT / "data" / "warehouse.duckdb"

# One configuration for every connection: DuckDB refuses a second connection to the same file
# with a different configuration, and the console must never read files, reach the network,
# load extensions or switch these settings back on.
CONNECTION_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}

CONSOLE_TIMEOUT_SECONDS = 5.0
CONSOLE_MAX_ROWS = 1000
CONSOLE_ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}

# The lead's fct_target_attainment (judged rows only) is used when it has these columns.
LEAD_ATTAINMENT_COLUMNS = {
    "place_code", "place_name", "indicator_id", "reference_year", "target_value", "target_value_upper",
    "target_bound", "target_report_id", "target_quote", "actual_value", "actual_bound",
    "actual_report_id", "actual_quote", "status",
}


class WarehouseMissing(Exception):
    """The warehouse file does not exist (not built yet, or a wrong path)."""


def warehouse_path() -> Path:
    """st.secrets["warehouse"], else $XIANZHI_WAREHOUSE, else data/warehouse.duckdb in the project."""
    configured = None
    try:
        configured = st.secrets.get("warehouse")
    except Exception:  # no secrets.toml at all is the normal case outside tests
        configured = None
    configured = configured or os.environ.get("XIANZHI_WAREHOUSE")
    if not configured:
        return DEFAULT_WAREHOUSE
    path = Path(configured).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
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
            held = _held[key] = _Held(_connect(path))
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
def _cached_query(path: str, mtime_ns: int, sql: str, params: tuple) -> pd.DataFrame:
    # mtime_ns is only part of the cache key: a rebuilt warehouse gets fresh results.
    with _reading(Path(path)) as cursor:
        return cursor.execute(sql, [_as_sql_param(p) for p in params]).df()


def query(sql: str, params: tuple | list = ()) -> pd.DataFrame:
    """Run one parameterised query against the warehouse (cached until the file changes)."""
    path = warehouse_path()
    if not path.is_file():
        raise WarehouseMissing(str(path))
    frozen = tuple(tuple(p) if isinstance(p, list) else p for p in params)
    # st.cache_data hands every caller its own unpickled copy: no defensive copy needed.
    return _cached_query(str(path), path.stat().st_mtime_ns, sql, frozen)


def warehouse_exists() -> bool:
    return warehouse_path().is_file()


def table_columns(table: str) -> list[str]:
    """Columns of a table in schema main, in order; empty when the table does not exist."""
    frame = query(
        "select column_name from information_schema.columns "
        "where table_schema = 'main' and table_name = ? order by ordinal_position",
        (table,),
    )
    return frame["column_name"].tolist()


@st.cache_resource(show_spinner=False, max_entries=20)
def _tables(path: str, mtime_ns: int) -> frozenset:
    # A frozenset is immutable, so cache_resource can hand out the same object without pickling.
    with _reading(Path(path)) as cursor:
        rows = cursor.execute("select table_schema, table_name from information_schema.tables").fetchall()
    return frozenset(rows)


def has_table(table: str, schema: str = "main") -> bool:
    """Whether the warehouse has this table (or view); asked many times per page, answered from memory."""
    path = warehouse_path()
    if not path.is_file():
        raise WarehouseMissing(str(path))
    return (schema, table) in _tables(str(path), path.stat().st_mtime_ns)


def missing_tables(*tables: str) -> list[str]:
    """Which of these tables the warehouse lacks (pages show an empty state instead of failing)."""
    return [t for t in tables if not has_table(t)]


# --- places and indicators -------------------------------------------------------------------

def places_with_data() -> pd.DataFrame:
    """Places that have reports or values, with their prefecture and province, most data first."""
    return query(
        """
        with values_per_place as (
            select place_code, count(*) as n_values from fct_indicator_values group by place_code
        )
        select p.place_code, p.place_name, p.level, p.prefecture_code, p.prefecture_name,
               p.province_code, p.province_name, p.n_reports, coalesce(v.n_values, 0) as n_values
        from dim_places p
        left join values_per_place v using (place_code)
        where p.n_reports > 0 or v.n_values > 0
        order by p.province_code, p.prefecture_code, p.place_code
        """
    )


def indicators() -> pd.DataFrame:
    """Every catalogue indicator with how many values the warehouse holds for it."""
    return query(
        """
        select i.indicator_id, i.name_zh, i.name_en, i.measure, i.unit, i.higher_is_better,
               count(v.indicator_id) as n_values
        from dim_indicators i
        left join fct_indicator_values v using (indicator_id)
        group by all
        order by n_values desc, i.indicator_id
        """
    )


_VALUE_COLUMNS = """
    v.place_code, v.place_name, v.indicator_id, i.name_zh, i.name_en, v.reference_year, v.value_kind,
    v.value, v.value_upper, v.bound, v.unit, v.report_id, v.report_year, v.quote,
    v.sentence_id, v.char_start, v.char_end, v.mention_id
"""


def latest_actuals(place_code: str) -> pd.DataFrame:
    """For each indicator, the place's actual value for the most recent reference year."""
    return query(
        f"""
        select {_VALUE_COLUMNS}
        from fct_indicator_values v join dim_indicators i using (indicator_id)
        where v.place_code = ? and v.value_kind = 'actual'
        qualify row_number() over (partition by v.indicator_id order by v.reference_year desc) = 1
        order by i.measure <> 'level', v.indicator_id
        """,
        (place_code,),
    )


def latest_targets(place_code: str) -> pd.DataFrame:
    """The targets set in the place's latest report year that states any target."""
    return query(
        f"""
        with latest as (
            select max(report_year) as report_year from fct_indicator_values
            where place_code = ? and value_kind = 'target'
        )
        select {_VALUE_COLUMNS}
        from fct_indicator_values v join dim_indicators i using (indicator_id)
        where v.place_code = ? and v.value_kind = 'target' and v.report_year = (select report_year from latest)
        order by v.reference_year, i.measure, v.indicator_id
        """,
        (place_code, place_code),
    )


def indicator_series(indicator_id: str, place_codes: list[str], value_kind: str = "actual") -> pd.DataFrame:
    """One indicator's values over all years for the given places."""
    return query(
        f"""
        select {_VALUE_COLUMNS}
        from fct_indicator_values v join dim_indicators i using (indicator_id)
        where v.indicator_id = ? and v.value_kind = ? and list_contains(?::varchar[], v.place_code)
        order by v.place_code, v.reference_year
        """,
        (indicator_id, value_kind, list(place_codes)),
    )


def _ranking_sql(values_sql: str) -> str:
    """Rank places on one indicator in one year over a source of values (rank 1 is best)."""
    return f"""
        with chosen as (
            select {_VALUE_COLUMNS},
                   case when ? then v.value else -v.value end as merit
            from ({values_sql}) v join dim_indicators i using (indicator_id)
            where v.indicator_id = ? and v.reference_year = ? and v.value_kind = ?
              and list_contains(?::varchar[], v.place_code)
        )
        select rank() over (order by merit desc) as rank,
               count(*) over () as n_places,
               round(100 * (1 - percent_rank() over (order by merit desc)), 1) as percentile,
               value - first_value(value) over (order by merit desc) as gap_to_leader,
               * exclude (merit)
        from chosen
        order by rank, place_code
        """


def ranking(indicator_id: str, year: int, place_codes: list[str], value_kind: str, higher_is_better: bool) -> pd.DataFrame:
    """Rank the places on one indicator in one year: rank 1 is best; percentile 100 is the leader."""
    return query(
        _ranking_sql("select * from fct_indicator_values"),
        (bool(higher_is_better), indicator_id, int(year), value_kind, list(place_codes)),
    )


# --- the lead's peer groups (fct_peer_benchmarks) -------------------------------------------

def peer_groups_for(place_code: str) -> pd.DataFrame:
    """The warehouse's peer groups this place belongs to (empty without fct_peer_benchmarks)."""
    if not has_table("fct_peer_benchmarks"):
        return pd.DataFrame(columns=["peer_group_id", "group_key", "name_zh", "name_en"])
    # Group names live in the dbt catalogue schema when the seeds were loaded there.
    names = (
        "left join catalogue.peer_groups g using (peer_group_id)"
        if has_table("peer_groups", "catalogue") else
        "left join (select null::varchar as peer_group_id, null::varchar as name_zh, null::varchar as name_en) g "
        "using (peer_group_id)"
    )
    return query(
        f"""
        select distinct b.peer_group_id, b.group_key, g.name_zh, g.name_en
        from fct_peer_benchmarks b {names}
        where b.place_code = ?
        order by b.peer_group_id, b.group_key
        """,
        (place_code,),
    )


def group_benchmark(peer_group_id: str, group_key: str, indicator_id: str, value_kind: str) -> pd.DataFrame:
    """A warehouse peer group's ranking rows for one indicator, every year, in the shape of ranking()."""
    return query(
        """
        select b.peer_rank as rank, b.n_peers_with_data as n_places, round(100 * b.percentile, 1) as percentile,
               b.gap_to_leader, b.place_code, b.place_name, b.indicator_id, b.reference_year, b.value_kind,
               b.value, v.value_upper, coalesce(v.bound, 'eq') as bound, b.unit, b.value_source, b.peer_median,
               b.leader_place_name, b.report_id, v.report_year, v.sentence_id, v.char_start, v.char_end,
               v.mention_id, v.quote
        from fct_peer_benchmarks b
        left join fct_indicator_values v
          on v.place_code = b.place_code and v.indicator_id = b.indicator_id
         and v.reference_year = b.reference_year and v.value_kind = b.value_kind and v.report_id = b.report_id
        where b.peer_group_id = ? and b.group_key = ? and b.indicator_id = ? and b.value_kind = ?
        order by b.reference_year, b.peer_rank, b.place_code
        """,
        (peer_group_id, group_key, indicator_id, value_kind),
    )


# --- targets --------------------------------------------------------------------------------

def attainment_source() -> str:
    """'fct_target_attainment' when the lead's table is there with the expected columns, else 'computed'."""
    columns = set(table_columns("fct_target_attainment"))
    return "fct_target_attainment" if columns >= LEAD_ATTAINMENT_COLUMNS else "computed"


# Each part filters on the chosen places (a `chosen` CTE) itself: DuckDB does not push a filter
# on the union below into the joins, and a whole-table pass costs ~0.5 s at 10,000 reports.
_TARGETS = "select * from fct_indicator_values where value_kind = 'target' and place_code in (select place_code from chosen)"
_ACTUALS = "select * from fct_indicator_values where value_kind = 'actual' and place_code in (select place_code from chosen)"

# Used when the lead's table is absent: the bound read in the indicator's good direction.
_COMPUTED_JUDGEMENTS = f"""
    select t.place_code, t.place_name, t.indicator_id, t.reference_year,
           t.value as target_value, t.value_upper as target_upper, t.bound as target_bound,
           t.report_id as target_report_id, t.quote as target_quote,
           a.value as actual_value, a.bound as actual_bound,
           a.report_id as actual_report_id, a.quote as actual_quote,
           case
               -- 'gt'/'lt' stay strict; eq/approx/range read in the indicator's good direction.
               when t.bound = 'gt' then if(a.value > t.value, 'met', 'missed')
               when t.bound = 'lt' then if(a.value < t.value, 'met', 'missed')
               when t.bound = 'ge' then if(a.value >= t.value, 'met', 'missed')
               when t.bound = 'le' then if(a.value <= coalesce(t.value_upper, t.value), 'met', 'missed')
               when i.higher_is_better = false then if(a.value <= coalesce(t.value_upper, t.value), 'met', 'missed')
               else if(a.value >= t.value, 'met', 'missed')
           end as status
    from ({_TARGETS}) t
    join dim_indicators i using (indicator_id)
    join ({_ACTUALS}) a
      on a.place_code = t.place_code and a.indicator_id = t.indicator_id and a.reference_year = t.reference_year
"""

_LEAD_JUDGEMENTS = """
    select place_code, place_name, indicator_id, reference_year,
           target_value, target_value_upper as target_upper, target_bound, target_report_id, target_quote,
           actual_value, actual_bound, actual_report_id, actual_quote, status
    from fct_target_attainment
    where place_code in (select place_code from chosen)
"""

# Targets nobody judged: no actual yet ('no_actual'), or an actual the judging table left out.
_UNJUDGED = f"""
    select t.place_code, t.place_name, t.indicator_id, t.reference_year,
           t.value, t.value_upper, t.bound, t.report_id, t.quote,
           a.value, a.bound, a.report_id, a.quote,
           if(a.value is null, 'no_actual', 'not_judged')
    from ({_TARGETS}) t
    left join ({_ACTUALS}) a
      on a.place_code = t.place_code and a.indicator_id = t.indicator_id and a.reference_year = t.reference_year
    anti join judged j
      on j.place_code = t.place_code and j.indicator_id = t.indicator_id and j.reference_year = t.reference_year
"""


def target_attainment(place_codes: list[str], indicator_ids: list[str] | None = None) -> pd.DataFrame:
    """Targets of year Y against actuals of year Y for these places: met, within_tolerance, missed, no_actual."""
    if has_table("fct_target_outcomes"):  # judged and unjudged targets, stored by place: a filtered read
        return query(
            """
            select o.place_code, o.place_name, o.indicator_id, o.reference_year,
                   o.target_value, o.target_value_upper as target_upper, o.target_bound,
                   o.target_report_id, o.target_quote, o.actual_value, o.actual_bound,
                   o.actual_report_id, o.actual_quote, o.status,
                   o.gap, i.name_zh, i.name_en, i.unit, i.higher_is_better
            from fct_target_outcomes o join dim_indicators i using (indicator_id)
            where list_contains(?::varchar[], o.place_code)
              and (? or list_contains(?::varchar[], o.indicator_id))
            order by o.place_code, o.reference_year desc, o.indicator_id
            """,
            (list(place_codes), indicator_ids is None, list(indicator_ids or [])),
        )
    # Warehouses built before fct_target_outcomes existed: the same rows assembled here.
    judged = _LEAD_JUDGEMENTS if attainment_source() == "fct_target_attainment" else _COMPUTED_JUDGEMENTS
    return query(
        f"""
        with chosen as (select unnest(?::varchar[]) as place_code),
        judged as ({judged}),
        attainment as (select * from judged union all {_UNJUDGED})
        select a.*, a.actual_value - a.target_value as gap, i.name_zh, i.name_en, i.unit, i.higher_is_better
        from attainment a join dim_indicators i using (indicator_id)
        where (? or list_contains(?::varchar[], a.indicator_id))
        order by a.place_code, a.reference_year desc, a.indicator_id
        """,
        (list(place_codes), indicator_ids is None, list(indicator_ids or [])),
    )


# --- reports --------------------------------------------------------------------------------

def reports() -> pd.DataFrame:
    """Every report with a stored text, newest first within each place."""
    return query(
        """
        select r.report_id, r.place_code, r.place_name, r.report_year, r.title, r.is_work_report,
               r.char_count, r.n_mentions, r.n_values
        from dim_reports r
        where r.report_id in (select report_id from dim_report_texts)
        order by r.place_code, r.report_year desc, r.report_id
        """
    )


def report_text(report_id: str) -> str | None:
    frame = query("select report_text from dim_report_texts where report_id = ?", (report_id,))
    return None if frame.empty else frame["report_text"].iloc[0]


def report_mentions(report_id: str) -> pd.DataFrame:
    """Every quantity extracted from one report, in text order, with indicator names."""
    return query(
        """
        select m.mention_id, m.sentence_id, m.char_start, m.char_end, m.surface, m.subject, m.verb,
               m.indicator_id, i.name_zh, i.name_en, m.value, m.value_upper, m.bound, m.unit, m.unit_raw,
               m.value_kind, m.reference_year, m.is_multi_year, m.is_rank, m.is_sub_area,
               m.report_id, m.place_code, m.report_year
        from fct_metric_mentions m left join dim_indicators i using (indicator_id)
        where m.report_id = ?
        order by m.char_start, m.mention_id
        """,
        (report_id,),
    )


def values_from_mention(mention_id: str, place_code: str, indicator_id: str | None,
                        reference_year: int | None, value_kind: str | None) -> pd.DataFrame:
    """The warehouse value(s) a mention became, or that won over it for the same key."""
    return query(
        """
        select v.*, v.mention_id = ? as from_this_mention
        from fct_indicator_values v
        where v.mention_id = ?
           or (v.place_code = ? and v.indicator_id = ? and v.reference_year = ? and v.value_kind = ?)
        order by from_this_mention desc
        """,
        (mention_id, mention_id, place_code, indicator_id, reference_year, value_kind),
    )


# --- coverage -------------------------------------------------------------------------------

def coverage_summary() -> dict:
    frame = query(
        """
        select (select count(*) from dim_reports) as n_reports,
               (select count(*) from dim_reports where is_work_report) as n_work_reports,
               (select count(distinct place_code) from fct_indicator_values) as n_places,
               (select count(*) from fct_indicator_values) as n_values,
               (select count(*) from fct_metric_mentions) as n_mentions
        """
    )
    return {k: int(v) for k, v in frame.iloc[0].items()}


def coverage_by_place_year() -> pd.DataFrame:
    """Values per place × reference year × kind (how much each report season yielded)."""
    if has_table("fct_place_year_coverage"):
        return query(
            """
            select place_code, place_name, reference_year, value_kind, n_values, n_indicators
            from fct_place_year_coverage
            order by place_code, reference_year, value_kind
            """
        )
    return query(
        """
        select place_code, place_name, reference_year, value_kind,
               count(*) as n_values, count(distinct indicator_id) as n_indicators
        from fct_indicator_values
        group by all
        order by place_code, reference_year, value_kind
        """
    )


def coverage_by_indicator_year() -> pd.DataFrame:
    """Places with an actual value per indicator × reference year (what can be benchmarked)."""
    return query(
        """
        select v.indicator_id, i.name_zh, i.name_en, v.reference_year, v.value_kind,
               count(distinct v.place_code) as n_places
        from fct_indicator_values v join dim_indicators i using (indicator_id)
        group by all
        order by v.indicator_id, v.reference_year
        """
    )


def report_quality() -> pd.DataFrame:
    """dim_reports as it stands (columns vary while the warehouse grows), worst first."""
    columns = set(table_columns("dim_reports"))
    order = []
    if "is_work_report" in columns:
        order.append("is_work_report asc")
    if "is_truncated" in columns:
        order.append("is_truncated desc")
    if "lost_char_runs" in columns:
        order.append("lost_char_runs desc")
    order += ["place_code", "report_year"]
    # Column names come from information_schema, never from the user.
    return query(f"select * from dim_reports order by {', '.join(order)}")


# --- SQL console ----------------------------------------------------------------------------

@dataclass
class ConsoleResult:
    frame: pd.DataFrame = field(default_factory=pd.DataFrame)
    error: str | None = None
    truncated: bool = False
    seconds: float = 0.0


def check_console_sql(sql: str) -> str | None:
    """Why a console statement is refused (None when it is one read-only SELECT/EXPLAIN)."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        return f"SQL error: {error}"
    if len(statements) != 1:
        return "Run exactly one statement at a time."
    if statements[0].type not in CONSOLE_ALLOWED:
        return f"Only SELECT queries are allowed here (got {statements[0].type.name})."
    return None


def run_console(sql: str, timeout: float = CONSOLE_TIMEOUT_SECONDS, max_rows: int = CONSOLE_MAX_ROWS) -> ConsoleResult:
    """Run a user's read-only query with a time limit and a row cap; errors come back as text."""
    refusal = check_console_sql(sql)
    if refusal:
        return ConsoleResult(error=refusal)
    path = warehouse_path()
    if not path.is_file():
        return ConsoleResult(error=f"No warehouse at {path}")
    outcome: dict = {}
    started = time.monotonic()
    with _connect(path) as conn:
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


# --- benchmark values beyond the reports: per-capita figures derived in fct_peer_benchmarks -----

def _benchmark_values() -> str:
    """fct_indicator_values, plus the derived per-capita rows of fct_peer_benchmarks when it exists.

    Per-capita indicators (`<id>_per_capita`, measure 'per_capita') are never stated in a report:
    the warehouse derives them in fct_peer_benchmarks (value_source 'derived'), once per peer group.
    """
    base = "select * from fct_indicator_values"
    if not has_table("fct_peer_benchmarks"):
        return base
    return f"""
        {base}
        union all by name
        select b.place_code, b.place_name, b.indicator_id, b.reference_year, b.value_kind, b.value,
               null::double as value_upper, 'eq' as bound, b.unit, b.report_id,
               null::integer as report_year, null::varchar as quote, null::varchar as sentence_id,
               null::integer as char_start, null::integer as char_end, null::varchar as mention_id
        from fct_peer_benchmarks b join dim_indicators i using (indicator_id)
        where i.measure = 'per_capita'
        qualify row_number() over (
            partition by b.place_code, b.indicator_id, b.reference_year, b.value_kind
            order by b.peer_group_id, b.group_key) = 1
    """


def benchmark_indicators() -> pd.DataFrame:
    """indicators() with per-capita indicators counted from fct_peer_benchmarks (they have no report values)."""
    frame = indicators()
    if frame.empty or not has_table("fct_peer_benchmarks"):
        return frame
    derived = query(
        """
        select indicator_id, count(*) as n_derived
        from (select distinct b.place_code, b.indicator_id, b.reference_year
              from fct_peer_benchmarks b join dim_indicators i using (indicator_id)
              where i.measure = 'per_capita')
        group by indicator_id
        """
    )
    frame = frame.merge(derived, on="indicator_id", how="left")
    frame["n_values"] = frame["n_values"] + frame["n_derived"].fillna(0).astype(int)
    return frame.drop(columns=["n_derived"])


def benchmark_series(indicator_id: str, place_codes: list[str], value_kind: str = "actual") -> pd.DataFrame:
    """indicator_series() over report values and derived per-capita values."""
    return query(
        f"""
        select {_VALUE_COLUMNS}
        from ({_benchmark_values()}) v join dim_indicators i using (indicator_id)
        where v.indicator_id = ? and v.value_kind = ? and list_contains(?::varchar[], v.place_code)
        order by v.place_code, v.reference_year
        """,
        (indicator_id, value_kind, list(place_codes)),
    )


def benchmark_ranking(indicator_id: str, year: int, place_codes: list[str], value_kind: str,
                      higher_is_better: bool) -> pd.DataFrame:
    """ranking() over report values and derived per-capita values."""
    return query(
        _ranking_sql(_benchmark_values()),
        (bool(higher_is_better), indicator_id, int(year), value_kind, list(place_codes)),
    )


# --- place profile: peer ranks, target records, reconciliation --------------------------------

def place_peer_ranks(place_code: str, peer_group_id: str, group_key: str) -> pd.DataFrame:
    """The place's rank in one peer group, per indicator × reference year × kind."""
    if not has_table("fct_peer_benchmarks"):
        return pd.DataFrame(columns=["indicator_id", "reference_year", "value_kind", "peer_rank",
                                     "n_peers_with_data", "peer_median", "leader_place_name"])
    return query(
        """
        select indicator_id, reference_year, value_kind, peer_rank, n_peers_with_data, peer_median,
               leader_place_name, value_source
        from fct_peer_benchmarks
        where place_code = ? and peer_group_id = ? and group_key = ?
        """,
        (place_code, peer_group_id, group_key),
    )


def peer_median_series(place_code: str, peer_group_id: str, group_key: str, indicator_id: str) -> pd.DataFrame:
    """The place's own value and its peer group's median over the years (actuals)."""
    if not has_table("fct_peer_benchmarks"):
        return pd.DataFrame(columns=["reference_year", "value", "peer_median", "unit"])
    return query(
        """
        select reference_year, value, peer_median, unit, peer_rank, n_peers_with_data
        from fct_peer_benchmarks
        where place_code = ? and peer_group_id = ? and group_key = ? and indicator_id = ?
          and value_kind = 'actual'
        order by reference_year
        """,
        (place_code, peer_group_id, group_key, indicator_id),
    )


def place_series(place_code: str, indicator_id: str) -> pd.DataFrame:
    """One place's actuals of one indicator over the years (report values and derived per-capita)."""
    return benchmark_series(indicator_id, [place_code], "actual")


def _place_rows_with_names(table: str, place_code: str, order_by: str) -> pd.DataFrame:
    """A mart's rows for one place with indicator names (empty when the table is absent).
    `table` and `order_by` come from the code, never the user."""
    if not has_table(table):
        return pd.DataFrame()
    return query(
        f"""
        select r.*, i.name_zh, i.name_en
        from main."{table}" r left join dim_indicators i using (indicator_id)
        where r.place_code = ?
        order by {order_by}
        """,
        (place_code,),
    )


def target_records(place_code: str) -> pd.DataFrame:
    """fct_target_records for the place with indicator names (empty when the table is absent)."""
    return _place_rows_with_names("fct_target_records", place_code, "r.n_judged desc, r.indicator_id")


def count_rows(table: str) -> int:
    """Rows in a main-schema table (0 when it does not exist). `table` is a name from the code, never the user."""
    if not has_table(table):
        return 0
    return int(query(f'select count(*) as n from main."{table}"')["n"].iloc[0])


def reconciliation(place_code: str) -> pd.DataFrame:
    """Report claims against official statistics for the place (fct_reconciliation)."""
    return _place_rows_with_names("fct_reconciliation", place_code, "r.reference_year desc, r.indicator_id")


def sentence_span(report_id: str, sentence_id: str) -> tuple[int, int] | None:
    """A sentence's offsets in its report's stored text."""
    if not has_table("fct_report_sentences"):
        return None
    frame = query(
        "select char_start, char_end from fct_report_sentences where report_id = ? and sentence_id = ?",
        (report_id, sentence_id),
    )
    if frame.empty or frame["char_start"].isna().iloc[0] or frame["char_end"].isna().iloc[0]:
        return None
    return int(frame["char_start"].iloc[0]), int(frame["char_end"].iloc[0])


# --- coverage: ingest errors and restatements -----------------------------------------------

def ingest_errors() -> pd.DataFrame:
    return query("select source_ref, reason from fct_ingest_errors order by source_ref")


def restatement_disagreements() -> pd.DataFrame:
    """Actuals that several reports state with values more than 0.5% apart."""
    return query(
        """
        select r.place_code, r.place_name, r.indicator_id, i.name_zh, i.name_en, r.reference_year,
               r.report_id, r.report_year, r.value, r.bound, r.unit, r.preferred_value,
               r.preferred_report_id, r.relative_difference, r.is_preferred, r.quote
        from fct_restatements r left join dim_indicators i using (indicator_id)
        semi join (select place_code, indicator_id, reference_year from fct_restatements where disagrees) d
          using (place_code, indicator_id, reference_year)
        order by r.place_code, r.indicator_id, r.reference_year, r.report_year
        """
    )


# --- attention: curated policy terms and any token ------------------------------------------

def policy_terms() -> pd.DataFrame:
    """The curated terms of fct_term_attention, most mentioned first."""
    return query(
        """
        select term, any_value(name_en) as name_en, any_value(theme) as theme,
               sum(n_occurrences) as n_occurrences, count(distinct place_code) filter (where n_occurrences > 0) as n_places
        from fct_term_attention
        group by term
        order by n_occurrences desc, term
        """
    )


def places_with_terms() -> pd.DataFrame:
    """Places with at least one work report in fct_term_attention."""
    return query(
        """
        select p.place_code, p.place_name, p.level, p.prefecture_code, p.province_code,
               count(distinct a.report_id) as n_reports
        from fct_term_attention a join dim_places p using (place_code)
        group by all
        order by p.place_code
        """
    )


def term_attention(terms: list[str], place_codes: list[str]) -> pd.DataFrame:
    """Curated terms per report for these places (zero counts included)."""
    return query(
        """
        select report_id, place_code, place_name, report_year, term, name_en, theme, n_occurrences, per_10k_chars
        from fct_term_attention
        where list_contains(?::varchar[], term) and list_contains(?::varchar[], place_code)
        order by term, place_code, report_year
        """,
        (list(terms), list(place_codes)),
    )


def term_ranking(term: str, report_year: int) -> pd.DataFrame:
    """Every place's attention to one curated term in one report year, most first."""
    return query(
        """
        select rank() over (order by per_10k_chars desc) as rank, report_id, place_code, place_name,
               report_year, term, n_occurrences, per_10k_chars
        from fct_term_attention
        where term = ? and report_year = ?
        order by rank, place_code
        """,
        (term, int(report_year)),
    )


def token_attention(term: str) -> pd.DataFrame:
    """One token across every work report: zero where a report does not use it."""
    return query(
        """
        with reports as (select distinct report_id, place_code, place_name, report_year from fct_term_attention),
        hits as (select report_id, n_occurrences, per_10k_chars from fct_report_terms where term = ?)
        select r.report_id, r.place_code, r.place_name, r.report_year, ? as term,
               coalesce(h.n_occurrences, 0) as n_occurrences, coalesce(h.per_10k_chars, 0) as per_10k_chars
        from reports r left join hits h using (report_id)
        order by r.place_code, r.report_year
        """,
        (term, term),
    )


def token_exists(term: str) -> bool:
    return not query("select 1 from fct_report_terms where term = ? limit 1", (term,)).empty


def token_suggestions(fragment: str, limit: int = 10) -> pd.DataFrame:
    """Tokens that contain the fragment (or that the fragment contains), most used first."""
    return query(
        """
        select term, sum(n_occurrences) as n_occurrences, count(distinct report_id) as n_reports
        from fct_report_terms
        where contains(term, ?) or (length(term) >= 2 and contains(?, term))
        group by term
        order by contains(term, ?) desc, n_occurrences desc, term
        limit ?
        """,
        (fragment, fragment, fragment, int(limit)),
    )


def term_years() -> list[int]:
    """Report years present in fct_term_attention, newest first."""
    return query("select distinct report_year from fct_term_attention order by report_year desc")["report_year"].tolist()


def place_indicator_ids(place_code: str) -> list[str]:
    """Indicators with any actual for the place, per-capita ones (derived) included."""
    return query(
        f"select distinct indicator_id from ({_benchmark_values()}) v "
        "where v.place_code = ? and v.value_kind = 'actual' order by indicator_id",
        (place_code,),
    )["indicator_id"].tolist()
