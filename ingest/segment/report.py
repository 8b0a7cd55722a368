"""Walks a report body line by line: each sentence's role (review, targets, tasks, …) and place in the outline."""

from __future__ import annotations

import re

from ingest.records import SegmentedReport, Sentence
from ingest.segment.headings import Heading, parse_heading
from ingest.segment.roles import (
    REVIEW_PARAGRAPH, SELF_WORDS, TARGET_SENTENCE, TARGET_WORDS, YEAR, heading_role, is_targets_sentence,
)
from ingest.segment.spans import line_spans, sentence_spans
from ingest.segment.tree import Place, outline

# A targets sentence that ends in a colon announces a list on the lines below ("主要目标是：" then
# "——地区生产总值增长9.5%左右；" or "地区生产总值增长7%；"): items chained by semicolons or
# opened by a dash state targets too, up to the first line that is neither.
_LIST_OPENING = re.compile(r"[：:]\s*$")
_LIST_ITEM = re.compile(r"\s*(?:——|—|－|-|·|•)")
_ITEM_CONTINUES = re.compile(r"[；;]\s*$")
# A review told as thematic headings often runs on, unheaded, into this year's situation and
# targets ("今年是“十四五”开局之年。…主要预期目标是…"): such a line ends the review.
_THIS_YEAR_OPENING = re.compile(r"^\s*(?:今年|新的一年|做好今年)")


def body_headings(text: str, body_start: int, body_end: int) -> dict[int, Heading]:
    """The headings of the body by the offset of their line."""
    headings: dict[int, Heading] = {}
    in_glossary = False  # a part heading cannot open inside the glossary
    for line_start, line_end in line_spans(text, body_start, body_end):
        heading = parse_heading(text[line_start:line_end], in_glossary)
        if heading is None:
            continue
        headings[line_start] = heading
        if heading.kind == "glossary":
            in_glossary = True
        elif heading.kind == "numbered":
            in_glossary = heading_role(heading.words, None) == "glossary"
    return headings


def segment_report(
    report_id: str,
    text: str,
    report_year: int | None,
    body_span: tuple[int, int] | None = None,
) -> SegmentedReport:
    """Sentences of the body with their section role and outline place; offsets index `text`."""
    body_start, body_end = body_span or (0, len(text))
    headings = body_headings(text, body_start, body_end)
    places = dict(zip(headings, outline(list(headings.values()), report_year)))
    # A body without headings tells this year's work after its targets paragraph.
    headed = bool(headings)
    sentences: list[Sentence] = []
    role, title, place = "preamble", "", Place(0, 0, False)
    last_year_cue = f"{report_year - 1}年" if report_year else None
    in_review = False  # inside an unheaded (or vaguely headed) account of last year
    seen_targets = False
    in_target_list = False  # on the items of a list that a targets sentence opened with a colon
    part_role = None  # the role of the part an unnumbered heading opened, while it lasts
    for line_start, line_end in line_spans(text, body_start, body_end):
        line = text[line_start:line_end]
        heading = headings.get(line_start)
        is_heading = False
        if heading is not None:
            place = places[line_start]
        if (place.review_series and role == "review" and heading is None
                and (seen_targets or _THIS_YEAR_OPENING.match(line))):
            role, part_role = "other", None
        if heading is not None and heading.kind == "numbered":
            title, is_heading = heading.title, True
            role = heading_role(heading.words, report_year)
            if place.review_series:  # results told as headings, before the series that restarts
                part_role = "review"
            if (part_role == "review" and role in ("tasks", "other") and not seen_targets
                    and not YEAR.search(heading.words) and not any(w in title for w in TARGET_WORDS)):
                role = "review"
            elif role != "review":
                part_role = None
            # After this year's targets, thematic headings ("一、聚焦产业兴县…") are the tasks.
            if role == "other" and seen_targets and not any(w in title for w in SELF_WORDS):
                role = "tasks"
            in_review = False
        elif heading is not None and heading.kind == "part":
            title, is_heading = heading.title, True
            role = part_role = heading_role(heading.words, report_year)
            # "2023年主要工作" opens with the situation and the overall requirements (南山 2023 looks
            # back ten years there); its targets sentence and numbered headings say what is planned.
            if role == "tasks":
                role = "other"
            in_review = False
        elif heading is not None:
            title, role = heading.title, "glossary"
        line_role = role
        if in_target_list and not is_heading:
            line_role = "targets"
        # TARGET_SENTENCE has no anchors: a sentence of the line can match only if the line does.
        line_has_target = TARGET_SENTENCE.search(line) is not None
        if role in ("preamble", "other") and not seen_targets and not line_has_target:
            if REVIEW_PARAGRAPH.search(line) or (last_year_cue and line.lstrip().startswith(last_year_cue)):
                in_review = True
            if in_review and line_role != "targets":
                line_role = "review"
        elif not headed and seen_targets and line_role == "preamble":
            line_role = "tasks"
        was_list_item = in_target_list
        section_path = place.path  # one per line, not per sentence
        for start, end in sentence_spans(text, line_start, line_end):
            sentence = text[start:end]
            # From the targets sentence to the end of its paragraph, sentences state targets.
            if (line_has_target and role != "glossary" and line_role != "targets"
                    and is_targets_sentence(sentence, report_year)):
                line_role = "targets"
                seen_targets, in_review = True, False
            index = len(sentences)
            sentences.append(
                Sentence(
                    sentence_id=f"{report_id}:{index:05d}",
                    index=index,
                    section_role=line_role,
                    section_title=title,
                    char_start=start,
                    char_end=end,
                    text=sentence,
                    section_path=section_path,
                )
            )
        if line.strip():  # a blank line between items neither opens nor closes the list
            in_target_list = line_role == "targets" and role != "glossary" and (
                (line_has_target and _LIST_OPENING.search(line) is not None)
                or (was_list_item and (_ITEM_CONTINUES.search(line) is not None
                                       or _LIST_ITEM.match(text, line_end + 1, body_end) is not None))
            )
    return SegmentedReport(report_id=report_id, report_year=report_year, text=text, sentences=tuple(sentences))
