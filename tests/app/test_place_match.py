"""Nearest places to one the warehouse lacks: same prefecture, then province, by code; similar names."""

import pandas as pd

from app.place_match import nearest_places

PLACES = pd.DataFrame({
    "place_code": ["130633", "330300", "330324", "330381", "330382", "440305"],
    "place_name": ["易县", "温州市", "永嘉县", "瑞安市", "乐清市", "南山区"],
})


def test_a_code_of_the_same_prefecture_comes_first_then_the_nearest_codes():
    # 苍南县 330327: 温州市's places share 3303, and 330324 is the closest code among them.
    assert nearest_places(PLACES, "330327") == ["330324", "330300", "330381"]


def test_a_code_of_the_same_province_beats_one_numerically_closer():
    # 330102 (杭州 上城区) shares only 33 with the 温州 places; 130633 shares nothing.
    assert nearest_places(PLACES, "330102", limit=1) == ["330300"]


def test_an_unknown_code_still_gets_the_numerically_nearest():
    assert nearest_places(PLACES, "999999", limit=2) == ["440305", "330382"]


def test_a_short_code_matches_as_a_prefix():
    assert nearest_places(PLACES, "4403", limit=1) == ["440305"]


def test_a_name_matches_exactly_or_inside_a_longer_name():
    assert nearest_places(PLACES, "瑞安市", limit=1) == ["330381"]
    assert nearest_places(PLACES, "瑞安", limit=1) == ["330381"]
    assert nearest_places(PLACES, "深圳市南山区", limit=1) == ["440305"]


def test_a_name_like_no_place_gets_no_match():
    assert nearest_places(PLACES, "北京市") == []
    assert nearest_places(PLACES, "") == []
