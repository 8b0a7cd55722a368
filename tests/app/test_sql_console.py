"""The SQL console answers SELECTs and refuses writes, file access, and runaway queries."""

import pytest
from conftest import run_page, table


def run_sql(warehouse, sql: str):
    at = run_page(warehouse, "sql.py")
    at.text_area(key="sql_query").set_value(sql).run()
    at.button(key="sql_run").click().run()
    return at


def test_a_select_shows_its_rows(warehouse, read):
    sql = ("select place_name, value from fct_indicator_values "
           "where indicator_id = 'gdp' and reference_year = 2022 order by value desc")
    at = run_sql(warehouse, sql)
    assert not at.error
    shown = table(at, "sql_result_table")
    assert shown["place_name"].tolist() == read(sql)["place_name"].tolist()
    assert "瑞安市" in shown["place_name"].tolist() and len(shown) >= 3
    assert at.caption[1].value.startswith(f"{len(shown)} 行")


def test_an_example_query_loads_into_the_editor_and_runs(warehouse):
    at = run_page(warehouse, "sql.py")
    at.selectbox(key="sql_example").set_value("Tables and columns").run()
    assert "information_schema.columns" in at.text_area(key="sql_query").value
    at.button(key="sql_run").click().run()
    assert "fct_indicator_values" in table(at, "sql_result_table")["table_name"].tolist()


@pytest.mark.parametrize("sql, reason", [
    ("COPY fct_indicator_values TO '/tmp/xianzhi-leak.csv'", "COPY"),
    ("insert into dim_places (place_code) values ('999999')", "INSERT"),
    ("delete from fct_indicator_values", "DELETE"),
    ("drop table dim_places", "DROP"),
    ("create table x as select 1", "CREATE"),
    ("attach '/tmp/other.duckdb' as other", "ATTACH"),
    ("set enable_external_access = true", "SET"),
    ("install httpfs", "LOAD"),
    ("select 1; select 2", "one statement"),
])
def test_writes_and_settings_are_refused_before_they_run(warehouse, sql, reason):
    at = run_sql(warehouse, sql)
    assert at.error and reason in at.error[0].value
    assert not at.dataframe


@pytest.mark.parametrize("sql", [
    "select * from read_csv('/etc/passwd')",
    "select * from read_text('/etc/passwd')",
    "select * from '/etc/passwd'",
    "select * from read_parquet('https://example.com/x.parquet')",
    "select * from glob('/etc/*')",
])
def test_files_and_network_are_out_of_reach(warehouse, sql):
    at = run_sql(warehouse, sql)
    assert at.error, "the engine must refuse this query"
    assert "root:" not in at.error[0].value
    assert not at.dataframe


def test_the_copy_target_file_is_never_written(warehouse, tmp_path):
    target = tmp_path / "leak.csv"
    run_sql(warehouse, f"copy (select * from fct_indicator_values) to '{target}'")
    assert not target.exists()


def test_results_are_capped(warehouse):
    at = run_sql(warehouse, "select range as n from range(5000)")
    assert len(table(at, "sql_result_table")) == 1000
    assert "1000" in at.warning[0].value
