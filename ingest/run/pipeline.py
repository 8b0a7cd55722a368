"""Ingest: read every document under the folders, process the new ones on workers, merge duplicates, land."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ingest.land import parquet
from ingest.land.store import ResultStore
from ingest.readers import find_documents, read_document
from ingest.records import DistinctReport, Document, ReaderError
from ingest.run.document_changes import DocumentSeen
from ingest.run.file_index import FileIndex, KnownDocument
from ingest.run.process import process_safely
from ingest.run.shards import Shard
from ingest.run.workers import Counts, Outcome, process_all


@dataclass
class IngestResult:
    """What ingest found: one DistinctReport per report (its rows stay in the store), and the errors."""

    store: ResultStore | None = None
    reports_found: list[DistinctReport] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    n_processed: int = 0
    n_reused: int = 0
    documents: list[DocumentSeen] = field(default_factory=list)  # every document read, failed ones too

    @property
    def report_count(self) -> int:
        return len(self.reports_found)

    def rows(self, name: str) -> list[dict]:
        """One landed table's rows as dicts (tests, small folders; landing streams instead)."""
        out: list[dict] = []
        for report in self.reports_found:
            out += parquet.document_tables(report, self.store)[name].to_pylist()
        return out

    @property
    def reports(self) -> list[dict]:
        return self.rows("reports")

    @property
    def sentences(self) -> list[dict]:
        return self.rows("sentences")

    @property
    def mentions(self) -> list[dict]:
        return self.rows("metric_mentions")

    @property
    def terms(self) -> list[dict]:
        return self.rows("report_terms")

    @property
    def projects(self) -> list[dict]:
        return self.rows("named_projects")


def _read_all(folders: list[Path], result: IngestResult, warn, index: FileIndex, source_of: dict[str, str],
              shard: Shard | None = None) -> Iterator[Document | KnownDocument]:
    """Documents one file at a time (a generator: the corpus is never all in memory); a file
    unchanged since the last build yields what that build found, without being read; with a
    shard, only the files that are its own (a container's rows stay together)."""
    for path, source in find_documents(folders):
        if shard is not None and not shard.holds(source):
            continue
        known = index.known(path, source)
        if isinstance(known, list):
            for document in known:
                source_of[document.source_ref] = source
            yield from known
            continue
        reason = known  # why it could not be read last time, or None: read it
        if reason is None:
            index.reading(path, source)
            try:
                documents = read_document(path, source)
            except ReaderError as error:
                reason = str(error)
                index.unreadable(source, reason)
        if reason is not None:
            result.errors.append({"source": source, "reason": reason})
            result.documents.append(DocumentSeen(source, None, failed=True))
            warn(reason)
            continue
        for document in documents:
            source_of[document.source_ref] = source
        yield from documents


def distinct_reports(outcomes: list[Outcome]) -> list[DistinctReport]:
    """Outcomes in document order → one DistinctReport per report_id (the first source's rows kept)."""
    by_id: dict[str, DistinctReport] = {}
    for outcome in outcomes:
        if outcome.report_id in by_id:
            by_id[outcome.report_id].sources.append(outcome.source_ref)
        else:
            by_id[outcome.report_id] = DistinctReport(outcome.report_id, outcome.key, [outcome.source_ref])
    return list(by_id.values())


def ingest(folders: list[Path], workers: int | None = None, warn=None, cache_dir: Path | None = None,
           shard: Shard | None = None) -> IngestResult:
    """Read, identify, segment and extract every document under the folders.

    Results are kept per document in a ResultStore under cache_dir (a temporary folder when
    None): a document whose content and code are unchanged since the last run is not processed
    again. The same report from two sources is one report with both sources listed. With a
    shard, only its documents are read (ingest/run/shards.py).
    """
    warn = warn or (lambda message: print(f"error: {message}", file=sys.stderr))
    result = IngestResult(store=ResultStore(cache_dir))
    index = FileIndex(result.store)
    source_of: dict[str, str] = {}
    workers = workers or min(os.cpu_count() or 1, 4)
    counts = Counts()
    done: list[Outcome] = []
    documents = _read_all(folders, result, warn, index, source_of, shard)
    for outcome in process_all(documents, result.store, process_safely, workers, counts):
        index.add(source_of.get(outcome.source_ref, ""), outcome.source_ref, outcome.content, outcome.key,
                  {"report_id": outcome.report_id, "error": outcome.reason})
        result.documents.append(DocumentSeen(outcome.source_ref, outcome.content, failed=bool(outcome.error)))
        if outcome.error:
            result.errors.append({"source": outcome.source_ref, "reason": outcome.error})
            warn(outcome.error)
        else:
            done.append(outcome)
    index.write()
    result.reports_found = distinct_reports(done)
    result.n_processed, result.n_reused = counts.processed, counts.reused
    return result


def land(result: IngestResult, landing_dir: Path, reference_tables: dict[str, list[dict]]) -> None:
    """Write every landed table; reference tables (gazetteer) carry their own columns."""
    parquet.land_reports(result.reports_found, result.store, landing_dir)  # streamed: flat memory
    parquet.write_table(landing_dir, "ingest_errors", result.errors)
    if not (landing_dir / "statistics.parquet").exists():
        parquet.write_table(landing_dir, "statistics", [])
    for name, rows in reference_tables.items():
        parquet.write_table(landing_dir, name, rows, parquet.infer_schema(rows))
