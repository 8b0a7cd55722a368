"""Quantities in report sentences: "1,100.9亿元", "百分之六点五", "6%—6.5%", "8%以上" → value, unit, bound."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ingest import catalogue

BOUNDS = ("eq", "approx", "ge", "gt", "le", "lt", "range")
RANK_UNIT = "rank"
BARE_UNIT = ""  # a number with no unit (a ratio such as 1.83, an index)


@dataclass(frozen=True)
class Quantity:
    """One quantity; start/end index the text it was found in (end exclusive)."""

    start: int
    end: int
    surface: str
    value: float
    value_upper: float | None  # upper end of a range, else None
    bound: str  # one of BOUNDS
    unit: str  # canonical code from units.csv; 'rank' for rankings; '' for a bare number
    unit_raw: str  # as written, scale included: 亿元, 万亩, %
    sign_word: str  # the change word that set the sign (下降, 增长), '' if none


# ---------------------------------------------------------------- numerals

# Full-width forms → ASCII, one character for one, so offsets survive.
_NARROW_FORM = dict(zip("０１２３４５６７８９．％－～＋：，", "0123456789.%-~+:,"))
_FULL_WIDTH_FORM = re.compile("[" + re.escape("".join(_NARROW_FORM)) + "]")
_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_SCALES = {"十": 10, "百": 100, "千": 1000}
_SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
# 几/数 stand for a digit: leading (几十, 数百) 2–9, trailing (三十几) 1–9.
_VAGUE_DIGITS = "几数"
_VAGUE_DIGIT_SET = frozenset(_VAGUE_DIGITS)

_ARABIC = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"
_CN_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿几数"
_CN_NUMERAL = rf"[{_CN_NUMERAL_CHARS}]+(?:点[零〇○一二三四五六七八九]+)?"
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MIXED_NUMBER = re.compile(r"(\d+)万(\d{1,4})")
_SCALED_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(万亿|千万|百万|亿|万|千|百)")


def normalise_width(text: str) -> str:
    """Full-width digits and signs as ASCII; same length, so offsets index the original."""
    # Replacing just the forms present is several times faster than str.translate on CJK text.
    for wide in set(_FULL_WIDTH_FORM.findall(text)):
        text = text.replace(wide, _NARROW_FORM[wide])
    return text


def _chinese_integer(numeral: str) -> float:
    """一千二百 → 1200, 三亿五千万 → 350000000, 二〇二二 → 2022 (digit by digit)."""
    if len(numeral) > 1 and all(ch in _CN_DIGITS for ch in numeral):
        return float("".join(str(_CN_DIGITS[ch]) for ch in numeral))
    hundred_millions, ten_thousands, section, digit = 0.0, 0.0, 0.0, None
    for ch in numeral:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_SCALES:
            section += (1 if digit is None else digit) * _CN_SMALL_SCALES[ch]
            digit = None
        elif ch == "万":
            ten_thousands = (section + (digit or 0) or 1) * 1e4
            section, digit = 0.0, None
        elif ch == "亿":
            hundred_millions = (hundred_millions + ten_thousands + section + (digit or 0) or 1) * 1e8
            ten_thousands, section, digit = 0.0, 0.0, None
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return hundred_millions + ten_thousands + section + (digit or 0)


def _chinese_number(numeral: str) -> float:
    whole, _, fraction = numeral.partition("点")
    value = _chinese_integer(whole) if whole else 0.0
    if fraction:
        value += float("0." + "".join(str(_CN_DIGITS[ch]) for ch in fraction))
    return value


def parse_number(text: str) -> float:
    """A bare numeral as a float: '1,100.9', '６．５', '一千二百', '六点五', '1.2万', '3万4000'."""
    return _parse_bare_number(_bare(text), text)


def _bare(text: str) -> str:
    """A numeral as written → ASCII forms, no surrounding space, no thousands separators."""
    return normalise_width(text).strip().replace(",", "")


def _parse_bare_number(s: str, text: str) -> float:
    """parse_number of s == _bare(text)."""
    if not s:
        raise ValueError("empty numeral")
    if _PLAIN_NUMBER.fullmatch(s):
        return float(s)
    mixed = _MIXED_NUMBER.fullmatch(s)
    if mixed:
        return float(mixed.group(1)) * 1e4 + float(mixed.group(2))
    scaled = _SCALED_NUMBER.fullmatch(s)
    if scaled:
        return float(scaled.group(1)) * _SCALES[scaled.group(2)]
    if _has_vague_digit(s):
        raise ValueError(f"approximate numeral, use numeral_range: {text!r}")
    return _chinese_number(s)


def numeral_range(text: str) -> tuple[float, float]:
    """(low, high) of a numeral; equal ends unless it is vague: 几十 → (20, 90), 三十几 → (31, 39)."""
    return _bare_numeral_range(_bare(text))


def _bare_numeral_range(s: str) -> tuple[float, float]:
    """numeral_range of a numeral already made bare (_bare)."""
    if s.startswith("上") and s[1:] in _SCALES:  # 上百 = a hundred or more, below a thousand
        low = _SCALES[s[1:]]
        return low, low * 9
    if not _has_vague_digit(s):
        # parse_number(s) without normalising again: _bare(s) is s.strip() for a bare s.
        value = _parse_bare_number(s.strip(), s)
        return value, value
    low = "".join(("2" if i == 0 else "1") if ch in _VAGUE_DIGITS else ch for i, ch in enumerate(s))
    high = "".join("9" if ch in _VAGUE_DIGITS else ch for ch in s)
    return _chinese_number(_arabic_digits_to_chinese(low)), _chinese_number(_arabic_digits_to_chinese(high))


def _has_vague_digit(numeral: str) -> bool:
    return not _VAGUE_DIGIT_SET.isdisjoint(numeral)


def _arabic_digits_to_chinese(s: str) -> str:
    return "".join("零一二三四五六七八九"[int(ch)] if ch.isdigit() else ch for ch in s)


# ---------------------------------------------------------------- units


@lru_cache(maxsize=1)
def unit_table() -> dict[str, tuple[str, float]]:
    """unit as written → (canonical code, factor), from dbt_project/seeds/units.csv."""
    return {row["unit_raw"]: (row["unit"], float(row["factor"])) for row in catalogue.read_seed("units.csv")}


def _unit_alternative(row: dict[str, str]) -> str:
    """A unit as a regex alternative; 方 must not start 方案, 位 not 位居 (column not_followed_by)."""
    blocked = row.get("not_followed_by") or ""
    return re.escape(row["unit_raw"]) + (f"(?![{re.escape(blocked)}])" if blocked else "")


@lru_cache(maxsize=1)
def _quantity_pattern() -> re.Pattern[str]:
    units = "|".join(_unit_alternative(row) for row in sorted(
        catalogue.read_seed("units.csv"), key=lambda row: len(row["unit_raw"]), reverse=True))
    scales = "万亿|千亿|百亿|十亿|千万|百万|亿|万|千"
    pattern = re.compile(
        rf"""
        (?:
            百分之(?P<percent_word>{_ARABIC}|{_CN_NUMERAL})
          | (?P<arabic>{_ARABIC})(?:万(?P<tail>\d{{1,4}})(?![\d.]))?
          | (?P<vague>上[百千万])
          | (?P<chinese>{_CN_NUMERAL})
        )
        (?P<mid>余|多)?
        (?:
            (?P<scale>{scales})(?P<mid2>余|多)?\s?(?P<unit>{units})
          | \s?(?P<unit_only>{units})
          | (?P<scale_only>{scales})(?P<mid3>余|多)?
        )?
        (?P<suffix>左右|以上|以下|以内|之内|上下|余|多)?
        """,
        re.VERBOSE,
    )
    # _Groups(*match.groups()) names the groups by position.
    assert pattern.groups == len(_Groups._fields) and tuple(pattern.groupindex) == _Groups._fields
    return pattern


class _Groups(NamedTuple):
    """The groups of one match of the grammar, in pattern order: one groups() call is much
    cheaper than a named group() look-up for each."""

    percent_word: str | None
    arabic: str | None
    tail: str | None
    vague: str | None
    chinese: str | None
    mid: str | None
    scale: str | None
    mid2: str | None
    unit: str | None
    unit_only: str | None
    scale_only: str | None
    mid3: str | None
    suffix: str | None


# Every match of the grammar starts with a digit, 上 (上百), or a Chinese numeral (百分之 included).
_QUANTITY_START = re.compile(rf"[\d上{_CN_NUMERAL_CHARS}]")


_STEP_UP_VERBS = set("迈跨登站走冲攀跃")
# Single-character units that after a Chinese numeral usually begin a word (七方面, 五位一体).
_WORDY_UNITS = {"方", "位", "起", "头", "眼", "部", "门", "只", "枚", "篇", "宗", "例", "架", "米", "天", "次", "场"}

# ---------------------------------------------------------------- context words

_SUFFIX_BOUND = {"左右": "approx", "上下": "approx", "以上": "ge", "以下": "le", "以内": "le",
                 "之内": "le", "余": "gt", "多": "gt"}
_PREFIX_BOUND = re.compile(
    r"(?P<word>大约|(?<![签制节公条合预特邀履违集缩])约|将近|接近|近|超过|超出|超|突破|逾|高于|多于|不低于|不少于|至少|"
    r"不超过|不高于|不多于|控制在|控制到|低于|少于|不到|不足)$"
)
_PREFIX_BOUND_KIND = {
    "大约": "approx", "约": "approx", "将近": "approx", "接近": "approx", "近": "approx",
    "超过": "gt", "超出": "gt", "超": "gt", "突破": "gt", "逾": "gt", "高于": "gt", "多于": "gt",
    "不低于": "ge", "不少于": "ge", "至少": "ge",
    "不超过": "le", "不高于": "le", "不多于": "le", "控制在": "le", "控制到": "le",
    "低于": "lt", "少于": "lt", "不到": "lt", "不足": "lt",
}
_NEGATIVE_WORDS = ("下降", "减少", "降低", "回落", "下滑", "下跌", "缩小", "收窄", "压减", "压降", "减", "降")
_SIGN_WORD = re.compile(
    r"(?P<sign>增长|增加|增幅|增速|提高|上升|提升|上涨|涨幅|下降|减少|降低|回落|下滑|下跌|缩小|收窄|压减|压降|减|降)"
    r"(?:了|为|达|幅度为?)?(?:大约|约|将近|接近|近|超过|超|突破|逾|不低于|不超过|控制在|低于)?\s*$"
)
_RANGE_SEPARATOR = re.compile(r"\s*(?:—{1,2}|－|-|–|~|至|到)\s*")
_LIST_SEPARATOR = re.compile(r"\s*(?:、|和|与|及|以及)\s*")
# What must not sit right before a number: letters, '+', '/', '.', ':' (codes, 5G, 4+1, 12:30).
_BAD_BEFORE = re.compile(r"[A-Za-z+/.:_#]$")
_BAD_AFTER = re.compile(r"^(?:[A-Za-z+/_#]|:\d|\.\d)")
# A bare number followed by these is a date, a version, a grade, not a quantity.
_DATE_OR_LABEL_AFTER = re.compile(r"^(?:月|日|号|时|点|届|期|版|代|级|季度|周年|世纪|强|大|中|号线|线|国道|省道|次会议)")
_YEAR_RANGE_AFTER = re.compile(r"^\s*(?:—{1,2}|－|-|–|~|至|到)\s*(?:19|20)\d{2}")
_FOOTNOTE = re.compile(r"[\[［【〔(（]\s*$")
_FOOTNOTE_CLOSE = re.compile(r"^\s*[\]］】〕)）]")
_RANK = re.compile(
    rf"第(?P<nth>{_ARABIC}|[一二三四五六七八九十百两]+)(?P<rank_unit>位|名)?(?=$|[，。；、）)”\s和,;!！]|位|名|的)"
    rf"|(?<=[省市国县区内])前(?P<top>{_ARABIC}|[一二三四五六七八九十百两]+)(?P<top_unit>位|名|强)?(?![个月年季天位名])"
    rf"|(?<=[省市国县区内界])(?P<strong>{_ARABIC}|[一二三四五六七八九十百两]+)强(?=$|[，。；、）)”\s和,;]|之|行列|榜)"
    rf"|(?<=[居列])(?:全[省市国县区]|[\u4e00-\u9fff]{{0,6}})(?P<first>首位|榜首)"
)
# Every match of _RANK holds one of these: 第…, 前…, …强, 首位/榜首.
_RANK_MARK = re.compile(r"[第前强首]")
_RANK_CONTEXT = re.compile(r"[居列排获夺位]|全[省市国县区]|省内|国内|同类|排名|名次|全球|世界")
_RATIO = re.compile(r"(?<![\d.])(?P<left>\d+(?:\.\d+)?)\s*[:∶]\s*1(?![\d.])")


def _prefix_bound(text: str, start: int) -> str:
    match = _PREFIX_BOUND.search(text[max(0, start - 4):start])
    return _PREFIX_BOUND_KIND[match.group("word")] if match else ""


def _sign_word(text: str, start: int) -> str:
    match = _SIGN_WORD.search(text[max(0, start - 8):start])
    return match.group("sign") if match else ""


def _is_negative(sign_word: str) -> bool:
    return sign_word in _NEGATIVE_WORDS


# ---------------------------------------------------------------- the grammar


class _Raw(NamedTuple):
    start: int
    end: int
    low: float
    high: float
    factor: float  # applied already to low/high
    unit: str
    unit_raw: str
    prefix_bound: str
    suffix_bound: str
    has_scale_or_unit: bool
    sign_word: str


def _numeral_text(groups: _Groups) -> str:
    return groups.percent_word or groups.arabic or groups.vague or groups.chinese or ""


_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")
_LONG_DIGITS = re.compile(r"\d{5,}")
_LIST_MARKER_AFTER = re.compile(r"[.、．](?!\d)")
_CHINESE_YEAR = re.compile(r"[零〇○一二三四五六七八九]{4}")


def _skip_numeral(text: str, start: int, end: int, groups: _Groups, numeral: str, unit_raw: str) -> bool:
    """Years, dates, ordinals, list markers, codes and words that merely contain a numeral."""
    before, after = text[max(0, start - 1):start], text[end:end + 4]
    if before == "第":
        return True  # ordinals (第十七届); ranks are found by _RANK
    if groups.arabic:
        digits = groups.arabic
        if _BAD_BEFORE.search(before) or _BAD_AFTER.search(after):
            return True
        if _YEAR_DIGITS.fullmatch(digits) and not groups.tail and unit_raw in ("", "年"):
            return True  # a year
        if not unit_raw and not (groups.scale_only or groups.percent_word):
            if _DATE_OR_LABEL_AFTER.search(after) or _YEAR_RANGE_AFTER.search(after):
                return True
            if _FOOTNOTE.search(text[max(0, start - 2):start]) and _FOOTNOTE_CLOSE.search(after):
                return True  # footnote markers [16], 〔3〕
            if _LONG_DIGITS.fullmatch(digits):
                return True  # codes and hotlines (12345)
            if before in "“\"‘「" and after[:1] in "”\"’」":
                return True  # slogans: “1133”发展思路
            if _LIST_MARKER_AFTER.match(after) and (start == 0 or not text[start - 1].isalnum()):
                return True  # list markers: 12.人才
        return False
    if groups.chinese:
        if unit_raw == "年" and _CHINESE_YEAR.fullmatch(numeral):
            return True  # 二〇二二年 is a year
        if unit_raw in _WORDY_UNITS:
            return True  # 五位一体, 七方面, 三起: the character starts a word, not a unit
        if before in "“\"‘「":
            return True  # slogans: “三名工程”, “两个确保”
        if numeral == "一" or numeral in _SCALES or numeral in ("几", "数"):
            return True  # 一个/一批 are articles; bare 千/万 are idioms (千家万户, 万亩千亿)
        if before and before in "统唯万之其":
            return True  # 统一个, 唯一, 万一 …
    return False


def _raw_quantity(text: str, match: re.Match[str]) -> _Raw | None:
    groups = _Groups(*match.groups())
    if groups.chinese and not (groups.unit or groups.unit_only):
        return None  # unitless Chinese numerals are words (十四五, 二十大, 一批): a third of all matches, skipped first
    start, end = match.span()
    scale = groups.scale or groups.scale_only or ""
    unit_written = groups.unit or groups.unit_only or ""
    if groups.percent_word:
        unit_written = unit_written or "%"
    unit_raw = scale + unit_written
    numeral = _numeral_text(groups)
    if _skip_numeral(text, start, end, groups, numeral, unit_written):
        return None
    try:
        if groups.tail:
            low = high = float(numeral.replace(",", "")) * 1e4 + float(groups.tail)
        elif numeral.startswith("上") and text[max(0, start - 1):start] in _STEP_UP_VERBS:
            low = high = _SCALES[numeral[1:]]  # 迈上万亿元台阶: 上 belongs to the verb
        else:
            # numeral_range without normalising: the numeral was matched in normalised text.
            low, high = _bare_numeral_range(numeral.strip().replace(",", ""))
    except (ValueError, KeyError):
        return None
    units = unit_table()
    unit, unit_factor = units.get(unit_written, (BARE_UNIT, 1.0))
    if groups.percent_word:
        unit, unit_factor = units["%"]
    factor = _SCALES.get(scale, 1.0) * unit_factor
    mid = groups.mid or groups.mid2 or groups.mid3
    suffix = groups.suffix or ""
    suffix_bound = _SUFFIX_BOUND.get(suffix, "") or ("gt" if mid else "")
    return _Raw(
        start=start,
        end=end,
        low=low * factor,
        high=high * factor,
        factor=factor,
        unit=unit,
        unit_raw=unit_raw,
        prefix_bound=_prefix_bound(text, start),
        suffix_bound=suffix_bound,
        has_scale_or_unit=bool(scale or unit_written),
        sign_word=_sign_word(text, start),
    )


def _merge_ranges(text: str, raws: list[_Raw]) -> list[_Raw]:
    """`6%—6.5%`, `6至7%`, `3-5亿元`: two adjacent numbers joined by a dash or 至/到 are one range."""
    merged: list[_Raw] = []
    i = 0
    while i < len(raws):
        first = raws[i]
        if i + 1 < len(raws):
            second = raws[i + 1]
            joined = _RANGE_SEPARATOR.fullmatch(text[first.end:second.start]) is not None
            compatible = first.unit == second.unit or (not first.has_scale_or_unit and second.unit)
            if joined and not first.unit and not second.unit:
                i += 2  # 11-15, 3-2: dates and codes, not quantities
                continue
            if joined and compatible and second.unit:
                low = first.low if first.has_scale_or_unit else first.low * second.factor
                if low <= second.low:
                    merged.append(_Raw(first.start, second.end, low, second.high, second.factor, second.unit,
                                       second.unit_raw, first.prefix_bound, second.suffix_bound or "range_",
                                       True, first.sign_word))
                    i += 2
                    continue
        merged.append(first)
        i += 1
    return merged


def _finish(text: str, raws: list[_Raw]) -> list[Quantity]:
    """Bounds and signs; a prefix bound or sign carries along a list (分别超过8万元、4.5万元)."""
    quantities: list[Quantity] = []
    previous: _Raw | None = None
    carried_bound, carried_sign = "", ""
    for raw in raws:
        in_list = previous is not None and _LIST_SEPARATOR.fullmatch(text[previous.end:raw.start]) is not None
        prefix_bound = raw.prefix_bound or (carried_bound if in_list else "")
        sign_word = raw.sign_word or (carried_sign if in_list else "")
        low, high = raw.low, raw.high
        if raw.suffix_bound == "range_" or high != low:
            bound, upper = "range", high
        else:
            bound, upper = raw.suffix_bound or prefix_bound or "eq", None
        if _is_negative(sign_word):
            low, upper = -low, (None if upper is None else -upper)
            if upper is not None:
                low, upper = upper, low  # keep value ≤ value_upper
        low, upper = _tidy(low), (None if upper is None else _tidy(upper))
        quantities.append(Quantity(raw.start, raw.end, text[raw.start:raw.end], low, upper, bound,
                                   raw.unit, raw.unit_raw, sign_word))
        carried_bound, carried_sign = prefix_bound, sign_word
        previous = raw
    return quantities


def _tidy(value: float) -> float:
    """1197.9 × 1e8 is 119790000000.00002 in binary; 12 significant digits are plenty. A fall of
    0% is 0, not -0.0: the warehouse compares the two equal but prints them apart, and an
    incremental build's peer ranks then differed from a full build's in the sign of a zero."""
    return float(f"{value:.12g}") + 0.0


def _rank_quantities(text: str) -> list[Quantity]:
    if not _RANK_MARK.search(text):
        return []  # most sentences: no need for the slower _RANK search
    ranks = []
    for match in _RANK.finditer(text):
        if match.group("first"):
            start = match.start("first")
            ranks.append(Quantity(start, match.end(), match.group("first"), 1.0, None, "eq", RANK_UNIT, "位", ""))
            continue
        if match.group("nth") and not match.group("rank_unit") and not _RANK_CONTEXT.search(text[max(0, match.start() - 10):match.start()]):
            continue  # 安全第一, 质量第一: a motto, not a ranking
        numeral = match.group("nth") or match.group("top") or match.group("strong")
        try:
            value = parse_number(numeral)
        except (ValueError, KeyError):
            continue
        bound = "eq" if match.group("nth") else "le"
        unit_raw = match.group("rank_unit") or match.group("top_unit") or ("强" if match.group("strong") else "")
        ranks.append(Quantity(match.start(), match.end(), match.group(0), value, None, bound, RANK_UNIT,
                              unit_raw, ""))
    return ranks


def _ratio_quantities(text: str) -> list[Quantity]:
    if ":" not in text and "∶" not in text:
        return []  # most sentences: no need for the slower _RATIO search
    return [Quantity(m.start(), m.end(), m.group(0), float(m.group("left")), None, "eq", "ratio", ":1", "")
            for m in _RATIO.finditer(text)]


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantity in a sentence, in order; offsets index `text`."""
    normal = normalise_width(text)
    special = _rank_quantities(normal) + _ratio_quantities(normal)
    taken = [(q.start, q.end) for q in special]
    raws = []
    for match in _quantity_matches(normal):
        if taken and any(s < match.end() and match.start() < e for s, e in taken):
            continue
        raw = _raw_quantity(normal, match)
        if raw is not None:
            raws.append(raw)
    if not raws and not special:
        return []
    quantities = _finish(normal, _merge_ranges(normal, raws))
    # Surfaces as written in the original text (full-width forms included).
    found = [q if q.surface == text[q.start:q.end] else _with_surface(q, text) for q in quantities + special]
    return sorted(found, key=lambda q: q.start)


def _quantity_matches(normal: str) -> list[re.Match[str]]:
    """The grammar's matches in normalised text, as finditer gives them (no match is empty).

    A match can only start at a digit or numeral, so the grammar is tried only there: far
    cheaper than the engine trying it at every position."""
    matches = []
    match_at, position = _quantity_pattern().match, 0
    while (candidate := _QUANTITY_START.search(normal, position)) is not None:
        found = match_at(normal, candidate.start())
        if found is None:
            position = candidate.start() + 1
        else:
            matches.append(found)
            position = found.end()
    return matches


def _with_surface(quantity: Quantity, text: str) -> Quantity:
    return Quantity(quantity.start, quantity.end, text[quantity.start:quantity.end], quantity.value,
                    quantity.value_upper, quantity.bound, quantity.unit, quantity.unit_raw, quantity.sign_word)
