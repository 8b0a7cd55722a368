"""Targets down the chain: an analyst sets a place's targets beside its parent's, as fct_target_cascade pairs them.

In the fixture 温州市's 2024 report and the 2024 reports of 瑞安市, 乐清市 and 永嘉县 set targets for
the same year; 浙江省 has no report, so 温州市 itself has no parent target.
"""

import json

import duckdb
from conftest import run_page, shown_text, table

from app.formatting import format_delta, format_value
from app.ui import reader_link


def cascade(read, place_code: str | None = None, indicator_id: str | None = None, parent_code: str | None = None):
    """fct_target_cascade rows, filtered on what is given, in the page's order (newest year first)."""
    return read(
        "select * from fct_target_cascade "
        "where (? is null or place_code = ?) and (? is null or indicator_id = ?) and (? is null or parent_code = ?) "
        "order by place_code, indicator_id, reference_year desc",
        [place_code, place_code, indicator_id, indicator_id, parent_code, parent_code],
    )


def chart_spec(at) -> dict:
    [chart] = at.get("vega_lite_chart")
    return json.loads(chart.proto.spec)


def test_ruian_sees_its_growth_target_beside_wenzhous_and_the_difference(warehouse, read):
    [row] = cascade(read, "330381", "gdp_growth").itertuples()
    # 瑞安市 2024: 地区生产总值增长4.8%以上; 温州市 2024: 地区生产总值增长7.1%以上
    assert (row.parent_code, row.reference_year) == ("330300", 2024)
    assert (row.place_target_bound, row.parent_target_bound) == ("ge", "ge")
    at = run_page(warehouse, "cascade.py", query_params={"place": "330381"})
    assert not at.exception
    assert at.selectbox(key="cascade_indicator").value == "gdp_growth"  # the default indicator
    shown = table(at, "cascade_table").set_index("年份").loc[2024]
    assert shown["本地目标"] == format_value(row.place_target_value, "percent", "ge") == "≥4.8%"
    assert shown["上级"] == "温州市"
    assert shown["上级目标"] == format_value(row.parent_target_value, "percent", "ge") == "≥7.1%"
    assert shown["本地 − 上级"] == format_delta(row.difference, "percent", "zh") == "−2.3个百分点"
    assert shown["加码"] == "否"
    assert "地区生产总值增长4.8%以上" in shown["本地原文"] and "地区生产总值增长7.1%以上" in shown["上级原文"]
    assert "1 个年份中，瑞安市 有 0 个年份的目标比温州市更进一步（加码）。" in shown_text(at)


def test_a_target_above_the_citys_adds_to_it_and_keeps_its_outcome(warehouse, read):
    # 瑞安市 2024: 固定资产投资增长9.9% under 温州市's 5.6%, and its 2025 report says what 2024 reached.
    [row] = cascade(read, "330381", "fixed_asset_investment_growth").itertuples()
    assert row.adds_to_parent and row.place_outcome in ("met", "missed")
    at = run_page(warehouse, "cascade.py",
                  query_params={"place": "330381", "indicator": "fixed_asset_investment_growth"})
    shown = table(at, "cascade_table").set_index("年份").loc[row.reference_year]
    assert shown["本地 − 上级"] == format_delta(row.difference, "percent", "zh") == "+4.3个百分点"
    assert shown["加码"] == "是"
    assert shown["实际"] == format_value(row.place_actual_value, "percent")
    assert shown["完成情况"] == {"met": "完成", "missed": "未完成"}[row.place_outcome]


def test_a_lower_ceiling_than_the_citys_adds_to_it(warehouse, read):
    # 永嘉县 2024: 城镇调查失业率控制在4.8%以内, under 温州市's 5.5%: lower is better, so it adds.
    [row] = cascade(read, "330324", "urban_surveyed_unemployment_rate").itertuples()
    assert not row.higher_is_better and row.difference < 0 and row.adds_to_parent
    at = run_page(warehouse, "cascade.py", query_params={"place": "330324"})
    at.selectbox(key="cascade_indicator").set_value("urban_surveyed_unemployment_rate").run()
    shown = table(at, "cascade_table").set_index("年份").loc[2024]
    assert (shown["本地目标"], shown["上级目标"]) == ("≤4.8%", "≤5.5%")
    assert shown["本地 − 上级"] == "−0.7个百分点" and shown["加码"] == "是"
    assert "该指标越低越好：目标低于上级即为加码。" in shown_text(at)


def test_the_chart_draws_the_place_its_parent_and_its_peers_with_the_unit(warehouse, read):
    peers = cascade(read, indicator_id="gdp_growth", parent_code="330300")
    assert set(peers["place_name"]) == {"瑞安市", "乐清市"}  # 永嘉县's 2024 report sets no growth target
    at = run_page(warehouse, "cascade.py", query_params={"place": "330381", "indicator": "gdp_growth"})
    spec = chart_spec(at)
    assert spec["encoding"]["y"]["title"] == "地区生产总值增速（%）"
    assert spec["encoding"]["color"]["scale"]["domain"] == ["瑞安市（本地）", "温州市（上级）", "乐清市"]
    assert "fct_target_cascade" in shown_text(at) and "工作报告提出的目标" in shown_text(at)


def test_where_the_parent_has_a_parent_target_the_chain_reaches_it(warehouse_copy):
    # The fixture has no 浙江省 report: this test's own copy gives 温州市's 2024 growth target a
    # province target above it (the row fct_target_cascade would hold with a 浙江省 2024 report).
    with duckdb.connect(str(warehouse_copy)) as connection:
        connection.execute(
            """
            insert into fct_target_cascade by name
            select '330300' as place_code, '温州市' as place_name, 'prefecture' as place_level,
                   '330000' as parent_code, '浙江省' as parent_name, 'province' as parent_level,
                   indicator_id, measure, higher_is_better, reference_year,
                   parent_target_value as place_target_value, parent_target_bound as place_target_bound,
                   parent_unit as place_unit, 5.5 as parent_target_value, 'approx' as parent_target_bound,
                   parent_unit, parent_target_value - 5.5 as difference, true as adds_to_parent,
                   'no_actual' as place_outcome, parent_report_id as place_report_id,
                   parent_quote as place_quote, 'zhejiang_2024' as parent_report_id,
                   '地区生产总值增长5.5%左右' as parent_quote
            from fct_target_cascade where place_code = '330381' and indicator_id = 'gdp_growth'
            """
        )
    at = run_page(warehouse_copy, "cascade.py", query_params={"place": "330381", "indicator": "gdp_growth"})
    assert chart_spec(at)["encoding"]["color"]["scale"]["domain"] == [
        "瑞安市（本地）", "温州市（上级）", "浙江省（再上一级）", "乐清市"]
    # The table stays the place against its own parent.
    assert table(at, "cascade_table")["上级"].tolist() == ["温州市"]


def test_each_quote_links_to_its_sentence_in_the_report_reader(warehouse, read, report_of):
    [row] = cascade(read, "330382", "gdp_growth").itertuples()
    at = run_page(warehouse, "cascade.py", query_params={"place": "330382", "indicator": "gdp_growth"})
    shown = table(at, "cascade_table").set_index("年份").loc[2024]
    assert shown["本地出处"] == reader_link(report_of("330382", 2024), row.place_mention_id, row.place_sentence_id,
                                         "330382")
    assert shown["上级出处"] == reader_link(report_of("330300", 2024), row.parent_mention_id, row.parent_sentence_id,
                                         "330300")


def test_a_place_without_a_parent_target_says_so(warehouse, read):
    # 温州市's parent 浙江省 has no report in the fixture.
    assert cascade(read, "330300").empty
    at = run_page(warehouse, "cascade.py", query_params={"place": "330300"})
    assert not at.exception
    assert "温州市 没有可与上级比较的目标" in shown_text(at)
    assert not at.get("vega_lite_chart")


def test_the_page_reads_in_english(warehouse, read):
    [row] = cascade(read, "330381", "gdp_growth").itertuples()
    at = run_page(warehouse, "cascade.py", query_params={"place": "330381", "indicator": "gdp_growth"}, lang="en")
    assert at.title[0].value == "Targets down the chain"
    shown = table(at, "cascade_table").set_index("Year").loc[2024]
    assert shown["Place − parent"] == format_delta(row.difference, "percent", "en") == "−2.3 pp"
    assert shown["Adds to parent"] == "no"
    assert chart_spec(at)["encoding"]["y"]["title"] == "Gross regional product growth (real) (%)"


def test_the_rows_download_with_their_provenance(warehouse):
    at = run_page(warehouse, "cascade.py", query_params={"place": "330381"})
    assert at.get("download_button")[0].proto.label == "下载 CSV"
