"""Turns documents into landed rows: identify → segment → extract, one document at a time."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest import attention, cleaning, extraction, landing, place_detection, projects, quality
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
    reports: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    terms: list[dict] = field(default_factory=list)
    projects: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    @property
    def report_count(self) -> int:
        return len(self.reports)


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
        row = asdict(mention)
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


def _read_all(folders: list[Path], result: IngestResult, warn) -> list[Document]:
    documents: list[Document] = []
    for path, source in find_documents(folders):
        try:
            documents += read_document(path, source)
        except ReaderError as error:
            result.errors.append({"source": source, "reason": str(error)})
            warn(str(error))
    return documents


def _merge_duplicates(processed: list[ProcessedReport]) -> list[ProcessedReport]:
    """One report_id, every source listed: the same report from two places is one report."""
    by_id: dict[str, ProcessedReport] = {}
    for item in processed:
        report_id = item.report["report_id"]
        if report_id not in by_id:
            by_id[report_id] = item
            continue
        kept = by_id[report_id].report
        sources = kept["source_files"].split(", ") + [item.report["source_files"]]
        kept["source_files"] = ", ".join(sorted(set(sources)))
        kept["is_duplicate_source"] = True
    return list(by_id.values())


def ingest(folders: list[Path], workers: int | None = None, warn=None) -> IngestResult:
    """Read, identify, segment and extract every document under the folders."""
    warn = warn or (lambda message: print(f"error: {message}", file=sys.stderr))
    result = IngestResult()
    documents = _read_all(folders, result, warn)
    workers = workers or min(os.cpu_count() or 1, 4)
    if workers > 1 and len(documents) > 8:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(_process_safely, documents, chunksize=4))
    else:
        outcomes = [_process_safely(document) for document in documents]
    processed = []
    for document, outcome in zip(documents, outcomes):
        if isinstance(outcome, str):
            result.errors.append({"source": document.source_ref, "reason": outcome})
            warn(outcome)
        else:
            processed.append(outcome)
    for item in _merge_duplicates(processed):
        result.reports.append(item.report)
        result.sentences += item.sentences
        result.mentions += item.mentions
        result.terms += item.terms
        result.projects += item.projects
    return result


def land(result: IngestResult, landing_dir: Path, reference_tables: dict[str, list[dict]]) -> None:
    """Write every landed table; reference tables (gazetteer) carry their own columns."""
    landing.write_table(landing_dir, "reports", result.reports)
    landing.write_table(landing_dir, "sentences", result.sentences)
    landing.write_table(landing_dir, "metric_mentions", result.mentions)
    landing.write_table(landing_dir, "ingest_errors", result.errors)
    landing.write_table(landing_dir, "report_terms", result.terms)
    landing.write_table(landing_dir, "named_projects", result.projects)
    if not (landing_dir / "statistics.parquet").exists():
        landing.write_table(landing_dir, "statistics", [])
    for name, rows in reference_tables.items():
        landing.write_table(landing_dir, name, rows, landing.infer_schema(rows))
