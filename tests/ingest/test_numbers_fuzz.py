"""The number parser under fuzzing: arbitrary text never crashes it, and what it returns is sane.

Round-trips of numerals are in test_numbers.py; these look for crashes and broken invariants.
"""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extract.numbers import BOUNDS, normalise_width, parse_quantities

# Pieces a report's numbers are made of, so that fuzzed text often looks almost like a quantity.
PIECES = [
    "0", "1", "2", "5", "9", "12", "6.5", "1,100.9", "０", "６", "．", "，", ",", ".", "..", "%", "％", "‰",
    "零", "〇", "一", "二", "两", "三", "十", "百", "千", "万", "亿", "万亿", "点", "几", "数", "余", "多",
    "百分之", "个百分点", "亿元", "万元", "元", "美元", "吨", "万吨", "亩", "公里", "人", "家", "个", "位", "倍",
    "增长", "下降", "减少", "达到", "控制在", "以上", "以内", "左右", "—", "-", "－", "~", "～", "至", "到",
    "第", "名", "全省", "前十", "年", "月", "日", "2023", "（", "）", "“", "”", "。", "；", " ", "\n", "\u3000",
    "GDP", "e", "E", "1e308", "9" * 40, "\x00", "\ud7ff", "\U0001f600",
]

quantity_like = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.text(max_size=300)
mixed = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map("".join)


def _check(text: str) -> None:
    quantities = parse_quantities(text)
    previous_start = -1
    for q in quantities:
        assert 0 <= q.start < q.end <= len(text)
        assert q.surface == text[q.start : q.end]
        assert q.start >= previous_start
        previous_start = q.start
        assert q.bound in BOUNDS
        assert isinstance(q.value, float | int) and not math.isnan(q.value)
        if q.value_upper is not None:
            assert not math.isnan(q.value_upper)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_arbitrary_unicode_never_crashes_the_parser(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quantity_like)
def test_runs_of_digits_numerals_units_and_bounds_never_crash_it(text):
    _check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_quantity_pieces_mixed_with_noise_never_crash_it(text):
    _check(text)


@given(any_text)
def test_width_normalisation_keeps_every_offset(text):
    assert len(normalise_width(text)) == len(text)


@settings(deadline=None)
@given(st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda v: round(v, 1)),
       st.sampled_from(["%", "亿元", "万元", "万吨"]),
       st.sampled_from(["", "左右", "以上", "以内"]))
def test_a_quantity_in_a_sentence_is_found_with_its_value(value, unit, bound_word):
    text = f"全年地区生产总值增长{value}{unit}{bound_word}，较上年有所提高。"
    quantities = parse_quantities(text)
    assert quantities, text
    first = quantities[0]
    assert first.surface.startswith(str(value)), (text, first)
