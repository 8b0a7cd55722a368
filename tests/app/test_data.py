"""The data layer: where the warehouse is, read-only access, parameters never spliced, a rebuild picked up."""

import inspect
import os
import shutil
import subprocess
import sys
import time

import duckdb
import pytest
from conftest import APP_DIR, run_page

from app import console, data
from app import warehouse as app_warehouse
from ingest import paths


@pytest.fixture
def use_warehouse(monkeypatch):
    def use(path):
        monkeypatch.setenv("XIANZHI_WAREHOUSE", str(path))
        return path
    return use


# --- where the warehouse is -------------------------------------------------------------------

def test_the_default_warehouse_is_the_one_ingest_paths_names(monkeypatch):
    monkeypatch.delenv("XIANZHI_WAREHOUSE", raising=False)
    assert app_warehouse.warehouse_path() == paths.DEFAULT_WAREHOUSE


def test_the_environment_names_another_warehouse(monkeypatch, tmp_path):
    monkeypatch.setenv("XIANZHI_WAREHOUSE", str(tmp_path / "w.duckdb"))
    assert app_warehouse.warehouse_path() == tmp_path / "w.duckdb" == paths.configured_warehouse()


def test_a_relative_path_is_taken_from_the_project_root(monkeypatch):
    monkeypatch.setenv("XIANZHI_WAREHOUSE", "data/other.duckdb")
    assert app_warehouse.warehouse_path() == paths.PROJECT_ROOT / "data" / "other.duckdb"


def test_the_secrets_warehouse_wins_over_the_environment(use_warehouse, warehouse, tmp_path):
    use_warehouse(tmp_path / "absent.duckdb")
    at = run_page(warehouse, query_params={"place": "330381"})  # run_page puts it in st.secrets
    assert not at.warning and at.title[0].value == "瑞安市"


def test_a_missing_warehouse_raises_a_named_error(use_warehouse, tmp_path):
    use_warehouse(tmp_path / "absent.duckdb")
    with pytest.raises(app_warehouse.WarehouseMissing):
        data.places_with_data()


# --- what the queries answer --------------------------------------------------------------------

def test_user_input_is_a_parameter_not_sql(use_warehouse, warehouse):
    use_warehouse(warehouse)
    assert not data.latest_actuals("330381").empty
    assert data.latest_actuals("330381' or '1'='1").empty
    assert data.ranking("gdp' --", 2023, ["330381"], "actual", True).empty


def test_ranking_respects_the_better_direction(use_warehouse, warehouse, read):
    use_warehouse(warehouse)
    wenzhou = ["330381", "330382", "330324"]
    stated = read("select place_code, value from fct_indicator_values where indicator_id = 'gdp_growth' "
                  "and value_kind = 'actual' and reference_year = 2023 and list_contains(?, place_code)", [wenzhou])
    assert len(stated) == 3 and stated["value"].nunique() == 3  # the fixture must give three distinct values
    by_value = stated.sort_values("value", ascending=False)
    higher = data.ranking("gdp_growth", 2023, wenzhou, "actual", True)
    assert higher["place_code"].tolist() == by_value["place_code"].tolist()
    assert higher["rank"].tolist() == [1, 2, 3]
    assert higher["percentile"].tolist() == [100.0, 50.0, 0.0]
    leader = by_value["value"].iloc[0]
    assert higher["gap_to_leader"].tolist() == pytest.approx((by_value["value"] - leader).tolist())
    lower = data.ranking("gdp_growth", 2023, wenzhou, "actual", False)
    assert lower["place_code"].tolist() == by_value["place_code"].tolist()[::-1]


def test_per_capita_values_are_the_warehouse_derivations(use_warehouse, warehouse, read):
    use_warehouse(warehouse)
    # The per-capita indicator the fixture's peers have most derived values of (population from the panel).
    most = read("select indicator_id, count(distinct (place_code, reference_year)) as n from fct_peer_benchmarks "
                "where value_source = 'derived' group by 1 order by n desc, 1 limit 1")
    assert not most.empty, "the panel's population must give the peers derived per-capita rows"
    indicator = most["indicator_id"].iloc[0]
    rows = read("select distinct place_code, reference_year, value from fct_peer_benchmarks "
                "where value_source = 'derived' and indicator_id = ? order by 1, 2", [indicator])
    series = data.benchmark_series(indicator, rows["place_code"].unique().tolist())
    assert series[["place_code", "reference_year"]].values.tolist() == rows[["place_code", "reference_year"]].values.tolist()
    assert series["value"].tolist() == pytest.approx(rows["value"].tolist())
    assert set(series["report_year"].isna()) == {True}  # derived: no report states them
    assert data.benchmark_indicators().set_index("indicator_id").loc[indicator, "n_values"] == len(rows)


def test_the_targets_query_reads_every_stored_outcome_of_the_places(use_warehouse, warehouse, read):
    use_warehouse(warehouse)
    wenzhou = ["330381", "330382", "330324"]
    stored = read("select place_code, indicator_id, reference_year, status from fct_target_outcomes "
                  "where list_contains(?, place_code) order by all", [wenzhou])
    shown = data.target_attainment(wenzhou)
    key = ["place_code", "indicator_id", "reference_year", "status"]
    assert shown[key].sort_values(key).values.tolist() == stored.values.tolist()
    jobs = data.target_attainment(["330381"], ["gdp_growth"])
    assert set(jobs["indicator_id"]) == {"gdp_growth"} and set(jobs["place_code"]) == {"330381"}


# Every question a page asks, with arguments a page could pass: on an empty build each one answers
# with no rows (the page shows its empty state), and none needs a table the build does not make.
QUESTIONS = {
    "places_with_data": (), "latest_actuals": ("330381",), "latest_targets": ("330381",),
    "indicator_series": ("gdp", ["330381"]), "ranking": ("gdp", 2023, ["330381"], "actual", True),
    "peer_groups_for": ("330381",), "group_benchmark": ("wenzhou_counties", "wenzhou_counties", "gdp", "actual"),
    "target_attainment": (["330381"],), "reports": (), "report_mentions": ("r",),
    "values_from_mention": ("m", "330381", "gdp", 2023, "actual"), "coverage_by_place_year": (),
    "coverage_by_indicator_year": (), "report_quality": (), "benchmark_series": ("gdp", ["330381"]),
    "benchmark_ranking": ("gdp", 2023, ["330381"], "actual", True),
    "place_peer_ranks": ("330381", "wenzhou_counties", "wenzhou_counties"),
    "peer_median_series": ("330381", "wenzhou_counties", "wenzhou_counties", "gdp"),
    "place_series": ("330381", "gdp"), "target_records": ("330381",), "reconciliation": ("330381",),
    "ingest_errors": (), "quarantined_values": (), "restatement_disagreements": (), "policy_terms": (), "places_with_terms": (),
    "term_attention": (["光伏"], ["330381"]), "term_ranking": ("光伏", 2023), "token_attention": ("光伏",),
    "token_suggestions": ("光伏",), "term_years": (), "place_indicator_ids": ("330381",),
    "cascade_indicators": ("330381",), "target_cascade": ("330381", "gdp_growth"),
    "target_chain": ("330381", "gdp_growth"), "map_years": ("330300", "gdp", "actual"),
    "place_statistics": ("330381",),
}


def test_every_question_is_listed_here():
    asked = {name for name, f in inspect.getmembers(data, inspect.isfunction)
             if f.__module__ == data.__name__ and not name.startswith("_")}
    assert asked - set(QUESTIONS) == {"report_text", "coverage_summary", "sentence_span", "token_exists",
                                      "statistics_reconciled", "statistics_available", "same_level_group",
                                      "indicators", "benchmark_indicators",
                                      # the map's: the gazetteer's places and the catalogue, with or without values
                                      "place_hierarchy", "map_parents", "region_units", "map_indicators",
                                      "map_values", "has_statistics_mart", "gazetteer_name",
                                      # the one an empty build answers with a row: its own build
                                      "build_runs"}


def test_an_empty_build_still_maps_every_unit_as_no_data(use_warehouse, empty_warehouse):
    use_warehouse(empty_warehouse)
    units = data.region_units("330300")
    assert len(units) == 12 and "330383" in set(units["place_code"])
    values = data.map_values("330300", "gdp", 2023, "actual")
    assert values["place_code"].tolist() == units["place_code"].tolist() and values["value"].isna().all()
    assert data.map_values("330300", "gdp", None, "actual")["value"].isna().all()
    assert (data.map_indicators("330300")["n_values"] == 0).all() and data.has_statistics_mart()
    assert (data.map_parents("prefecture")["n_units_with_data"] == 0).all()


def test_a_renamed_unit_carries_its_former_code_for_the_map(use_warehouse, warehouse):
    use_warehouse(warehouse)
    # 横县 450127 became 横州市 450181 (撤县设市, 2021): boundary files may still use the old code.
    units = data.region_units("450100").set_index("place_code")
    assert list(units.loc["450181", "former_codes"]) == ["450127", "452122"]  # 452122 under 南宁地区
    # 513425 was 马边县's code until 1981 and 会理县's until 2021: 会理市 has it; 马边 (now 511133) does not.
    assert list(data.region_units("513400").set_index("place_code").loc["513402", "former_codes"]) == ["513425"]


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_an_empty_build_answers_every_question_with_no_rows(use_warehouse, empty_warehouse, question):
    use_warehouse(empty_warehouse)
    answer = getattr(data, question)(*QUESTIONS[question])
    assert len(answer) == 0


def test_an_empty_build_has_nothing_to_count(use_warehouse, empty_warehouse):
    use_warehouse(empty_warehouse)
    assert set(data.coverage_summary().values()) == {0}
    assert data.report_text("r") is None and data.sentence_span("r", "s") is None
    assert not data.token_exists("光伏") and not data.statistics_reconciled() and not data.statistics_available()
    assert data.same_level_group("330381") is None
    # The catalogue is there (dbt seeds), with nothing counted against it.
    for catalogue in (data.indicators(), data.benchmark_indicators()):
        assert len(catalogue) > 0 and (catalogue["n_values"] == 0).all()
    # The one thing an empty build holds: its own build, which landed nothing.
    [own] = data.build_runs().to_dict("records")
    assert own["is_this_warehouse"] and own["reports_landed"] == 0 and own["outcome"] == "running"


def test_only_the_warehouse_and_the_console_open_connections():
    modules = sorted(APP_DIR.rglob("*.py"))
    opening = [m.relative_to(APP_DIR).as_posix() for m in modules if "duckdb.connect(" in m.read_text()]
    assert opening == ["warehouse.py"]
    executing = [m.relative_to(APP_DIR).as_posix() for m in modules if ".execute(" in m.read_text()]
    assert executing == ["console.py", "warehouse.py"]


# --- read-only, and a rebuild is picked up ------------------------------------------------------

def test_a_rebuilt_warehouse_is_picked_up(use_warehouse, warehouse_copy):
    use_warehouse(warehouse_copy)
    before = data.places_with_data()["place_code"].tolist()
    assert "130633" in before
    app_warehouse.close_idle_connections()  # a writer needs the file to itself, as a DuckDB shell would
    with duckdb.connect(str(warehouse_copy)) as conn:
        conn.execute("delete from fct_indicator_values where place_code = '130633'")
        conn.execute("update dim_places set n_reports = 0 where place_code = '130633'")
    assert data.places_with_data()["place_code"].tolist() == [c for c in before if c != "130633"]


def test_connections_are_read_only(use_warehouse, warehouse):
    use_warehouse(warehouse)
    with pytest.raises(duckdb.Error):
        app_warehouse.query("delete from dim_places")


def test_has_table_answers_from_the_catalogue(use_warehouse, warehouse):
    use_warehouse(warehouse)
    assert app_warehouse.has_table("fct_term_attention") and app_warehouse.has_table("peer_groups", "catalogue")
    assert not app_warehouse.has_table("no_such_mart")


# --- the console's sandbox ------------------------------------------------------------------------

def test_console_stops_a_runaway_query(use_warehouse, warehouse):
    use_warehouse(warehouse)
    result = console.run("select count(*) from range(1000000000000) a, range(1000) b", timeout=0.5)
    assert result.error and "time limit" in result.error
    assert result.seconds < 10


@pytest.mark.parametrize("sql", ["select 1", "with a as (select 1) select * from a", "describe dim_places",
                                 "explain select 1", "from dim_places", "summarize dim_places"])
def test_console_accepts_read_only_statements(sql):
    assert console.refusal(sql) is None


def test_console_refuses_with_a_reason():
    assert console.refusal("select 1; select 2") == "Run exactly one statement at a time."
    assert console.refusal("drop table dim_places") == "Only SELECT queries are allowed here (got DROP)."


def test_console_caps_rows_and_says_so(use_warehouse, warehouse):
    use_warehouse(warehouse)
    result = console.run("select range as n from range(5000)", max_rows=10)
    assert len(result.frame) == 10 and result.truncated and result.error is None


# --- the held read-only connection ------------------------------------------------------------

def _open_read_write_elsewhere(path) -> subprocess.CompletedProcess:
    """What a DuckDB shell does: another process opening the file read-write."""
    code = "import duckdb, sys; duckdb.connect(sys.argv[1]).execute('select 1').fetchall()"
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)


def test_the_build_leaves_its_warehouse_free_for_other_processes(warehouse):
    # The fixture warehouse was built by dbt in this very process: dbt-duckdb used to keep its
    # connection open after the build, so the served app (another process) could not open the file.
    app_warehouse.close_idle_connections()
    code = "import duckdb, sys; duckdb.connect(sys.argv[1], read_only=True).execute('select 1').fetchall()"
    opened = subprocess.run([sys.executable, "-c", code, str(warehouse)], capture_output=True, text=True, timeout=60)
    assert opened.returncode == 0, opened.stderr


def test_a_pages_queries_share_one_connection(use_warehouse, warehouse, monkeypatch):
    use_warehouse(warehouse)
    app_warehouse._cached_query.clear()  # the session's other tests asked these already
    opened = []
    real_connect = app_warehouse.connect
    monkeypatch.setattr(app_warehouse, "connect", lambda path: opened.append(path) or real_connect(path))
    data.places_with_data()
    data.indicators()
    data.latest_actuals("330381")
    assert len(opened) == 1 and app_warehouse.held_connections() == 1


def test_an_idle_app_lets_a_shell_open_the_file_read_write(use_warehouse, warehouse_copy, monkeypatch):
    use_warehouse(warehouse_copy)
    monkeypatch.setattr(app_warehouse, "IDLE_CLOSE_SECONDS", 0.3)
    data.places_with_data()
    held = _open_read_write_elsewhere(warehouse_copy)
    assert held.returncode != 0 and "lock" in held.stderr.lower()  # DuckDB's rule the idle close is for
    deadline = time.monotonic() + 10
    while app_warehouse.held_connections() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert app_warehouse.held_connections() == 0
    assert _open_read_write_elsewhere(warehouse_copy).returncode == 0


def test_a_warehouse_swapped_in_is_read_fresh(use_warehouse, warehouse_copy, tmp_path):
    use_warehouse(warehouse_copy)
    before = len(data.places_with_data())
    rebuilt = tmp_path / "rebuilt.duckdb"
    shutil.copy(warehouse_copy, rebuilt)
    with duckdb.connect(str(rebuilt)) as conn:
        conn.execute("update dim_places set n_reports = 0 where place_code = '130633'")
        conn.execute("delete from fct_indicator_values where place_code = '130633'")
    os.replace(rebuilt, warehouse_copy)  # what a build does, while the app holds the old file
    assert len(data.places_with_data()) == before - 1
    assert app_warehouse.held_connections() == 1  # the old file's connection was let go
