"""The report reader shows the stored text safely, marks every extracted value, and follows one into the warehouse."""

import pytest
from conftest import run_page, shown_text, table


def reader_html(at) -> str:
    return at.get("html")[0].proto.body


def test_markup_in_a_report_is_shown_as_text_never_run(warehouse):
    at = run_page(warehouse, "reader.py", query_params={"report": "r_330382_2023"})
    body = reader_html(at)
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in body
    assert "<script" not in body and "<b>" not in body


def test_every_extracted_quantity_is_marked(warehouse):
    at = run_page(warehouse, "reader.py", query_params={"report": "r_330381_2023"})
    body = reader_html(at)
    # 2022 actuals (GDP, growth, jobs, 5G base stations) and 2023 targets (growth, jobs, revenue growth).
    assert body.count("<mark") == 7
    assert ">1197.9亿元</mark>" in body and ">7%以上</mark>" in body


def test_the_indicator_filter_limits_the_marks(warehouse):
    at = run_page(warehouse, "reader.py", query_params={"report": "r_330381_2023"})
    at.multiselect(key="reader_indicators").set_value(["gdp"]).run()
    body = reader_html(at)
    assert body.count("<mark") == 1
    assert ">1197.9亿元</mark>" in body


def test_choosing_a_value_shows_the_row_it_became(warehouse):
    at = run_page(warehouse, "reader.py", query_params={"report": "r_330381_2023"})
    at.selectbox(key="reader_mention").set_value("r_330381_2023-m000").run()
    became = table(at, "reader_became_table")
    assert became[["place_code", "indicator_id", "reference_year", "value_kind"]].iloc[0].tolist() == [
        "330381", "gdp", 2022, "actual"]
    assert became["value"].iloc[0] == pytest.approx(119790000000)


def test_a_quantity_outside_the_catalogue_says_it_was_not_kept(warehouse):
    at = run_page(warehouse, "reader.py", query_params={"report": "r_330381_2023"})
    at.selectbox(key="reader_mention").set_value("r_330381_2023-m003").run()  # 新建5G基站1200个
    assert "没有进入 fct_indicator_values" in shown_text(at)


def test_the_reader_opens_on_the_place_chosen_elsewhere(warehouse):
    at = run_page(warehouse, query_params={"place": "330324"})
    at.switch_page("views/reader.py").run()
    assert at.selectbox(key="reader_report").value == "r_330324_2024"


def test_a_sentence_link_without_a_mention_highlights_the_sentence(warehouse):
    at = run_page(warehouse, "reader.py", query_params={"report": "r_330381_2023", "sentence": "r_330381_2023-s004"})
    body = next(h.proto.body for h in at.get("html") if "<mark" in h.proto.body)
    focused = body.split('<span id="xz-focus"', 1)[1].split("</span>", 1)[0]
    assert "城镇新增就业" in focused and "1.89万人</mark>" in focused
    # The page scrolls the box to it (our script, separate from the escaped report text).
    assert any("scrollIntoView" in h.proto.body for h in at.get("html"))
    assert "<script" not in body


def test_choosing_another_value_moves_the_focus_and_the_link(warehouse):
    at = run_page(warehouse, "reader.py", query_params={"report": "r_330381_2023"})
    assert not any('id="xz-focus"' in h.proto.body for h in at.get("html"))  # no link, no focus
    at.selectbox(key="reader_mention").set_value("r_330381_2023-m004").run()
    body = next(h.proto.body for h in at.get("html") if "<mark" in h.proto.body)
    assert "主要预期目标是" in body.split('<span id="xz-focus"', 1)[1].split("</span>", 1)[0]
    assert at.query_params["mention"] == "r_330381_2023-m004"


def test_the_reader_opens_on_the_newest_report_of_a_linked_place(warehouse):
    at = run_page(warehouse, "reader.py", query_params={"place": "330382"})
    assert at.selectbox(key="reader_report").value == "r_330382_2024"
