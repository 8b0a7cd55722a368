"""Attention: an analyst follows a policy term across places and years, and looks up any word."""

from conftest import run_page, shown_text, table


def test_ranked_table_answers_which_places_mention_a_term_most(full_warehouse):
    at = run_page(full_warehouse, "attention.py", query_params={"place": "330381", "term": "光伏", "year": "2023"})
    assert not at.exception
    assert at.multiselect(key="attention_terms").value == ["光伏"]
    assert at.selectbox(key="attention_year").value == 2023
    ranked = table(at, "attention_rank_table")
    # 2023 counts: 乐清市 7, 瑞安市 5, 永嘉县 2, 易县 1, 温州市 1 (per 10,000 characters decides).
    assert ranked["地区"].tolist()[:2] == ["乐清市", "瑞安市"]
    assert ranked["名次"].tolist()[:2] == [1, 2]
    assert ranked.loc[ranked["地区"] == "瑞安市", "出现次数"].item() == 5
    assert "r_330381_2023" in ranked["报告"].tolist()  # provenance: the report each count comes from
    assert "哪些地区最常提到「光伏」（2023 年报告）" in shown_text(at)
    assert "瑞安市 在 5 份报告中排第 2 名" in shown_text(at)


def test_terms_places_and_year_drive_the_lines_and_the_ranking(full_warehouse):
    at = run_page(full_warehouse, "attention.py", query_params={"place": "330381"})
    # Default comparison: 瑞安市 and its county-level neighbours in 温州市.
    assert sorted(at.multiselect(key="attention_places").value) == ["330324", "330381", "330382"]
    at.multiselect(key="attention_terms").set_value(["光伏", "乡村振兴"]).run()
    at.selectbox(key="attention_rank_term").set_value("乡村振兴").run()
    at.selectbox(key="attention_year").set_value(2022).run()
    ranked = table(at, "attention_rank_table")
    assert ranked["地区"].iloc[0] == "易县"  # 8 mentions in 2022
    assert len(at.get("vega_lite_chart")) == 1
    assert at.query_params["term"] == "光伏,乡村振兴"
    at.radio(key="attention_metric").set_value("n_occurrences").run()
    assert not at.exception


def test_a_typed_token_is_counted_across_reports(full_warehouse):
    at = run_page(full_warehouse, "attention.py", query_params={"place": "330381"})
    at.text_input(key="attention_word").input("新质生产力").run()
    assert "「新质生产力」出现在 3 份报告中，共 9 次。" in shown_text(at)
    words = table(at, "attention_word_table")
    assert set(words["地区"]) == {"瑞安市", "乐清市", "温州市"}
    assert set(words["报告"]) == {"r_330381_2024", "r_330382_2024", "r_330300_2024"}
    assert at.query_params["word"] == "新质生产力"


def test_a_word_that_is_not_a_token_says_so_and_suggests_tokens_containing_it(full_warehouse):
    at = run_page(full_warehouse, "attention.py", query_params={"place": "330381"})
    at.text_input(key="attention_word").input("光伏电").run()
    assert "「光伏电」不是分词表中的词" in at.warning[0].value
    suggestion = at.button(key="attention_suggest_0")
    assert suggestion.label.startswith("光伏电站")
    suggestion.click().run()
    assert at.text_input(key="attention_word").value == "光伏电站"
    assert "「光伏电站」出现在 2 份报告中，共 3 次。" in shown_text(at)


def test_a_word_with_no_close_token_explains_what_to_try(full_warehouse):
    at = run_page(full_warehouse, "attention.py", query_params={"word": "量子计算"})
    assert "不是分词表中的词" in at.warning[0].value
    assert "SQL 控制台" in shown_text(at)


def test_the_downloads_carry_report_ids(full_warehouse):
    at = run_page(full_warehouse, "attention.py", query_params={"place": "330381", "term": "光伏"})
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["下载排名 CSV", "下载各报告计数 CSV"]


def test_the_page_explains_an_empty_attention_table(empty_warehouse):
    import duckdb
    conn = duckdb.connect(str(empty_warehouse))
    conn.execute("create table fct_term_attention (report_id varchar, place_code varchar, place_name varchar, "
                 "report_year integer, term varchar, name_en varchar, theme varchar, n_occurrences integer, "
                 "per_10k_chars double)")
    conn.execute("create table fct_report_terms as select * exclude (name_en, theme) from fct_term_attention")
    conn.close()
    at = run_page(empty_warehouse, "attention.py")
    assert not at.exception
    assert "xianzhi build --documents" in at.info[0].value


def test_attention_in_english(full_warehouse):
    at = run_page(full_warehouse, "attention.py", query_params={"place": "330381", "term": "光伏"}, lang="en")
    assert at.title[0].value == "Attention"
    assert "Which places mention “光伏” most" in shown_text(at)
