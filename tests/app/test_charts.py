"""Chart builders: units in axis titles, one scale per chart, the chosen place highlighted."""

import json

import pandas as pd
from conftest import quantitative_axis_titles

from app import charts

RANKED = pd.DataFrame({
    "place_code": ["330382", "330381", "330324"],
    "place_name": ["乐清市", "瑞安市", "永嘉县"],
    "value": [148.12e9, 129.85e9, 57.13e9],
    "value_upper": [None, None, None],
    "bound": ["eq", "eq", "eq"],
})


def spec(chart) -> dict:
    return chart.to_dict()


def dataset(chart_spec: dict) -> list[dict]:
    return next(iter(chart_spec["datasets"].values()))


def test_bar_axis_title_carries_the_unit():
    chart = spec(charts.ranked_bar_chart(RANKED, "330381", "地区生产总值", "CNY", "zh"))
    assert chart["encoding"]["x"]["title"] == "地区生产总值（亿元）"
    english = spec(charts.ranked_bar_chart(RANKED, "330381", "Gross regional product", "CNY", "en"))
    assert english["encoding"]["x"]["title"] == "Gross regional product (CNY bn)"


def test_bars_share_one_scale_and_keep_rank_order():
    chart = spec(charts.ranked_bar_chart(RANKED, "330381", "地区生产总值", "CNY", "zh"))
    rows = dataset(chart)
    assert [round(r["display_value"], 2) for r in rows] == [1481.2, 1298.5, 571.3]
    assert chart["encoding"]["y"]["sort"] == ["乐清市", "瑞安市", "永嘉县"]
    assert [r["formatted"] for r in rows] == ["1481.2亿元", "1298.5亿元", "571.3亿元"]


def test_only_the_chosen_place_is_highlighted():
    chart = spec(charts.ranked_bar_chart(RANKED, "330381", "地区生产总值", "CNY", "zh"))
    assert [r["is_highlight"] for r in dataset(chart)] == [False, True, False]
    colour = chart["encoding"]["color"]
    assert colour["condition"]["value"] == charts.HIGHLIGHT and colour["value"] == charts.MUTED


def test_places_sharing_a_name_are_told_apart_by_code():
    twins = pd.DataFrame({"place_code": ["130104", "130203"], "place_name": ["桥西区", "桥西区"],
                          "value": [1.0, 2.0], "bound": ["eq", "eq"], "value_upper": [None, None]})
    rows = dataset(spec(charts.ranked_bar_chart(twins, "130104", "x", "percent", "zh")))
    assert [r["place_label"] for r in rows] == ["桥西区 130104", "桥西区 130203"]


def test_trend_lines_have_year_and_unit_axes():
    series = pd.DataFrame({
        "place_code": ["330381", "330381", "330382", "330382"],
        "place_name": ["瑞安市", "瑞安市", "乐清市", "乐清市"],
        "reference_year": [2022, 2023, 2022, 2023],
        "value": [3.6, 6.9, 3.2, 6.1], "bound": ["eq"] * 4, "value_upper": [None] * 4,
    })
    chart = spec(charts.trend_line_chart(series, "330381", "地区生产总值增速", "percent", "zh"))
    assert chart["encoding"]["x"]["title"] == "年份"
    assert chart["encoding"]["y"]["title"] == "地区生产总值增速（%）"
    assert chart["encoding"]["strokeWidth"]["condition"]["value"] == 4


def test_attainment_chart_colours_met_and_missed():
    frame = pd.DataFrame({
        "place_name": ["瑞安市", "瑞安市"], "reference_year": [2022, 2023],
        "target_value": [15000.0, 15000.0], "actual_value": [18900.0, 14000.0],
        "status": ["met", "missed"],
    })
    labels = {"met": "完成", "within_tolerance": "基本完成", "missed": "未完成", "no_actual": "暂无",
              "not_judged": "未判定"}
    chart = spec(charts.attainment_chart(frame, "城镇新增就业", "persons", "zh", labels))
    ticks, dots = chart["layer"]
    assert ticks["encoding"]["x"]["title"] == "城镇新增就业（万人）"
    scale = dots["encoding"]["color"]["scale"]
    colour_of = dict(zip(scale["domain"], scale["range"]))
    assert colour_of["完成"] == charts.STATUS_COLOURS["met"]
    assert colour_of["未完成"] == charts.STATUS_COLOURS["missed"]
    assert [r["status_label"] for r in dataset(chart)] == ["完成", "未完成"]


def test_coverage_heatmap_writes_counts_in_cells():
    frame = pd.DataFrame({"place": ["瑞安市", "瑞安市"], "reference_year": [2022, 2023], "n": [3, 4]})
    chart = spec(charts.coverage_heatmap(frame, "place", "reference_year", "n", "地区", "年份", "指标"))
    cells, text = chart["layer"]
    assert cells["mark"]["type"] == "rect" and text["encoding"]["text"]["field"] == "n"


CHAIN = pd.DataFrame({
    "role": ["place", "parent", "grandparent", "peer", "place", "parent"],
    "place_code": ["330381", "330300", "330000", "330382", "330381", "330300"],
    "place_name": ["瑞安市", "温州市", "浙江省", "乐清市", "瑞安市", "温州市"],
    "reference_year": [2024, 2024, 2024, 2024, 2025, 2025],
    "value": [6.5, 7.0, 5.0, 7.5, 6.0, 6.0],
    "value_upper": [None, None, 5.5, None, None, None],
    "bound": ["ge", "ge", "range", "approx", "approx", "approx"],
})


def test_target_chain_chart_follows_the_chain_with_the_unit_on_its_axis():
    chart = spec(charts.target_chain_chart(CHAIN, "地区生产总值增速", "percent", "zh",
                                           {"place": "本地", "parent": "上级", "grandparent": "再上一级"}))
    assert chart["encoding"]["y"]["title"] == "地区生产总值增速（%）"
    assert chart["encoding"]["color"]["scale"] == {
        "domain": ["瑞安市（本地）", "温州市（上级）", "浙江省（再上一级）", "乐清市"],
        "range": [charts.HIGHLIGHT, charts.CHAIN_COLOURS["parent"], charts.CHAIN_COLOURS["grandparent"], charts.MUTED],
    }
    english = spec(charts.target_chain_chart(CHAIN, "GRP growth", "percent", "en", {"place": "this place"}))
    assert english["encoding"]["y"]["title"] == "GRP growth (%)"
    assert english["encoding"]["color"]["scale"]["domain"][0] == "瑞安市 (this place)"


def test_a_range_target_is_drawn_at_its_midpoint_and_shown_whole():
    rows = dataset(spec(charts.target_chain_chart(CHAIN, "地区生产总值增速", "percent", "zh")))
    province = next(r for r in rows if r["role"] == "grandparent")
    assert province["display_value"] == 5.25 and province["formatted"] == "5–5.5%"
    assert [r["formatted"] for r in rows if r["role"] == "place"] == ["≥6.5%", "≈6%"]


# --- the map ----------------------------------------------------------------------------------

def square(code: str, x: float) -> dict:
    ring = [[x, 27.0], [x + 0.1, 27.0], [x + 0.1, 27.1], [x, 27.1], [x, 27.0]]
    return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]}, "properties": {"place_code": code}}


MAP_UNITS = [square("330381", 120.0), square("330382", 120.2), square("330302", 120.4)]
MAP_VALUES = pd.DataFrame({
    "place_code": ["330381", "330382", "330302"],
    "place_name": ["瑞安市", "乐清市", "鹿城区"],
    "value": [119.79e9, 14.812e10, None],  # 鹿城区 has no value
    "value_upper": [None, None, None],
    "bound": ["eq", "eq", None],
    "reference_year": [2022, 2022, 2022],
    "source": ["工作报告", "统计数据", None],
    "link": ["reader?report=r1", "./?place=330382", "./?place=330302"],
})


def map_layers(chart: dict) -> list[dict]:
    return chart["layer"]


def map_shapes(chart: dict) -> list[dict]:
    return chart["data"]["values"]


def test_a_unit_without_a_value_is_grey_under_the_colours_not_zero():
    chart = spec(charts.choropleth_map(MAP_UNITS, MAP_VALUES, "地区生产总值", "CNY", "zh"))
    no_data, coloured, outline = map_layers(chart)
    # The grey layer draws every unit first; the coloured one only those with a value.
    assert no_data["encoding"]["color"]["scale"] == {"domain": ["无数据"], "range": [charts.NO_DATA_GREY]}
    assert "transform" not in no_data and coloured["transform"] == [{"filter": "datum.properties.has_value"}]
    shapes = {s["properties"]["place_code"]: s["properties"] for s in map_shapes(chart)}
    assert shapes["330302"]["has_value"] is False and shapes["330302"]["display_value"] is None
    assert shapes["330302"]["formatted"] == "无数据"
    assert [round(shapes[c]["display_value"], 1) for c in ("330381", "330382")] == [1197.9, 1481.2]


def test_the_legend_carries_the_unit_and_the_tooltip_says_place_value_unit_source_year():
    chart = spec(charts.choropleth_map(MAP_UNITS, MAP_VALUES, "地区生产总值", "CNY", "zh"))
    coloured = map_layers(chart)[1]
    assert coloured["encoding"]["color"]["title"] == "地区生产总值（亿元）"
    assert [t["title"] for t in coloured["encoding"]["tooltip"]] == ["地区", "数值", "单位", "来源", "年份"]
    assert coloured["encoding"]["href"]["field"] == "properties.link"
    shapes = {s["properties"]["place_code"]: s["properties"] for s in map_shapes(chart)}
    assert (shapes["330381"]["formatted"], shapes["330381"]["unit_label"], shapes["330381"]["source"],
            shapes["330381"]["year"]) == ("1197.9亿元", "亿元", "工作报告", 2022)
    english = spec(charts.choropleth_map(MAP_UNITS, MAP_VALUES, "Gross regional product", "CNY", "en"))
    assert map_layers(english)[1]["encoding"]["color"]["title"] == "Gross regional product (CNY bn)"
    assert map_layers(english)[0]["encoding"]["color"]["scale"]["domain"] == ["No data"]


def test_the_grey_legend_shows_only_when_a_unit_lacks_a_value_and_the_colour_legend_only_with_values():
    full = MAP_VALUES.assign(value=[1.0e11, 1.2e11, 0.9e11], bound="eq")
    chart = spec(charts.choropleth_map(MAP_UNITS, full, "地区生产总值", "CNY", "zh"))
    assert map_layers(chart)[0]["encoding"]["color"]["legend"] is None
    empty = spec(charts.choropleth_map(MAP_UNITS, MAP_VALUES.assign(value=None), "地区生产总值", "CNY", "zh"))
    assert map_layers(chart)[1]["encoding"]["color"]["legend"] == {"format": ",~r"}  # 1,197.9 and 1,500, not 1,197.900000 or 1.5e+3
    assert map_layers(empty)[1]["encoding"]["color"]["legend"] is None
    assert map_layers(empty)[0]["encoding"]["color"]["legend"] is not None


def test_growth_on_both_sides_of_zero_diverges_from_zero():
    growth = MAP_VALUES.assign(value=[-2.1, 6.5, 3.0], bound="eq")
    chart = spec(charts.choropleth_map(MAP_UNITS, growth, "地区生产总值增速", "percent", "zh"))
    assert map_layers(chart)[1]["encoding"]["color"]["scale"] == {"domainMid": 0, "scheme": "redblue"}


def test_the_chosen_unit_is_outlined_and_the_national_map_draws_the_sea_line():
    line = {"type": "MultiLineString", "coordinates": [[[119.5, 18.0], [119.6, 18.2]]]}
    chart = spec(charts.choropleth_map(MAP_UNITS, MAP_VALUES, "地区生产总值", "CNY", "zh", highlight="330381",
                                       sea_line=line))
    outline, sea = map_layers(chart)[2:]
    assert outline["transform"] == [{"filter": "datum.properties.is_highlight"}]
    assert outline["mark"]["stroke"] == charts.HIGHLIGHT and outline["mark"]["filled"] is False
    shapes = {s["properties"]["place_code"]: s["properties"]["is_highlight"] for s in map_shapes(chart)}
    assert shapes == {"330381": True, "330382": False, "330302": False}
    assert sea["data"]["values"][0]["geometry"] == line and sea["mark"]["strokeDash"] == [5, 3]
    assert len(map_layers(spec(charts.choropleth_map(MAP_UNITS, MAP_VALUES, "GDP", "CNY", "zh")))) == 3


# --- sizes and units: a one-place bar stays a bar, every quantitative axis names its unit --------

ONE_PLACE = RANKED.iloc[[1]].reset_index(drop=True)  # 瑞安市 alone, as on a fresh machine's build


def test_a_one_place_bar_chart_draws_a_bar_of_nonzero_extent():
    chart = spec(charts.ranked_bar_chart(ONE_PLACE, "330381", "地区生产总值", "CNY", "zh", title="2022 年 地区生产总值"))
    # Streamlit's default autosize "fit" took the title and axes out of a fixed height, leaving a
    # one-row chart no room for its bar: the height is now the plot's own, one step per bar.
    assert chart["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert chart["height"]["step"] >= 20
    assert chart["encoding"]["x"]["scale"]["zero"] is True  # the bar spans 0 … 1298.5
    [row] = dataset(chart)
    assert row["display_value"] == 1298.5 and row["is_highlight"]


def test_the_bar_chart_grows_with_the_number_of_places_not_against_a_fixed_height():
    few, many = (spec(charts.ranked_bar_chart(frame, "330381", "x", "CNY", "zh")) for frame in (ONE_PLACE, RANKED))
    assert few["height"] == many["height"] == {"step": charts.ROW_STEP}


def test_every_chart_with_a_quantity_axis_names_its_unit():
    lines = pd.DataFrame({"place_code": ["330381"] * 2, "place_name": ["瑞安市"] * 2, "reference_year": [2022, 2023],
                          "value": [119.79e9, 130.12e9], "bound": ["eq"] * 2, "value_upper": [None] * 2})
    attainment = pd.DataFrame({"place_name": ["瑞安市"], "reference_year": [2023], "target_value": [6.5],
                               "actual_value": [6.9], "status": ["met"]})
    attention = pd.DataFrame({"place_code": ["330381"] * 2, "place_name": ["瑞安市"] * 2, "term": ["光伏"] * 2,
                              "report_year": [2023, 2024], "per_10k_chars": [1.2, 2.5], "report_id": ["a", "b"]})
    built = {
        "bars": charts.ranked_bar_chart(RANKED, "330381", "地区生产总值", "CNY"),
        "lines": charts.trend_line_chart(lines, "330381", "地区生产总值", "CNY"),
        "profile": charts.place_trend_chart(lines[["reference_year", "value"]], "地区生产总值", "CNY", "瑞安市"),
        "attainment": charts.attainment_chart(attainment, "地区生产总值增速", "percent"),
        "chain": charts.target_chain_chart(CHAIN, "地区生产总值增速", "percent"),
        "attention": charts.attention_line_chart(attention, "330381", "per_10k_chars", "每万字次数",
                                                 unit_label="次/万字"),
    }
    units = {"bars": "亿元", "lines": "亿元", "profile": "亿元", "attainment": "%", "chain": "%", "attention": "次/万字"}
    for name, chart in built.items():
        titles = quantitative_axis_titles(spec(chart))
        assert titles and all(title.endswith(f"（{units[name]}）") for title in titles), (name, titles)


def test_every_chart_sizes_its_plot_not_its_frame():
    chart = spec(charts.coverage_heatmap(pd.DataFrame({"place": ["瑞安市"], "reference_year": [2022], "n": [3]}),
                                         "place", "reference_year", "n", "地区", "年份", "核心指标数（个）"))
    assert chart["autosize"]["type"] == "fit-x" and chart["height"]["step"] >= 20


def test_a_definition_change_breaks_the_profile_line_and_is_marked():
    # 城镇居民人均可支配收入 is on the unified survey from 2013: the line never joins 2012 to 2013.
    frame = pd.DataFrame({"reference_year": [2011, 2012, 2013, 2014], "value": [18000.0, 20000.0, 22000.0, 24000.0]})
    broken = spec(charts.place_trend_chart(frame, "城镇居民人均可支配收入", "CNY", "瑞安市", comparable_from=2013))
    text = json.dumps(broken, ensure_ascii=False)
    assert "口径调整" in text and '"definition"' in text
    rows = [row for dataset in broken["datasets"].values() for row in dataset if "definition" in row]
    assert {(row["reference_year"], row["definition"]) for row in rows} == {
        (2011, "earlier"), (2012, "earlier"), (2013, "current"), (2014, "current")}
    whole = json.dumps(spec(charts.place_trend_chart(frame, "城镇居民人均可支配收入", "CNY", "瑞安市")), ensure_ascii=False)
    assert "口径调整" not in whole and '"earlier"' not in whole
