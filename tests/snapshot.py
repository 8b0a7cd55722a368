"""A digest of a build: every landed table and every warehouse relation, row for row, order aside."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from ingest import paths

# Schemas the digest covers (dbt's catalogue seeds are inputs, not results, and are checked by dbt).
SCHEMAS = ("staging", "intermediate", "main")
# The build log's relations record when and where a build ran: never the same twice, by design.
VOLATILE = ("stg_landing__build_runs", "fct_build_runs")


def _table_digest(connection: duckdb.DuckDBPyConnection, relation: str) -> dict:
    rows, digest = connection.execute(
        f"select count(*), md5(coalesce(string_agg(h, '' order by h), '')) "
        f"from (select md5(t::varchar) as h from {relation} t)"
    ).fetchone()
    columns = [row[0] for row in connection.execute(f"describe select * from {relation}").fetchall()]
    return {"rows": rows, "columns": columns, "md5": digest}


def build_digest(warehouse: Path) -> dict[str, dict]:
    """{"landing.<table>" | "<schema>.<relation>": {rows, columns, md5}} for one built warehouse."""
    digest: dict[str, dict] = {}
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        landing = paths.landing_dir(warehouse)
        tables = sorted({f.stem for f in landing.glob("*.parquet")} | {d.name for d in landing.iterdir()
                                                                          if d.is_dir() and not d.name.startswith(".")
                                                                          and any(d.glob("*.parquet"))})
        for name in tables:
            digest[f"landing.{name}"] = _table_digest(connection, f"read_parquet('{paths.landed_table_glob(landing, name)}')")
        relations = connection.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in {SCHEMAS} order by 1, 2").fetchall()
        for schema, name in relations:
            if name in VOLATILE:
                continue
            digest[f"{schema}.{name}"] = _table_digest(connection, f'"{schema}"."{name}"')
    return digest


def differences(expected: dict[str, dict], actual: dict[str, dict]) -> list[str]:
    """One line per table that is missing, new, or not the same rows."""
    lines = []
    for name in sorted(set(expected) | set(actual)):
        if name not in actual:
            lines.append(f"{name}: missing (expected {expected[name]['rows']} rows)")
        elif name not in expected:
            lines.append(f"{name}: new table ({actual[name]['rows']} rows)")
        elif expected[name] != actual[name]:
            was, now = expected[name], actual[name]
            what = "columns differ" if was["columns"] != now["columns"] else "rows differ"
            lines.append(f"{name}: {what} ({was['rows']} rows before, {now['rows']} now)")
    return lines


def read_digest(file: Path) -> dict[str, dict]:
    return json.loads(Path(file).read_text(encoding="utf-8"))


def write_digest(file: Path, digest: dict[str, dict]) -> None:
    Path(file).write_text(json.dumps(digest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
