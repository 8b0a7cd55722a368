"""Peer comparison as an analyst uses it: pick a place and an indicator, read the rank."""

import pytest
from conftest import run_page, shown_text, stated_values, table

from app.formatting import format_delta, format_value

WENZHOU = ["330381", "330382", "330324"]  # 瑞安市 and the other county-level places with reports in 温州市


def with_app_peers(at):
    """Peers by administrative area, chosen by hand (the page opens on the profile's peer group)."""
    at.selectbox(key="bench_group").set_value("app").run()
    return at


def test_analyst_picks_ruian_and_gdp_and_sees_its_rank_among_wenzhou_peers(warehouse, read):
    at = with_app_peers(run_page(warehouse, "benchmark.py"))
    at.selectbox(key="bench_place").set_value("330381").run()
    at.radio(key="bench_measure").set_value("level").run()
    at.selectbox(key="bench_indicator").set_value("gdp").run()

    # Default peers: the other county-level places in 温州市 (not 易县 in 保定市, not 温州市 itself).
    assert sorted(at.multiselect(key="bench_peers").value) == ["330324", "330382"]
    latest = read("select max(reference_year) from fct_indicator_values where place_code = '330381' "
                  "and indicator_id = 'gdp' and value_kind = 'actual'").iloc[0, 0].item()
    assert at.selectbox(key="bench_year").value == latest
    expected = stated_values(read, "gdp", latest, WENZHOU)
    ranked = table(at, "bench_table")
    assert ranked["地区"].tolist() == expected["place_name"].tolist()
    assert ranked["名次"].tolist() == [1, 2, 3]
    rank = expected.index[expected["place_code"] == "330381"][0] + 1
    assert f"瑞安市 在 3 个地区中排第 {rank} 名" in shown_text(at)
    ruian = ranked[ranked["地区"] == "瑞安市"].iloc[0]
    value = expected.loc[rank - 1, "value"]
    assert ruian["数值"] == format_value(value, "CNY", "eq", None, "zh")
    assert ruian["百分位"] == {1: 100, 2: 50, 3: 0}[rank]
    assert ruian["与第一名差距"] == format_delta(value - expected["value"].max(), "CNY", "zh")
    assert len(at.get("vega_lite_chart")) == 2  # bars of the year, lines over the years


def test_the_seed_reports_gdp_is_shown_as_the_report_states_it(warehouse):
    # 瑞安市's 2023 report: "实现地区生产总值1197.9亿元" (2022).
    at = with_app_peers(run_page(warehouse, "benchmark.py",
                                 query_params={"place": "330381", "indicator": "gdp", "year": "2022"}))
    ranked = table(at, "bench_table")
    assert ranked.loc[ranked["地区"] == "瑞安市", "数值"].item() == "1197.9亿元"
    assert "1197.9亿元" in ranked.loc[ranked["地区"] == "瑞安市", "原文"].item()


def test_a_deep_link_opens_the_same_view(warehouse, read):
    at = with_app_peers(run_page(warehouse, "benchmark.py",
                                 query_params={"place": "330381", "indicator": "gdp_growth", "year": "2023"}))
    assert at.selectbox(key="bench_place").value == "330381"
    assert at.selectbox(key="bench_indicator").value == "gdp_growth"
    assert at.selectbox(key="bench_year").value == 2023
    assert table(at, "bench_table")["地区"].tolist() == stated_values(read, "gdp_growth", 2023, WENZHOU)["place_name"].tolist()
    assert at.query_params["indicator"] == "gdp_growth"


def test_lower_is_better_ranks_the_lowest_first(warehouse, read):
    at = with_app_peers(run_page(warehouse, "benchmark.py", query_params={
        "place": "330381", "indicator": "urban_registered_unemployment_rate", "year": "2023"}))
    assert "该指标越低越好" in shown_text(at)
    expected = stated_values(read, "urban_registered_unemployment_rate", 2023, WENZHOU)
    assert len(expected) >= 2
    assert table(at, "bench_table")["地区"].tolist() == expected["place_name"].tolist()[::-1]


def test_widening_the_peer_scope_adds_places_from_other_provinces(warehouse, read):
    at = with_app_peers(run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "new_urban_jobs", "year": "2023"}))
    at.radio(key="bench_scope").set_value("all").run()
    peers = at.multiselect(key="bench_peers").value
    assert "130633" in peers and "330300" not in peers  # 易县 is a county; 温州市 is not
    year = at.selectbox(key="bench_year").value
    with_value = stated_values(read, "new_urban_jobs", year, ["330381"] + peers)
    assert "易县" in with_value["place_name"].tolist()
    assert f"在 {len(with_value)} 个地区中排第" in shown_text(at)
    assert set(table(at, "bench_table")["地区"]) == set(with_value["place_name"])


def test_the_analyst_can_narrow_the_peers_by_hand(warehouse, read):
    at = with_app_peers(run_page(warehouse, "benchmark.py",
                                 query_params={"place": "330381", "indicator": "gdp", "year": "2023"}))
    at.multiselect(key="bench_peers").set_value(["330324"]).run()
    expected = stated_values(read, "gdp", 2023, ["330381", "330324"])
    assert table(at, "bench_table")["地区"].tolist() == expected["place_name"].tolist()
    rank = expected["place_code"].tolist().index("330381") + 1
    assert f"瑞安市 在 2 个地区中排第 {rank} 名" in shown_text(at)


def test_targets_can_be_benchmarked_too(warehouse, read):
    at = with_app_peers(run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp_growth"}))
    at.radio(key="bench_kind").set_value("target").run()
    at.selectbox(key="bench_year").set_value(2024).run()
    target = stated_values(read, "gdp_growth", 2024, ["330381"], "target").iloc[0]
    ranked = table(at, "bench_table")
    shown = ranked.loc[ranked["地区"] == "瑞安市", "数值"].item()
    assert shown == format_value(target["value"], "percent", target["bound"], None, "zh")
    assert target["bound"] != "eq" and shown[0] in "≈≥>≤<"  # the target's bound is shown with it


def test_a_place_without_peers_still_gets_a_ranking(warehouse):
    # 易县 is the only place of 保定市 in the fixture.
    at = with_app_peers(run_page(warehouse, "benchmark.py",
                                 query_params={"place": "130633", "indicator": "general_budget_revenue_growth"}))
    assert at.multiselect(key="bench_peers").value == []
    assert "易县 在 1 个地区中排第 1 名" in shown_text(at)


def test_the_ranking_download_carries_provenance(warehouse):
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp"})
    csv = at.get("download_button")[0]
    assert csv.proto.label == "下载 CSV"


def test_a_prefecture_is_compared_with_prefectures_not_its_counties(warehouse):
    at = with_app_peers(run_page(warehouse, "benchmark.py", query_params={"place": "330300", "indicator": "gdp"}))
    assert at.multiselect(key="bench_peers").value == []
    assert "温州市 在 1 个地区中排第 1 名" in shown_text(at)


def test_a_warehouse_peer_group_ranks_places_known_only_from_statistics(warehouse, read):
    at = with_app_peers(run_page(warehouse, "benchmark.py",
                                 query_params={"place": "330381", "indicator": "gdp", "year": "2023"}))
    at.selectbox(key="bench_group").set_value("wenzhou_counties|wenzhou_counties").run()
    assert not at.exception
    group = read("select place_name, value_source, peer_rank, n_peers_with_data, percentile from fct_peer_benchmarks "
                 "where peer_group_id = 'wenzhou_counties' and indicator_id = 'gdp' and value_kind = 'actual' "
                 "and reference_year = 2023 order by peer_rank, place_code")
    # 平阳县 has no report here: it takes part through the statistics panel.
    assert group.set_index("place_name").loc["平阳县", "value_source"] == "statistics"
    ranked = table(at, "bench_table")
    assert ranked["地区"].tolist() == group["place_name"].tolist()
    sources = {"statistics": "统计数据", "report": "工作报告"}
    assert ranked["来源"].tolist() == [sources[s] for s in group["value_source"]]
    quote = stated_values(read, "gdp", 2023, ["330381"])["quote"].item()
    assert ranked.loc[ranked["地区"] == "瑞安市", "原文"].item() == quote
    ruian = group.set_index("place_name").loc["瑞安市"]
    assert (f"瑞安市 在 {ruian['n_peers_with_data']} 个地区中排第 {ruian['peer_rank']} 名"
            f"（百分位 {round(100 * ruian['percentile'], 1):g}）") in shown_text(at)


def test_the_measure_toggle_moves_between_level_growth_and_per_capita(warehouse):
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp"})
    assert at.radio(key="bench_measure").value == "level"
    assert "gdp_growth" not in at.selectbox(key="bench_indicator").options
    at.radio(key="bench_measure").set_value("growth").run()
    assert at.selectbox(key="bench_indicator").value == "gdp_growth"  # the same quantity, as growth
    at.radio(key="bench_measure").set_value("per_capita").run()
    assert at.selectbox(key="bench_indicator").value == "gdp_per_capita"
    assert at.query_params["measure"] == "per_capita"


def test_per_capita_values_come_from_the_derived_benchmarks(warehouse, read):
    at = run_page(warehouse, "benchmark.py", query_params={
        "place": "330381", "indicator": "gdp_per_capita", "group": "wenzhou_counties", "year": "2023"})
    assert at.radio(key="bench_measure").value == "per_capita"
    derived = read("select place_name, value, value_source, population_year from fct_peer_benchmarks "
                   "where peer_group_id = 'wenzhou_counties' and indicator_id = 'gdp_per_capita' "
                   "and reference_year = 2023 order by peer_rank, place_code")
    assert set(derived["value_source"]) == {"derived"}  # no report states 人均GDP here: GDP / population
    ranked = table(at, "bench_table")
    assert ranked["地区"].tolist() == derived["place_name"].tolist()
    assert set(ranked["来源"]) == {"推算"}
    ruian, population_year = derived.set_index("place_name").loc["瑞安市", ["value", "population_year"]]
    assert population_year == 2020  # no count of 2023: the nearest census
    gdp = stated_values(read, "gdp", 2023, ["330381"])["value"].item()
    population = read("select value from fct_statistics where place_code = '330381' and reference_year = 2020 "
                      "and indicator_id = 'resident_population'")["value"].item()
    assert ruian == pytest.approx(gdp / population)
    assert ranked.loc[ranked["地区"] == "瑞安市", "数值"].item() == format_value(ruian, "CNY", "eq", None, "zh")
    assert "人均值由数据仓库用常住人口推算" in shown_text(at)


def test_per_capita_with_the_apps_own_peers(warehouse, read):
    at = with_app_peers(run_page(warehouse, "benchmark.py",
                                 query_params={"place": "330381", "indicator": "gdp_per_capita", "year": "2023"}))
    derived = read("select distinct place_name, value from fct_peer_benchmarks where indicator_id = 'gdp_per_capita' "
                   "and reference_year = 2023 and list_contains(?, place_code) order by value desc", [WENZHOU])
    assert len(derived) == 3
    assert table(at, "bench_table")["地区"].tolist() == derived["place_name"].tolist()


def test_the_named_peer_group_is_reachable_by_deep_link_and_highlights_the_place(warehouse, read):
    at = run_page(warehouse, "benchmark.py",
                  query_params={"place": "330381", "indicator": "gdp", "group": "wenzhou_counties"})
    assert at.selectbox(key="bench_group").value == "wenzhou_counties|wenzhou_counties"
    year = at.selectbox(key="bench_year").value
    own = read("select peer_rank, n_peers_with_data from fct_peer_benchmarks where place_code = '330381' "
               "and peer_group_id = 'wenzhou_counties' and indicator_id = 'gdp' and value_kind = 'actual' "
               "and reference_year = ?", [year]).iloc[0]
    assert f"瑞安市 在 {own['n_peers_with_data']} 个地区中排第 {own['peer_rank']} 名" in shown_text(at)
    assert "group=wenzhou_counties" in shown_text(at)
    # The chosen place's row is styled apart from its peers, as its bar is in the chart.
    assert "#fdecea" in str(at.get_by_key("bench_table").dataframe[0].proto)


def test_a_per_head_figure_the_reports_state_is_under_per_capita_too(warehouse):
    # 人均地区生产总值 is a catalogue indicator of its own (measure 'level'), and still a per-capita figure.
    at = run_page(warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp_per_capita"})
    assert at.radio(key="bench_measure").value == "per_capita"
    at.radio(key="bench_measure").set_value("level").run()
    assert "gdp_per_capita" not in at.selectbox(key="bench_indicator").options
    assert at.selectbox(key="bench_indicator").value == "gdp"


def test_the_page_opens_on_the_peer_group_the_profile_used(warehouse):
    at = run_page(warehouse, query_params={"place": "330381"})
    at.selectbox(key="profile_group").set_value("same_prefecture|330300").run()
    at.switch_page("views/benchmark.py").run()
    assert at.selectbox(key="bench_group").value == "same_prefecture|330300"
    assert at.query_params["group"] == "same_prefecture"
