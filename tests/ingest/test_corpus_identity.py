"""Every real report in ../shared/corpus resolves to the right place and year with high confidence;
every non-report is flagged; every functional area (管委会) is flagged and gets no place's code."""

from functools import lru_cache

import pytest

from ingest import paths
from ingest.identify.cleaning import find_report_body
from ingest.identify.identity import identify_report
from ingest.identify.quality import assess_quality
from ingest.readers import read_document
from ingest.sources.gazetteer import load_gazetteer
from tests.corpus import MANIFEST, manifest_rows

pytestmark = pytest.mark.integration

# Rows whose source label is wrong, as the corpus README documents: (labelled place, year) → truth.
KNOWN_MISLABELS = {
    ("易县", 2023): ("510421", 2023),  # holds 米易县 (四川)
    **{("唐县", year): ("371526", year) for year in range(2021, 2026)},  # hold 高唐县 (山东)
    ("河北省", 2018): ("130000", 2019),  # the file holds the 2019 report
}


@lru_cache(maxsize=None)
def documents_in(file: str):
    return read_document(paths.CORPUS_DIR / file, file)


def document_for(row: dict):
    documents = documents_in(row["file"])
    if not row["row"]:
        [document] = documents
        return document
    wanted = dict(part.split("=", 1) for part in row["row"].split(";"))
    [document] = [
        d for d in documents if d.labelled_place == wanted["区县名称"] and d.labelled_year == int(wanted["年份"])
    ]
    return document


def expected_identity(row: dict) -> tuple[str, int]:
    place, year = row["labelled_place"], int(row["labelled_year"])
    if (place, year) in KNOWN_MISLABELS:
        return KNOWN_MISLABELS[(place, year)]
    if row["level"] == "national":
        return "100000", year
    # Labels name one place within their province (南山区 and 龙华区 exist elsewhere too).
    [expected] = [p for p in load_gazetteer().lookup(place) if p.province_name.startswith(row["province"])]
    return expected.code, year


def analyse(row: dict):
    document = document_for(row)
    span = find_report_body(document.text)
    identity = identify_report(
        document.text, span, document.labelled_place, document.labelled_year, document.labelled_title,
        source_name=document.source_file if document.source_row is None else None,
    )
    return identity, assess_quality(document.text, span, identity)


# Collected without ../shared too (the fast suite deselects these tests): then there are no rows,
# and test_the_manifest_is_there fails, so a missing corpus never passes for a green run.
ROWS = manifest_rows() if MANIFEST.exists() else []
FULL_ROWS = [r for r in ROWS if r["curator_quality"].startswith("FULL")]
NON_REPORT_ROWS = [r for r in ROWS if r["curator_quality"] == "NON-REPORT/DIGEST"]
AREA_ROWS = [r for r in ROWS if r["curator_quality"] == "NOT-ADMIN-UNIT"]


def test_the_manifest_is_there():
    assert MANIFEST.exists(), f"{MANIFEST} is missing: the tests read ../shared/corpus beside the clone"
    assert FULL_ROWS and NON_REPORT_ROWS and AREA_ROWS


@pytest.mark.parametrize("row", FULL_ROWS, ids=[r["doc"] for r in FULL_ROWS])
def test_full_reports_resolve_to_their_place_and_year(row):
    identity, flags = analyse(row)
    assert (identity.place_code, identity.report_year) == expected_identity(row), identity.evidence
    assert (identity.place_confidence, identity.year_confidence) == ("high", "high"), identity.evidence
    assert flags.is_work_report, flags.non_report_reason


@pytest.mark.parametrize("row", AREA_ROWS, ids=[r["doc"] for r in AREA_ROWS])
def test_functional_areas_are_flagged_and_get_no_code(row):
    identity, _ = analyse(row)
    assert identity.place_code is None, identity.evidence
    assert identity.functional_area == row["labelled_place"]
    assert identity.place_confidence == "low"


@pytest.mark.parametrize("row", NON_REPORT_ROWS, ids=[r["doc"] for r in NON_REPORT_ROWS])
def test_non_reports_and_digests_are_flagged(row):
    _, flags = analyse(row)
    assert not flags.is_work_report
    assert flags.non_report_reason


def test_mislabelled_rows_say_so_in_label_conflict():
    for row in FULL_ROWS:
        key = (row["labelled_place"], int(row["labelled_year"]))
        if key in KNOWN_MISLABELS:
            identity, _ = analyse(row)
            assert identity.label_conflict, row["doc"]


def test_the_seed_report_is_ruian_2023():
    text = (paths.SEEDS_DIR / "000_339ce46e4364fe7c.txt").read_text(encoding="utf-8")
    span = find_report_body(text)
    identity = identify_report(text, span)
    assert (identity.place_code, identity.report_year) == ("330381", 2023)
    assert assess_quality(text, span, identity).is_work_report
