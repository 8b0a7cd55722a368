"""A link to a place the warehouse lacks says so and opens on the nearest match, never silently elsewhere.

The fixture's places with data are 瑞安市, 乐清市, 永嘉县, 温州市 (温州) and 易县 (保定).
"""

import json

import pytest
from conftest import quantitative_axis_titles, run_page, shown_text
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df


def warnings(at) -> list[str]:
    return [str(w.value) for w in at.warning]


def test_an_unknown_code_says_so_and_offers_the_nearest_code(warehouse):
    at = run_page(warehouse, query_params={"place": "999999"})
    assert not at.exception
    # 999999 shares no prefix with any code: the numerically nearest is 乐清市 330382.
    assert at.selectbox(key="profile_place").value == "330382"
    [notice] = warnings(at)
    assert notice.startswith("本数据仓库中没有地区「999999」。已改为显示最接近的 乐清市 · 330382。")
    assert "其他相近的地区：瑞安市 · 330381、永嘉县 · 330324。" in notice
    assert at.title[0].value == "乐清市"


def test_a_gazetteer_place_without_data_is_named_and_a_place_of_its_prefecture_offered(warehouse):
    # 苍南县 330327 is in the gazetteer but has no report here; 永嘉县 330324 is the nearest code in 温州市.
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330327", "indicator": "gdp"})
    assert not at.exception
    assert at.selectbox(key="bench_place").value == "330324"
    assert warnings(at)[0].startswith("本数据仓库中没有地区 330327（苍南县）的报告或数据。已改为显示最接近的 永嘉县 · 330324。")


def test_a_name_instead_of_a_code_opens_the_place_of_that_name(warehouse):
    at = run_page(warehouse, "targets.py", query_params={"place": "瑞安"})
    assert at.selectbox(key="targets_place").value == "330381"
    assert "本数据仓库中没有地区「瑞安」。已改为显示最接近的 瑞安市 · 330381。" in warnings(at)[0]
    assert at.query_params["place"] == "330381"  # the address now names the place shown


def test_a_name_like_no_place_says_there_is_no_match(warehouse):
    at = run_page(warehouse, "cascade.py", query_params={"place": "北京市"})
    assert not at.exception
    assert "本数据仓库中没有地区「北京市」。没有相近的地区，已显示" in warnings(at)[0]


def test_the_notice_goes_once_another_place_is_chosen(warehouse):
    at = run_page(warehouse, query_params={"place": "999999"})
    assert warnings(at)
    at.selectbox(key="profile_place").set_value("330381").run()
    assert not warnings(at) and at.title[0].value == "瑞安市"


def test_the_notice_reads_in_english(warehouse):
    at = run_page(warehouse, query_params={"place": "330327"}, lang="en")
    assert warnings(at)[0].startswith("The warehouse has no reports or values for 330327 (苍南县). "
                                      "Showing the nearest match instead: 永嘉县 · 330324.")


def test_a_known_place_opens_without_a_notice(warehouse):
    at = run_page(warehouse, query_params={"place": "330381"})
    assert not warnings(at)


# --- charts: a one-place bar is a bar; units on the axes; captions name the source -----------------

def chart_specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def test_a_one_place_benchmark_draws_a_bar_and_says_where_its_value_comes_from(warehouse, read):
    # 温州市 is compared with prefectures, and is the only one here: its bar chart has one bar.
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330300", "indicator": "gdp"})
    at.selectbox(key="bench_group").set_value("app").run()
    bars, lines = chart_specs(at)
    [data] = at.get("vega_lite_chart")[0].proto.datasets  # Streamlit sends the rows beside the spec
    [row] = convert_arrow_bytes_to_pandas_df(data.data.data).to_dict("records")
    assert row["place_label"] == "温州市" and row["display_value"] > 0
    assert bars["autosize"]["type"] == "fit-x" and bars["height"]["step"] >= 20
    assert bars["encoding"]["x"]["scale"]["zero"] is True
    assert bars["encoding"]["x"]["title"] == lines["encoding"]["y"]["title"] == "地区生产总值（亿元）"
    assert [c.value for c in at.caption].count("数值来源：工作报告。") == 2  # under each chart


def test_statistics_in_a_peer_group_are_named_under_the_charts(warehouse):
    # 平阳县 takes part in 温州县域 through the statistics panel only.
    at = run_page(warehouse, "benchmark.py",
                  query_params={"place": "330381", "indicator": "gdp", "year": "2023", "group": "wenzhou_counties"})
    assert "数值来源：工作报告、统计数据。" in [c.value for c in at.caption]


@pytest.mark.parametrize(("page", "params", "unit", "caption"), [
    ("targets.py", {"place": "330381", "indicator": "gdp_growth"}, "（%）", "数值来源：工作报告（"),
    ("cascade.py", {"place": "330381", "indicator": "gdp_growth"}, "（%）", "数据来源：各级政府工作报告提出的目标"),
    ("attention.py", {"place": "330381"}, "（次/万字）", "数值来源：工作报告原文的用语统计"),
    ("profile.py", {"place": "330381", "indicator": "gdp"}, "（亿元）", "数值来源：工作报告"),
])
def test_each_pages_chart_has_its_unit_on_the_axis_and_a_source_caption(warehouse, page, params, unit, caption):
    at = run_page(warehouse, page, query_params=params)
    assert not at.exception
    specs = chart_specs(at)
    assert specs, page
    for chart in specs:
        titles = quantitative_axis_titles(chart)
        assert titles and all(title.endswith(unit) for title in titles), (page, titles)
    assert any(c.value.startswith(caption) for c in at.caption), shown_text(at)
