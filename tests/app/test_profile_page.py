"""The place profile shows a place's latest actuals and its newest targets, each with its quote."""

from conftest import run_page, table


def test_ruian_profile_shows_latest_actuals_and_targets(warehouse):
    at = run_page(warehouse, query_params={"place": "330381"})
    assert at.title[0].value == "瑞安市"
    actuals = table(at, "profile_actuals_table").set_index("指标")
    assert actuals.loc["地区生产总值", "数值"] == "1298.5亿元"
    assert actuals.loc["地区生产总值", "年份"] == 2023
    assert actuals.loc["城镇新增就业", "数值"] == "1.92万人"
    assert "1298.5亿元" in actuals.loc["地区生产总值", "原文"]
    assert at.subheader[1].value == "2024 年报告提出的目标"
    targets = table(at, "profile_targets_table").set_index("指标")
    assert targets.loc["地区生产总值增速", "数值"] == "≈6.5%"
    assert targets.loc["一般公共预算收入增速", "数值"] == "6–6.5%"


def test_the_default_place_is_one_with_reports(warehouse):
    at = run_page(warehouse)
    assert at.selectbox(key="profile_place").value in {"330381", "330382", "330324", "130633"}


def test_english_profile_uses_english_units(warehouse):
    at = run_page(warehouse, query_params={"place": "330381"}, lang="en")
    actuals = table(at, "profile_actuals_table").set_index("Indicator")
    assert actuals.loc["Gross regional product", "Value"] == "CNY 129.85 bn"


def test_an_empty_warehouse_says_there_is_nothing_yet(empty_warehouse):
    at = run_page(empty_warehouse)
    assert "还没有任何有报告或数据的地区" in at.info[0].value
