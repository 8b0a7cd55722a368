"""Hostile inputs: every bad document gets one line naming it and the reason, and the run goes on."""

import codecs
import os
from pathlib import Path

import pytest

from ingest import paths
from ingest.cli import main
from ingest.readers import MAX_REPORT_FILE_BYTES
from ingest.run import exit_codes
from ingest.run.pipeline import ingest
from ingest.tools import synthetic

SEED = paths.SEEDS_DIR / "000_339ce46e4364fe7c.txt"

REPORT = SEED.read_bytes()
TEXT = REPORT.decode("utf-8")

# file name → (bytes, what its one-line error must say)
HOSTILE = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \n\n\t ", "empty file"),
    "junk.txt": (bytes(range(256)) * 40, "binary content"),
    # UTF-16 is read (see hostile_folder); a UTF-16 BOM on binary, or on the other byte order, is not.
    "utf16-junk.txt": (codecs.BOM_UTF16_LE + bytes(range(256)) * 40, "binary content"),
    "utf16-wrong-bom.txt": (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-le"), "binary content"),
    "latin1.txt": (("Ceci n'est pas un rapport. " * 40).encode("latin-1"), "no report text found|no place named"),
    "big5.txt": (TEXT[:4000].encode("big5", "ignore"), "no place named|no report text found"),
    "notice.txt": ("关于做好春节期间安全生产工作的通知\n各单位：请认真做好值班值守工作。\n".encode(), "no report text found"),
    "news.txt": (("记者从统计局获悉，一季度地区生产总值同比增长6.1%，规模以上工业增加值增长7.2%。" * 20).encode(), "no place named"),
    "corrupt.pdf": (b"%PDF-1.4\n" + bytes(range(256)) * 8, "PDF"),
    "fake.docx": (b"PK\x03\x04 not really a zip", ".docx"),
    "broken.csv": (b"\xef\xbb\xbfyear,text\n2023,\x00\x00\x00\n", "binary content"),
    "page.html": (b"<html><body><p>\xff\xfe\xfd</p>", "undecodable"),
}


def _truncated_xlsx() -> bytes:
    workbook = synthetic._xlsx_bytes(["年份", "区县名称", "报告全文"], [[2023, "瑞安市", TEXT]])
    return workbook[: len(workbook) // 2]


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, (data, _) in HOSTILE.items():
        (folder / name).write_bytes(data)
    (folder / "truncated.xlsx").write_bytes(_truncated_xlsx())
    (folder / "huge.txt").write_bytes(REPORT * (50_000_000 // len(REPORT) + 1))  # a 50 MB "report"
    (folder / "good.txt").write_bytes(REPORT)
    (folder / "mirror").mkdir()
    (folder / "mirror" / "good copy.txt").write_bytes(REPORT)  # the same report under a second name
    (folder / "notepad-unicode.txt").write_bytes(TEXT.encode("utf-16"))  # and in UTF-16, as Notepad saves it
    with open(os.fsencode(folder) + b"/\xff\xfe-name.txt", "wb") as handle:  # a name that is not UTF-8
        handle.write(REPORT.replace("瑞安".encode(), "瑞安".encode(), 1))
    return folder


@pytest.fixture(scope="module")
def ingested(hostile_folder):
    warnings: list[str] = []
    result = ingest([hostile_folder], workers=2, warn=warnings.append)
    return result, warnings


def test_the_good_report_survives_among_the_hostile_ones(ingested):
    result, _ = ingested
    [report] = result.reports
    assert report["place_code"] == "330381"
    # One report, four names: a copy, a UTF-16 copy and a name that is not UTF-8 (shown with \x escapes).
    assert report["source_files"] == "\\xff\\xfe-name.txt, good.txt, mirror/good copy.txt, notepad-unicode.txt"
    assert report["is_duplicate_source"] is True


@pytest.mark.parametrize("name", [*HOSTILE, "truncated.xlsx", "huge.txt"])
def test_each_hostile_file_gets_one_line_naming_it_and_the_reason(ingested, name):
    import re

    result, warnings = ingested
    lines = [w for w in warnings if w.startswith(f"{name}: ")]
    assert len(lines) == 1, (name, warnings)
    assert "\n" not in lines[0]
    expected = HOSTILE.get(name, (None, {"truncated.xlsx": ".xlsx", "huge.txt": "too large"}.get(name)))[1]
    assert re.search(expected, lines[0]), lines[0]
    assert name in {e["source"].split("#")[0] for e in result.errors}


def test_every_warning_is_one_line_about_one_named_file(ingested, hostile_folder):
    _, warnings = ingested
    names = {*HOSTILE, "truncated.xlsx", "huge.txt"}
    assert len(warnings) == len(names)
    assert all("\n" not in w and w.split(": ", 1)[0] in names for w in warnings)


def test_the_50_mb_text_is_refused_before_it_is_read(hostile_folder):
    assert (hostile_folder / "huge.txt").stat().st_size > MAX_REPORT_FILE_BYTES


@pytest.mark.integration
def test_a_build_goes_on_past_bad_files_and_strict_fails_it(hostile_folder, tmp_path, capsys):
    warehouse = tmp_path / "w.duckdb"
    assert main(["build", "--documents", str(hostile_folder), "--warehouse", str(warehouse)]) == 0
    captured = capsys.readouterr()
    error_lines = [line for line in captured.err.splitlines() if line.startswith("error: ")]
    assert len(error_lines) == len(HOSTILE) + 2
    assert warehouse.exists()
    assert main(["build", "--documents", str(hostile_folder), "--warehouse", str(warehouse), "--strict"]) == exit_codes.STRICT
    assert f"--strict: {len(HOSTILE) + 2} documents failed" in capsys.readouterr().err
