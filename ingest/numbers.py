"""Quantities in report sentences: "1,100.9亿元", "百分之六点五", "6%—6.5%", "8%以上" → value, unit, bound."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％－～＋：，", "0123456789.%-~+:,")
_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_SCALES = {"十": 10, "百": 100, "千": 1000}
_SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
# 几/数 stand for a digit: leading (几十, 数百) 2–9, trailing (三十几) 1–9.
_VAGUE_DIGITS = "几数"

_ARABIC = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"
_CN_NUMERAL = r"[零〇○一二两三四五六七八九十百千万亿几数]+(?:点[零〇○一二三四五六七八九]+)?"


def normalise_width(text: str) -> str:
    """Full-width digits and signs as ASCII; same length, so offsets index the original."""
    return text.translate(_FULL_WIDTH)


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
    s = normalise_width(text).strip().replace(",", "")
    if not s:
        raise ValueError("empty numeral")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    mixed = re.fullmatch(r"(\d+)万(\d{1,4})", s)
    if mixed:
        return float(mixed.group(1)) * 1e4 + float(mixed.group(2))
    scaled = re.fullmatch(r"(\d+(?:\.\d+)?)(万亿|千万|百万|亿|万|千|百)", s)
    if scaled:
        return float(scaled.group(1)) * _SCALES[scaled.group(2)]
    if any(ch in _VAGUE_DIGITS for ch in s):
        raise ValueError(f"approximate numeral, use numeral_range: {text!r}")
    return _chinese_number(s)


def numeral_range(text: str) -> tuple[float, float]:
    """(low, high) of a numeral; equal ends unless it is vague: 几十 → (20, 90), 三十几 → (31, 39)."""
    s = normalise_width(text).strip().replace(",", "")
    if s.startswith("上") and s[1:] in _SCALES:  # 上百 = a hundred or more, below a thousand
        low = _SCALES[s[1:]]
        return low, low * 9
    if not any(ch in _VAGUE_DIGITS for ch in s):
        value = parse_number(s)
        return value, value
    low = "".join(("2" if i == 0 else "1") if ch in _VAGUE_DIGITS else ch for i, ch in enumerate(s))
    high = "".join("9" if ch in _VAGUE_DIGITS else ch for ch in s)
    return _chinese_number(_arabic_digits_to_chinese(low)), _chinese_number(_arabic_digits_to_chinese(high))


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
    return re.compile(
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


@dataclass(frozen=True)
class _Raw:
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


def _numeral_text(match: re.Match[str]) -> str:
    for group in ("percent_word", "arabic", "vague", "chinese"):
        if match.group(group):
            return match.group(group)
    return ""


def _skip_numeral(text: str, match: re.Match[str], unit_raw: str) -> bool:
    """Years, dates, ordinals, list markers, codes and words that merely contain a numeral."""
    start, end = match.start(), match.end()
    before, after = text[max(0, start - 1):start], text[end:end + 4]
    numeral = _numeral_text(match)
    if before == "第":
        return True  # ordinals (第十七届); ranks are found by _RANK
    if match.group("arabic"):
        digits = match.group("arabic")
        if _BAD_BEFORE.search(before) or _BAD_AFTER.search(after):
            return True
        if re.fullmatch(r"(?:19|20)\d{2}", digits) and not match.group("tail") and unit_raw in ("", "年"):
            return True  # a year
        if not unit_raw and not (match.group("scale_only") or match.group("percent_word")):
            if _DATE_OR_LABEL_AFTER.search(after) or _YEAR_RANGE_AFTER.search(after):
                return True
            if _FOOTNOTE.search(text[max(0, start - 2):start]) and _FOOTNOTE_CLOSE.search(after):
                return True  # footnote markers [16], 〔3〕
            if re.fullmatch(r"\d{5,}", digits):
                return True  # codes and hotlines (12345)
            if before in "“\"‘「" and after[:1] in "”\"’」":
                return True  # slogans: “1133”发展思路
            if re.match(r"[.、．](?!\d)", after) and (start == 0 or not text[start - 1].isalnum()):
                return True  # list markers: 12.人才
        return False
    if match.group("chinese"):
        if not unit_raw or unit_raw == "年" and re.fullmatch(r"[零〇○一二三四五六七八九]{4}", numeral):
            return True  # unitless Chinese numerals are words (十四五, 二十大, 一、); 二〇二二年 is a year
        if unit_raw in _WORDY_UNITS:
            return True  # 五位一体, 七方面, 三起: the character starts a word, not a unit
        if before in "“\"‘「":
            return True  # slogans: “三名工程”, “两个确保”
        if numeral == "一" or numeral in _SCALES or numeral in ("几", "数"):
            return True  # 一个/一批 are articles; bare 千/万 are idioms (千家万户, 万亩千亿)
        if re.fullmatch(r"[几数]", numeral[0]) and len(numeral) == 1:
            return True
        if re.search(r"[\u4e00-\u9fff]", before) and before in "统唯万之其":
            return True  # 统一个, 唯一, 万一 …
    return False


def _raw_quantity(text: str, match: re.Match[str]) -> _Raw | None:
    scale = match.group("scale") or match.group("scale_only") or ""
    unit_written = match.group("unit") or match.group("unit_only") or ""
    if match.group("percent_word"):
        unit_written = unit_written or "%"
    unit_raw = scale + unit_written
    if _skip_numeral(text, match, unit_written):
        return None
    numeral = _numeral_text(match)
    try:
        if match.group("tail"):
            low = high = float(numeral.replace(",", "")) * 1e4 + float(match.group("tail"))
        elif numeral.startswith("上") and text[max(0, match.start() - 1):match.start()] in _STEP_UP_VERBS:
            low = high = _SCALES[numeral[1:]]  # 迈上万亿元台阶: 上 belongs to the verb
        else:
            low, high = numeral_range(numeral)
    except (ValueError, KeyError):
        return None
    unit, unit_factor = unit_table().get(unit_written, (BARE_UNIT, 1.0))
    if match.group("percent_word"):
        unit, unit_factor = unit_table()["%"]
    factor = _SCALES.get(scale, 1.0) * unit_factor
    mid = match.group("mid") or match.group("mid2") or match.group("mid3")
    suffix = match.group("suffix") or ""
    suffix_bound = _SUFFIX_BOUND.get(suffix, "") or ("gt" if mid else "")
    return _Raw(
        start=match.start(),
        end=match.end(),
        low=low * factor,
        high=high * factor,
        factor=factor,
        unit=unit,
        unit_raw=unit_raw,
        prefix_bound=_prefix_bound(text, match.start()),
        suffix_bound=suffix_bound,
        has_scale_or_unit=bool(scale or unit_written),
        sign_word=_sign_word(text, match.start()),
    )


def _merge_ranges(text: str, raws: list[_Raw]) -> list[_Raw]:
    """`6%—6.5%`, `6至7%`, `3-5亿元`: two adjacent numbers joined by a dash or 至/到 are one range."""
    merged: list[_Raw] = []
    i = 0
    while i < len(raws):
        first = raws[i]
        if i + 1 < len(raws):
            second = raws[i + 1]
            gap = text[first.end:second.start]
            compatible = first.unit == second.unit or (not first.has_scale_or_unit and second.unit)
            if _RANGE_SEPARATOR.fullmatch(gap) and not first.unit and not second.unit:
                i += 2  # 11-15, 3-2: dates and codes, not quantities
                continue
            if _RANGE_SEPARATOR.fullmatch(gap) and compatible and second.unit:
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
    """1197.9 × 1e8 is 119790000000.00002 in binary; 12 significant digits are plenty."""
    return float(f"{value:.12g}")


def _rank_quantities(text: str) -> list[Quantity]:
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
    return [Quantity(m.start(), m.end(), m.group(0), float(m.group("left")), None, "eq", "ratio", ":1", "")
            for m in _RATIO.finditer(text)]


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantity in a sentence, in order; offsets index `text`."""
    normal = normalise_width(text)
    special = _rank_quantities(normal) + _ratio_quantities(normal)
    taken = [(q.start, q.end) for q in special]
    raws = []
    for match in _quantity_pattern().finditer(normal):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        raw = _raw_quantity(normal, match)
        if raw is not None:
            raws.append(raw)
    quantities = _finish(normal, _merge_ranges(normal, raws))
    # Surfaces as written in the original text (full-width forms included).
    found = [q if q.surface == text[q.start:q.end] else _with_surface(q, text) for q in quantities + special]
    return sorted(found, key=lambda q: q.start)


def _with_surface(quantity: Quantity, text: str) -> Quantity:
    return Quantity(quantity.start, quantity.end, text[quantity.start:quantity.end], quantity.value,
                    quantity.value_upper, quantity.bound, quantity.unit, quantity.unit_raw, quantity.sign_word)
