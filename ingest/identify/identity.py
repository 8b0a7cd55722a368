"""Works out where and when a report is from, using the report's own words before any source label."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ingest import catalogue
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
        # Where a name could start: a first character followed by a second character of some
        # name. The regex engine finds these in C (an eighth of a body's positions), so Python
        # looks only there instead of at every character.
        firsts = "".join(sorted({prefix[0] for prefix in self.by_prefix}))
        seconds = "".join(sorted({prefix[1] for prefix in self.by_prefix}))
        self.candidates = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])") if firsts else None

    def scan(self, text: str) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        if self.candidates is None:
            return found
        by_prefix, startswith = self.by_prefix, text.startswith
        position = 0  # where the next name may start (after the last one found)
        # Every candidate is one character wide, so finditer yields each candidate position.
        for candidate in self.candidates.finditer(text):
            start = candidate.start()
            if start < position:
                continue  # inside a name already found
            names = by_prefix.get(text[start : start + 2])
            if names:
                for name in names:
                    if startswith(name, start):
                        found.append((start, name))
                        position = start + len(name)
                        break
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
    if "国务院" in words or words in ("全国", "中华人民共和国"):
        return gazetteer.national
    words = _mask_zones(words)
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
    counts["国"] = text.count("全国") // 3  # every report says 全国 now and then; only 国务院 lives by it
    if not counts:
        return None
    suffix, count = counts.most_common(1)[0]
    return suffix if count >= 2 else None


def _suffix_of(place: Place) -> str:
    if place.level == "national":
        return "国"
    if place.name.endswith("自治区"):
        return "区" if place.level != "province" else "省"
    if place.level == "province":
        return "省" if place.name.endswith("省") else "市" if place.name.endswith("市") else "省"
    return place.name[-1]


@lru_cache(maxsize=1)
def _common_word_names() -> frozenset[str]:
    """Place names that are also everyday words (城区, 新区): never evidence on their own."""
    return frozenset(row["name"] for row in catalogue.read_seed("place_names_common_words.csv"))


def _body_name_counts(body: str, gazetteer: Gazetteer) -> Counter[str]:
    """How often each gazetteer name stands in the body. A common-word name (城区) counts only
    right after its parent's name (晋城市城区); zone names (高新区, 坪山新区) are masked first so
    that 坪山新区 is not read as 坪山 + 新区."""
    body = _mask_zones(body)
    common = _common_word_names()
    counts: Counter[str] = Counter()
    for position, name in _scanner().scan(body):
        if name in common:
            before = body[max(0, position - 6) : position]
            codes = gazetteer.all_names().get(name, ())
            parents = {gazetteer.places[c].prefecture_name or "" for c in codes if c in gazetteer.places}
            if not any(parent and before.endswith(parent) for parent in parents):
                continue
        counts[name] += 1
    return counts


def _support(place: Place, body: str, name_counts: Counter[str]) -> int:
    """Body mentions of a place: its full name, and its short name (南山 for 南山区) when that is
    at least two characters and not itself another place's full name."""
    full = name_counts.get(place.name, 0)
    if place.level == "national":
        return body.count("国务院") + body.count("我国")
    short = place.short_name
    if len(short) >= 2 and short != place.name and short not in _common_word_names():
        return max(full, body.count(short))
    return full


# 坪山新区, 前海深港现代服务业合作区: zones that are not administrative units.
_ZONE_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}(?:新区|开发区|高新区|工业园区|园区|合作区)")
# A zone name ends in 区 and spans at most this many characters (4 + 工业园区).
_ZONE_NAME_MAX = 8


def _mask_zones(text: str) -> str:
    """text with every _ZONE_NAME match replaced by □s, as _ZONE_NAME.sub would do it, searching
    only just before each 区: a match starts at most 7 characters before the 区 that ends it, so
    no match is missed, and one that starts at or before that 区 is whole within the window."""
    pieces, done, at = [], 0, text.find("区")
    while at >= 0:
        match = _ZONE_NAME.search(text, max(done, at - _ZONE_NAME_MAX + 1), at + _ZONE_NAME_MAX)
        if match is None or match.start() > at:
            at = text.find("区", at + 1)
            continue
        pieces += (text[done:match.start()], "□" * (match.end() - match.start()))
        done = match.end()
        at = text.find("区", done)
    return "".join(pieces) + text[done:] if pieces else text


# The report of a zone's management committee: 大鹏新区管委会工作报告, 我代表新区管委会.
_COMMITTEE = re.compile(r"管委会|管理委员会")
_FUNCTIONAL_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4}?新区)")
_STATE_COUNCIL = re.compile(r"代表国务院|国务院总理")


@dataclass
class _PlaceVotes:
    """Evidence for each candidate place, summed by kind (one vote per kind and place)."""

    scores: dict[str, dict[str, float]]

    def add(self, key: str, kind: str, weight: float) -> None:
        by_kind = self.scores.setdefault(key, {})
        by_kind[kind] = max(by_kind.get(kind, 0.0), weight)

    def total(self, key: str) -> float:
        return sum(self.scores.get(key, {}).values())


_STRONG_KINDS = frozenset({"session", "我代表…人民政府", "speaker line", "title", "国务院"})


def _functional_area_in(words: str, gazetteer: Gazetteer) -> str | None:
    """A 新区 name that no current division has (浦东新区 and 滨海新区 are districts)."""
    for match in _FUNCTIONAL_NAME.finditer(words or ""):
        name = match.group("name")
        # 2014年坪山新区 / 深圳市大鹏新区: the zone's name starts after the date or the city
        name = re.split(r"[年月日的在和市]", name[:-2])[-1] + "新区"
        if len(name) >= 4 and not gazetteer.by_name(name):
            return name
    return None


def file_words_of(source_name: str | None) -> str:
    """What identification reads of a file's name: its stem, folders aside (the cache key keeps
    it too, ingest/land/store.py)."""
    if not source_name:
        return ""
    stem = source_name.replace("\\", "/").rsplit("/", 1)[-1]
    return stem.rsplit(".", 1)[0]


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


def _place_votes(
    head: str, body: str, body_head: str, title: str | None, labelled_title: str | None,
    labelled_place: str | None, labelled: set[str], file_words: str, gazetteer: Gazetteer,
) -> tuple[_PlaceVotes, dict[str, str], str | None]:
    """Every clue as a vote for a place code (or for a functional area, keyed 'area:<name>')."""
    votes = _PlaceVotes({})
    described: dict[str, str] = {}
    session = None

    def vote(words: str | None, weight: float, kind: str) -> None:
        area = _functional_area_in(words or "", gazetteer)
        if area and (kind != "我代表…人民政府"):
            votes.add(f"area:{area}", kind, weight)
            described.setdefault(f"area:{area}", f"{kind} ({area})")
            return
        place = _resolve_words(words or "", gazetteer, body, labelled)
        if place is not None:
            votes.add(place.code, kind, weight)
            described.setdefault(place.code, f"{kind} ({place.name})")

    for match in _SESSION.finditer(head):
        session = session or re.sub(r"\s+", "", match.group("session"))
        vote(match.group("place"), 10, "session")
    for match in _ON_BEHALF.finditer(body_head):
        vote(match.group("place"), 8, "我代表…人民政府")
    if _STATE_COUNCIL.search(body_head):
        votes.add(gazetteer.national.code, "国务院", 8)
        described.setdefault(gazetteer.national.code, "国务院 (全国)")
    for match in _SPEAKER.finditer(head):
        vote(match.group("place"), 6, "speaker line")
    for source, weight, kind in ((title, 5, "title"), (labelled_title, 3, "labelled title")):
        match = _TITLE_PLACE.search(source or "")
        if match:
            vote(match.group("place"), weight, kind)
    if file_words:
        session_in_name = _SESSION.search(file_words)
        if session_in_name and session_in_name.group("place"):
            vote(session_in_name.group("place"), 6, "file name")
        else:
            vote(re.sub(r"(?:19|20)\d{2}", " ", file_words).split("政府工作报告")[0].split("工作报告")[0], 4, "file name")
        if _COMMITTEE.search(file_words):
            area = _functional_area_in(file_words, gazetteer)
            if area:
                votes.add(f"area:{area}", "management committee", 4)
    if labelled_place:
        vote(labelled_place, 3, "source label")
    # A zone's committee speaks for itself near the top: 我代表新区管委会 / 大鹏新区管委会2014年工作报告.
    area_in_head = _functional_area_in(body_head[:300] + " " + (title or ""), gazetteer)
    if area_in_head and _COMMITTEE.search(body_head[:600] + (title or "")):
        votes.add(f"area:{area_in_head}", "management committee", 4)
    return votes, described, session


def identify_report(
    text: str,
    body_span: tuple[int, int] | None = None,
    labelled_place: str | None = None,
    labelled_year: int | None = None,
    labelled_title: str | None = None,
    *,
    source_name: str | None = None,
    override_place: str | None = None,
    override_year: int | None = None,
) -> ReportIdentity:
    """Place, year, session, date, speaker and title of a report, weighed from all its evidence.

    Every clue votes: the session line, 我代表X人民政府, the speaker, the title, the file name
    (``source_name``; None for a row of a container, whose file names many reports), the source
    labels, and the body's own mentions of each candidate with the report's level word (全区 …).
    Labels are hints only: when they disagree with the text the text wins and the disagreement is
    described in ``label_conflict``. ``override_place``/``override_year`` come from a curated
    sidecar (<name>.meta.yml) and win over everything.
    """
    gazetteer = load_gazetteer()
    body_span = body_span or find_report_body(text)
    body = text[body_span[0] : body_span[1]]
    head, _ = _head_of(text, body_span)
    body_head = body[:_HEAD_CHARS]
    labelled = _labelled_codes(labelled_place, gazetteer)
    title = _title_of(head, labelled_title)
    file_words = file_words_of(source_name)

    votes, described, session = _place_votes(
        head, body, body_head, title, labelled_title, labelled_place, labelled, file_words, gazetteer
    )
    # The report's own level word: 我代表区人民政府 says it outright, 全区/本区 say it by counting.
    bare = re.search(r"代表(?P<suffix>[省市县区旗州盟])(?:第[一二三四五六七八九十]+届)?人民政府", body_head)
    level = bare.group("suffix") if bare else _level_suffix(body)
    name_counts = _body_name_counts(body, gazetteer)
    # The body's most named places of the report's own level join the candidates.
    for name, count in name_counts.most_common(12):
        if count < 2:
            break
        if level and not name.endswith(level) and not (level == "区" and name.endswith("自治区")):
            continue
        place = _resolve_words(name, gazetteer, body, labelled)
        if place is not None:
            votes.scores.setdefault(place.code, {})
            described.setdefault(place.code, f"most named place ({count}×)")
    for key in list(votes.scores):
        if key.startswith("area:"):
            votes.add(key, "body mentions", min(6.0, 1.5 * math.log2(1 + body.count("新区"))))
            continue
        place = gazetteer.places[key]
        support = _support(place, body, name_counts)
        if support:
            votes.add(key, "body mentions", min(6.0, 1.5 * math.log2(1 + support)))
        if level and _suffix_of(place) != level:
            votes.add(key, "level word", -6.0)

    place: Place | None = None
    functional_area = None
    evidence = ""
    place_confidence = "low"
    ranked = sorted(votes.scores, key=lambda k: (-votes.total(k), k))
    if ranked and votes.total(ranked[0]) > 0:
        best = ranked[0]
        best_total = votes.total(best)
        runner = max((votes.total(k) for k in ranked[1:]), default=0.0)
        kinds = {kind for kind, weight in votes.scores[best].items() if weight > 0}
        evidence = f"{described.get(best, best)} [{', '.join(sorted(kinds))}; score {best_total:.1f}]"
        backed = bool(kinds & _STRONG_KINDS) or (
            bool(kinds & {"file name", "source label"}) and votes.scores[best].get("body mentions", 0) >= 3
        )
        if best.startswith("area:"):
            functional_area = best.removeprefix("area:")
        else:
            place = gazetteer.places[best]
            if place.name in _common_word_names() and not any(
                body.count(a.short_name) >= 3 for a in gazetteer.ancestors(place)
            ):
                backed = False  # 城区 on its own is a word, not a place
            if backed and runner < 0.6 * best_total:
                place_confidence = "high"
    elif labelled:
        place = gazetteer.places[min(labelled)]
        evidence = "source label only"

    if override_place:
        chosen = _resolve_words(override_place, gazetteer, body, {place.code} if place else set())
        if chosen is not None:
            place, evidence, place_confidence, functional_area = chosen, f"sidecar ({override_place})", "high", None

    report_year, delivery_date, year_evidence, year_confidence = _year_of(
        head, body, body_head, title, labelled_title, labelled_year, file_words
    )
    if override_year:
        report_year, year_evidence, year_confidence = int(override_year), f"sidecar ({override_year})", "high"

    conflicts = []
    if place and labelled and place.code not in labelled:
        named = ", ".join(sorted(labelled))
        conflicts.append(f"labelled {labelled_place} ({named}) but the text is {place.name} ({place.code})")
    if report_year and labelled_year and report_year != labelled_year:
        conflicts.append(f"labelled {labelled_year} but the text says {report_year} ({year_evidence})")

    return ReportIdentity(
        place_code=place.code if place else None,
        place_name=place.name if place else functional_area,
        report_year=report_year,
        session=session,
        delivery_date=delivery_date,
        speaker=_speaker_of(head),
        title=title,
        evidence="; ".join(
            part for part in (f"place from {evidence}" if evidence else "", f"year from {year_evidence}" if year_evidence else "") if part
        ),
        label_conflict="; ".join(conflicts),
        place_confidence=place_confidence if place else "low",
        year_confidence=year_confidence if report_year else "low",
        functional_area=functional_area,
    )


# --- the year ---------------------------------------------------------------------------------

# A heading line: short, on its own line, often numbered (一、 / （一） / 1.).
_HEADING_LINE = re.compile(r"^[\s\u3000]*(?P<line>[^\n。；]{4,60})[\s\u3000]*$", re.M)
_PLAN_WORDS = re.compile(r"安排|任务|目标|总体要求|打算|思路|重点|预期|部署|主要工作|工作建议|计划")
_REVIEW_WORDS = re.compile(r"回顾|总结|以来|情况|成绩|成就|进展|完成")
_FIRST_PART = re.compile(r"[\s\u3000]*一[、.．]")
_LATER_PART = re.compile(r"[\s\u3000]*[二三四五][、.．]")
_STRICT_REVIEW_WORDS = re.compile(r"回顾|总结|以来|情况")
_PLAN_VERB = re.compile(r"(?:做好|抓好|完成好|推动|奋力|确保)[^，,]{0,4}$")
_FIRST_PART_PLAN_WORDS = re.compile(r"安排|任务|目标|打算|计划")
# A new term's report looks five years ahead: 到2025年 from a report of 2021.
_NEW_TERM = re.compile(r"过去五年|五年来|本届政府|届人大一次会议以来")
# 到2025年 ahead, not 从2015年的…增长到2020年 behind.
_HORIZON = re.compile(r"(?<!增长|提高|下降|增加|减少|扩大|上升|降低|增至|升至)到(?P<year>20[0-9][05])年")
_JUST_PAST = re.compile(r"(?:刚刚|已经)过去的(?P<year>(?:19|20)\d{2})年")
# 特别是2020年以来 (the review runs up to now); 2016年地区生产总值突破500亿元 (last year's figure).
_SINCE_YEAR = re.compile(r"(?<![\d—–-])(?P<year>(?:19|20)\d{2})年以来")
_REVIEW_FIGURE = re.compile(
    r"(?<![\d—–-])(?P<year>(?:19|20)\d{2})年[，,]?(?:全[省市县区]|本[省市县区]|我[省市县区])?(?:实现)?(?:地区|本市|全市|全区|全县)?生产总值(?!.{0,6}目标)"
)
_YEAR_IN = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年(?!代)")
# 刚刚过去的2019年 / 2022年是…的一年 / 2015年，我们… — the review opens on last year.
_REVIEW_OPENING = re.compile(
    r"(?:刚刚|已经)?过去的(?P<year>(?:19|20)\d{2})年|(?P<year2>(?:19|20)\d{2})年(?:[，,]|是|以来|，是)"
)


def _year_votes(
    head: str, body: str, body_head: str, title: str | None, labelled_title: str | None,
    labelled_year: int | None, file_words: str,
) -> tuple[dict[int, dict[str, float]], str | None, dict[int, str]]:
    votes: dict[int, dict[str, float]] = {}
    described: dict[int, str] = {}

    def vote(year: int | None, kind: str, weight: float, what: str) -> None:
        if not year or not 1949 < year < 2100:
            return
        by_kind = votes.setdefault(year, {})
        if weight > by_kind.get(kind, 0):
            by_kind[kind] = weight
        described.setdefault(year, what)

    year, delivery_date, what = _delivery(head, body_head)
    vote(year, "delivery date", 14, what)
    # Headings: the first review heading names last year, the first plan heading this year.
    seen_kinds: set[str] = set()
    for match in _HEADING_LINE.finditer(body):
        line = match.group("line")
        found = _YEAR_IN.search(line)
        if not found or "以前" in line or len(_YEAR_IN.findall(line)) > 2:
            continue
        if re.match(r"\s*\d{1,2}\s*月", line[found.end() :]):
            continue  # a dateline (新华社北京2023年3月14日电), not a heading
        named = int(found.group("year"))
        before, after = line[: found.start()], line[found.end() :]
        if _FIRST_PART.match(line):  # the first part is the review unless it says outright it plans
            is_plan = bool(_FIRST_PART_PLAN_WORDS.search(after)) and not _REVIEW_WORDS.search(after)
        elif _LATER_PART.match(line):  # 二、高质量做好2022年各项工作: a later part names this year
            is_plan = not _STRICT_REVIEW_WORDS.search(after)
        else:
            is_plan = (bool(_PLAN_WORDS.search(after)) or bool(_PLAN_VERB.search(before))) and not _REVIEW_WORDS.search(after)
        if is_plan:  # the plan comes after the review: later headings are annexes and glossaries
            vote(named, "plan heading", 8, f"plan heading {line.strip()[:30]}")
            break
        if "review heading" not in seen_kinds:
            seen_kinds.add("review heading")
            vote(named + 1, "review heading", 8, f"review heading {line.strip()[:30]}")
    opening = _REVIEW_OPENING.search(body[:1500])
    if opening:
        named = int(opening.group("year") or opening.group("year2"))
        vote(named + 1, "review opening", 5, f"review opening {opening.group(0)}")
    just_past = _JUST_PAST.search(body[:8000])
    if just_past:
        vote(int(just_past.group("year")) + 1, "review opening", 5, f"review opening {just_past.group(0)}")
    for pattern, kind in ((_SINCE_YEAR, "review since"), (_REVIEW_FIGURE, "review figure")):
        found = pattern.search(body[:6000])
        if found:
            vote(int(found.group("year")) + 1, kind, 3, f"{kind} {found.group(0)}")
    if _NEW_TERM.search(body[:5000]):
        horizons = Counter(int(m.group("year")) for m in _HORIZON.finditer(body))
        if horizons:
            horizon = horizons.most_common(1)[0][0]
            vote(horizon - 4, "five-year horizon", 3, f"five-year horizon 到{horizon}年")
    for source, kind, weight in ((title, "title", 5), (labelled_title, "labelled title", 3)):
        found = _TITLE_YEAR.search(source or "")
        if found:
            vote(int(found.group(1)), kind, weight, f"{kind} {found.group(1)}")
    if file_words:
        dated = _ANY_DATE.search(file_words)
        if dated:
            # a full date is as good as a delivery date line; a month alone is not
            vote(_date_of(dated)[0], "file name", 7 if dated.group("day") else 5, f"file name date {dated.group(0)}")
        else:
            years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", file_words)
            if years:
                vote(int(years[-1]), "file name", 4, f"file name {years[-1]}")
    vote(labelled_year, "source label", 3, f"source label {labelled_year}")
    return votes, delivery_date, described


def _year_of(
    head: str, body: str, body_head: str, title: str | None, labelled_title: str | None,
    labelled_year: int | None, file_words: str,
) -> tuple[int | None, str | None, str, str]:
    """The congress year, the delivery date, the evidence and the confidence ('high'/'low')."""
    votes, delivery_date, described = _year_votes(
        head, body, body_head, title, labelled_title, labelled_year, file_words
    )
    if not votes:
        return None, delivery_date, "", "low"
    totals = {year: sum(kinds.values()) for year, kinds in votes.items()}
    best = max(totals, key=lambda y: (totals[y], y))
    runner = max((t for y, t in totals.items() if y != best), default=0.0)
    kinds = votes[best]
    confidence = "high" if (totals[best] >= 7 and runner <= 0.5 * totals[best]) else "low"
    evidence = f"{described[best]} [{', '.join(sorted(kinds))}; score {totals[best]:.0f}]"
    return best, delivery_date, evidence, confidence
