"""Coverage and quality: what the warehouse holds, what failed to parse, and where reports disagree on a figure."""

from conftest import run_page, shown_text, table


def test_the_counts_are_the_warehouses(warehouse, read):
    counts = read("select (select count(*) from dim_reports) as reports, "
                  "(select count(*) from fct_indicator_values) as values_, "
                  "(select count(*) from fct_metric_mentions) as mentions").iloc[0]
    at = run_page(warehouse, "coverage.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["报告"] == f"{counts['reports']:,}"
    assert metrics["指标数值"] == f"{counts['values_']:,}"
    assert metrics["提取的数量"] == f"{counts['mentions']:,}"
    assert len(at.get("vega_lite_chart")) == 2  # places × years, indicators × years


def test_failed_documents_are_listed(warehouse):
    at = run_page(warehouse, "coverage.py")
    errors = table(at, "coverage_errors_table").set_index("source_ref")
    # The fixture's folder holds an empty file and a notice that is no work report.
    assert sorted(errors.index) == ["broken/empty.txt", "broken/notice.txt"]
    assert "empty file" in errors.loc["broken/empty.txt", "reason"]


def test_restatement_disagreements_show_both_statements(warehouse, read, report_of):
    stored = read("select report_id, is_preferred, relative_difference from fct_restatements "
                  "where place_code = '330381' and indicator_id = 'gdp' and reference_year = 2022 order by report_year")
    assert stored["report_id"].tolist() == [report_of("330381", 2023), report_of("330381", 2024)]
    at = run_page(warehouse, "coverage.py")
    restated = table(at, "coverage_restatements_table")
    # The seed report's 1197.9亿元 and the 2024 report's 1185亿元 for 2022.
    assert restated["数值"].tolist() == ["1197.9亿元", "1185亿元"]
    assert restated["采用"].tolist() == ["✔" if p else "" for p in stored["is_preferred"]]
    assert restated["与采用值相差"].tolist() == [f"{100 * d:+.1f}%" for d in stored["relative_difference"]]
    assert restated["原文出处"].iloc[1] == f"reader?report={report_of('330381', 2024)}&place=330381"


def test_a_build_of_nothing_says_nothing_failed(empty_warehouse):
    at = run_page(empty_warehouse, "coverage.py")
    assert "所有文件都已读取" in shown_text(at)
    assert "没有不一致" in shown_text(at)
    assert "还没有指标数值" in shown_text(at)


def test_only_flagged_reports_are_kept_when_asked(warehouse, read):
    reports = read("select report_id, is_work_report, is_truncated, lost_char_runs, label_conflict from dim_reports")
    flagged = reports[~reports["is_work_report"] | reports["is_truncated"] | (reports["lost_char_runs"] > 0)
                      | reports["label_conflict"].notna()]
    at = run_page(warehouse, "coverage.py")
    assert sorted(table(at, "coverage_quality_table")["report_id"]) == sorted(reports["report_id"])
    at.checkbox(key="coverage_only_flagged").check().run()
    assert sorted(table(at, "coverage_quality_table")["report_id"]) == sorted(flagged["report_id"])
