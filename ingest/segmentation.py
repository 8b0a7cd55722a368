"""Splits a report's body into sections (with their role) and sentences with character offsets."""

from __future__ import annotations

import re

from ingest.records import SegmentedReport, Sentence

# A top-level heading: "一、2022年主要工作回顾", "二、2023年工作总体要求和主要预期目标".
_TOP_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、．.]\s*(?P<title>\S.{0,60})$")
_GLOSSARY_HEADING = re.compile(r"^\s*(名词解释|注释|附件|附：|注：)")
# An unnumbered heading that opens a part of the report: "2021年工作回顾", "2022年工作安排". Under
# a review part, numbered thematic headings ("一、坚持创新驱动发展战略…") are still the review.
_PART_HEADING = re.compile(
    r"^\s*(?:19|20)\d{2}年[^\s，。；：:,;！？“”]{0,10}"
    r"(?:工作回顾|回顾|工作安排|工作任务|主要任务|重点工作|主要工作|总体要求|目标任务|预期目标|主要目标)\s*$"
)
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n+")
_YEAR = re.compile(r"((?:19|20)\d{2})年")

# Which words in a heading give a section its role; checked in this order.
_TARGET_WORDS = ("预期目标", "主要目标", "总体要求", "目标任务", "总体思路", "指导思想")
_TASK_WORDS = ("重点工作", "主要任务", "重点任务", "工作安排", "工作任务", "着力", "全力", "坚持", "加快", "推进", "扎实")
_REVIEW_WORDS = ("回顾", "过去", "工作总结", "成就", "成绩", "主要工作", "发展成就", "五年")
_GLOSSARY_WORDS = ("名词解释", "注释")
# Review cues for sections whose heading says nothing about time ("一、一年接着一年干…") and
# for reports whose review has no heading at all (it follows 各位代表 directly).
_REVIEW_PARAGRAPH = re.compile(r"(过去一年|过去的一年|刚刚过去的|一年来|回顾|初步统计|初步核算|据统计|预计全年|全年实现|全年完成)")
# Paragraph-level cues: the targets paragraph often sits inside a "tasks" or unheaded section.
# The sentence that states this year's targets ("主要预期目标是：…"), wherever it sits.
_TARGET_SENTENCE = re.compile(
    r"(?:预期目标|主要目标|目标任务|发展目标|主要指标)(?:和主要任务|和任务|与任务)?(?:确定为|初定为|定为|是|为|[:：])"
    r"|经济社会发展的?(?:主要)?目标[是为]"
)
# A targets sentence that ends in a colon announces a list on the lines below ("主要目标是：" then
# "——地区生产总值增长9.5%左右；" or "地区生产总值增长7%；"): items chained by semicolons or
# opened by a dash state targets too, up to the first line that is neither.
_LIST_OPENING = re.compile(r"[：:]\s*$")
_LIST_ITEM = re.compile(r"\s*(?:——|—|－|-|·|•)")
_ITEM_CONTINUES = re.compile(r"[；;]\s*$")
# The closing part about the government itself is neither review nor tasks.
_SELF_WORDS = ("自身建设", "作风", "政府建设")
# Five-year-plan sections state targets for a later year, not this year's targets.
_PLAN_WORDS = ("十一五", "十二五", "十三五", "十四五", "十五五", "五年规划", "规划纲要", "今后五年", "未来五年")


def heading_role(title: str, report_year: int | None) -> str:
    """The role a top-level heading gives to the section it opens."""
    if any(word in title for word in _GLOSSARY_WORDS):
        return "glossary"
    if any(word in title for word in _PLAN_WORDS) and "目标" in title:
        return "other"
    # "2023年主要目标任务和重点工作" is mostly tasks; its targets paragraph is caught per line.
    if any(word in title for word in _TARGET_WORDS):
        return "tasks" if any(w in title for w in ("重点工作", "主要工作", "任务", "举措", "安排")) else "targets"
    years = [int(y) for y in _YEAR.findall(title)]
    if report_year and years and max(years) < report_year:
        return "review"
    if report_year and years and min(years) >= report_year:  # "三、2026年主要工作"
        return "tasks"
    if any(word in title for word in _REVIEW_WORDS) and not any(w in title for w in ("今年", "新的一年")):
        return "review"
    if any(word in title for word in _TASK_WORDS):
        return "tasks"
    return "other"


def is_targets_sentence(sentence: str, report_year: int | None) -> bool:
    """A sentence that sets this year's targets; a five-year plan's goals are not."""
    if not _TARGET_SENTENCE.search(sentence):
        return False
    this_year = ("今年", "本年", f"{report_year}年") if report_year else ("今年", "本年")
    return not any(word in sentence for word in _PLAN_WORDS) or any(word in sentence for word in this_year)


def _lines(text: str, start: int, end: int):
    """(line_start, line_end) spans of the lines inside [start, end)."""
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline == -1 else newline
        yield position, line_end
        position = line_end + 1


def _sentences_of_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in one line, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    piece_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        _add_trimmed(spans, text, piece_start, match.end())
        piece_start = match.end()
    _add_trimmed(spans, text, piece_start, end)
    return spans


def _add_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def segment_report(
    report_id: str,
    text: str,
    report_year: int | None,
    body_span: tuple[int, int] | None = None,
) -> SegmentedReport:
    """Sentences of the body with their section role; offsets index `text`."""
    body_start, body_end = body_span or (0, len(text))
    sentences: list[Sentence] = []
    role, title = "preamble", ""
    last_year_cue = f"{report_year - 1}年" if report_year else None
    in_review = False  # inside an unheaded (or vaguely headed) account of last year
    seen_targets = False
    in_target_list = False  # on the items of a list that a targets sentence opened with a colon
    part_role = None  # the role of the part an unnumbered heading opened, while it lasts
    for line_start, line_end in _lines(text, body_start, body_end):
        line = text[line_start:line_end]
        heading = _TOP_HEADING.match(line)
        is_heading = False
        if heading and len(line.strip()) <= 64:
            title, is_heading = line.strip(), True
            role = heading_role(heading.group("title"), report_year)
            if (part_role == "review" and role in ("tasks", "other") and not seen_targets
                    and not _YEAR.search(title) and not any(w in title for w in _TARGET_WORDS)):
                role = "review"
            elif role != "review":
                part_role = None
            # After this year's targets, thematic headings ("一、聚焦产业兴县…") are the tasks.
            if role == "other" and seen_targets and not any(w in title for w in _SELF_WORDS):
                role = "tasks"
            in_review = False
        elif _PART_HEADING.match(line) and role != "glossary":
            title, is_heading = line.strip(), True
            role = part_role = heading_role(title, report_year)
            # "2023年主要工作" opens with the situation and the overall requirements (南山 2023 looks
            # back ten years there); its targets sentence and numbered headings say what is planned.
            if role == "tasks":
                role = "other"
            in_review = False
        elif _GLOSSARY_HEADING.match(line) and len(line.strip()) <= 12:
            title, role = line.strip(), "glossary"
        line_role = role
        if in_target_list and not is_heading:
            line_role = "targets"
        # _TARGET_SENTENCE has no anchors: a sentence of the line can match only if the line does.
        line_has_target = _TARGET_SENTENCE.search(line) is not None
        if role in ("preamble", "other") and not seen_targets and not line_has_target:
            if _REVIEW_PARAGRAPH.search(line) or (last_year_cue and line.lstrip().startswith(last_year_cue)):
                in_review = True
            if in_review and line_role != "targets":
                line_role = "review"
        was_list_item = in_target_list
        for start, end in _sentences_of_line(text, line_start, line_end):
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
                )
            )
        if line.strip():  # a blank line between items neither opens nor closes the list
            in_target_list = line_role == "targets" and role != "glossary" and (
                (line_has_target and _LIST_OPENING.search(line) is not None)
                or (was_list_item and (_ITEM_CONTINUES.search(line) is not None
                                       or _LIST_ITEM.match(text, line_end + 1, body_end) is not None))
            )
    return SegmentedReport(report_id=report_id, report_year=report_year, text=text, sentences=tuple(sentences))
