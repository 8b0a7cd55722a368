"""The data layer: where the warehouse is, read-only access, parameters never spliced, a rebuild picked up."""

import os
import shutil
import subprocess
import sys
import time

import duckdb
import pytest

# At import time, while tests/app/conftest.py is the module named conftest (other test
# folders have their own conftest, which replaces it in sys.modules later in the run).
from conftest import SCHEMA

from app import data


@pytest.fixture
def use_warehouse(monkeypatch):
    def use(path):
        monkeypatch.setenv("XIANZHI_WAREHOUSE", str(path))
        return path
    return use


def test_the_default_warehouse_lives_in_the_project(monkeypatch):
    monkeypatch.delenv("XIANZHI_WAREHOUSE", raising=False)
    assert data.warehouse_path() == data.PROJECT_ROOT / "data" / "warehouse.duckdb"


def test_the_environment_names_another_warehouse(monkeypatch, tmp_path):
    monkeypatch.setenv("XIANZHI_WAREHOUSE", str(tmp_path / "w.duckdb"))
    assert data.warehouse_path() == tmp_path / "w.duckdb"


def test_a_relative_path_is_taken_from_the_project_root(monkeypatch):
    monkeypatch.setenv("XIANZHI_WAREHOUSE", "data/other.duckdb")
    assert data.warehouse_path() == data.PROJECT_ROOT / "data" / "other.duckdb"


def test_a_missing_warehouse_raises_a_named_error(use_warehouse, tmp_path):
    use_warehouse(tmp_path / "absent.duckdb")
    with pytest.raises(data.WarehouseMissing):
        data.places_with_data()


def test_user_input_is_a_parameter_not_sql(use_warehouse, warehouse):
    use_warehouse(warehouse)
    assert data.latest_actuals("330381' or '1'='1").empty
    assert data.ranking("gdp' --", 2022, ["330381"], "actual", True).empty


def test_ranking_respects_the_better_direction(use_warehouse, warehouse):
    use_warehouse(warehouse)
    peers = ["330381", "330382", "330324"]
    higher = data.ranking("gdp_growth", 2022, peers, "actual", True)
    assert higher["place_code"].tolist() == ["330324", "330381", "330382"]
    assert higher["percentile"].tolist() == [100.0, 50.0, 0.0]
    assert higher["gap_to_leader"].round(1).tolist() == [0.0, -0.4, -0.8]
    lower = data.ranking("gdp_growth", 2022, peers, "actual", False)
    assert lower["place_code"].tolist() == ["330382", "330381", "330324"]


def test_a_rebuilt_warehouse_is_picked_up(use_warehouse, warehouse):
    use_warehouse(warehouse)
    assert len(data.places_with_data()) == 5
    data.close_idle_connections()  # a writer needs the file to itself, as a DuckDB shell would
    conn = duckdb.connect(str(warehouse))
    conn.execute("delete from fct_indicator_values where place_code = '130633'")
    conn.execute("update dim_places set n_reports = 0 where place_code = '130633'")
    conn.close()
    assert len(data.places_with_data()) == 4


def test_connections_are_read_only(use_warehouse, warehouse):
    use_warehouse(warehouse)
    with pytest.raises(duckdb.Error):
        data.query("delete from dim_places")


def test_missing_tables_are_reported(use_warehouse, bare_warehouse):
    use_warehouse(bare_warehouse)
    assert data.missing_tables("dim_places", "fct_peer_benchmarks") == ["dim_places", "fct_peer_benchmarks"]


def test_attainment_is_computed_when_the_lead_table_is_absent(use_warehouse, warehouse):
    use_warehouse(warehouse)
    assert data.attainment_source() == "computed"
    rows = data.target_attainment(["330381"], ["new_urban_jobs"]).set_index("reference_year")
    assert rows.loc[2022, "status"] == "met" and rows.loc[2024, "status"] == "no_actual"


@pytest.mark.parametrize("target, bound, upper, actual, higher_is_better, status", [
    (6.5, "ge", None, 6.5, True, "met"),
    (6.5, "gt", None, 6.5, True, "missed"),
    (3.5, "le", None, 3.6, False, "missed"),
    (3.5, "lt", None, 3.4, False, "met"),
    (6.0, "range", 6.5, 6.1, True, "met"),
    (3.0, "range", 3.5, 3.4, False, "met"),
    (8.0, "approx", None, 7.9, True, "missed"),
    (3.0, "approx", None, 2.9, False, "met"),
    (3.0, "eq", None, 3.1, None, "met"),  # no direction: read as higher-is-better
])
def test_attainment_rules(use_warehouse, tmp_path, target, bound, upper, actual, higher_is_better, status):
    path = tmp_path / "rules.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute(SCHEMA)
    conn.execute("insert into dim_indicators values ('x', 'x', 'x', 'rate', 'percent', ?)", [higher_is_better])
    for kind, value, value_upper, value_bound in (("target", target, upper, bound), ("actual", actual, None, "eq")):
        conn.execute("insert into fct_indicator_values (place_code, place_name, indicator_id, reference_year, "
                     "value_kind, value, value_upper, bound, unit) values ('330381', '瑞安市', 'x', 2023, ?, ?, ?, ?, "
                     "'percent')", [kind, value, value_upper, value_bound])
    conn.close()
    use_warehouse(path)
    assert data.target_attainment(["330381"])["status"].tolist() == [status]


def test_console_stops_a_runaway_query(use_warehouse, warehouse):
    use_warehouse(warehouse)
    result = data.run_console("select count(*) from range(1000000000000) a, range(1000) b", timeout=0.5)
    assert result.error and "time limit" in result.error
    assert result.seconds < 10


@pytest.mark.parametrize("sql", ["select 1", "with a as (select 1) select * from a", "describe dim_places",
                                 "explain select 1", "from dim_places", "summarize dim_places"])
def test_console_accepts_read_only_statements(sql):
    assert data.check_console_sql(sql) is None


# --- the held read-only connection ------------------------------------------------------------

def _open_read_write_elsewhere(path) -> subprocess.CompletedProcess:
    """What a DuckDB shell does: another process opening the file read-write."""
    code = "import duckdb, sys; duckdb.connect(sys.argv[1]).execute('select 1').fetchall()"
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)


def test_a_pages_queries_share_one_connection(use_warehouse, warehouse, monkeypatch):
    use_warehouse(warehouse)
    opened = []
    monkeypatch.setattr(data, "_connect", lambda path: opened.append(path) or duckdb.connect(
        str(path), read_only=True, config=data.CONNECTION_CONFIG))
    data.places_with_data()
    data.indicators()
    data.latest_actuals("330381")
    assert len(opened) == 1 and data.held_connections() == 1


def test_an_idle_app_lets_a_shell_open_the_file_read_write(use_warehouse, warehouse, monkeypatch):
    use_warehouse(warehouse)
    monkeypatch.setattr(data, "IDLE_CLOSE_SECONDS", 0.3)
    data.places_with_data()
    held = _open_read_write_elsewhere(warehouse)
    assert held.returncode != 0 and "lock" in held.stderr.lower()  # DuckDB's rule the idle close is for
    deadline = time.monotonic() + 10
    while data.held_connections() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert data.held_connections() == 0
    assert _open_read_write_elsewhere(warehouse).returncode == 0


def test_a_warehouse_swapped_in_is_read_fresh(use_warehouse, warehouse, tmp_path):
    use_warehouse(warehouse)
    assert len(data.places_with_data()) == 5
    rebuilt = tmp_path / "rebuilt.duckdb"
    shutil.copy(warehouse, rebuilt)
    with duckdb.connect(str(rebuilt)) as conn:
        conn.execute("update dim_places set n_reports = 0 where place_code = '130633'")
        conn.execute("delete from fct_indicator_values where place_code = '130633'")
    os.replace(rebuilt, warehouse)  # what a build does, while the app holds the old file
    assert len(data.places_with_data()) == 4
    assert data.held_connections() == 1  # the old file's connection was let go
