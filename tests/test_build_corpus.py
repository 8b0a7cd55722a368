"""The whole pipeline on the real corpus: an analyst's first questions, answered from the warehouse."""

from __future__ import annotations

import duckdb
import pytest

pytestmark = pytest.mark.integration


def _one(warehouse, sql: str, *params):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql, params).fetchall()


def test_every_dbt_test_passed(corpus_build):
    assert corpus_build.dbt.success, corpus_build.dbt.failures
    assert corpus_build.dbt.failures == []
    assert corpus_build.dbt.n_tests >= 40  # data tests ran, not just models


def test_ruian_gdp_2022_actual_is_1197_9_yi_yuan(corpus_warehouse):
    rows = _one(
        corpus_warehouse,
        "select value, unit, bound, quote from fct_indicator_values "
        "where place_code = ? and indicator_id = 'gdp' and reference_year = 2022 and value_kind = 'actual'",
        "330381",
    )
    assert len(rows) == 1
    value, unit, bound, quote = rows[0]
    assert value == pytest.approx(119790000000)
    assert (unit, bound) == ("CNY", "eq")
    assert "1197.9亿元" in quote


def test_ruian_gdp_growth_target_2023_is_6_5(corpus_warehouse):
    rows = _one(
        corpus_warehouse,
        "select value, unit from fct_indicator_values "
        "where place_code = '330381' and indicator_id = 'gdp_growth' and reference_year = 2023 and value_kind = 'target'",
    )
    assert rows == [(6.5, "percent")]


def test_every_corpus_document_became_a_report(corpus_build, corpus_warehouse, corpus_manifest):
    """Each MANIFEST document and the seed is in dim_reports (container rows by their labels)."""
    assert corpus_build.errors == []
    reports = _one(corpus_warehouse, "select source_files, labelled_place, labelled_year from dim_reports")
    sources = {source.split("#row")[0] for files, _, _ in reports for source in files.split(", ")}
    labelled_rows = {(place, year) for files, place, year in reports if ".xlsx#" in files}
    for document in corpus_manifest:
        if document["format"] == "xlsx":
            assert (document["labelled_place"], int(document["labelled_year"])) in labelled_rows, document["doc"]
        else:
            assert document["file"] in sources, document["doc"]
    assert "000_339ce46e4364fe7c.txt" in sources
    assert corpus_build.n_reports == len(reports) >= len(corpus_manifest)


def test_every_value_points_back_to_its_sentence(corpus_warehouse):
    mismatches = _one(
        corpus_warehouse,
        """
        select count(*) from fct_indicator_values v
        join dim_report_texts t using (report_id)
        join fct_report_sentences s using (sentence_id)
        where substr(t.report_text, v.char_start + 1, v.char_end - v.char_start) <> v.surface
           or v.char_start < s.char_start or v.char_end > s.char_end
           or s.sentence_text <> v.quote
        """,
    )
    assert mismatches == [(0,)]


def test_the_shell_opens_the_warehouse(corpus_warehouse):
    import subprocess
    import sys
    from pathlib import Path

    shell = Path(sys.executable).parent / "duckdb"
    output = subprocess.run(
        [str(shell), str(corpus_warehouse), "-readonly", "-list", "-c",
         "select place_name, value from fct_indicator_values where place_code='330381' and indicator_id='gdp' and reference_year=2022"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "瑞安市|119790000000.0" in output.splitlines()
