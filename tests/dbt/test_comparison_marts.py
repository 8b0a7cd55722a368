"""Comparison marts on the real corpus: targets against outcomes, peers, reconciliation, attention.

Expected values were read by hand from the reports' own sentences (quoted beside each case).
"""

from __future__ import annotations

import duckdb
import pytest

pytestmark = pytest.mark.integration


def _rows(warehouse, sql: str, *params):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql, params).fetchall()


@pytest.mark.parametrize(
    ("place_code", "indicator_id", "year", "target", "actual", "status"),
    [
        # 清苑区 2021 report: 全区地区生产总值增长9%; 2022 report: 预计…同比增长7%
        ("130608", "gdp_growth", 2021, 9, 7, "missed"),
        # 清苑区 2023 report: 地区生产总值增长7%; 2024 report: 全年地区生产总值完成176.6亿元，同比增长5.5%
        ("130608", "gdp_growth", 2023, 7, 5.5, "missed"),
        # 清苑区 2023 report: 规模以上工业增加值增长6.5%; 2024 report: 同比增长10.7%
        ("130608", "industrial_va_growth", 2023, 6.5, 10.7, "met"),
        # 易县 2021 report: 全县生产总值增长9%左右; 2022 report: 2021年全县生产总值完成124.6亿元，增长6.3%
        ("130633", "gdp_growth", 2021, 9, 6.3, "missed"),
        # 易县 2021 report: 一般公共预算收入可比增长10%以上; 2022 report: 同比增长29%
        ("130633", "general_budget_revenue_growth", 2021, 10, 29, "met"),
        # 易县 2021 report: 城镇新增就业3500人以上; 2022 report: 全年城镇新增就业3795人
        ("130633", "new_urban_jobs", 2021, 3500, 3795, "met"),
    ],
)
def test_attainment_for_baoding_counties(corpus_warehouse, place_code, indicator_id, year, target, actual, status):
    rows = _rows(
        corpus_warehouse,
        "select target_value, actual_value, status from fct_target_attainment "
        "where place_code = ? and indicator_id = ? and reference_year = ?",
        place_code, indicator_id, year,
    )
    assert rows == [(pytest.approx(target), pytest.approx(actual), status)]


def test_attainment_covers_several_years_for_qingyuan_and_yixian(corpus_warehouse):
    rows = _rows(
        corpus_warehouse,
        "select place_code, count(distinct reference_year) from fct_target_attainment "
        "where place_code in ('130608', '130633') group by place_code order by place_code",
    )
    assert [code for code, n_years in rows if n_years >= 2] == ["130608", "130633"]


def test_peer_benchmark_ranks_baoding_counties_on_gdp(corpus_warehouse):
    """The year with most 保定 counties stating GDP: ranks follow the values, 1 = largest."""
    [(year,)] = _rows(
        corpus_warehouse,
        "select reference_year from fct_peer_benchmarks "
        "where peer_group_id = 'same_prefecture' and group_key = '130600' and indicator_id = 'gdp' "
        "and value_kind = 'actual' and value_source = 'report' "
        "group by reference_year order by count(*) desc, reference_year desc limit 1",
    )
    ranked = _rows(
        corpus_warehouse,
        "select place_code, value, peer_rank, n_peers_with_data, percentile, leader_value from fct_peer_benchmarks "
        "where peer_group_id = 'same_prefecture' and group_key = '130600' and indicator_id = 'gdp' "
        "and value_kind = 'actual' and reference_year = ? order by peer_rank",
        year,
    )
    assert len(ranked) >= 3
    values = [value for _, value, *_ in ranked]
    assert values == sorted(values, reverse=True)
    assert [rank for _, _, rank, *_ in ranked] == sorted(rank for _, _, rank, *_ in ranked)
    assert ranked[0][2] == 1 and ranked[0][4] == 1.0 and ranked[-1][4] == 0.0
    assert all(row[3] == len(ranked) and row[5] == values[0] for row in ranked)


def test_reconciliation_joins_the_panel_for_baoding_counties(corpus_warehouse):
    rows = _rows(
        corpus_warehouse,
        "select place_code, indicator_id, reference_year, statistics_year, report_value, statistics_value, gap, agrees "
        "from fct_reconciliation where place_code like '1306%'",
    )
    assert any(row[2] == row[3] for row in rows), "no 保定 county claim met a statistic of its own year"
    for _, _, year, statistics_year, report_value, statistics_value, gap, agrees in rows:
        assert abs(statistics_year - year) <= 2
        if statistics_year == year:
            assert gap == pytest.approx(report_value - statistics_value) and agrees is not None
        else:  # the nearest statistic is shown beside the claim, never as a verdict on it
            assert gap is None and agrees is None


def test_peers_with_only_statistics_take_part(corpus_warehouse):
    [(n,)] = _rows(
        corpus_warehouse,
        "select count(*) from fct_peer_benchmarks where value_source = 'report' and n_peers_from_statistics > 0",
    )
    assert n > 0


def test_which_places_mention_photovoltaics_most_in_2022(corpus_warehouse):
    ranking = _rows(
        corpus_warehouse,
        "select a.place_name, a.n_occurrences, t.report_text, r.report_id from fct_term_attention a "
        "join dim_report_texts t using (report_id) join dim_reports r using (report_id) "
        "where a.term = '光伏' and a.report_year = 2022 order by a.per_10k_chars desc",
    )
    assert len(ranking) >= 5
    top_name, top_count, top_text, _ = ranking[0]
    assert top_count > 0
    # Independent check on the raw text: the top place really uses the word, at least as
    # often as the tokenizer counted (a token is never invented).
    assert top_text.count("光伏") >= top_count
