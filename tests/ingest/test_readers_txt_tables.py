"""Readers for plain text and table containers, on small files written by each test."""

import codecs
from pathlib import Path

import openpyxl
import pytest

from ingest import paths
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


# What Notepad's "Unicode" writes (LE with a BOM), what other tools write (BE with a BOM), and
# UTF-16 without any BOM, in each byte order.
UTF16 = {
    "le-bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "be-bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "le": lambda text: text.encode("utf-16-le"),
    "be": lambda text: text.encode("utf-16-be"),
}


@pytest.mark.parametrize("variant", UTF16)
def test_a_utf16_report_reads_as_the_same_text_as_its_utf8_copy(tmp_path: Path, variant: str):
    (tmp_path / "utf8.txt").write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes(UTF16[variant](REPORT.replace("\n", "\r\n")))
    [utf8] = read_document(tmp_path / "utf8.txt", "utf8.txt")
    [utf16] = read_document(tmp_path / "utf16.txt", "utf16.txt")
    assert utf16.text == utf8.text == REPORT


@pytest.mark.parametrize("variant", UTF16)
def test_a_utf16_csv_container_reads_as_its_utf8_copy(tmp_path: Path, variant: str):
    table = f'province,year,full_text\r\n浙江省,2026,"{REPORT}"\r\n'
    (tmp_path / "utf8.csv").write_bytes(table.encode("utf-8-sig"))
    (tmp_path / "utf16.csv").write_bytes(UTF16[variant](table))
    [utf8] = read_document(tmp_path / "utf8.csv", "utf8.csv")
    [utf16] = read_document(tmp_path / "utf16.csv", "utf16.csv")
    assert (utf16.text, utf16.labelled_place, utf16.labelled_year) == (utf8.text, "浙江省", 2026)


@pytest.mark.parametrize("variant", ["le-bom", "be-bom", "le"])
def test_a_corpus_report_saved_as_utf16_reads_as_the_original(tmp_path: Path, variant: str):
    original = paths.CORPUS_DIR / "baoding_hebei_series" / "保定市_2022_report.txt"  # read in place
    [expected] = read_document(original, original.name)
    copy = tmp_path / original.name
    copy.write_bytes(UTF16[variant](original.read_bytes().decode("utf-8-sig")))
    [document] = read_document(copy, original.name)
    assert document == expected


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
    [
        (b"", "empty file"),
        (codecs.BOM_UTF16_LE + " \r\n".encode("utf-16-le"), "empty file"),
        (b"\x00\x01\x02binary", "binary content, not a text report$"),
        (bytes(range(256)) * 40, "binary content, not a text report$"),
        # A UTF-16 BOM in front of binary, and a BOM that names the wrong byte order (mojibake)
        (codecs.BOM_UTF16_LE + bytes(range(256)) * 40, "binary content, not a text report$"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-le"), "binary content, not a text report$"),
        (b"\xff\xfe\xfa\xfb" * 50, "not UTF-8 or GB18030 text$"),
    ],
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
