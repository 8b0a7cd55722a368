"""Every record that passes between stages, in one home: read → identify → segment → extract → land."""

from __future__ import annotations

from dataclasses import dataclass

# Section roles decide whether a figure is an actual (review) or a target (targets).
SECTION_ROLES = ("preamble", "review", "targets", "tasks", "glossary", "other")


# --- read: what a reader hands on -------------------------------------------------------------
@dataclass(frozen=True)
class Document:
    """One report as read from a file (or one row of a table container)."""

    source_file: str  # path as given on the command line's folder, relative where possible
    text: str
    source_row: int | None = None  # 1-based data row for table containers
    # Metadata the source claims (labels can be wrong: the text wins later).
    labelled_place: str | None = None
    labelled_year: int | None = None
    labelled_title: str | None = None
    labelled_date: str | None = None  # publication date as the source gives it
    source_url: str | None = None
    labelled_code: str | None = None  # a container's own code column, when it has one
    # A curated sidecar (<name>.meta.yml) states place and year: these win over the text.
    curated_place: str | None = None
    curated_year: int | None = None

    @property
    def identifying_name(self) -> str | None:
        """The file name identification reads as evidence of place and year; a container's row
        has none of its own (the file names many reports)."""
        return self.source_file if self.source_row is None else None

    @property
    def source_ref(self) -> str:
        """File, plus '#row N' for a row of a container: what users see as the source."""
        return self.source_file if self.source_row is None else f"{self.source_file}#row{self.source_row}"


class ReaderError(Exception):
    """A document that cannot be read; the message names the reason in one line."""


# --- identify: where, when and how good ---------------------------------------------------------


@dataclass(frozen=True)
class ReportIdentity:
    """Place and year of one report, the clue that decided them, and any disagreement with its label."""

    place_code: str | None
    place_name: str | None
    report_year: int | None
    session: str | None  # e.g. 第十七届人民代表大会第二次会议
    delivery_date: str | None  # ISO date as far as the text gives it: 2023-02-12 or 2023-02
    speaker: str | None
    title: str | None
    evidence: str
    label_conflict: str  # '' when the label agrees with the text
    # 'high' when the evidence agrees (a session line, the file name and the body, …), 'low' when
    # the answer rests on weak or conflicting clues: such a report is listed by the build.
    place_confidence: str = "high"
    year_confidence: str = "high"
    # A zone run by a management committee (大鹏新区管委会): no GB/T 2260 code, so place_code is None.
    functional_area: str | None = None


@dataclass(frozen=True)
class QualityFlags:
    lost_char_runs: int  # runs of '??' (or U+FFFD) where characters were lost before publication
    is_truncated: bool  # the text stops before the report's closing
    is_work_report: bool  # False for news items, budget or plan reports, digests
    non_report_reason: str  # '' or e.g. 'budget report'
    is_partial: bool  # an excerpt, abridgement or summary of a real report


# --- segment and extract ----------------------------------------------------------------------


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
    # Place in the report's outline, "part/section" (ingest/segment/tree.py): "2/3" is the third
    # section of the second part, "0/0" the opening before any heading.
    section_path: str = "0/0"


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
    # How the subject was normalised to match the catalogue (本区→地区, +额); '' when it matched as written.
    subject_stripped: str = ""
    # An actual the report states as an estimate (预计全年…增长6%): last year's result before the
    # final count, kept as an actual with this flag, never taken as a target.
    is_estimate: bool = False

    @property
    def mention_id(self) -> str:
        return f"{self.sentence_id}:{self.mention_index:02d}"


# --- land: all rows one document contributes -------------------------------------------------


@dataclass
class ProcessedReport:
    """The rows of every per-document landed table for one report."""

    report: dict
    sentences: list[dict]
    mentions: list[dict]
    terms: list[dict]
    projects: list[dict]


@dataclass
class DistinctReport:
    """One report as landing sees it: its id, the store entry holding its rows, and every source
    it was read from (the same report in two files is one report with both sources)."""

    report_id: str
    key: str
    sources: list[str]

    @property
    def source_files(self) -> str:
        return ", ".join(sorted(set(self.sources))) if len(self.sources) > 1 else self.sources[0]

    @property
    def is_duplicate_source(self) -> bool:
        return len(self.sources) > 1
