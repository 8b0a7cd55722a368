"""Deterministic Parquet under the landing folder: whole tables, and the per-document tables streamed from the store."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingest import paths
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


def read_rows(file: Path, schema: pa.Schema | None = None) -> list[dict]:
    """One small Parquet file's rows (a build's records of its files and documents, the landed
    statistics), cast to ``schema`` if given. ParquetFile rather than pq.read_table, which goes
    through pyarrow.dataset: importing that was 0.15-0.4 s of a one-report build."""
    table = pq.ParquetFile(file).read()
    return (table if schema is None else table.cast(schema)).to_pylist()


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


def part_of(report_id: str) -> int:
    """The part file a report's rows land in (stable across builds and machines)."""
    return int(hashlib.sha256(report_id.encode()).hexdigest()[:8], 16) % paths.LANDING_PARTS


def _part_digest(reports: list[DistinctReport]) -> str:
    """What decides a part's rows: its reports, their store entries and sources."""
    members = [(r.report_id, r.key, r.sources) for r in reports]
    return hashlib.sha256(json.dumps(members, ensure_ascii=False).encode()).hexdigest()[:32]


def _read_parts(file: Path) -> dict[str, str]:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_parts(file: Path, parts: dict[str, str]) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(file) as temporary:
        temporary.write_text(json.dumps(parts, sort_keys=True), encoding="utf-8")


def land_reports(reports: list[DistinctReport], store: ResultStore, landing: Path) -> int:
    """Land every per-document table as part files (paths.PARTITIONED_TABLES), each part's reports
    in report_id order, a row group per batch of reports; only parts whose reports changed since
    the last landing are written, each file renamed into place only when whole. Returns how many
    parts were written."""
    landing = Path(landing)
    for name in DOCUMENT_TABLES:
        (landing / name).mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(landing / name)  # left by a build that was killed
        (landing / f"{name}.parquet").unlink(missing_ok=True)  # the single file of an older layout
    by_part: dict[int, list[DistinctReport]] = {part: [] for part in range(paths.LANDING_PARTS)}
    for report in sorted(reports, key=lambda r: r.report_id):
        by_part[part_of(report.report_id)].append(report)
    parts_file = paths.landed_parts_file(landing)
    landed = _read_parts(parts_file)
    expected = {name: {f"part-{part:02d}.parquet" for part in by_part} for name in DOCUMENT_TABLES}
    for name in DOCUMENT_TABLES:  # files no part of this layout writes (a merge's, say)
        for stray in (landing / name).glob("*.parquet"):
            if stray.name not in expected[name]:
                stray.unlink()
                landed.clear()
    digests = {str(part): _part_digest(members) for part, members in by_part.items()}
    stale = [part for part in by_part if landed.get(str(part)) != digests[str(part)]
             or not all((landing / name / f"part-{part:02d}.parquet").exists() for name in DOCUMENT_TABLES)]
    # Forget the parts about to be written first: a build killed halfway rewrites them next time.
    _write_parts(parts_file, {k: v for k, v in landed.items() if int(k) not in stale})
    for part in stale:
        _land_part(by_part[part], store, landing, f"part-{part:02d}.parquet")
    _write_parts(parts_file, digests)
    return len(stale)


def _land_part(reports: list[DistinctReport], store: ResultStore, landing: Path, file_name: str) -> None:
    with contextlib.ExitStack() as files:
        temporaries = {name: files.enter_context(atomic_path(landing / name / file_name)) for name in DOCUMENT_TABLES}
        writers = {name: pq.ParquetWriter(temporaries[name], SCHEMAS[name], compression="zstd") for name in DOCUMENT_TABLES}
        try:
            buffers: dict[str, list[pa.Table]] = {name: [] for name in DOCUMENT_TABLES}

            def flush():
                for name, tables in buffers.items():
                    if tables:
                        writers[name].write_table(pa.concat_tables(tables))
                        tables.clear()

            for n, report in enumerate(reports, start=1):
                for name, table in document_tables(report, store).items():
                    buffers[name].append(table)
                if n % ROW_GROUP_REPORTS == 0:
                    flush()
            flush()
        finally:
            for writer in writers.values():
                writer.close()  # before the rename (or the removal) that atomic_path does on exit
