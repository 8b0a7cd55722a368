"""Deterministic Parquet under the landing folder: whole tables, and the per-document tables streamed from the store."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingest.land.atomic import atomic_path, remove_stale_temporaries
from ingest.land.schemas import DOCUMENT_TABLES, SCHEMAS, SORT_KEYS
from ingest.land.store import ResultStore
from ingest.records import DistinctReport

ROW_GROUP_REPORTS = 256  # reports per Parquet row group while landing


def write_table(landing: Path, name: str, rows: list[dict], schema: pa.Schema | None = None) -> Path:
    """Write rows as <landing>/<name>.parquet atomically: a crash never leaves half a file."""
    schema = schema or SCHEMAS[name]
    keys = SORT_KEYS.get(name, ())
    if keys:
        # Nulls sort last; (True, 0) never meets a real value, so mixed types are never compared.
        rows = sorted(rows, key=lambda row: tuple((row.get(k) is None, 0 if row.get(k) is None else row.get(k)) for k in keys))
    table = pa.Table.from_pylist(rows, schema=schema)
    target = Path(landing) / f"{name}.parquet"
    with atomic_path(target) as temporary:
        pq.write_table(table, temporary, compression="zstd")
    return target


def infer_schema(rows: list[dict]) -> pa.Schema:
    """A schema for reference tables whose columns are owned by another module (the gazetteer)."""
    return pa.Table.from_pylist(rows).schema


def _with_sources(reports: pa.Table, report: DistinctReport) -> pa.Table:
    """The report row with the sources decided when duplicates were merged."""
    for column, value in (("source_files", report.source_files), ("is_duplicate_source", report.is_duplicate_source)):
        index = reports.schema.get_field_index(column)
        field = reports.schema.field(index)
        reports = reports.set_column(index, field, pa.array([value], field.type))
    return reports


def document_tables(report: DistinctReport, store: ResultStore) -> dict[str, pa.Table]:
    """Every per-document table of one distinct report, as it is landed."""
    tables = store.tables(report.key)
    tables["reports"] = _with_sources(tables["reports"], report)
    return tables


def land_reports(reports: list[DistinctReport], store: ResultStore, landing: Path) -> None:
    """Stream every per-document table to Parquet in report_id order, a row group per batch of
    reports; each file is renamed into place only when whole."""
    landing = Path(landing)
    landing.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(landing)  # left by a build that was killed
    with contextlib.ExitStack() as files:
        temporaries = {name: files.enter_context(atomic_path(landing / f"{name}.parquet")) for name in DOCUMENT_TABLES}
        writers = {name: pq.ParquetWriter(temporaries[name], SCHEMAS[name], compression="zstd") for name in DOCUMENT_TABLES}
        try:
            buffers: dict[str, list[pa.Table]] = {name: [] for name in DOCUMENT_TABLES}

            def flush():
                for name, tables in buffers.items():
                    if tables:
                        writers[name].write_table(pa.concat_tables(tables))
                        tables.clear()

            for n, report in enumerate(sorted(reports, key=lambda r: r.report_id), start=1):
                for name, table in document_tables(report, store).items():
                    buffers[name].append(table)
                if n % ROW_GROUP_REPORTS == 0:
                    flush()
            flush()
        finally:
            for writer in writers.values():
                writer.close()  # before the rename (or the removal) that atomic_path does on exit
