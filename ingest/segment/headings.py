"""Recognises a body line as a heading: a numbered one (一、…), an unnumbered part heading, or the glossary."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMERALS = "一二三四五六七八九"
# A top-level heading: "一、2022年主要工作回顾", "二、2023年工作总体要求和主要预期目标".
_NUMBERED = re.compile(r"^\s*(?P<number>[一二三四五六七八九十]{1,3})\s*[、．.]\s*(?P<title>\S.{0,60})$")
_GLOSSARY = re.compile(r"^\s*(名词解释|注释|附件|附：|注：)")
# An unnumbered heading that opens a part of the report: "2021年工作回顾", "2022年工作安排",
# "二〇二四年工作回顾". Under a review part, numbered thematic headings stay the review.
_CHINESE_YEAR = re.compile(r"[一二]\s*[〇○零]\s*[〇○零一二三四五六七八九]\s*[〇○零一二三四五六七八九](?=\s*年)")
_PART = re.compile(
    r"^\s*(?:19|20)\d{2}年[^\s，。；：:,;！？“”]{0,10}"
    r"(?:工作回顾|回顾|工作安排|工作任务|主要任务|重点工作|主要工作|总体要求|目标任务|预期目标|主要目标)\s*$"
)
_PART_FIRST = frozenset("12一二")
_DIGIT_OF = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}


@dataclass(frozen=True)
class Heading:
    kind: str  # numbered / part / glossary
    number: int | None  # 1 for 一、 (numbered headings only)
    title: str  # the line as written, stripped
    words: str  # what roles read: the title after the numbering, years in digits


def numeral_value(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23."""
    if "十" not in numeral:
        return _NUMERALS.index(numeral) + 1
    tens, _, ones = numeral.partition("十")
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


def with_digit_years(text: str) -> str:
    """二〇二四年 → 2024年, so year rules read headings written either way."""
    return _CHINESE_YEAR.sub(lambda m: "".join(_DIGIT_OF[c] for c in m.group(0) if not c.isspace()), text)


def parse_heading(line: str, in_glossary: bool = False) -> Heading | None:
    """The heading a line is, or None for a line of text."""
    stripped = line.strip()
    numbered = _NUMBERED.match(line)
    if numbered and len(stripped) <= 64:
        try:
            number = numeral_value(numbered.group("number"))
        except ValueError:  # 十十, 三三: still a heading, but not a place in a series
            number = None
        return Heading("numbered", number, stripped, with_digit_years(numbered.group("title")))
    # A part heading starts with its year, in digits or 一/二〇…: a paragraph that does not is
    # spared converting its years.
    if not in_glossary and stripped[:1] in _PART_FIRST:
        words = with_digit_years(stripped)
        if _PART.match(words):
            return Heading("part", None, stripped, words)
    if _GLOSSARY.match(line) and len(stripped) <= 12:
        return Heading("glossary", None, stripped, stripped)
    return None
