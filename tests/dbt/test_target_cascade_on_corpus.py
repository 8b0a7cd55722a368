"""fct_target_cascade on the real 深圳 chain (../shared/corpus/shenzhen_chain): 广东省 → 深圳市 → its districts.

A researcher asks whether 深圳 adds to 广东's growth target and its districts add to 深圳's, year after
year. Expected values were read by hand from the reports' own sentences, quoted beside each case.
"""

from __future__ import annotations

import duckdb
import pytest

pytestmark = pytest.mark.integration

SHENZHEN, GUANGDONG, NATIONAL = "440300", "440000", "100000"
# The districts with work reports in the chain (gazetteer codes; 龙岗区 440307 has none, and
# 大鹏新区 is a functional area without a code).
DISTRICTS = {"440303": "罗湖区", "440304": "福田区", "440305": "南山区", "440306": "宝安区",
             "440308": "盐田区", "440309": "龙华区", "440310": "坪山区", "440311": "光明区"}
YEARS = range(2015, 2026)


def _rows(warehouse, sql: str, *params):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql, params).fetchall()


def _growth_years(warehouse) -> dict[tuple[str, str], set[int]]:
    """(place, parent) → the years 2015–2025 with a gdp_growth row."""
    found: dict[tuple[str, str], set[int]] = {}
    for place, parent, year in _rows(
        warehouse,
        "select place_code, parent_code, reference_year from fct_target_cascade "
        "where indicator_id = 'gdp_growth' and reference_year between ? and ?",
        min(YEARS), max(YEARS),
    ):
        found.setdefault((place, parent), set()).add(year)
    return found


def test_the_places_of_the_chain_have_the_gazetteers_codes_and_parents(corpus_warehouse):
    rows = dict((code, (name, parent)) for code, name, parent in _rows(
        corpus_warehouse, "select place_code, place_name, parent_code from dim_places "
        "where place_code in (select unnest(?::varchar[]))", [SHENZHEN, GUANGDONG, *DISTRICTS]))
    assert rows[SHENZHEN] == ("深圳市", GUANGDONG) and rows[GUANGDONG] == ("广东省", NATIONAL)
    assert {code: name for code, (name, _) in rows.items() if code in DISTRICTS} == DISTRICTS
    assert {parent for code, (_, parent) in rows.items() if code in DISTRICTS} == {SHENZHEN}


def test_shenzhen_sets_its_growth_target_beside_guangdongs_in_most_years(corpus_warehouse):
    years = _growth_years(corpus_warehouse)
    # 深圳市 and 广东省 each have a report for every year of 2015–2025: at least 10 of the 11 pair up.
    assert len(years.get((SHENZHEN, GUANGDONG), set())) >= 10
    # 广东省 against the State Council: every year but 2020, when 国务院 set no growth target.
    assert years.get((GUANGDONG, NATIONAL), set()) >= set(YEARS) - {2020}
    assert not {parent for place, parent in years if place == SHENZHEN} - {GUANGDONG}


def test_every_district_sets_its_growth_target_beside_shenzhens(corpus_warehouse):
    years = _growth_years(corpus_warehouse)
    assert not {parent for place, parent in years if place in DISTRICTS} - {SHENZHEN}
    per_district = {DISTRICTS[place]: len(found) for (place, _), found in years.items() if place in DISTRICTS}
    # Each district in at least 6 of the years (龙华区's reports begin in 2020, 光明区's in 2019;
    # term-opening reports such as 罗湖 2016 or 龙华 2021 set five-year goals, not the year's).
    assert set(per_district) == set(DISTRICTS.values())
    assert min(per_district.values()) >= 6, per_district
    # 68 district-years pair up at the time of writing (罗湖 10, 福田 8, 南山 7, 宝安 11, 盐田 11, 龙华 6,
    # 坪山 8, 光明 7); without the (GDP) gloss, the dash lists and 主要目标和任务是 it was 64.
    assert sum(per_district.values()) >= 66, per_district


def _cascade_row(warehouse, place_code: str, year: int):
    [row] = _rows(
        warehouse,
        "select parent_code, place_target_value, place_target_value_upper, place_target_bound, "
        "parent_target_value, parent_target_value_upper, parent_target_bound, difference, adds_to_parent, "
        "place_quote, parent_quote from fct_target_cascade "
        "where place_code = ? and indicator_id = 'gdp_growth' and reference_year = ?",
        place_code, year,
    )
    return row


@pytest.mark.parametrize(
    ("place_code", "year", "parent_code", "place_target", "parent_target", "difference", "place_words", "parent_words"),
    [
        # 深圳市政府工作报告_2019年.txt: "今年经济社会发展的主要预期目标是：地区生产总值增长7%左右，…"
        # 广东省政府工作报告_2019年.txt: "今年我省经济社会发展的主要预期目标是：地区生产总值增长6—6.5%，突破10万亿元大关；…"
        # ≈7 against the range's midpoint 6.25: 深圳 adds 0.75 points.
        ("440300", 2019, "440000", (7.0, None, "approx"), (6.0, 6.5, "range"), 0.75,
         "地区生产总值增长7%左右", "地区生产总值增长6—6.5%"),
        # districts/2023年政府工作报告（在深圳市罗湖区第八届人民代表大会第三次会议上）_2023.txt:
        #   "今年经济社会发展主要预期目标是：地区生产总值（GDP）增长6.5%左右，…"
        # 深圳市政府工作报告_2023年.txt: "今年经济社会发展主要预期目标是：地区生产总值增长6%，…"
        ("440303", 2023, "440300", (6.5, None, "approx"), (6.0, None, "eq"), 0.5,
         "地区生产总值（GDP）增长6.5%左右", "地区生产总值增长6%"),
        # districts/2015年南山区政府工作报告_2015.txt, the line after "…今年全区经济社会发展主要目标是：":
        #   "——本地生产总值3800亿元，增长9.5%左右；" (and earlier: "今年经济增长预期目标为9.5%左右，高于全市1个百分点")
        # 深圳市政府工作报告_2015年.txt: "今年经济社会发展的主要预期目标是：本市生产总值增长8.5%左右，…"
        ("440305", 2015, "440300", (9.5, None, "approx"), (8.5, None, "approx"), 1.0,
         "本地生产总值3800亿元，增长9.5%左右", "本市生产总值增长8.5%左右"),
    ],
)
def test_targets_read_by_hand_from_the_reports(corpus_warehouse, place_code, year, parent_code, place_target,
                                               parent_target, difference, place_words, parent_words):
    row = _cascade_row(corpus_warehouse, place_code, year)
    assert row[0] == parent_code
    assert row[1:4] == (pytest.approx(place_target[0]), place_target[1], place_target[2])
    assert row[4] == pytest.approx(parent_target[0]) and row[5:7] == parent_target[1:]
    assert row[7] == pytest.approx(difference) and row[8] is True
    assert place_words in row[9] and parent_words in row[10]


def test_a_target_announced_inside_an_unheaded_review_is_a_target_not_last_years_actual(corpus_warehouse):
    # districts/深圳市宝安区…第六届人民代表大会第二次会议上作政府工作报告_2017.txt has no numbered headings;
    # after its account of 2016 it says "今年工作的主要目标和任务是：地区生产总值增长8.5%左右，…".
    # 深圳市政府工作报告_2017年.txt: "…本市生产总值增长8.5%左右…": level with the city's.
    row = _cascade_row(corpus_warehouse, "440306", 2017)
    assert row[0] == SHENZHEN and row[1] == pytest.approx(8.5) and row[3] == "approx"
    assert row[7] == pytest.approx(0.0) and row[8] is False
    # That 8.5% once landed as 宝安's 2016 actual; 2016 grew 8.8% (增长8.8%, a figure the warehouse
    # does not read yet: its subject sits behind 突破三千亿大关).
    actuals_2016 = _rows(corpus_warehouse, "select value from fct_indicator_values where place_code = '440306' "
                         "and indicator_id = 'gdp_growth' and value_kind = 'actual' and reference_year = 2016")
    assert (8.5,) not in actuals_2016


def test_last_years_figures_under_a_review_part_are_not_this_years_targets(corpus_warehouse):
    # districts/2022年光明区政府工作报告_2022.txt opens "2021年工作回顾" and recounts 2021 under thematic
    # headings ("二、坚定践行新发展理念…"): "全年地区生产总值1285.3亿元，增长12.9%…" is 2021's actual.
    # Its target comes later: "今年经济社会发展的预期目标是：地区生产总值增长7%左右"; 深圳市政府工作报告_2022年.txt:
    # "今年经济社会发展主要预期目标是：地区生产总值增长6%左右".
    row = _cascade_row(corpus_warehouse, "440311", 2022)
    assert row[0] == SHENZHEN and row[1] == pytest.approx(7.0) and row[3] == "approx"
    assert row[7] == pytest.approx(1.0) and "地区生产总值增长7%左右" in row[9]
    [(actual,)] = _rows(corpus_warehouse, "select value from fct_indicator_values where place_code = '440311' "
                        "and indicator_id = 'gdp_growth' and value_kind = 'actual' and reference_year = 2021")
    assert actual == pytest.approx(12.9)
