"""Statistics' county names resolve to place codes through the gazetteer, or say why not."""

import pytest

from ingest.sources.statistics import load_panel, resolve_county


@pytest.mark.parametrize(("province", "county", "expected"), [
    ("浙江省", "瑞安市", ("330381", "name")),
    # Cells carry line breaks and padding from printed yearbooks.
    ("海南省", "陵水黎族\n自治县", ("469028", "name")),
    ("安徽省", "和  县", ("340523", "name")),
    # The short form of an autonomous county, and counties that have since become a city or district.
    ("云南省", "景东自治县", ("530823", "name")),
    ("云南省", "禄丰县", ("532302", "name")),
    ("河南省", "孟津县", ("410308", "name")),
    # A name repeated across provinces: the row's province decides.
    ("吉林省", "朝阳区", ("220104", "name")),
])
def test_county_names_resolve(province, county, expected):
    assert resolve_county(province, county, {}) == expected


def test_a_name_unique_nationally_survives_a_wrong_province():
    assert resolve_county("江苏省", "瑞安市", {}) == ("330381", "unique name, province differs")


def test_a_name_repeated_in_one_province_is_ambiguous_and_lists_the_codes():
    assert resolve_county("河北省", "新华区", {}) == (None, "ambiguous: 130105,130902")


def test_the_alias_seed_settles_what_the_gazetteer_cannot():
    assert resolve_county("河北省", "新华区", {("河北省", "新华区"): "130105"}) == ("130105", "alias")


def test_an_unknown_name_says_so():
    assert resolve_county("浙江省", "不存在县", {}) == (None, "not in the gazetteer")


def test_a_panel_maps_its_columns_and_lists_what_it_cannot_place(tmp_path):
    panel = tmp_path / "panel.csv"
    panel.write_text(
        "year,province,county,gdp\n2022,浙江省,瑞安市,11979000\n2022,河北省,新华区,1\n2022,浙江省,不存在县,1\n",
        encoding="utf-8")
    load = load_panel(panel)
    assert load.unmapped == [("浙江省", "不存在县", 1)]
    assert load.ambiguous == [("河北省", "新华区", "130105,130902")]
    [row] = [r for r in load.rows if r["place_code"] == "330381"]
    assert (row["indicator_id"], row["reference_year"], row["unit"]) == ("gdp", 2022, "CNY")
    assert row["value"] == pytest.approx(119790000000)  # the panel is in 万元


def test_a_file_that_is_not_a_panel_is_refused_by_name(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"other\.csv: not a county panel \(no county, province, year column\)"):
        load_panel(other)
