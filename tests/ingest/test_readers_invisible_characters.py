"""Invisible characters inside words are removed as a document is read, whatever its kind of file."""

from pathlib import Path

import pytest

from ingest.readers import INVISIBLE_CHARACTERS, read_document
from ingest.run.pipeline import ingest
from ingest.run.process import process_document

OPENING = "各位代表：\n现在，我代表瑞安市人民政府向大会报告工作。\n一、2022年主要工作回顾\n"


def report(gdp_subject: str) -> str:
    return (OPENING + f"全年实现{gdp_subject}1197.9亿元，增长5.1%。\n") * 3


def write_txt(folder: Path, text: str) -> Path:
    path = folder / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def write_csv(folder: Path, text: str) -> Path:
    path = folder / "reports.csv"
    path.write_text(f'year,full_text\n2023,"{text}"\n', encoding="utf-8-sig")
    return path


def write_html(folder: Path, text: str) -> Path:
    path = folder / "report.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    path.write_text(f'<html><head><meta charset="utf-8"></head><body><div class="content">{paragraphs}</div></body></html>',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("write", [write_txt, write_csv, write_html])
@pytest.mark.parametrize("character", list(INVISIBLE_CHARACTERS), ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_inside_a_word_is_gone_from_the_text_read(tmp_path: Path, write, character: str):
    path = write(tmp_path, report(f"地区{character}生产总值"))
    [document] = read_document(path, path.name)
    assert "地区生产总值1197.9亿元" in document.text
    assert not set(INVISIBLE_CHARACTERS) & set(document.text)


def test_a_zero_width_space_no_longer_hides_the_gdp(tmp_path: Path):
    path = write_txt(tmp_path, report("地区\u200b生产总值"))
    [document] = read_document(path, path.name)
    processed = process_document(document)
    gdp = [(m["subject"], m["value"], m["reference_year"]) for m in processed.mentions if m["indicator_id"] == "gdp"]
    assert gdp == [("地区生产总值", 119_790_000_000.0, 2022)] * 3
    assert processed.report["report_text"] == report("地区生产总值")


def test_offsets_point_into_the_cleaned_text_that_is_stored(tmp_path: Path):
    # Invisible characters before, inside and after the quantities: offsets must not drift.
    text = (report("地区\u200b生产\u00ad总值").replace("1197.9", "11\u200d97.9").replace("增长", "\u2060增长")
            .replace("各位代表", "各位\ufeff代表"))
    write_txt(tmp_path, text)
    result = ingest([tmp_path], workers=1, warn=lambda message: None)
    [stored] = result.reports
    assert stored["report_text"] == report("地区生产总值")
    assert [m["surface"] for m in result.mentions if m["indicator_id"] == "gdp"] == ["1197.9亿元"] * 3
    for mention in result.mentions:
        assert stored["report_text"][mention["char_start"]:mention["char_end"]] == mention["surface"]
    for sentence in result.sentences:
        assert stored["report_text"][sentence["char_start"]:sentence["char_end"]] == sentence["sentence_text"]


def test_what_a_file_claims_about_itself_is_cleaned_too(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text("标题：2022年瑞安市\u200b政府工作报告\n发文单位：瑞安市\u200c人民政府\n\n正文：\n" + report("地区生产总值"),
                    encoding="utf-8")
    [document] = read_document(path, path.name)
    assert (document.labelled_title, document.labelled_place) == ("2022年瑞安市政府工作报告", "瑞安市")
