"""Coverage and quality: what the warehouse holds, what failed to parse, and where reports disagree on a figure."""

from conftest import run_page, shown_text, table

from app.ui import reader_link


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


def test_the_build_that_made_the_warehouse_is_listed_with_what_it_found(warehouse, read):
    [own] = read("select * from fct_build_runs").to_dict("records")
    reports = read("select count(*) as n from dim_reports")["n"].iloc[0]
    at = run_page(warehouse, "coverage.py")
    builds = table(at, "coverage_builds_table")
    assert len(builds) == 1
    assert builds["结果"].tolist() == ["生成本仓库（结果下次记入）"]
    assert builds["入库报告"].tolist() == [reports] == [own["reports_landed"]]
    # The fixture's folder: the seed report, the synthetic reports and two broken files, all new.
    assert builds["新增文件"].tolist() == [own["documents_added"]] and builds["失败文件"].tolist() == [2]
    assert "fct_build_runs" in shown_text(at)


def test_earlier_builds_follow_newest_first_with_their_outcome_in_both_languages(warehouse_copy):
    import duckdb

    with duckdb.connect(str(warehouse_copy)) as connection:
        connection.execute("""
            insert into fct_build_runs (run_id, outcome, exit_code, dbt_tests_passed, dbt_tests_failed,
                                        started_at, is_this_warehouse, host, command)
            values ('older', 'ok', 0, 301, 0, timestamp '2025-03-01 02:30:00', false, 'ops', 'xianzhi build'),
                   ('failed', 'dbt_failed', 1, 299, 2, timestamp '2025-03-02 02:30:00', false, 'ops', 'xianzhi build')
        """)
    at = run_page(warehouse_copy, "coverage.py")
    builds = table(at, "coverage_builds_table")
    assert builds["结果"].tolist() == ["生成本仓库（结果下次记入）", "检验未通过，保留旧仓库", "成功"]
    assert builds["检验未通过"].tolist()[1:] == [2, 0] and builds["退出码"].tolist()[1:] == [1, 0]
    english = table(run_page(warehouse_copy, "coverage.py", lang="en"), "coverage_builds_table")
    assert english["Outcome"].tolist() == ["Built this warehouse (results recorded next time)",
                                           "Tests failed, previous warehouse kept", "OK"]


def test_nothing_quarantined_is_said_so(warehouse, read):
    assert read("select count(*) as n from fct_quarantined_values")["n"].iloc[0] == 0
    at = run_page(warehouse, "coverage.py")
    assert "没有数值被隔离" in shown_text(at)


def test_quarantined_values_are_listed_with_their_rule_and_a_link_to_the_sentence(warehouse_copy, read):
    import duckdb

    # A value as the build would quarantine it: a real sentence of the fixture, its growth misread.
    [mention] = read("select report_id, place_code, place_name, report_year, indicator_id, reference_year, "
                     "value_kind, unit, bound, surface, quote, sentence_id, mention_id, char_start, char_end "
                     "from fct_indicator_values where unit = 'percent' order by mention_id limit 1").to_dict("records")
    with duckdb.connect(str(warehouse_copy)) as connection:
        connection.execute(
            "insert into fct_quarantined_values by name select 'growth_rate_plausible' as failed_value_rule, "
            "1500.0 as value, null as value_upper, * exclude (value) from (select ?::varchar as report_id, "
            "?::varchar as place_code, ?::varchar as place_name, ?::int as report_year, ?::varchar as indicator_id, "
            "?::int as reference_year, ?::varchar as value_kind, ?::varchar as unit, ?::varchar as bound, "
            "?::varchar as surface, ?::varchar as quote, ?::varchar as sentence_id, ?::varchar as mention_id, "
            "?::int as char_start, ?::int as char_end, 0 as value)",
            [mention[k] for k in ("report_id", "place_code", "place_name", "report_year", "indicator_id",
                                  "reference_year", "value_kind", "unit", "bound", "surface", "quote",
                                  "sentence_id", "mention_id", "char_start", "char_end")])
    at = run_page(warehouse_copy, "coverage.py")
    shown = table(at, "coverage_quarantine_table")
    assert shown["违反的规则"].tolist() == ["增速在 -100% 至 1000% 之间"]
    assert shown["原文"].tolist() == [mention["quote"]]
    assert shown["原文出处"].iloc[0] == reader_link(mention["report_id"], mention["mention_id"],
                                                mention["sentence_id"], mention["place_code"])
    at_en = run_page(warehouse_copy, "coverage.py", lang="en")
    assert table(at_en, "coverage_quarantine_table")["Rule broken"].tolist() == ["Growth between -100% and 1000%"]
