"""Every report of ../shared/corpus has a coherent outline: parts in reading order, the review
before this year's work, no undated actual from this year's work, estimates kept as actuals."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pytest

from ingest import paths
from ingest.readers import find_documents, read_document
from ingest.records import ReaderError
from ingest.run.process import process_document
from tests.corpus import CORPUS_FOLDERS

pytestmark = pytest.mark.integration

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@lru_cache(maxsize=1)
def processed_reports() -> tuple:
    """(source, ProcessedReport) of every work report the tested corpus folders hold."""
    folders = [paths.CORPUS_DIR / name for name in CORPUS_FOLDERS]
    out = []
    for path, name in find_documents(folders):
        try:
            documents = read_document(path, name)
        except ReaderError:
            continue  # unreadable files are the readers' tests' business
        for document in documents:
            try:
                processed = process_document(document)
            except ReaderError:
                continue
            if processed.report["is_work_report"] and processed.report["report_year"]:
                out.append((f"{name}#{document.source_row}", processed))
    return tuple(out)


def test_the_corpus_has_reports_to_check():
    reports = processed_reports()
    assert len(reports) >= 200
    roles = Counter(s["section_role"] for _, p in reports for s in p.sentences)
    assert roles["review"] > 10_000 and roles["tasks"] > 10_000 and roles["targets"] > 300


def test_parts_come_in_reading_order():
    broken = []
    for source, processed in processed_reports():
        parts = [int(s["section_path"].split("/")[0]) for s in processed.sentences]
        if any(later < earlier for earlier, later in zip(parts, parts[1:])):
            broken.append(source)
    assert broken == []


def test_the_review_comes_before_this_years_work():
    out_of_order = []
    for source, processed in processed_reports():
        roles = [s["section_role"] for s in processed.sentences]
        if "review" in roles and "tasks" in roles and roles.index("tasks") < roles.index("review"):
            out_of_order.append(source)
    assert out_of_order == []


def test_no_undated_actual_comes_from_this_years_work():
    # An actual inside the tasks is only one that its sentence dates to an earlier year.
    undated = []
    for source, processed in processed_reports():
        year = processed.report["report_year"]
        roles = {s["sentence_id"]: (s["section_role"], s["sentence_text"]) for s in processed.sentences}
        for mention in processed.mentions:
            role, text = roles[mention["sentence_id"]]
            if role == "tasks" and mention["value_kind"] == "actual":
                if not any(int(y) < year for y in _YEAR.findall(text)):
                    undated.append((source, text[:60]))
    assert undated == []


def test_estimates_are_actuals_of_last_year_and_some_reports_make_them():
    estimates = [(source, m) for source, p in processed_reports() for m in p.mentions if m["is_estimate"]]
    assert estimates, "the corpus has 预计 estimates in its reviews"
    assert all(m["value_kind"] == "actual" for _, m in estimates)


def test_a_review_told_as_thematic_headings_yields_actuals():
    # 光明 2021 and 2023 have no review heading: their review is the first thematic series, which
    # restarts at 一 for this year's work. Every such report states last year's GDP as an actual.
    found = {}
    for source, processed in processed_reports():
        if "光明区政府工作报告_2021" in source or "光明区政府工作报告_2023" in source:
            year = processed.report["report_year"]
            found[source] = {m["indicator_id"] for m in processed.mentions
                             if m["value_kind"] == "actual" and m["reference_year"] == year - 1 and m["indicator_id"]}
    assert len(found) == 2
    assert all(len(ids) >= 3 for ids in found.values()), found
