"""A row that breaks a row check (tests/generic/row_checks.sql: not_null, accepted values and
ranges, invariants, one test node per model) fails the build like the separate tests it replaced,
keeps the old warehouse, and the build's output names each broken check and how many rows break
it, not only the test."""

import duckdb
import pytest

from ingest import paths
from ingest.run import exit_codes
from ingest.run.build import build_warehouse

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("row_checks") / "warehouse.duckdb"
    first = build_warehouse([paths.SEEDS_DIR], warehouse, log=lambda line: None)
    assert first.exit_code == exit_codes.OK
    before = _broken_rows(warehouse)
    # Two sentences of the landed table broken by hand: one ends where it starts, one has a role
    # segmentation never gives.
    [part] = [f for f in paths.landed_table_files(paths.landing_dir(warehouse), "sentences")
              if duckdb.sql(f"select count(*) from read_parquet('{f}')").fetchone()[0] > 2]
    duckdb.sql(f"""
        copy (select * replace (
                  case when sentence_index = 0 then char_start else char_end end as char_end,
                  case when sentence_index = 1 then 'bogus' else section_role end as section_role)
              from read_parquet('{part}') order by sentence_id)
        to '{part}.new' (format parquet)""")
    part.with_name(part.name + ".new").replace(part)
    lines: list[str] = []
    second = build_warehouse([paths.SEEDS_DIR], warehouse, log=lines.append, full=True)
    return {"result": second, "lines": lines, "before": before, "after": _broken_rows(warehouse),
            "failed_file": paths.failed_dir(warehouse) / warehouse.name}


def _broken_rows(warehouse) -> int:
    """Sentences of a warehouse that carry the hand-made breakage."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute("select count(*) from fct_report_sentences "
                                  "where section_role = 'bogus' or char_start >= char_end").fetchone()[0]


def test_the_build_fails_and_keeps_the_old_warehouse(broken_build):
    assert broken_build["result"].exit_code == exit_codes.DBT_FAILED
    # The failed build's file is kept apart; the warehouse in place still holds the sentences as
    # they were (a swapped-in failed build would hold the broken two, or no table at all: dbt
    # skips a model whose upstream test failed).
    assert broken_build["failed_file"].exists()
    assert (broken_build["before"], broken_build["after"]) == (0, 0)


def test_the_output_names_each_broken_check_and_its_rows(broken_build):
    [line] = [line for line in broken_build["lines"] if "row_checks_stg_landing__sentences" in line]
    assert line.startswith("dbt: test row_checks_stg_landing__sentences: fail")
    assert "broken: accepted_values(section_role) (1 rows); char_start < char_end (1 rows)" in line
