"""Works out where and when a report is from, using the report's own words before any source label."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ingest.identify.cleaning import find_report_body
from ingest.records import ReportIdentity
from ingest.sources.gazetteer import Gazetteer, Place, load_gazetteer

# --- numbers and dates ------------------------------------------------------------------------

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR = r"(?P<year>(?:19|20)\d{2}|[〇零○Ｏ一二][〇零○Ｏ一二三四五六七八九0]{3})"
_MONTH = r"(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<day>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DATE = _YEAR + r"\s*年\s*" + _MONTH + r"\s*月(?:\s*" + _DAY + r"\s*日)?"
# A delivery date sits next to the session ("——2023年1月5日在…会议上") or alone in brackets.
_DELIVERY_DATE = re.compile(_DATE + r"(?=\s*(?:在|[）)]|$|\s*\n|[\s\u3000?？]*[\u4e00-\u9fff]{2,4}\s*[）)]))", re.M)
_ANY_DATE = re.compile(_DATE)


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (_CN_DIGIT.get(units, 0) if units else 0)
    return _CN_DIGIT.get(text, 0)


def _year_value(text: str) -> int:
    if text.isdigit():
        return int(text)
    return int("".join(str(_CN_DIGIT.get(ch, 0)) for ch in text))


def _date_of(match: re.Match) -> tuple[int, str]:
    year = _year_value(match.group("year"))
    month = _cn_number(match.group("month"))
    day = match.group("day")
    iso = f"{year:04d}-{month:02d}" + (f"-{_cn_number(day):02d}" if day else "")
    return year, iso


# --- clue patterns ----------------------------------------------------------------------------

_NUM = r"[一二三四五六七八九十百〇零\d]+"
# 在瑞安市第十七届人民代表大会第二次会议上 / 在县十七届人大五次会议上 / 市十六届人大七次会议
_SESSION = re.compile(
    r"(?:在|于)?(?P<place>[\u4e00-\u9fff]{0,20}?)\s*(?P<session>第?" + _NUM + r"届\s*(?:人民代表大会|人大)\s*"
    r"(?:常务委员会)?第?" + _NUM + r"次(?:全体)?会议)"
)
# 我代表瑞安市人民政府 / 我代表县政府
_ON_BEHALF = re.compile(r"代表(?P<place>[\u4e00-\u9fff]{1,20}?)(?:第[一二三四五六七八九十]+届)?人民政府")
# 瑞安市人民政府市长 秦肖 / 保定市市长 马誉峰 / 省长 王予波
_SPEAKER = re.compile(
    r"^[\s\u3000]*(?P<place>[\u4e00-\u9fff]{0,20}?)(?:人民政府)?(?:常务)?(?:副|代理|代)?"
    r"(?P<role>省长|市长|县长|区长|主席|旗长|州长|盟长)[\s\u3000?？]*"
    r"(?P<name>[\u4e00-\u9fff·][\s\u3000?？]*[\u4e00-\u9fff·]{1,3}(?:[\s\u3000?？]*[\u4e00-\u9fff·])?)\s*$",
    re.M,
)
_TITLE_LINE = re.compile(r"^.{0,60}?政\s*府\s*工\s*作\s*报\s*告.{0,40}$", re.M)
_TITLE_PLACE = re.compile(r"(?:(?:19|20)\d{2}年)?(?P<place>[\u4e00-\u9fff]{2,24}?)(?:(?:19|20)\d{2}年)?(?:人民)?政府工作报告")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?[^，。,]{0,20}?政府工作报告")
# Abbreviated self-references reveal the level: 全县 / 我代表县人民政府 / 县十七届人大.
_LEVEL_WORDS = re.compile(r"全(?P<suffix>省|市|县|区|旗|州|盟)|本(?P<suffix2>省|市|县|区|旗)")
_REVIEW_HEADING = re.compile(r"(?:^|\n|\\n)[\s\u3000]*(?:[一1][、.．]\s*)?(?P<year>(?:19|20)\d{2})\s*年(?:主要|的)?(?:工作|政府工作)?(?:回顾|总结)")
_PLAN_HEADING = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?:的)?(?:工作安排|主要任务|政府工作的总体要求|经济社会发展的?主要预期目标|工作的总体要求)")
_LAST_YEAR = re.compile(r"(?:刚刚)?过去的?(?P<year>(?:19|20)\d{2})年|(?P<year2>(?:19|20)\d{2})年[，,]?(?:是|我们)")

# The head of a report (title block, session, salutation) lies within this many characters.
_HEAD_CHARS = 700
# A title block can sit this far before the body start (page titles, header blocks).
_PRE_BODY_CHARS = 600


@dataclass(frozen=True)
class _Clue:
    text: str  # the place words the clue names, e.g. 保定市清苑区
    weight: float
    kind: str


# --- scanning for place names -------------------------------------------------------------------


class _NameScanner:
    """Leftmost-longest scan for standard and former place names (米易县 is never read as 易县)."""

    def __init__(self, gazetteer: Gazetteer):
        self.codes = gazetteer.all_names()
        self.by_prefix: dict[str, list[str]] = {}
        for name in self.codes:
            if len(name) >= 2:
                self.by_prefix.setdefault(name[:2], []).append(name)
        for names in self.by_prefix.values():
            names.sort(key=len, reverse=True)

    def scan(self, text: str) -> list[tuple[int, str]]:
        found = []
        position, end = 0, len(text) - 1
        by_prefix = self.by_prefix
        while position < end:
            names = by_prefix.get(text[position : position + 2])
            if names:
                for name in names:
                    if text.startswith(name, position):
                        found.append((position, name))
                        position += len(name)
                        break
                else:
                    position += 1
            else:
                position += 1
        return found


@lru_cache(maxsize=1)
def _scanner() -> _NameScanner:
    return _NameScanner(load_gazetteer())


# --- resolving ----------------------------------------------------------------------------------


def _context_score(place: Place, gazetteer: Gazetteer, context_codes: set[str], text: str) -> float:
    """How much the text supports this reading of a repeated name: its prefecture and province."""
    score = 0.0
    for ancestor in gazetteer.ancestors(place):
        if ancestor.code in context_codes:
            score += 5
        mentions = text.count(ancestor.short_name) if len(ancestor.short_name) >= 2 else 0
        score += min(mentions, 20) * 0.2
    return score


def _resolve_words(words: str, gazetteer: Gazetteer, text: str, labelled: set[str]) -> Place | None:
    """The place a run of words names (保定市清苑区 → 清苑区 of 保定), disambiguated by context."""
    words = re.sub(r"[\s\u3000?？]", "", words)
    if not words:
        return None
    words = words.rsplit("在", 1)[-1]  # 'X日在瑞安市' names only what follows 在
    mentions = _scanner().scan(words)
    candidates: list[Place] = []
    context: set[str] = set()
    if mentions:
        for _, name in mentions[:-1]:
            context.update(gazetteer.all_names().get(name, ()))
        last = mentions[-1][1]
        candidates = [gazetteer.places[code] for code in gazetteer.all_names().get(last, ()) if code in gazetteer.places]
    if not candidates:
        candidates = gazetteer.by_short_name(words) or [
            place for place in gazetteer.by_name(words + "县") + gazetteer.by_name(words + "市")
        ]
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    return max(
        candidates,
        key=lambda p: (_context_score(p, gazetteer, context, text) + (3 if p.code in labelled else 0), -int(p.code)),
    )


def _labelled_codes(labelled_place: str | None, gazetteer: Gazetteer) -> set[str]:
    if not labelled_place:
        return set()
    name = labelled_place.strip().removesuffix("人民政府").removesuffix("政府")
    return {place.code for place in gazetteer.lookup(name)}


def _level_suffix(text: str) -> str | None:
    """The suffix the report uses for itself (全县 → 县), or None when it never says."""
    counts = Counter()
    for match in _LEVEL_WORDS.finditer(text):
        counts[match.group("suffix") or match.group("suffix2")] += 1
    if not counts:
        return None
    suffix, count = counts.most_common(1)[0]
    return suffix if count >= 2 else None


def _frequency_candidate(body: str, gazetteer: Gazetteer, suffix: str | None, labelled: set[str]) -> tuple[Place, int] | None:
    """The place the body names most often, among names with the report's own suffix."""
    counts: Counter[str] = Counter()
    for _, name in _scanner().scan(body):
        if suffix and not name.endswith(suffix) and not (suffix == "区" and name.endswith("自治区")):
            continue
        for code in gazetteer.all_names().get(name, ()):
            counts[code] += 1
    for code in labelled:
        place = gazetteer.places.get(code)
        if place and len(place.short_name) >= 2:
            counts[code] = max(counts[code], body.count(place.short_name))
    if not counts:
        return None
    code, count = max(counts.items(), key=lambda item: (item[1], item[0] in labelled))
    return gazetteer.places[code], count


# --- the public function ------------------------------------------------------------------------


def _head_of(text: str, body_span: tuple[int, int]) -> tuple[str, int]:
    start, end = body_span
    head_start = max(0, start - _PRE_BODY_CHARS)
    return text[head_start : min(end, start + _HEAD_CHARS)], head_start


def _delivery(head: str, body_head: str) -> tuple[int | None, str | None, str]:
    for source, label in ((body_head, "delivery date"), (head, "delivery date")):
        match = _DELIVERY_DATE.search(source)
        if match:
            year, iso = _date_of(match)
            return year, iso, f"{label} {match.group(0).strip()}"
    return None, None, ""


def _content_year(body: str) -> tuple[int | None, str]:
    window = body[:4000]
    match = _REVIEW_HEADING.search(window)
    if match:
        return int(match.group("year")) + 1, f"review heading {match.group('year')}年…回顾"
    match = _PLAN_HEADING.search(body)
    if match:
        return int(match.group("year")), f"plan heading {match.group(0)}"
    return None, ""


def _title_of(head: str, labelled_title: str | None) -> str | None:
    match = _TITLE_LINE.search(head)
    if match:
        return re.sub(r"\s+", " ", match.group(0)).strip()
    return labelled_title


# A reprint may give only the speaker's name under the title: 政府工作报告 / 秦肖 / （2023年2月）
_BARE_SPEAKER = re.compile(r"政\s*府\s*工\s*作\s*报\s*告\s*\n[\s\u3000]*(?P<name>[\u4e00-\u9fff]{2,4})[\s\u3000]*\n[\s\u3000]*[（(]")


def _speaker_of(head: str) -> str | None:
    match = _SPEAKER.search(head) or _BARE_SPEAKER.search(head)
    if match:
        return re.sub(r"[\s\u3000?？]", "", match.group("name"))
    return None


def identify_report(
    text: str,
    body_span: tuple[int, int] | None = None,
    labelled_place: str | None = None,
    labelled_year: int | None = None,
    labelled_title: str | None = None,
    *,
    override_place: str | None = None,
    override_year: int | None = None,
) -> ReportIdentity:
    """Place, year, session, date, speaker and title of a report, read from its text.

    Labels are hints only: when they disagree with the text the text wins and the disagreement
    is described in ``label_conflict``. ``override_place``/``override_year`` come from a curated
    sidecar (<name>.meta.yml) and win over the text.
    """
    gazetteer = load_gazetteer()
    body_span = body_span or find_report_body(text)
    body = text[body_span[0] : body_span[1]]
    head, _ = _head_of(text, body_span)
    body_head = body[:_HEAD_CHARS]
    labelled = _labelled_codes(labelled_place, gazetteer)

    # Place clues, strongest first: the session line, "我代表X人民政府", the speaker, the title.
    clues: list[_Clue] = []
    session = None
    for match in _SESSION.finditer(head):
        session = session or re.sub(r"\s+", "", match.group("session"))
        clues.append(_Clue(match.group("place"), 10, "session"))
    for match in _ON_BEHALF.finditer(body_head):
        clues.append(_Clue(match.group("place"), 8, "我代表…人民政府"))
    for match in _SPEAKER.finditer(head):
        clues.append(_Clue(match.group("place"), 6, "speaker line"))
    title = _title_of(head, labelled_title)
    for source, weight, kind in ((title, 5, "title"), (labelled_title, 3, "labelled title")):
        match = _TITLE_PLACE.search(source or "")
        if match:
            clues.append(_Clue(match.group("place"), weight, kind))

    votes: dict[str, float] = Counter()
    reasons: dict[str, str] = {}
    for clue in clues:
        place = _resolve_words(clue.text, gazetteer, body, labelled)
        if place is None:
            continue
        votes[place.code] += clue.weight
        reasons.setdefault(place.code, f"{clue.kind} ({place.name})")

    place: Place | None = None
    evidence = ""
    if votes:
        code = max(votes, key=votes.__getitem__)  # ties: the earlier, stronger clue
        place, evidence = gazetteer.places[code], reasons[code]
    else:
        found = _frequency_candidate(body, gazetteer, _level_suffix(body), labelled)
        if found and found[1] >= 2:
            place, evidence = found[0], f"most named place ({found[1]}×)"
        elif labelled:
            place = gazetteer.places[min(labelled)]
            evidence = "source label only"

    if override_place:
        chosen = _resolve_words(override_place, gazetteer, body, {place.code} if place else set())
        if chosen is not None:
            place, evidence = chosen, f"sidecar ({override_place})"

    # Year: the delivery date, then the report's own headings, then the title, then the label.
    report_year, delivery_date, year_evidence = _delivery(head, body_head)
    if report_year is None:
        report_year, year_evidence = _content_year(body)
    if report_year is None:
        match = _TITLE_YEAR.search(title or "") or _TITLE_YEAR.search(labelled_title or "")
        if match:
            report_year, year_evidence = int(match.group(1)), f"title year {match.group(1)}"
    if report_year is None and labelled_year:
        report_year, year_evidence = labelled_year, "source label only"

    if override_year:
        report_year, year_evidence = int(override_year), f"sidecar ({override_year})"

    conflicts = []
    if place and labelled and place.code not in labelled:
        named = ", ".join(sorted(labelled))
        conflicts.append(f"labelled {labelled_place} ({named}) but the text is {place.name} ({place.code})")
    if report_year and labelled_year and report_year != labelled_year:
        conflicts.append(f"labelled {labelled_year} but the text says {report_year} ({year_evidence})")

    return ReportIdentity(
        place_code=place.code if place else None,
        place_name=place.name if place else None,
        report_year=report_year,
        session=session,
        delivery_date=delivery_date,
        speaker=_speaker_of(head),
        title=title,
        evidence="; ".join(part for part in (f"place from {evidence}" if evidence else "", f"year from {year_evidence}" if year_evidence else "") if part),
        label_conflict="; ".join(conflicts),
    )
