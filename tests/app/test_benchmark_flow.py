"""Peer comparison as an analyst uses it: pick a place and an indicator, read the rank."""

from conftest import run_page, shown_text, table


def test_analyst_picks_ruian_and_gdp_and_sees_its_rank_among_wenzhou_peers(warehouse):
    at = run_page(warehouse, "benchmark.py")
    at.selectbox(key="bench_place").set_value("330381").run()
    at.selectbox(key="bench_indicator").set_value("gdp").run()

    # Default peers: the other county-level places in 温州市 (not 易县 in 保定市, not 温州市 itself).
    assert sorted(at.multiselect(key="bench_peers").value) == ["330324", "330382"]
    assert at.selectbox(key="bench_year").value == 2023
    assert "瑞安市 在 3 个地区中排第 2 名" in shown_text(at)
    ranked = table(at, "bench_table")
    assert ranked["地区"].tolist() == ["乐清市", "瑞安市", "永嘉县"]
    assert ranked["名次"].tolist() == [1, 2, 3]
    assert ranked.loc[ranked["地区"] == "瑞安市", "数值"].item() == "1298.5亿元"
    assert ranked.loc[ranked["地区"] == "瑞安市", "百分位"].item() == 50
    assert ranked.loc[ranked["地区"] == "瑞安市", "与第一名差距"].item() == "−182.7亿元"
    assert len(at.get("vega_lite_chart")) == 2  # bars of the year, lines over the years


def test_a_deep_link_opens_the_same_view(warehouse):
    at = run_page(warehouse, "benchmark.py",
                  query_params={"place": "330381", "indicator": "gdp_growth", "year": "2022"})
    assert at.selectbox(key="bench_place").value == "330381"
    assert at.selectbox(key="bench_indicator").value == "gdp_growth"
    assert at.selectbox(key="bench_year").value == 2022
    # 2022 growth: 永嘉县 4.0, 瑞安市 3.6, 乐清市 3.2.
    assert table(at, "bench_table")["地区"].tolist() == ["永嘉县", "瑞安市", "乐清市"]
    assert at.query_params["indicator"] == "gdp_growth"


def test_widening_the_peer_scope_adds_places_from_other_provinces(warehouse):
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp"})
    at.radio(key="bench_scope").set_value("all").run()
    assert "130633" in at.multiselect(key="bench_peers").value
    assert "330300" not in at.multiselect(key="bench_peers").value
    assert "瑞安市 在 4 个地区中排第 2 名" in shown_text(at)


def test_the_analyst_can_narrow_the_peers_by_hand(warehouse):
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp"})
    at.multiselect(key="bench_peers").set_value(["330324"]).run()
    assert table(at, "bench_table")["地区"].tolist() == ["瑞安市", "永嘉县"]
    assert "瑞安市 在 2 个地区中排第 1 名" in shown_text(at)


def test_targets_can_be_benchmarked_too(warehouse):
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp_growth"})
    at.radio(key="bench_kind").set_value("target").run()
    at.selectbox(key="bench_year").set_value(2024).run()
    ranked = table(at, "bench_table")
    assert ranked.loc[ranked["地区"] == "瑞安市", "数值"].item() == "≈6.5%"


def test_a_place_without_peers_still_gets_a_ranking(single_place_warehouse):
    at = run_page(single_place_warehouse, "benchmark.py")
    assert "瑞安市 在 1 个地区中排第 1 名" in shown_text(at)


def test_the_ranking_download_carries_provenance(warehouse):
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp"})
    csv = at.get("download_button")[0]
    assert csv.proto.label == "下载 CSV"


def test_a_prefecture_is_compared_with_prefectures_not_its_counties(warehouse):
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330300", "indicator": "gdp"})
    assert at.multiselect(key="bench_peers").value == []
    assert "温州市 在 1 个地区中排第 1 名" in shown_text(at)


def test_a_warehouse_peer_group_ranks_places_known_only_from_statistics(warehouse):
    import duckdb
    conn = duckdb.connect(str(warehouse))
    conn.execute("create schema catalogue")
    conn.execute("create table catalogue.peer_groups as select 'wenzhou_counties' as peer_group_id, "
                 "'温州县域' as name_zh, 'Wenzhou counties' as name_en")
    # 瑞安市 from its report, 平阳县 only from the statistics panel.
    conn.execute("""
        create table fct_peer_benchmarks as
        select * from (values
            ('330326', '平阳县', 'wenzhou_counties', 'wenzhou_counties', 'gdp', 2023, 'actual', 1.4e11, 'CNY',
             'statistics', null, 1.35e11, 1, 2, 1, 1.0, '330326', '平阳县', 1.4e11, 0.0),
            ('330381', '瑞安市', 'wenzhou_counties', 'wenzhou_counties', 'gdp', 2023, 'actual', 1.2985e11, 'CNY',
             'report', 'r_330381_2024', 1.35e11, 2, 2, 1, 0.0, '330326', '平阳县', 1.4e11, -1.015e10)
        ) t(place_code, place_name, peer_group_id, group_key, indicator_id, reference_year, value_kind, value,
            unit, value_source, report_id, peer_median, peer_rank, n_peers_with_data, n_peers_from_statistics,
            percentile, leader_place_code, leader_place_name, leader_value, gap_to_leader)
    """)
    conn.close()
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp"})
    at.selectbox(key="bench_group").set_value("wenzhou_counties|wenzhou_counties").run()
    assert not at.exception
    ranked = table(at, "bench_table")
    assert ranked["地区"].tolist() == ["平阳县", "瑞安市"]
    assert ranked["来源"].tolist() == ["统计数据", "工作报告"]
    assert ranked.loc[1, "原文"].startswith("2023年，全市实现地区生产总值1298.5亿元")
    assert "瑞安市 在 2 个地区中排第 2 名（百分位 0）" in shown_text(at)


def test_the_measure_toggle_moves_between_level_growth_and_per_capita(full_warehouse):
    at = run_page(full_warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp"})
    assert at.radio(key="bench_measure").value == "level"
    assert "gdp_growth" not in at.selectbox(key="bench_indicator").options
    at.radio(key="bench_measure").set_value("growth").run()
    assert at.selectbox(key="bench_indicator").value == "gdp_growth"  # the same quantity, as growth
    at.radio(key="bench_measure").set_value("per_capita").run()
    assert at.selectbox(key="bench_indicator").value == "gdp_per_capita"
    assert at.query_params["measure"] == "per_capita"


def test_per_capita_values_come_from_the_derived_benchmarks(full_warehouse):
    at = run_page(full_warehouse, "benchmark.py",
                  query_params={"place": "330381", "indicator": "gdp_per_capita", "group": "wenzhou_counties"})
    assert at.radio(key="bench_measure").value == "per_capita"
    ranked = table(at, "bench_table")
    # GDP 2023 / resident population: 乐清市 1481.2亿 / 146万, 瑞安市 1298.5亿 / 152万, 永嘉县 571.3亿 / 87万.
    assert ranked["地区"].tolist() == ["乐清市", "瑞安市", "永嘉县"]
    assert set(ranked["来源"]) == {"推算"}
    assert ranked.loc[ranked["地区"] == "瑞安市", "数值"].item() == "8.54万元"
    assert "人均值由数据仓库用常住人口推算" in shown_text(at)


def test_per_capita_with_the_apps_own_peers(full_warehouse):
    at = run_page(full_warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp_per_capita"})
    at.selectbox(key="bench_group").set_value("app").run()
    assert table(at, "bench_table")["地区"].tolist() == ["乐清市", "瑞安市", "永嘉县"]


def test_the_named_peer_group_is_reachable_by_deep_link_and_highlights_the_place(full_warehouse):
    at = run_page(full_warehouse, "benchmark.py",
                  query_params={"place": "330381", "indicator": "gdp", "group": "wenzhou_counties"})
    assert at.selectbox(key="bench_group").value == "wenzhou_counties|wenzhou_counties"
    assert "瑞安市 在 4 个地区中排第 3 名" in shown_text(at)
    assert "group=wenzhou_counties" in shown_text(at)
    # The chosen place's row is styled apart from its peers, as its bar is in the chart.
    assert "#fdecea" in str(at.get_by_key("bench_table").dataframe[0].proto)


def test_a_per_head_figure_the_reports_state_is_under_per_capita_too(full_warehouse):
    import duckdb
    conn = duckdb.connect(str(full_warehouse))
    # 人均GDP as the corpus catalogues it: a stated level, not a derived per-capita.
    conn.execute("update dim_indicators set measure = 'level' where indicator_id = 'gdp_per_capita'")
    conn.execute("delete from fct_peer_benchmarks where indicator_id = 'gdp_per_capita'")
    conn.execute("""
        insert into fct_indicator_values (place_code, place_name, indicator_id, reference_year, value_kind, value,
                                          bound, unit, report_id, quote, report_year)
        values ('330381', '瑞安市', 'gdp_per_capita', 2023, 'actual', 85400, 'eq', 'CNY', 'r_330381_2024',
                '人均地区生产总值8.54万元', 2024)
    """)
    conn.close()
    at = run_page(full_warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp_per_capita"})
    assert at.radio(key="bench_measure").value == "per_capita"
    at.radio(key="bench_measure").set_value("level").run()
    assert "gdp_per_capita" not in at.selectbox(key="bench_indicator").options
    assert at.selectbox(key="bench_indicator").value == "gdp"
