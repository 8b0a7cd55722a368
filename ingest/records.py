"""The records that pass between stages: sentences of a report and the quantities found in them."""

from __future__ import annotations

from dataclasses import dataclass

# Section roles decide whether a figure is an actual (review) or a target (targets).
SECTION_ROLES = ("preamble", "review", "targets", "tasks", "glossary", "other")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a report; offsets index the report's full stored text."""

    sentence_id: str  # f"{report_id}:{index:05d}"
    index: int  # 0-based position in the report
    section_role: str  # one of SECTION_ROLES
    section_title: str  # heading of the section the sentence sits in ('' before any)
    char_start: int
    char_end: int  # exclusive
    text: str  # == report_text[char_start:char_end]


@dataclass(frozen=True)
class SegmentedReport:
    report_id: str
    report_year: int | None  # year of the congress session that heard the report
    text: str  # the full stored text (offsets index this)
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Mention:
    """One quantity stated in a sentence, with what it measures and how it is meant.

    Offsets (char_start/char_end) index the report's full text and cover the quantity itself;
    subject_start/subject_end cover the subject phrase when one was found.
    """

    report_id: str
    sentence_id: str
    mention_index: int  # 0-based within the sentence
    char_start: int
    char_end: int
    surface: str  # the quantity as written, e.g. "6.5%左右"
    subject: str  # the phrase it measures, as written, e.g. "地区生产总值" ('' if none)
    verb: str  # e.g. 实现 / 增长 / 新增 / 达到 / 控制在 ('' if none)
    indicator_id: str | None  # core indicator id when the subject maps to one, else None
    value: float | None  # canonical unit; lower end for ranges; signed (下降 → negative)
    value_upper: float | None
    bound: str  # eq / approx / ge / gt / le / lt / range
    unit: str  # canonical unit code (CNY, USD, percent, percentage_points, count, persons, ...)
    unit_raw: str  # the unit as written, e.g. 亿元
    value_kind: str  # actual / target / other
    reference_year: int | None
    is_multi_year: bool  # 年均 / five-year totals: a mention, never an indicator value
    is_rank: bool  # rankings (第20位, 全省前十) are mentions of their own
    rank_scope: str  # for ranks: the list or scope, e.g. 全市 / 中国百强县（市）
    is_sub_area: bool  # the figure belongs to a park, district or sector subset, not the place

    @property
    def mention_id(self) -> str:
        return f"{self.sentence_id}:{self.mention_index:02d}"
