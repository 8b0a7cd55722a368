"""Values read the way a Chinese (or English) reader writes them."""

import math

import pandas as pd
import pytest

from app.formatting import axis_scale, format_delta, format_value, number


@pytest.mark.parametrize("value, unit, bound, upper, expected", [
    (119790000000, "CNY", "eq", None, "1197.9亿元"),
    (110090000000, "CNY", "eq", None, "1100.9亿元"),
    (56000000, "CNY", "eq", None, "5600万元"),
    (65432, "CNY", "eq", None, "6.54万元"),
    (5000, "CNY", "eq", None, "5000元"),
    (120000000, "USD", "eq", None, "1.2亿美元"),
    (18900, "persons", "eq", None, "1.89万人"),
    (15000, "persons", "ge", None, "≥1.5万人"),
    (950, "persons", "eq", None, "950人"),
    (6.5, "percent", "eq", None, "6.5%"),
    (6.5, "percent", "ge", None, "≥6.5%"),
    (8, "percent", "approx", None, "≈8%"),
    (3, "percent", "gt", None, ">3%"),
    (3.5, "percent", "le", None, "≤3.5%"),
    (3, "percent", "lt", None, "<3%"),
    (6, "percent", "range", 6.5, "6–6.5%"),
    (-2.1, "percent", "eq", None, "-2.1%"),
    (110000, "tonnes", "eq", None, "11万吨"),
    (260000, "mu", "eq", None, "26万亩"),
    (1.9, "ratio", "eq", None, "1.9"),
    (120, "count", "eq", None, "120"),
    (10e9, "CNY", "range", 12e9, "100–120亿元"),
    (None, "CNY", "eq", None, "—"),
    (math.nan, "percent", "eq", None, "—"),
    (pd.NA, "percent", "eq", None, "—"),
    (6.0, "percent", "range", pd.NA, "6%"),
])
def test_chinese(value, unit, bound, upper, expected):
    assert format_value(value, unit, bound, upper, "zh") == expected


@pytest.mark.parametrize("value, unit, bound, upper, expected", [
    (119790000000, "CNY", "eq", None, "CNY 119.79 bn"),
    (56000000, "CNY", "eq", None, "CNY 56 m"),
    (65432, "CNY", "eq", None, "CNY 65,432"),
    (120000000, "USD", "eq", None, "USD 120 m"),
    (18900, "persons", "eq", None, "18,900 persons"),
    (15000, "persons", "ge", None, "≥15,000 persons"),
    (6.5, "percent", "approx", None, "≈6.5%"),
    (6, "percent", "range", 6.5, "6–6.5%"),
    (110000, "tonnes", "eq", None, "110,000 t"),
    (260000, "mu", "eq", None, "260,000 mu"),
    (10e9, "CNY", "range", 12e9, "CNY 10–12 bn"),
    (None, "CNY", "eq", None, "—"),
])
def test_english(value, unit, bound, upper, expected):
    assert format_value(value, unit, bound, upper, "en") == expected


def test_a_range_whose_ends_are_equal_reads_as_one_value():
    assert format_value(6.5, "percent", "range", 6.5) == "6.5%"


def test_an_unknown_unit_is_kept_visible():
    assert format_value(3, "furlong", "eq", None, "zh") == "3furlong"
    assert format_value(3, "furlong", "eq", None, "en") == "3 furlong"


@pytest.mark.parametrize("value, expected", [(1197.90, "1197.9"), (2.0, "2"), (0.004, "0"), (-0.001, "0"),
                                             (1.235, "1.24"), (-3.5, "-3.5")])
def test_number_drops_trailing_zeros(value, expected):
    assert number(value) == expected


@pytest.mark.parametrize("value, unit, lang, expected", [
    (-1.5, "percent", "zh", "−1.5个百分点"),
    (0.8, "percent", "en", "+0.8 pp"),
    (-18270000000, "CNY", "zh", "−182.7亿元"),
    (0, "CNY", "zh", "±0元"),
    (None, "CNY", "zh", "—"),
])
def test_delta(value, unit, lang, expected):
    assert format_delta(value, unit, lang) == expected


@pytest.mark.parametrize("unit, max_abs, lang, expected", [
    ("CNY", 1.2e11, "zh", (1e8, "亿元")),
    ("CNY", 1.2e11, "en", (1e9, "CNY bn")),
    ("persons", 18900, "zh", (1e4, "万人")),
    ("percent", 6.5, "zh", (1, "%")),
    ("ratio", 2, "zh", (1, "倍")),
    ("count", 120, "en", (1, "count")),
])
def test_axis_scale(unit, max_abs, lang, expected):
    assert axis_scale(unit, max_abs, lang) == expected


@pytest.mark.parametrize("value, unit, bound, lang, expected", [
    (20, "rank", "eq", "zh", "第20位"),
    (10, "rank", "le", "zh", "前10"),
    (20, "rank", "eq", "en", "#20"),
    (10, "rank", "le", "en", "top 10"),
    (10800, "person_times", "eq", "zh", "1.08万人次"),
    (3.2, "km", "eq", "zh", "3.2公里"),
    (3.2, "km", "eq", "en", "3.2 km"),
    (28.4, "percentage_points", "eq", "zh", "28.4个百分点"),
    (4.62, "times", "eq", "en", "4.62×"),
    (5.79, "permille", "eq", "zh", "5.79‰"),
])
def test_units_beyond_the_catalogue(value, unit, bound, lang, expected):
    assert format_value(value, unit, bound, None, lang) == expected
