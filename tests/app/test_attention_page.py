"""Attention: an analyst follows a policy term across places and years, and looks up any word."""

from conftest import run_page, shown_text, table


def attention(read, term: str, year: int):
    return read("select place_code, place_name, report_id, n_occurrences, per_10k_chars from fct_term_attention "
                "where term = ? and report_year = ? order by per_10k_chars desc, place_code", [term, year])


def test_ranked_table_answers_which_places_mention_a_term_most(warehouse, read, report_of):
    at = run_page(warehouse, "attention.py", query_params={"place": "330381", "term": "光伏", "year": "2024"})
    assert not at.exception
    assert at.multiselect(key="attention_terms").value == ["光伏"]
    assert at.selectbox(key="attention_year").value == 2024
    expected = attention(read, "光伏", 2024)
    assert len(expected) >= 3
    ranked = table(at, "attention_rank_table")
    assert ranked["地区"].tolist() == expected["place_name"].tolist()  # per 10,000 characters decides
    assert ranked["名次"].tolist()[0] == 1
    mine = expected[expected["place_code"] == "330381"].iloc[0]
    assert ranked.loc[ranked["地区"] == "瑞安市", "出现次数"].item() == mine["n_occurrences"]
    assert report_of("330381", 2024) in ranked["报告"].tolist()  # provenance: the report each count comes from
    assert "哪些地区最常提到「光伏」（2024 年报告）" in shown_text(at)
    rank = expected["place_code"].tolist().index("330381") + 1
    assert f"瑞安市 在 {len(expected)} 份报告中排第 {rank} 名" in shown_text(at)


def test_terms_places_and_year_drive_the_lines_and_the_ranking(warehouse, read):
    at = run_page(warehouse, "attention.py", query_params={"place": "330381"})
    # Default comparison: 瑞安市 and its county-level neighbours in 温州市.
    assert sorted(at.multiselect(key="attention_places").value) == ["330324", "330381", "330382"]
    at.multiselect(key="attention_terms").set_value(["光伏", "乡村振兴"]).run()
    at.selectbox(key="attention_rank_term").set_value("乡村振兴").run()
    at.selectbox(key="attention_year").set_value(2023).run()
    ranked = table(at, "attention_rank_table")
    assert ranked["地区"].tolist() == attention(read, "乡村振兴", 2023)["place_name"].tolist()
    assert len(at.get("vega_lite_chart")) == 1
    assert at.query_params["term"] == "光伏,乡村振兴"
    at.radio(key="attention_metric").set_value("n_occurrences").run()
    assert not at.exception


def test_a_typed_token_is_counted_across_reports(warehouse, read):
    counted = read("select place_name, report_id, n_occurrences from fct_report_terms where term = '新质生产力'")
    at = run_page(warehouse, "attention.py", query_params={"place": "330381"})
    at.text_input(key="attention_word").input("新质生产力").run()
    assert (f"「新质生产力」出现在 {len(counted)} 份报告中，共 {counted['n_occurrences'].sum()} 次。"
            in shown_text(at))
    words = table(at, "attention_word_table")
    assert set(words["地区"]) == set(counted["place_name"])
    assert set(words["报告"]) == set(counted["report_id"])
    assert at.query_params["word"] == "新质生产力"


def test_a_word_that_is_not_a_token_says_so_and_suggests_tokens_near_it(warehouse, read):
    # jieba keeps 光伏 whole (a catalogue term) but has no token 光伏电.
    assert read("select count(*) from fct_report_terms where term = '光伏电'").iloc[0, 0] == 0
    at = run_page(warehouse, "attention.py", query_params={"place": "330381"})
    at.text_input(key="attention_word").input("光伏电").run()
    assert "「光伏电」不是分词表中的词" in at.warning[0].value
    suggestion = at.button(key="attention_suggest_0")
    assert suggestion.label.startswith("光伏（")
    suggestion.click().run()
    assert at.text_input(key="attention_word").value == "光伏"
    reports = read("select count(*) as n, sum(n_occurrences) as total from fct_report_terms where term = '光伏'").iloc[0]
    assert f"「光伏」出现在 {int(reports['n'])} 份报告中，共 {int(reports['total'])} 次。" in shown_text(at)


def test_a_word_with_no_close_token_explains_what_to_try(warehouse):
    at = run_page(warehouse, "attention.py", query_params={"word": "蒸汽朋克"})
    assert "不是分词表中的词" in at.warning[0].value
    assert "SQL 控制台" in shown_text(at)


def test_the_downloads_carry_report_ids(warehouse):
    at = run_page(warehouse, "attention.py", query_params={"place": "330381", "term": "光伏"})
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["下载排名 CSV", "下载各报告计数 CSV"]


def test_the_page_explains_an_empty_attention_table(empty_warehouse):
    at = run_page(empty_warehouse, "attention.py")
    assert not at.exception
    assert "xianzhi build --documents" in at.info[0].value


def test_attention_in_english(warehouse):
    at = run_page(warehouse, "attention.py", query_params={"place": "330381", "term": "光伏"}, lang="en")
    assert at.title[0].value == "Attention"
    assert "Which places mention “光伏” most" in shown_text(at)
