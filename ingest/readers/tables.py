"""Reads table containers (.csv, .xlsx) that hold one report per row."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from ingest.readers.txt import decode_text
from ingest.records import Document, ReaderError

# Column names seen in the wild, per meaning; matched case-insensitively.
TEXT_COLUMNS = ("full_text", "报告全文", "正文", "全文", "text", "content")
PLACE_COLUMNS = ("区县名称", "地区", "place", "province", "city", "county", "省份")
YEAR_COLUMNS = ("年份", "year", "年度")
TITLE_COLUMNS = ("报告标题", "title", "标题")
DATE_COLUMNS = ("publish_date", "发布时间", "发文时间", "date")
URL_COLUMNS = ("source_url", "url", "来源url", "链接")
CODE_COLUMNS = ("区县代码", "code", "adcode")

# A cell this short is not a report body.
MIN_TEXT_CHARS = 200


def _find_column(header: list[str], candidates: tuple[str, ...]) -> int | None:
    lowered = [str(name or "").strip().lower() for name in header]
    for candidate in candidates:
        if candidate.lower() in lowered:
            return lowered.index(candidate.lower())
    return None


def _text_column(header: list[str], rows: list[list]) -> int:
    """The named text column, else the column with the longest cells on average."""
    named = _find_column(header, TEXT_COLUMNS)
    if named is not None:
        return named
    widths = [0] * len(header)
    for row in rows:
        for i, cell in enumerate(row[: len(header)]):
            widths[i] += len(str(cell or ""))
    return max(range(len(header)), key=widths.__getitem__)


def _year(value) -> int | None:
    try:
        year = int(str(value).strip()[:4])
    except (TypeError, ValueError):
        return None
    return year if 1949 <= year <= 2100 else None


def _unescape_line_breaks(text: str) -> str:
    """Some exports store line breaks as the characters '\\r\\n' (alone or mixed with real ones);
    segmentation needs real ones, and a report never contains a literal backslash escape."""
    if "\\n" in text or "\\r" in text:
        return text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n")
    return text


def rows_to_documents(header: list[str], rows: list[list], source: str) -> list[Document]:
    """One Document per row whose text cell holds a report; empty rows are skipped."""
    if not header:
        raise ReaderError(f"{source}: no header row")
    text_i = _text_column(header, rows)
    columns = {
        "place": _find_column(header, PLACE_COLUMNS),
        "year": _find_column(header, YEAR_COLUMNS),
        "title": _find_column(header, TITLE_COLUMNS),
        "date": _find_column(header, DATE_COLUMNS),
        "url": _find_column(header, URL_COLUMNS),
        "code": _find_column(header, CODE_COLUMNS),
    }

    def cell(row: list, key: str):
        index = columns[key]
        if index is None or index >= len(row) or row[index] is None:
            return None
        return str(row[index]).strip() or None

    documents = []
    for number, row in enumerate(rows, start=1):
        text = str(row[text_i] or "") if text_i < len(row) else ""
        if len(text.strip()) < MIN_TEXT_CHARS:
            continue
        documents.append(
            Document(
                source_file=source,
                source_row=number,
                text=_unescape_line_breaks(text.replace("\r\n", "\n").replace("\r", "\n")),
                labelled_place=cell(row, "place"),
                labelled_year=_year(cell(row, "year")),
                labelled_title=cell(row, "title"),
                labelled_date=cell(row, "date"),
                source_url=cell(row, "url"),
                labelled_code=cell(row, "code") or None,
            )
        )
    return documents


def read_csv(path: Path, source: str | None = None) -> list[Document]:
    source = source or str(path)
    text = decode_text(path.read_bytes(), source)
    csv.field_size_limit(1 << 30)
    try:
        table = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise ReaderError(f"{source}: malformed CSV ({error})") from error
    if not table:
        raise ReaderError(f"{source}: empty CSV")
    return rows_to_documents(table[0], table[1:], source)


def read_xlsx(path: Path, source: str | None = None) -> list[Document]:
    import openpyxl  # imported here: only table containers pay for it

    source = source or str(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ReaderError(f"{source}: not a readable .xlsx workbook ({type(error).__name__})") from error
    documents: list[Document] = []
    try:
        for sheet in workbook.worksheets:
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            if not rows:
                continue
            documents += rows_to_documents([str(c or "") for c in rows[0]], rows[1:], source)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ReaderError(f"{source}: truncated or corrupt .xlsx ({type(error).__name__})") from error
    finally:
        workbook.close()
    return documents
