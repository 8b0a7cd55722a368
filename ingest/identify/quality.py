"""Quality flags for one report: lost characters, truncation, abridgement, and whether it is a work report at all."""

from __future__ import annotations

import re

from ingest.identify.cleaning import iter_lines
from ingest.records import QualityFlags, ReportIdentity

_LOST_CHARS = re.compile(r"\?{2,}|？{2,}|\ufffd+")

# A delivered report ends with a rallying sentence; after it only notes or a glossary may follow.
_CLOSING = re.compile(
    r"让我们[^。！!？?]{4,400}[！!。]|而(?:努力|不懈|团结)?奋斗[！!。]|奋斗[！!]|"
    r"(?:贡献|篇章|献礼|辉煌|新局面|新胜利|新业绩|新期待|明天|未来|新征程|幸福实景|面前|事业|成绩)[！!]"
)
_NOTE_LINE = re.compile(
    r"^[\s\u3000]*(?:[\[［【〔(（]?\d{1,3}[\]］】〕)）.．、]|※|注[:：]|注\s*释|名\s*词\s*解\s*释|附件|附表|附[:：]|说明[:：]|"
    r"[“\"][^”\"]{1,30}[”\"][^，。：:]{0,10}[:：])"
)
# Text after the last closing that is not notes may run this long before the closing is
# taken for a mid-report flourish.
_AFTER_CLOSING_CHARS = 300

_BUDGET_TITLE = re.compile(r"预算执行情况.{0,30}报告|预算(?:（草案）|\(草案\)|草案)的?报告|决算(?:草案)?的?报告")
_PLAN_TITLE = re.compile(r"国民经济和社会发展.{0,20}(?:计划|规划)(?:纲要)?(?:执行情况)?.{0,20}的报告|计划执行情况|规划纲要.{0,6}的报告")
_WORK_REPORT_TITLE = re.compile(r"政\s*府\s*工\s*作\s*报\s*告")
# News of the session itself: seating, quorum, opening ceremony.
_SESSION_NEWS = re.compile(r"隆重开幕|会议开幕|开幕会|主席台(?:前排)?就座|符合法定人数|实到\d+|实际出席|应出席代表|应到代表")
_ABRIDGED = re.compile(r"摘登|节选|摘编|摘要版|（摘要）|\(摘要\)|整理[）)]?$|基于.{0,20}整理")
_SALUTATION = re.compile(r"各位(?:代表|委员)")
# A report to a superior on one topic (法治政府建设情况的报告) opens 现将有关情况报告如下, not 各位代表.
_TOPICAL_OPENING = re.compile(r"现将.{0,20}报告如下")
_TOPICAL_TITLE = re.compile(r"法治政府建设.{0,12}报告")

# A body shorter than this is a digest, not a report (the shortest real excerpts run ~950).
DIGEST_MAX_CHARS = 900
# A report body shorter than this is an excerpt of a report.
PARTIAL_MAX_CHARS = 4000


def _lost_char_runs(body: str) -> int:
    # Most bodies lose nothing: three substring tests instead of a regex walk over the body.
    if "??" not in body and "？？" not in body and "\ufffd" not in body:
        return 0
    return len(_LOST_CHARS.findall(body))


def _is_truncated(body: str) -> bool:
    closings = list(_CLOSING.finditer(body))
    if not closings:
        return True
    tail_start = closings[-1].end()
    prose = 0
    for line_start, line_end in iter_lines(body, tail_start):
        if _NOTE_LINE.match(body[line_start:line_end]):
            break  # notes and glossary: everything from here on belongs to them
        prose += line_end - line_start
    return prose > _AFTER_CLOSING_CHARS


def _non_report_reason(own_headline: str, body: str, identity: ReportIdentity | None) -> str:
    title = (identity.title if identity else None) or ""
    opening = body[:300]
    is_titled_work_report = bool(_WORK_REPORT_TITLE.search(title))
    # A budget report's own headline wins over a web page that files it as a work report.
    if _BUDGET_TITLE.search(own_headline) or (not is_titled_work_report and _BUDGET_TITLE.search(title)):
        return "budget report"
    if not is_titled_work_report and _PLAN_TITLE.search(title + opening):
        return "plan report"
    if len(_SESSION_NEWS.findall(body)) >= 2:
        return "news item"
    if _TOPICAL_TITLE.search(title) or (
        _TOPICAL_OPENING.search(own_headline + opening) and not _SALUTATION.search(body[:2000])
    ):
        return "topical report"
    if len(body) < DIGEST_MAX_CHARS:
        return "digest"
    return ""


def assess_quality(text: str, body_span: tuple[int, int], identity: ReportIdentity | None = None) -> QualityFlags:
    """Flags for the report at ``text[body_span[0]:body_span[1]]``."""
    body = text[body_span[0] : body_span[1]]
    head = text[max(0, body_span[0] - 600) : body_span[0] + 300]
    reason = _non_report_reason(text[max(0, body_span[0] - 200) : body_span[0] + 300], body, identity)
    title = (identity.title if identity else None) or ""
    is_partial = not reason and (
        len(body) < PARTIAL_MAX_CHARS or bool(_ABRIDGED.search(title)) or bool(_ABRIDGED.search(head))
        or not _SALUTATION.search(body[:2000]) and len(body) < 2 * PARTIAL_MAX_CHARS
    )
    return QualityFlags(
        lost_char_runs=_lost_char_runs(body),
        is_truncated=_is_truncated(body) if not reason else False,
        is_work_report=not reason,
        non_report_reason=reason,
        is_partial=is_partial,
    )
