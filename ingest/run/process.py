"""Process one document: identify → segment → extract, and the rows of every table it lands in."""

from __future__ import annotations

import hashlib

from ingest.extract import extraction, projects, terms
from ingest.identify import cleaning, identity, quality
from ingest.records import Document, ProcessedReport, ReaderError
from ingest.run.stage_times import stage
from ingest.segment import segment_report


def report_id_for(body: str) -> str:
    """Stable id from the report body, so one report read from two sources is one report."""
    normalised = "".join(body.split())  # every whitespace character out (str.split splits on re's \s)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def process_document(document: Document) -> ProcessedReport:
    """All rows one document lands; raises ReaderError (the reason, without the source) when it
    cannot be attributed. Its sources are filled in at landing, once duplicates are known."""
    text = document.text
    with stage("identify"):
        body_start, body_end = cleaning.find_report_body(text)
        if body_end - body_start < 50:
            raise ReaderError("no report text found")
        found = identity.identify_report(
            text,
            body_span=(body_start, body_end),
            labelled_place=document.labelled_place,
            labelled_year=document.labelled_year,
            labelled_title=document.labelled_title,
            source_name=document.identifying_name,
            override_place=document.curated_place,
            override_year=document.curated_year,
        )
        if found.place_code is None and not found.functional_area:  # nobody named: cannot be attributed
            raise ReaderError("no place named in the text or its labels (not a work report?)")
        flags = quality.assess_quality(text, (body_start, body_end), found)
        report_id = report_id_for(text[body_start:body_end])
    with stage("segment"):
        segmented = segment_report(report_id, text, found.report_year, (body_start, body_end))
    with stage("extract"):
        mentions = extraction.extract_mentions(segmented)
    with stage("rows"):
        report = {
            "report_id": report_id,
            "content_hash": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "source_files": None,
            "source_urls": document.source_url,
            "place_code": found.place_code,
            "place_name": found.place_name,
            "report_year": found.report_year,
            "labelled_place": document.labelled_place,
            "labelled_year": document.labelled_year,
            "label_conflict": found.label_conflict or None,
            "title": found.title or document.labelled_title,
            "session": found.session,
            "delivery_date": found.delivery_date,
            "speaker": found.speaker,
            "identity_evidence": found.evidence,
            "place_confidence": found.place_confidence,
            "year_confidence": found.year_confidence,
            "functional_area": found.functional_area,
            "body_start": body_start,
            "body_end": body_end,
            "char_count": body_end - body_start,
            "lost_char_runs": flags.lost_char_runs,
            "is_truncated": flags.is_truncated,
            "is_partial": flags.is_partial,
            "is_work_report": flags.is_work_report,
            "non_report_reason": flags.non_report_reason or None,
            "is_duplicate_source": None,
            "report_text": text,
        }
        sentences = [
            {
                "sentence_id": s.sentence_id,
                "report_id": report_id,
                "sentence_index": s.index,
                "section_role": s.section_role,
                "section_title": s.section_title,
                "section_path": s.section_path,
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
    with stage("terms"):
        term_rows = [
            {"report_id": report_id, "term": term, "n": n}
            for term, n in terms.count_terms(text[body_start:body_end]).items()
        ]
    with stage("projects"):
        project_rows = _project_rows(report_id, segmented.sentences)
    return ProcessedReport(report, sentences, mention_rows, term_rows, project_rows)


def _project_rows(report_id: str, sentences) -> list[dict]:
    return [
        {
            "report_id": report_id,
            "sentence_id": sentence.sentence_id,
            "project_name": project.name,
            "stage": project.stage,
            "stage_word": project.stage_word,
            "char_start": sentence.char_start + project.start,
            "char_end": sentence.char_start + project.end,
        }
        for sentence in sentences
        for project in projects.find_projects(sentence.text)
    ]


def process_safely(document: Document) -> ProcessedReport | str:
    """process_document, or the reason it failed: one bad document never stops the run."""
    try:
        return process_document(document)
    except ReaderError as error:
        return str(error)
    except Exception as error:
        return f"failed to process ({type(error).__name__}: {error})"
