"""The quantity grammar: real phrasings → value in the canonical unit, unit, bound, range end."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from phrasings import MULTI_QUANTITY_PHRASES, NOT_QUANTITIES, SINGLE_QUANTITY_PHRASES

from ingest.extract.numbers import (
    normalise_width,
    numeral_range,
    parse_number,
    parse_quantities,
)


def _close(found, expected):
    if expected is None:
        return found is None
    return found is not None and found == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(("phrase", "value", "unit", "bound", "upper"), SINGLE_QUANTITY_PHRASES)
def test_a_phrase_states_one_quantity(phrase, value, unit, bound, upper):
    quantities = [q for q in parse_quantities(phrase) if q.unit]
    assert len(quantities) == 1, quantities
    quantity = quantities[0]
    assert (quantity.unit, quantity.bound) == (unit, bound)
    assert _close(quantity.value, value)
    assert _close(quantity.value_upper, upper)
    assert phrase[quantity.start:quantity.end] == quantity.surface


@pytest.mark.parametrize(("phrase", "expected"), MULTI_QUANTITY_PHRASES)
def test_a_phrase_states_several_quantities_in_order(phrase, expected):
    found = [(q.value, q.unit, q.bound, q.value_upper) for q in parse_quantities(phrase)]
    assert len(found) == len(expected), found
    for (value, unit, bound, upper), (e_value, e_unit, e_bound, e_upper) in zip(found, expected):
        assert (unit, bound) == (e_unit, e_bound)
        assert _close(value, e_value) and _close(upper, e_upper)


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_years_dates_ordinals_markers_and_codes_are_not_quantities(text):
    assert parse_quantities(text) == []


def test_offsets_index_the_original_text_with_full_width_forms():
    text = "地区生产总值增长６．５％左右，一般公共预算收入１，１００．９亿元"
    first, second = parse_quantities(text)
    assert text[first.start:first.end] == "６．５％左右" == first.surface
    assert (first.value, first.bound) == (6.5, "approx")
    assert second.surface == "１，１００．９亿元" and second.unit_raw == "亿元"


def test_a_fall_is_negative_and_names_its_sign_word():
    (quantity,) = parse_quantities("单位地区生产总值能耗同比下降3.2%")
    assert quantity.value == -3.2 and quantity.sign_word == "下降"


def test_a_fall_of_nothing_is_zero_not_negative_zero():
    # -0.0 equals 0.0 but prints as "-0.0": a table comparison then tells equal builds apart.
    (quantity,) = parse_quantities("固定资产投资下降0.0%")
    assert quantity.value == 0 and str(quantity.value) == "0.0"


def test_falling_to_a_level_is_not_a_negative_change():
    (quantity,) = parse_quantities("城镇登记失业率降至2.01%")
    assert quantity.value == 2.01 and quantity.sign_word == ""


def test_a_prefix_bound_carries_along_a_list_but_a_suffix_binds_the_last_number_only():
    over = parse_quantities("城镇和农村居民人均可支配收入分别超过8万元、4.5万元")
    assert [q.bound for q in over] == ["gt", "gt"]
    tail = parse_quantities("分别增长6%和7.5%以上")
    assert [q.bound for q in tail] == ["eq", "ge"]


def test_percentage_points_are_not_percent():
    (quantity,) = parse_quantities("研发投入强度提高0.2个百分点")
    assert quantity.unit == "percentage_points" and quantity.unit_raw == "个百分点"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("1197.9", 1197.9), ("1,100.9", 1100.9), ("６．５", 6.5), ("一千二百", 1200), ("两", 2),
     ("六点五", 6.5), ("3万4000", 34000), ("1.2万", 12000), ("十二万三千四百五十六", 123456),
     ("三亿五千万", 350000000), ("一万亿", 1e12), ("二十", 20), ("十", 10), ("零点五", 0.5),
     ("二〇二二", 2022), ("4万亿", 4e12)],
)
def test_parse_number(numeral, value):
    assert parse_number(numeral) == pytest.approx(value)


def test_vague_numerals_are_ranges_and_parse_number_refuses_them():
    assert numeral_range("几十") == (20, 90)
    assert numeral_range("三十几") == (31, 39)
    with pytest.raises(ValueError, match="approximate numeral, use numeral_range: '数百'"):
        parse_number("数百")


def test_width_normalisation_keeps_length():
    text = "６．５％，１２３"
    assert len(normalise_width(text)) == len(text)


_CN_DIGITS = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """The ordinary Chinese reading of 0 ≤ n < 10^12 (一千零五, 十二万, 三亿零五百万)."""
    if n == 0:
        return "零"

    def below_10000(m: int) -> str:
        out, zero = "", False
        for scale, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = m // scale % 10
            if digit:
                out += ("零" if zero and out else "") + _CN_DIGITS[digit] + name
                zero = False
            else:
                zero = True
        return out

    parts = []
    for scale, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        group = n // scale % 10000
        if group:
            text = below_10000(group)
            if parts and group < 1000:
                text = "零" + text
            parts.append(text + name)
    return "".join(parts)


@given(st.integers(min_value=0, max_value=10**11 - 1))
def test_chinese_numerals_round_trip(n):
    assert parse_number(_to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_arabic_numerals_with_commas_and_full_width_round_trip(whole, cents):
    plain = f"{whole:,}.{cents:02d}"
    full_width = plain.translate(str.maketrans("0123456789.,", "０１２３４５６７８９．，"))
    expected = whole + cents / 100
    assert parse_number(plain) == pytest.approx(expected)
    assert parse_number(full_width) == pytest.approx(expected)
    assert parse_number(plain.replace(",", "")) == pytest.approx(expected)
