"""Pure formatting of warehouse values for display: Chinese (亿元, 万人) and English (CNY bn)."""

from __future__ import annotations

BOUND_SYMBOLS = {"eq": "", "approx": "≈", "ge": "≥", "gt": ">", "le": "≤", "lt": "<", "range": ""}

# (threshold, divisor, suffix) from the largest scale down; the first threshold a value reaches wins.
_ZH_SCALES = {
    "CNY": [(1e8, 1e8, "亿元"), (1e4, 1e4, "万元"), (0, 1, "元")],
    "USD": [(1e8, 1e8, "亿美元"), (1e4, 1e4, "万美元"), (0, 1, "美元")],
    "persons": [(1e8, 1e8, "亿人"), (1e4, 1e4, "万人"), (0, 1, "人")],
    "tonnes": [(1e4, 1e4, "万吨"), (0, 1, "吨")],
    "mu": [(1e4, 1e4, "万亩"), (0, 1, "亩")],
    "count": [(1e4, 1e4, "万"), (0, 1, "")],
    "percent": [(0, 1, "%")],
    "ratio": [(0, 1, "")],
}
_EN_SCALES = {
    "CNY": [(1e9, 1e9, "CNY {} bn"), (1e6, 1e6, "CNY {} m"), (0, 1, "CNY {}")],
    "USD": [(1e9, 1e9, "USD {} bn"), (1e6, 1e6, "USD {} m"), (0, 1, "USD {}")],
    "persons": [(1e6, 1e6, "{} m persons"), (0, 1, "{} persons")],
    "tonnes": [(1e6, 1e6, "{} m t"), (0, 1, "{} t")],
    "mu": [(1e6, 1e6, "{} m mu"), (0, 1, "{} mu")],
    "count": [(1e6, 1e6, "{} m"), (0, 1, "{}")],
    "percent": [(0, 1, "{}%")],
    "ratio": [(0, 1, "{}")],
}


# Units that mentions carry beyond the indicator catalogue: shown with their reading, unscaled.
_PLAIN_UNITS = {
    "years": ("年", " yr"), "households": ("户", " households"), "km": ("公里", " km"), "m": ("米", " m"),
    "m2": ("平方米", " m²"), "km2": ("平方公里", " km²"), "m3": ("立方米", " m³"),
    "person_times": ("人次", " person-times"), "percentage_points": ("个百分点", " pp"), "times": ("倍", "×"),
    "days": ("天", " days"), "hours": ("小时", " h"), "minutes": ("分钟", " min"), "months": ("个月", " months"),
    "kw": ("千瓦", " kW"), "kwh": ("千瓦时", " kWh"), "kv": ("千伏", " kV"), "teu": ("标箱", " TEU"),
    "tce": ("吨标准煤", " tce"), "permille": ("‰", "‰"), "ug_m3": ("微克/立方米", " µg/m³"),
    "years_of_age": ("岁", " years old"),
}


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pd.NA (pandas hands any of them where SQL had NULL)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # only NaN-like values differ from themselves
    except TypeError:  # pd.NA refuses to be a boolean: it is missing
        return True


def number(value: float, decimals: int = 2, thousands: bool = False) -> str:
    """A number rounded to `decimals`, trailing zeros dropped: 1197.90 → '1197.9'."""
    text = f"{value:,.{decimals}f}" if thousands else f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _scale(unit: str, magnitude: float, lang: str) -> tuple[float, str]:
    scales = (_ZH_SCALES if lang == "zh" else _EN_SCALES).get(unit)
    if scales is None and unit in _PLAIN_UNITS:
        zh, en = _PLAIN_UNITS[unit]
        # Large counts of anything read as 万 in Chinese (1.08万人次).
        if lang == "zh" and magnitude >= 1e4 and unit not in ("percentage_points", "permille", "times"):
            return 1e4, "万" + zh
        return 1, zh if lang == "zh" else "{}" + en
    if scales is None:
        return 1, ("{} " + unit) if lang != "zh" else unit
    for threshold, divisor, suffix in scales:
        if magnitude >= threshold:
            return divisor, suffix
    return scales[-1][1], scales[-1][2]


def _with_unit(number_text: str, suffix: str, lang: str) -> str:
    return number_text + suffix if lang == "zh" else suffix.format(number_text)


def format_value(value, unit: str | None, bound: str | None = "eq", value_upper=None, lang: str = "zh") -> str:
    """A value in its canonical unit as a reader would write it: 119790000000 CNY → '1197.9亿元'."""
    if is_missing(value):
        return "—"
    unit = unit or ""
    upper = None if is_missing(value_upper) else float(value_upper)
    value = float(value)
    magnitude = max(abs(value), abs(upper) if upper is not None else 0)
    divisor, suffix = _scale(unit, magnitude, lang)
    # Plain counts, persons and small money read better with thousands separators in English.
    thousands = lang != "zh" and divisor == 1 and unit not in ("percent", "ratio")
    if upper is not None and upper != value:
        low = number(value / divisor, thousands=thousands)
        high = number(upper / divisor, thousands=thousands)
        return _with_unit(f"{low}–{high}", suffix, lang)
    if unit == "rank":
        # Places in a ranking: 第20位 / #20; a bound ranking (前十, top ten) reads as 前10 / top 10.
        if bound in ("le", "lt"):
            return f"前{number(value)}" if lang == "zh" else f"top {number(value)}"
        return f"第{number(value)}位" if lang == "zh" else f"#{number(value)}"
    symbol = BOUND_SYMBOLS.get(bound or "eq", "")
    return symbol + _with_unit(number(value / divisor, thousands=thousands), suffix, lang)


def axis_scale(unit: str | None, max_abs: float, lang: str = "zh") -> tuple[float, str]:
    """Divisor and axis-title unit for charting values of one unit: CNY 1.2e11 → (1e8, '亿元')."""
    divisor, suffix = _scale(unit or "", abs(max_abs or 0), lang)
    if lang == "zh":
        return divisor, suffix or ("倍" if unit == "ratio" else "个")
    label = " ".join(suffix.replace("{}", "").split()) or {"ratio": "ratio", "count": "count"}.get(unit or "", unit or "")
    return divisor, label


def format_delta(value, unit: str | None, lang: str = "zh") -> str:
    """A signed difference in the indicator's unit; percent differences are percentage points."""
    if is_missing(value):
        return "—"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    if unit == "percent":
        return f"{sign}{number(abs(value))}" + ("个百分点" if lang == "zh" else " pp")
    return sign + format_value(abs(value), unit, "eq", None, lang)
