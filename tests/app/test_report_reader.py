"""The report reader shows the stored text safely, marks every extracted value, and follows one into the warehouse."""

import pytest
from conftest import HOSTILE_REPORT, run_page, shown_text, table


def reader_html(at) -> str:
    return next(h.proto.body for h in at.get("html") if "<mark" in h.proto.body)


def focused(at) -> str:
    return reader_html(at).split('<span id="xz-focus"', 1)[1].split("</span>", 1)[0]


@pytest.fixture(scope="module")
def seed(report_of):
    """瑞安市's 2023 report (the seed): its report id."""
    return report_of("330381", 2023)


@pytest.fixture(scope="module")
def seed_gdp(read, seed):
    """The mention of 2022's GDP in the seed report that fct_indicator_values keeps (1197.9亿元)."""
    return read("select v.mention_id, v.sentence_id, m.surface from fct_indicator_values v "
                "join fct_metric_mentions m using (mention_id) where v.report_id = ? and v.indicator_id = 'gdp'",
                [seed]).iloc[0]


def test_markup_in_a_report_is_shown_as_text_never_run(warehouse, report_of):
    at = run_page(warehouse, "reader.py", query_params={"report": report_of(*HOSTILE_REPORT)})
    body = reader_html(at)
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in body
    assert "<script" not in body and "<b>" not in body


def test_every_extracted_quantity_is_marked(warehouse, read, seed):
    mentions = read("select count(*) from fct_metric_mentions where report_id = ? and char_start is not null", [seed])
    at = run_page(warehouse, "reader.py", query_params={"report": seed})
    body = reader_html(at)
    assert body.count("<mark") == mentions.iloc[0, 0] > 100
    assert ">1197.9亿元</mark>" in body
    assert not at.warning  # every offset points at its surface in the stored text


def test_the_indicator_filter_limits_the_marks(warehouse, read, seed):
    gdp = read("select count(*) from fct_metric_mentions where report_id = ? and indicator_id = 'gdp'", [seed]).iloc[0, 0]
    at = run_page(warehouse, "reader.py", query_params={"report": seed})
    at.multiselect(key="reader_indicators").set_value(["gdp"]).run()
    body = reader_html(at)
    assert body.count("<mark") == gdp >= 1
    assert ">1197.9亿元</mark>" in body


def test_choosing_a_value_shows_the_row_it_became(warehouse, seed, seed_gdp):
    at = run_page(warehouse, "reader.py", query_params={"report": seed})
    at.selectbox(key="reader_mention").set_value(seed_gdp["mention_id"]).run()
    became = table(at, "reader_became_table")
    assert became[["place_code", "indicator_id", "reference_year", "value_kind"]].iloc[0].tolist() == [
        "330381", "gdp", 2022, "actual"]
    assert became["value"].iloc[0] == pytest.approx(119790000000)


def test_a_quantity_outside_the_catalogue_says_it_was_not_kept(warehouse, read, seed):
    other = read("select mention_id from fct_metric_mentions where report_id = ? and indicator_id is null "
                 "order by char_start limit 1", [seed]).iloc[0, 0]
    at = run_page(warehouse, "reader.py", query_params={"report": seed})
    at.selectbox(key="reader_mention").set_value(other).run()
    assert "没有进入 fct_indicator_values" in shown_text(at)


def test_a_restated_figure_says_which_statement_the_warehouse_kept(warehouse, read, report_of):
    # 瑞安市's 2024 report restates 2022's GDP as 1185亿元; the warehouse keeps another statement.
    restating = report_of("330381", 2024)
    mention = read("select mention_id from fct_metric_mentions where report_id = ? and indicator_id = 'gdp' "
                   "and reference_year = 2022", [restating]).iloc[0, 0]
    at = run_page(warehouse, "reader.py", query_params={"report": restating})
    at.selectbox(key="reader_mention").set_value(mention).run()
    assert "取自另一处原文" in shown_text(at)
    kept = table(at, "reader_other_table")
    assert kept["report_id"].tolist() != [restating] and len(kept) == 1


def test_the_reader_opens_on_the_place_chosen_elsewhere(warehouse, report_of):
    at = run_page(warehouse, query_params={"place": "330324"})
    at.switch_page("views/reader.py").run()
    assert at.selectbox(key="reader_report").value == report_of("330324", 2024)


def test_a_sentence_link_without_a_mention_highlights_the_sentence(warehouse, seed, seed_gdp):
    at = run_page(warehouse, "reader.py", query_params={"report": seed, "sentence": seed_gdp["sentence_id"]})
    assert f"{seed_gdp['surface']}</mark>" in focused(at)
    # The page scrolls the box to it (our script, separate from the escaped report text).
    assert any("scrollIntoView" in h.proto.body for h in at.get("html"))
    assert "<script" not in reader_html(at)


def test_choosing_another_value_moves_the_focus_and_the_link(warehouse, read, seed):
    target = read("select mention_id, surface from fct_metric_mentions where report_id = ? and value_kind = 'target' "
                  "and indicator_id = 'gdp_growth'", [seed]).iloc[0]
    at = run_page(warehouse, "reader.py", query_params={"report": seed})
    assert not any('id="xz-focus"' in h.proto.body for h in at.get("html"))  # no link, no focus
    at.selectbox(key="reader_mention").set_value(target["mention_id"]).run()
    assert f"{target['surface']}</mark>" in focused(at)
    assert at.query_params["mention"] == target["mention_id"]


def test_the_reader_opens_on_the_newest_report_of_a_linked_place(warehouse, report_of):
    at = run_page(warehouse, "reader.py", query_params={"place": "330382"})
    assert at.selectbox(key="reader_report").value == report_of("330382", 2024)
