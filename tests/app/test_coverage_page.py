"""Coverage and quality: what failed to parse and where reports disagree on a figure."""

from conftest import run_page, shown_text, table


def test_failed_documents_are_listed(full_warehouse):
    at = run_page(full_warehouse, "coverage.py")
    errors = table(at, "coverage_errors_table")
    assert errors["source_ref"].tolist() == ["incoming/scan-2019.pdf"]
    assert "no text layer" in errors["reason"].iloc[0]


def test_restatement_disagreements_show_both_statements(full_warehouse):
    at = run_page(full_warehouse, "coverage.py")
    restated = table(at, "coverage_restatements_table")
    assert restated["数值"].tolist() == ["1197.9亿元", "1185亿元"]
    assert restated["采用"].tolist() == ["✔", ""]
    assert restated["与采用值相差"].tolist() == ["+0.0%", "-1.1%"]
    assert restated["原文出处"].iloc[1] == "reader?report=r_330381_2024&place=330381"


def test_a_clean_build_says_nothing_failed(full_warehouse):
    import duckdb
    conn = duckdb.connect(str(full_warehouse))
    conn.execute("delete from fct_ingest_errors")
    conn.execute("update fct_restatements set disagrees = false")
    conn.close()
    at = run_page(full_warehouse, "coverage.py")
    assert "所有文件都已读取" in shown_text(at)
    assert "没有不一致" in shown_text(at)


def test_an_older_warehouse_names_the_missing_tables(warehouse):
    at = run_page(warehouse, "coverage.py")
    assert not at.exception
    assert "fct_ingest_errors" in shown_text(at) and "fct_restatements" in shown_text(at)
