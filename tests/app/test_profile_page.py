"""The place profile shows a place's latest actuals and its newest targets, each with its quote."""

from conftest import run_page, shown_text, table


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


def test_each_headline_value_shows_its_rank_among_peers(full_warehouse):
    at = run_page(full_warehouse, query_params={"place": "330381"})
    # The named group 温州县域 is the default: 乐清市, 平阳县 (statistics only), 瑞安市, 永嘉县 on GDP 2023.
    assert at.selectbox(key="profile_group").value == "wenzhou_counties|wenzhou_counties"
    actuals = table(at, "profile_actuals_table").set_index("指标")
    assert actuals.loc["地区生产总值", "同组排名"] == "第3/4（温州县域）"
    assert actuals.loc["地区生产总值增速", "同组排名"] == "第1/3（温州县域）"


def test_the_peer_group_for_ranks_can_be_changed(full_warehouse):
    at = run_page(full_warehouse, query_params={"place": "330381"})
    at.selectbox(key="profile_group").set_value("same_prefecture|330300").run()
    actuals = table(at, "profile_actuals_table").set_index("指标")
    assert actuals.loc["地区生产总值", "同组排名"] == "第3/4（同市县域）"
    assert at.query_params["group"] == "same_prefecture"


def test_each_headline_value_links_to_the_sentence_it_came_from(full_warehouse):
    at = run_page(full_warehouse, query_params={"place": "330381"})
    link = table(at, "profile_actuals_table").set_index("指标").loc["地区生产总值", "原文出处"]
    assert link == ("reader?report=r_330381_2024&mention=r_330381_2024-m000"
                    "&sentence=r_330381_2024-s003&place=330381")
    # Following the link opens the reader on that report, that value, that sentence.
    reader = run_page(full_warehouse, "reader.py", query_params={
        "report": "r_330381_2024", "mention": "r_330381_2024-m000", "sentence": "r_330381_2024-s003"})
    assert reader.selectbox(key="reader_report").value == "r_330381_2024"
    assert reader.selectbox(key="reader_mention").value == "r_330381_2024-m000"
    body = next(h.proto.body for h in reader.get("html") if "<mark" in h.proto.body)
    assert '<span id="xz-focus"' in body
    focused = body.split('<span id="xz-focus"', 1)[1].split("</span>", 1)[0]
    assert "1298.5亿元</mark>" in focused


def test_the_record_of_meeting_targets(full_warehouse):
    at = run_page(full_warehouse, query_params={"place": "330381"})
    assert "共判定 4 项目标，完成 2 项（50%）。" in shown_text(at)
    records = table(at, "profile_records_table").set_index("指标")
    assert records.loc["城镇新增就业", "完成率"] == 100
    assert records.loc["城镇新增就业", "当前连续完成"] == 2
    assert records.loc["地区生产总值增速", "最长连续完成"] == 0


def test_report_figures_are_reconciled_with_statistics(full_warehouse):
    at = run_page(full_warehouse, query_params={"place": "330381"})
    checks = table(at, "profile_reconciliation_table").set_index("年份")
    assert checks.loc[2023, "统计数值"] == "1301.2亿元"
    assert checks.loc[2023, "是否一致"] == "✅ 一致"
    assert checks.loc[2022, "是否一致"] == "❌ 不一致"
    assert checks.loc[2022, "相对差距"] == "+4.2%"


def test_without_statistics_the_profile_says_how_to_load_them(warehouse_without_statistics):
    at = run_page(warehouse_without_statistics, query_params={"place": "330381"})
    assert any("xianzhi stats load" in info.value for info in at.info)


def test_a_place_without_judged_targets_says_what_is_needed(full_warehouse):
    at = run_page(full_warehouse, query_params={"place": "330382"})
    assert any("还没有可判定的目标" in info.value for info in at.info)
    assert any("没有可与该地区报告数值核对" in info.value for info in at.info)


def test_the_profile_charts_a_headline_against_the_peer_median(full_warehouse):
    at = run_page(full_warehouse, query_params={"place": "330381", "indicator": "gdp"})
    assert at.selectbox(key="profile_indicator").value == "gdp"
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    import json
    spec = json.loads(charts[0].proto.spec)
    assert spec["encoding"]["color"]["scale"]["domain"] == ["瑞安市", "温州县域中位数"]


def test_the_older_warehouse_without_peer_tables_still_shows_the_profile(warehouse):
    at = run_page(warehouse, query_params={"place": "330381"})
    assert not at.exception
    assert table(at, "profile_actuals_table").set_index("指标").loc["地区生产总值", "同组排名"] == "—"
    assert any("fct_target_records" in info.value for info in at.info)
