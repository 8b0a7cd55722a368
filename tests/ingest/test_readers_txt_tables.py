"""Readers for plain text and table containers, on small files written by each test."""

from pathlib import Path

import openpyxl
import pytest

from ingest.readers import find_documents, read_document
from ingest.records import ReaderError

REPORT = "各位代表：\n现在，我代表瑞安市人民政府向大会报告工作。\n一、2022年主要工作回顾\n实现地区生产总值1197.9亿元。" * 5


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_txt_reader_decodes_each_encoding(tmp_path: Path, encoding: str):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode(encoding))
    [document] = read_document(path, "report.txt")
    assert document.text == REPORT
    assert document.source_ref == "report.txt"


def test_txt_reader_reads_series_header(tmp_path: Path):
    path = tmp_path / "保定市_2022_report.txt"
    path.write_text(
        "标题：2022年保定市政府工作报告\n发文单位：保定市人民政府\n发文时间：未知\n"
        "来源URL：http://example.org/a.shtml\n\n正文：\n\n" + REPORT,
        encoding="utf-8",
    )
    [document] = read_document(path, path.name)
    assert document.labelled_title == "2022年保定市政府工作报告"
    assert document.labelled_place == "保定市"
    assert document.labelled_year == 2022
    assert document.source_url == "http://example.org/a.shtml"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"\x00\x01\x02binary", "binary content"), (b"\xff\xfe\xfa\xfb" * 50, "not UTF-8 or GB18030")],
)
def test_txt_reader_names_the_document_and_reason(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReaderError, match=f"^bad.txt: {reason}"):
        read_document(path, "bad.txt")


def test_csv_container_finds_text_and_metadata_columns(tmp_path: Path):
    path = tmp_path / "2026_浙江省.csv"
    path.write_text(
        "province,year,title,source_url,publish_date,full_text\n"
        f'浙江省,2026,2026年浙江省政府工作报告,https://example.org,2026-01-22,"{REPORT}"\n',
        encoding="utf-8-sig",
    )
    [document] = read_document(path, path.name)
    assert document.text == REPORT
    assert (document.labelled_place, document.labelled_year) == ("浙江省", 2026)
    assert document.labelled_date == "2026-01-22"
    assert document.source_row == 1
    assert document.source_ref == "2026_浙江省.csv#row1"


def test_xlsx_container_reads_one_report_per_row_and_skips_empty_rows(tmp_path: Path):
    path = tmp_path / "counties.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["年份", "区县代码", "区县名称", "报告标题", "报告全文"])
    sheet.append(["2022", "130633", "易县", "2022年易县政府工作报告", REPORT])
    sheet.append(["2019", "130607", "满城", "保定市满城区2019年政府工作报告", None])
    sheet.append(["2023", "130633", "易县", "米易县2023年人民政府工作报告", REPORT + "米易"])
    workbook.save(path)
    documents = read_document(path, path.name)
    assert [(d.labelled_place, d.labelled_year, d.source_row) for d in documents] == [("易县", 2022, 1), ("易县", 2023, 3)]
    assert documents[0].labelled_code == "130633"


def test_truncated_xlsx_is_a_one_line_error(tmp_path: Path):
    good = tmp_path / "good.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["报告全文"])
    workbook.active.append([REPORT])
    workbook.save(good)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[:300])
    with pytest.raises(ReaderError, match=r"^broken.xlsx: .*xlsx") as raised:
        read_document(broken, "broken.xlsx")
    assert "\n" not in str(raised.value)


def test_find_documents_walks_folders_and_skips_unknown_files(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "two.csv").write_text("full_text\nx\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "README.md").write_text("# no", encoding="utf-8")
    found = [name for _, name in find_documents([tmp_path])]
    assert found == ["a/one.txt", "two.csv"]


def test_literal_line_break_escapes_become_line_breaks(tmp_path: Path):
    path = tmp_path / "escaped.csv"
    body = "一、2018年工作回顾\\r\\n预计全县生产总值完成122.4亿元。\\r\\n二、2019年目标\n" + REPORT
    path.write_text("full_text\n" + '"' + body + '"\n', encoding="utf-8")
    [document] = read_document(path, path.name)
    assert "\\r" not in document.text and "\\n" not in document.text
    assert document.text.startswith("一、2018年工作回顾\n预计全县生产总值完成122.4亿元。\n二、2019年目标\n")
