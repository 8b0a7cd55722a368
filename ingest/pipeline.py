"""Turns documents into landed rows: identify → segment → extract, one document at a time."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ingest import attention, cache, cleaning, extraction, landing, place_detection, projects, quality
from ingest.documents import Document, ReaderError
from ingest.readers import find_documents, read_document
from ingest.segmentation import segment_report

_WHITESPACE = re.compile(r"\s+")


@dataclass
class ProcessedReport:
    report: dict
    sentences: list[dict]
    mentions: list[dict]
    terms: list[dict]
    projects: list[dict]


@dataclass
class IngestResult:
    """What ingest found: one entry per distinct report (rows stay on disk in the store), errors."""

    store: cache.ResultStore | None = None
    entries: list[cache.Entry] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    n_processed: int = 0
    n_reused: int = 0

    @property
    def report_count(self) -> int:
        return len(self.entries)

    # Rows as dicts, loaded on demand (tests, small folders); landing streams instead.
    @property
    def reports(self) -> list[dict]:
        return cache.rows(self.entries, self.store, "reports")

    @property
    def sentences(self) -> list[dict]:
        return cache.rows(self.entries, self.store, "sentences")

    @property
    def mentions(self) -> list[dict]:
        return cache.rows(self.entries, self.store, "metric_mentions")

    @property
    def terms(self) -> list[dict]:
        return cache.rows(self.entries, self.store, "report_terms")

    @property
    def projects(self) -> list[dict]:
        return cache.rows(self.entries, self.store, "named_projects")


def report_id_for(body: str) -> str:
    """Stable id from the report body, so one report read from two sources is one report."""
    normalised = _WHITESPACE.sub("", body)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def process_document(document: Document) -> ProcessedReport:
    """All rows one document lands; raises ReaderError when it cannot be attributed."""
    text = document.text
    body_start, body_end = cleaning.find_report_body(text)
    if body_end - body_start < 50:
        raise ReaderError(f"{document.source_ref}: no report text found")
    identity = place_detection.identify_report(
        text,
        body_span=(body_start, body_end),
        labelled_place=document.labelled_place,
        labelled_year=document.labelled_year,
        labelled_title=document.labelled_title,
        override_place=document.extra.get("sidecar", {}).get("place"),
        override_year=document.extra.get("sidecar", {}).get("year"),
    )
    if identity.place_code is None:  # no government named anywhere: not a report we can attribute
        raise ReaderError(f"{document.source_ref}: no place named in the text or its labels (not a work report?)")
    flags = quality.assess_quality(text, (body_start, body_end), identity)
    report_id = report_id_for(text[body_start:body_end])
    segmented = segment_report(report_id, text, identity.report_year, (body_start, body_end))
    mentions = extraction.extract_mentions(segmented)
    report = {
        "report_id": report_id,
        "content_hash": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "source_files": document.source_ref,
        "source_urls": document.source_url,
        "place_code": identity.place_code,
        "place_name": identity.place_name,
        "report_year": identity.report_year,
        "labelled_place": document.labelled_place,
        "labelled_year": document.labelled_year,
        "label_conflict": identity.label_conflict or None,
        "title": identity.title or document.labelled_title,
        "session": identity.session,
        "delivery_date": identity.delivery_date,
        "speaker": identity.speaker,
        "identity_evidence": identity.evidence,
        "body_start": body_start,
        "body_end": body_end,
        "char_count": body_end - body_start,
        "lost_char_runs": flags.lost_char_runs,
        "is_truncated": flags.is_truncated,
        "is_partial": flags.is_partial,
        "is_work_report": flags.is_work_report,
        "non_report_reason": flags.non_report_reason or None,
        "is_duplicate_source": False,
        "report_text": text,
    }
    sentences = [
        {
            "sentence_id": s.sentence_id,
            "report_id": report_id,
            "sentence_index": s.index,
            "section_role": s.section_role,
            "section_title": s.section_title,
            "char_start": s.char_start,
            "char_end": s.char_end,
            "sentence_text": s.text,
        }
        for s in segmented.sentences
    ]
    mention_rows = []
    for mention in mentions:
        row = dict(vars(mention))  # all fields are scalars; asdict's deep copy was a fifth of ingest time
        row["mention_id"] = mention.mention_id
        mention_rows.append(row)
    terms = [
        {"report_id": report_id, "term": term, "n": n}
        for term, n in attention.count_terms(text[body_start:body_end]).items()
    ]
    project_rows = [
        {
            "report_id": report_id,
            "sentence_id": sentence.sentence_id,
            "project_name": found.name,
            "stage": found.stage,
            "stage_word": found.stage_word,
            "char_start": sentence.char_start + found.start,
            "char_end": sentence.char_start + found.end,
        }
        for sentence in segmented.sentences
        for found in projects.find_projects(sentence.text)
    ]
    return ProcessedReport(report, sentences, mention_rows, terms, project_rows)


def _process_safely(document: Document) -> ProcessedReport | str:
    try:
        return process_document(document)
    except ReaderError as error:
        return str(error)
    except Exception as error:  # one bad document must never stop the run
        return f"{document.source_ref}: failed to process ({type(error).__name__}: {error})"


def _read_all(folders: list[Path], result: IngestResult, warn):
    """Documents one file at a time (a generator: the corpus is never all in memory)."""
    for path, source in find_documents(folders):
        try:
            documents = read_document(path, source)
        except ReaderError as error:
            result.errors.append({"source": source, "reason": str(error)})
            warn(str(error))
            continue
        yield from documents


def ingest(folders: list[Path], workers: int | None = None, warn=None, cache_dir: Path | None = None) -> IngestResult:
    """Read, identify, segment and extract every document under the folders.

    Results are kept per document in a ResultStore under cache_dir (a temporary folder when
    None): a document whose content and code are unchanged since the last run is not processed
    again. The same report from two sources is one report with both sources listed.
    """
    warn = warn or (lambda message: print(f"error: {message}", file=sys.stderr))
    result = IngestResult(store=cache.ResultStore(cache_dir))
    workers = workers or min(os.cpu_count() or 1, 4)
    counts = {"processed": 0, "reused": 0}
    done = []
    for source_ref, key, summary in cache.process_all(_read_all(folders, result, warn), result.store, workers, counts):
        if summary["error"]:
            result.errors.append({"source": source_ref, "reason": summary["error"]})
            warn(summary["error"])
        else:
            done.append((source_ref, key, summary["report_id"]))
    result.entries = cache.merge_entries(done)
    result.n_processed, result.n_reused = counts["processed"], counts["reused"]
    return result


def land(result: IngestResult, landing_dir: Path, reference_tables: dict[str, list[dict]]) -> None:
    """Write every landed table; reference tables (gazetteer) carry their own columns."""
    cache.land_entries(result.entries, result.store, landing_dir)  # streamed: flat memory
    landing.write_table(landing_dir, "ingest_errors", result.errors)
    if not (landing_dir / "statistics.parquet").exists():
        landing.write_table(landing_dir, "statistics", [])
    for name, rows in reference_tables.items():
        landing.write_table(landing_dir, name, rows, landing.infer_schema(rows))
