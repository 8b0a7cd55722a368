"""A new user's first build: `make run` builds seeds/ alone (the founding report and the statistics
shipped beside it), and 瑞安市 is ranked among its peers on official statistics, not first of one.

Expected values are computed here from ../shared/stats (the panel and the census workbook the
shipped files were cut from), independently of the loaders.
"""

from __future__ import annotations

import csv

import pytest

from ingest import paths

pytestmark = pytest.mark.integration

RUIAN = "330381"
WENZHOU_COUNTIES = {  # peer_group_members.csv, by the names the panel uses
    "330382": "乐清市", "330381": "瑞安市", "330324": "永嘉县", "330326": "平阳县",
    "330327": "苍南县", "330328": "文成县", "330329": "泰顺县", "330383": "龙港市",
}


@pytest.fixture(scope="module")
def default_build(tmp_path_factory):
    from ingest.cli import build_parser
    from ingest.run.build import build_warehouse

    # What `xianzhi build` does without --documents: seeds/ alone.
    assert build_parser().parse_args(["build"]).documents is None
    messages: list[str] = []
    result = build_warehouse([paths.SEEDS_DIR], tmp_path_factory.mktemp("default") / "warehouse.duckdb",
                             log=messages.append)
    assert result.success, "\n".join(messages)
    result.messages = messages
    return result


@pytest.fixture(scope="module")
def ask(default_build):
    from app import warehouse as app_warehouse

    def run(sql: str, *params):
        # The app's own configuration: DuckDB refuses a second one while the app holds the file.
        with app_warehouse.connect(default_build.warehouse) as connection:
            return connection.execute(sql, list(params)).fetchall()
    return run


@pytest.fixture(scope="module")
def panel_gdp() -> dict[tuple[str, int], float]:
    """(county name, year) → gdp in 万元 for 浙江省's rows of the panel in ../shared."""
    with paths.PANEL_FILE.open(encoding="utf-8-sig", newline="") as handle:
        return {(row["county"], int(row["year"])): float(row["gdp"]) for row in csv.DictReader(handle)
                if row["province"] == "浙江省" and row["gdp"]}


def test_the_shipped_statistics_load_in_seconds_and_are_not_read_as_reports(default_build):
    assert default_build.n_reports == 1  # the founding report; the CSV files under statistics/ are not reports
    assert default_build.timings["statistics_s"] < 30
    lines = [m for m in default_build.messages if m.startswith("statistics: ")]
    assert any("from county_statistics.csv" in m and "county names not matched" in m for m in lines)
    assert any("from census_population.csv" in m for m in lines)


def test_every_wenzhou_county_has_statistics_longgang_included(ask):
    rows = ask("select place_code, count(*) from fct_statistics where indicator_id = 'gdp' "
               "and place_code in (select place_code from catalogue.peer_group_members "
               "where peer_group_id = 'wenzhou_counties') group by place_code")
    assert {code for code, _ in rows} == set(WENZHOU_COUNTIES)
    [(source_county, vintage)] = ask("select source_county, vintage from fct_statistics where place_code = '330383' "
                                     "and indicator_id = 'gdp' and reference_year = 2023")
    assert source_county == "龙港市" and vintage.startswith("2000–2023 · ")


def test_ruian_gdp_rank_in_the_latest_year_with_statistics_is_over_all_eight(ask, panel_gdp):
    latest = max(year for (county, year) in panel_gdp if county in WENZHOU_COUNTIES.values())
    by_gdp = sorted(WENZHOU_COUNTIES.values(), key=lambda county: -panel_gdp[(county, latest)])
    expected_rank = by_gdp.index("瑞安市") + 1
    [(year, rank, n_with, n_without, source)] = ask(
        "select reference_year, peer_rank, n_peers_with_data, n_peers_without_data, value_source "
        "from fct_peer_benchmarks where place_code = ? and peer_group_id = 'wenzhou_counties' "
        "and indicator_id = 'gdp' and value_kind = 'actual' and reference_year = ?", RUIAN, latest)
    assert (year, rank, n_with, n_without, source) == (latest, expected_rank, 8, 0, "statistics")
    assert expected_rank == 2  # 乐清市 is larger


def test_ruians_2022_claim_stands_beside_the_nearest_statistic(ask, panel_gdp):
    [row] = ask("select report_value, statistics_value, statistics_year, comparison, agrees, gap, statistics_vintage "
                "from fct_reconciliation where place_code = ? and indicator_id = 'gdp' and reference_year = 2022", RUIAN)
    report_value, statistics_value, statistics_year, comparison, agrees, gap, vintage = row
    assert report_value == pytest.approx(1197.9e8)  # 实现地区生产总值1197.9亿元
    nearest = min((y for (c, y) in panel_gdp if c == "瑞安市" and abs(y - 2022) <= 2), key=lambda y: (abs(y - 2022), -y))
    assert statistics_year == nearest and statistics_value == pytest.approx(panel_gdp[("瑞安市", nearest)] * 1e4)
    assert comparison == ("same_year" if nearest == 2022 else "nearest_year")
    assert (agrees, gap) == (None, None) or nearest == 2022  # another year's figure is no verdict
    assert "yver-sun/gaoyang-towel-resilience" in vintage


def test_census_population_is_the_workbooks(ask):
    import openpyxl

    workbook = openpyxl.load_workbook(paths.CENSUS_DIR / "census_county_2020_v1.xlsx", read_only=True)
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = list(next(rows))
    code_at, population_at = header.index("区划代码"), header.index("人口数_合计")
    expected = next(row[population_at] for row in rows if row[code_at] == int(RUIAN))
    workbook.close()
    assert expected == 1520386
    assert ask("select value, source_code from fct_statistics where place_code = ? "
               "and indicator_id = 'resident_population' and reference_year = 2020", RUIAN) == [(expected, RUIAN)]


def test_per_capita_gdp_divides_by_the_nearest_census(ask):
    [(value, population_year)] = ask(
        "select value, population_year from fct_peer_benchmarks where place_code = ? and indicator_id = 'gdp_per_capita' "
        "and peer_group_id = 'wenzhou_counties' and reference_year = 2023", RUIAN)
    [(gdp,)] = ask("select value from fct_statistics where place_code = ? and indicator_id = 'gdp' "
                   "and reference_year = 2023", RUIAN)
    assert population_year == 2020 and value == pytest.approx(gdp / 1520386)


def test_the_profile_ranks_ruian_among_its_peers_and_sets_its_claim_beside_the_statistic(default_build):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(paths.APP_ENTRY), default_timeout=60)
    at.secrets["warehouse"] = str(default_build.warehouse)
    at.query_params["place"] = RUIAN
    at.run()
    assert not at.exception
    actuals = at.get_by_key("profile_actuals_table").dataframe[0].value.set_index("指标")
    assert actuals.loc["地区生产总值", "年份"] == 2022
    assert actuals.loc["地区生产总值", "同组排名"] == "第2/8（温州县域，2023 年统计）· 8 有数据 · 0 无数据"
    statistics = at.get_by_key("profile_statistics_table").dataframe[0].value.set_index("指标")
    assert statistics.loc["地区生产总值", "排名：温州县域"] == "第2/8（温州县域）· 8 有数据 · 0 无数据"
    assert statistics.loc["地区生产总值", "排名：浙江省县级市"].startswith("第")
    checks = at.get_by_key("profile_reconciliation_table").dataframe[0].value
    gdp = checks[checks["指标"] == "地区生产总值"].iloc[0]
    assert (gdp["报告所述年份"], gdp["报告数值"], gdp["统计年份"], gdp["比较"], gdp["是否一致"]) == (
        2022, "1197.9亿元", 2023, "最近的统计数据：2023 年", "—")
