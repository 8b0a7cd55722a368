"""A report's outline from its headings: which part and section each heading opens, and which
numbered series is the review told as thematic headings.

Parts are opened by unnumbered part headings ("2021年工作回顾"), by numbered headings that name a
part ("一、2022年工作回顾"), by the glossary, and by a thematic numbering series that restarts at 一:
"一、坚持…，…加快起势 … 七、…" then "一、坚定不移抓…" is the review, then this year's work. A series
that restarts under a heading naming a part is that part's sections ("二、2015年主要任务" then
"一、本区生产总值")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.segment.headings import Heading
from ingest.segment.roles import heading_role

# A numbered heading names a part, not a theme, when it says 回顾/总结 or names a year.
_NAMES_A_PART = re.compile(r"回顾|工作总结|(?:19|20)\d{2}年|今年|新的一年|政府工作的建议|自身建设")


@dataclass(frozen=True)
class Place:
    part: int  # 0 before the first part
    section: int  # 0 for a part's opening text
    review_series: bool  # a thematic heading of the review (before this year's work begins)

    @property
    def path(self) -> str:
        return f"{self.part}/{self.section}"


def _names_a_part(heading: Heading, report_year: int | None) -> bool:
    return heading.kind != "numbered" or (
        _NAMES_A_PART.search(heading.words) is not None and heading_role(heading.words, report_year) != "other"
    )


def outline(headings: list[Heading], report_year: int | None) -> list[Place]:
    """The place each heading opens, in order."""
    places: list[Place] = []
    part = section = 0
    mode = None  # 'parts': numbered headings are parts; 'sections': they are sections of `part`
    series_of: list[int] = []  # per heading: the thematic series it belongs to (-1: none)
    series = -1
    first_series_opened_by_numbering: int | None = None
    series_followed_by_part: set[int] = set()
    for heading in headings:
        if heading.kind != "numbered":
            part, section, mode = part + 1, 0, None
            if series >= 0:
                series_followed_by_part.add(series)
            places.append(Place(part, section, False))
            series_of.append(-1)
            continue
        starts = heading.number == 1 or mode is None
        if (mode == "parts" and not starts) or (starts and _names_a_part(heading, report_year)):
            part, section, mode = part + 1, 0, "parts"
            series_of.append(-1)
        elif starts:
            opened_by_numbering = mode is None and part == 0
            if mode == "sections":  # a thematic series restarts: the next part
                series_followed_by_part.add(series)
                part += 1
            elif opened_by_numbering:
                part = 1
            mode = "sections"
            section = heading.number or section + 1
            series += 1
            if opened_by_numbering:
                first_series_opened_by_numbering = series
            series_of.append(series)
        else:
            section = heading.number or section + 1
            series_of.append(series if mode == "sections" else -1)
        places.append(Place(part, section, False))
    review = first_series_opened_by_numbering
    if review is None or review not in series_followed_by_part:
        return places
    return [Place(p.part, p.section, s == review) for p, s in zip(places, series_of)]
