"""Scoring warehouse values against gold rows: matching by key and 0.5% tolerance, bounds, report."""

from ingest.tools.evaluation import evaluate, format_report, values_match


def _gold(indicator, year, kind, value, bound="eq", upper="", quote="q", doc="seeds/a.txt", place="330381"):
    return {"doc": doc, "place_code": place, "place_name": "瑞安市", "indicator_id": indicator,
            "reference_year": str(year), "value_kind": kind, "value": str(value), "value_upper": str(upper),
            "bound": bound, "unit": "percent", "quote": quote}


def _value(indicator, year, kind, value, bound="eq", upper=None, place="330381", report_year=2023, quote="v"):
    return {"place_code": place, "indicator_id": indicator, "reference_year": year, "value_kind": kind,
            "value": value, "value_upper": upper, "bound": bound, "unit": "percent", "report_id": "r",
            "quote": quote, "report_year": report_year}


GOLD = [
    _gold("gdp_growth", 2022, "actual", 3.8),
    _gold("gdp_growth", 2023, "target", 6.5, bound="ge"),
    _gold("retail_sales_growth", 2023, "target", 7),
    _gold("gdp", 2022, "actual", 119790000000),
]


def test_perfect_values_score_one():
    values = [_value(g["indicator_id"], int(g["reference_year"]), g["value_kind"], float(g["value"]), g["bound"])
              for g in GOLD]
    overall = evaluate(values, GOLD).overall
    assert (overall.precision, overall.recall, overall.f1, overall.bounds_rate) == (1.0, 1.0, 1.0, 1.0)


def test_a_value_within_half_a_percent_counts_and_one_beyond_does_not():
    assert values_match(119790000000 * 1.0049, 119790000000)
    assert not values_match(119790000000 * 1.006, 119790000000)
    assert values_match(-2.1, -2.1) and not values_match(2.1, -2.1)


def test_misses_false_values_and_wrong_bounds_are_counted_and_listed():
    values = [
        _value("gdp_growth", 2022, "actual", 3.8),
        _value("gdp_growth", 2023, "target", 6.5, bound="eq"),  # right value, wrong bound
        _value("retail_sales_growth", 2023, "target", 8, quote="社会消费品零售总额增长8%"),  # wrong value
        _value("cpi_growth", 2023, "target", 3),  # not in the gold
    ]
    result = evaluate(values, GOLD)
    (doc,) = result.documents
    assert (doc.gold_count, doc.value_count, doc.correct, doc.bounds_right) == (4, 4, 2, 1)
    assert doc.precision == 0.5 and doc.recall == 0.5
    assert {issue.key[1] for issue in doc.misses} == {"retail_sales_growth", "gdp"}
    assert {issue.key[1] for issue in doc.false_values} == {"retail_sales_growth", "cpi_growth"}
    report = format_report(result)
    assert "MISS  gdp 2022 actual" in report
    assert "FALSE retail_sales_growth 2023 target: expected 7.0, found 8.0 — 社会消费品零售总额增长8%" in report
    assert "BOUND gdp_growth 2023 target" in report
    assert report.splitlines()[-1].startswith("overall: gold 4, values 4, correct 2")


def test_values_outside_the_gold_scope_are_not_judged():
    values = [
        _value("gdp_growth", 2022, "actual", 3.8),
        _value("gdp_growth", 2021, "actual", 9.9),  # an older year restated: not annotated
        _value("gdp_growth", 2022, "actual", 1.0, place="330300"),  # another place
        _value("gdp_growth", 2022, "actual", 1.0, report_year=2024),  # another report of the place
    ]
    (doc,) = evaluate(values, GOLD).documents
    assert (doc.value_count, doc.correct) == (1, 1)


def test_ranges_need_the_upper_end_to_count_the_bound_right():
    gold = [_gold("gdp_growth", 2026, "target", 5, bound="range", upper=5.5, place="330000", doc="zj")]
    right = evaluate([_value("gdp_growth", 2026, "target", 5, "range", 5.5, "330000", 2026)], gold).overall
    wrong = evaluate([_value("gdp_growth", 2026, "target", 5, "range", 6.0, "330000", 2026)], gold).overall
    assert (right.correct, right.bounds_right) == (1, 1)
    assert (wrong.correct, wrong.bounds_right) == (1, 0)


def test_scores_are_per_document_and_overall():
    gold = GOLD + [_gold("gdp_growth", 2026, "target", 5, place="330000", doc="zj")]
    values = [_value("gdp_growth", 2022, "actual", 3.8)]
    result = evaluate(values, gold)
    assert [d.doc for d in result.documents] == ["seeds/a.txt", "zj"]
    assert [d.correct for d in result.documents] == [1, 0]
    assert (result.overall.gold_count, result.overall.correct) == (5, 1)
