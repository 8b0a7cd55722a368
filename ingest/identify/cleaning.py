"""Finds the report itself inside a document full of web clutter (navigation, widgets, link lists, footers)."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Some exports hold the two characters "\r\n" instead of a line break: treat both as breaks.
_LINE_BREAK = re.compile(r"\r\n|\n|\r|\\r\\n|\\n")

# An export's own header block ends with "正文：" (baoding/hebei series).
_BODY_LABEL = re.compile(r"^\s*正文[:：]\s*$")

# The salutation that opens every delivered report; a line that merely quotes it inside a
# "内容摘要：… ……" teaser does not start with it.
_SALUTATION = re.compile(r"^[\s\u3000?？]*各位(?:代表|委员)(?:[、，,][^：:\n]{0,8})?[：:！!，,]")
_FIRST_HEADING = re.compile(
    r"^[\s\u3000]*(?:一、|第一部分|(?:19|20)\d{2}年(?:主要)?工作(?:回顾|总结)|过去(?:一|五)年(?:的)?(?:工作)?回顾|"
    r"(?:19|20)\d{2}年工作回顾|关于(?:19|20)\d{2}年政府工作)"
)

# Lines that belong to a report's title block: title, session, delivery date, speaker.
_TITLE_LINE = re.compile(
    r"政\s*府\s*工\s*作\s*报\s*告|工作报告|的报告\s*$|"
    r"(?:人民代表大会|人大).{0,16}(?:会议|会)上|"
    r"^[\s\u3000]*[（(]?\s*(?:\d{4}|[〇零○Ｏ0一二三四五六七八九十]{4})\s*年[^，。]{0,8}[）)]?\s*$|"
    r"(?:省长|市长|县长|区长|主席|旗长|州长|盟长)(?:[\s\u3000?？]*[\u4e00-\u9fff·]{1,2}[\s\u3000?？]*[\u4e00-\u9fff·]{0,6})?\s*$"
)
# Lines a title block may contain without being part of the report (news-site furniture).
_PASSABLE_LINE = re.compile(
    r"^[\s\u3000]*(?:来源|时间|发布时间|日期|作者|编辑)[:：]|摄\s*$|^\s*$|^[\s\d\-/:：.年月日]+$|"
    # a bare speaker name (秦肖) may sit in a title block, but never starts one
    r"^[\s\u3000]*[\u4e00-\u9fff]{2,4}[\s\u3000]*$"
)
# Teaser or summary lines that must never open the body.
_TEASER = re.compile(r"内容摘要|……|\.\.\.\.\.\.|\.{6}")

# Lines that only appear once the report is over: share widgets, link lists, site footers.
_CLUTTER_LINE = re.compile(
    r"^[\s\u3000【\[（(]*(?:"
    r"相关(?:报道|阅读|新闻|文章|文档|链接|附件|评论)|阅读排行|延伸阅读|推荐阅读|热点推荐|本栏(?:最新|推荐)|标签云|"
    r"责任编辑|编辑[:：]|审核[:：]|分享到|上一篇|下一篇|免责声明|标签[:：]|"
    r"扫一扫|打印本页|关闭窗口|打印本稿|网站地图|版权所有|Copyright|©|主办[:：]|主办单位|"
    r".{0,12}ICP备|网站标识码|公安机关备案|.{0,8}公网安备|来源[:：].{0,20}$|》》点击|收藏\s*$"
    r")",
    re.IGNORECASE,
)

# Site footers, whatever their length.
_FOOTER_LINE = re.compile(r"ICP备\d|网站标识码|版权所有|Copyright ©|公网安备")
# Watermarks that aggregators glue onto the last line ("来源：百度马 克 数据网").
_WATERMARK = re.compile(r"[\s\u3000]*(?:来源[:：]\s*)?(?:百度搜索|百度|微信公众号|来自)?\s*马\s*克\s*数\s*据\s*网\s*$")

# How far back from the salutation a title block may reach (lines).
_TITLE_BLOCK_LINES = 12
# Trailing short lines (link lists, menus) are clutter when they are shorter than this and
# do not end a sentence.
_SHORT_LINE = 30
_SENTENCE_END = re.compile(r"[。！!？?；;…”\"】\]]\s*$")


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of every line in text[start:end], breaks excluded."""
    end = len(text) if end is None else end
    position = start
    for match in _LINE_BREAK.finditer(text, start, end):
        yield position, match.start()
        position = match.end()
    if position < end:
        yield position, end


def _header_end(text: str) -> int:
    """Offset just after a '正文：' line in the first part of the text, else 0."""
    for line_start, line_end in iter_lines(text, 0, min(len(text), 3000)):
        if _BODY_LABEL.match(text[line_start:line_end]):
            return line_end
    return 0


def _anchor(text: str, lines: list[tuple[int, int]]) -> int | None:
    """Index of the line that opens the report proper: the salutation or the first heading.

    Whichever comes first: a report reprinted without its salutation (the seed) still has
    "各位代表，…" paragraphs later on, which must not be taken for its start.
    """
    for index, (line_start, line_end) in enumerate(lines):
        line = text[line_start:line_end]
        if (_SALUTATION.match(line) or _FIRST_HEADING.match(line)) and not _TEASER.search(line):
            return index
    return None


def _title_block_start(text: str, lines: list[tuple[int, int]], anchor: int) -> int:
    """Walk back from the anchor over the title block; the earliest title line starts the body."""
    start_index = anchor
    for index in range(anchor - 1, max(-1, anchor - 1 - _TITLE_BLOCK_LINES), -1):
        line = text[lines[index][0] : lines[index][1]]
        if _TEASER.search(line) or len(line.strip()) > 80:
            break
        if _TITLE_LINE.search(line):
            start_index = index
        elif not _PASSABLE_LINE.search(line):
            break
    return lines[start_index][0]


def _clutter_start(text: str, lines: list[tuple[int, int]], first: int) -> int:
    """Offset of the first footer/link-list line after the report started, else the text's end."""
    for line_start, line_end in lines[first + 1 :]:
        line = text[line_start:line_end]
        if (len(line) <= 60 and _CLUTTER_LINE.match(line)) or (len(line) <= 300 and _FOOTER_LINE.search(line)):
            return line_start
    return len(text)


def _trim_trailing_short_lines(text: str, lines: list[tuple[int, int]], body_start: int, end: int) -> int:
    """Drop menus and link lists left at the end: short lines that end no sentence."""
    kept = [span for span in lines if span[0] >= body_start and span[1] <= end]
    while kept:
        line = text[kept[-1][0] : kept[-1][1]].strip()
        if line and (len(line) > _SHORT_LINE or _SENTENCE_END.search(line)):
            break
        kept.pop()
    return kept[-1][1] if kept else end


def _ends_with_watermark_mark(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends in 网 and whitespace, as every _WATERMARK match reaching end does."""
    last = end - 1
    while last >= start and text[last].isspace():  # \s is str.isspace
        last -= 1
    return last >= start and text[last] == "网"


def find_report_body(text: str) -> tuple[int, int]:
    """The span (start, end) of the report itself in ``text``; offsets into the original text."""
    if not text:
        return 0, 0
    base = _header_end(text)
    lines = list(iter_lines(text, base))
    if not lines:
        return base, base
    anchor = _anchor(text, lines)
    if anchor is None:
        # No salutation and no heading: keep everything after the header, minus leading furniture.
        anchor = 0
        while anchor < len(lines) - 1 and len(text[lines[anchor][0] : lines[anchor][1]].strip()) < _SHORT_LINE:
            anchor += 1
        start = lines[anchor][0]
    else:
        start = _title_block_start(text, lines, anchor)
    first_index = next(i for i, span in enumerate(lines) if span[0] >= start)
    end = _clutter_start(text, lines, max(first_index, anchor))
    end = _trim_trailing_short_lines(text, lines, start, end)
    if _ends_with_watermark_mark(text, start, end):  # the search alone walks the whole body
        watermark = _WATERMARK.search(text, start, end)
        if watermark and watermark.end() == end:
            end = watermark.start()
    # Never hand back leading or trailing whitespace.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
