"""Every page opens without an exception or error: over the fixture build, in English, over an empty build."""

import pytest
from conftest import PAGE_FILES, run_page, shown_text


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_runs_on_the_fixture_warehouse(warehouse, page):
    at = run_page(warehouse, page, query_params={"place": "330381"})
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_runs_in_english(warehouse, page):
    at = run_page(warehouse, page, lang="en")
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


# What each page says when the build had no documents: (page, words of its empty state).
EMPTY_STATES = {
    "profile.py": "还没有任何有报告或数据的地区",
    "benchmark.py": "没有任何指标数值",
    "targets.py": "还没有任何有报告或数据的地区",
    "cascade.py": "还没有任何有报告或数据的地区",
    "map.py": "上还没有任何实际值，地图上全部显示为无数据",
    "attention.py": "fct_term_attention 为空",
    "reader.py": "没有可阅读的报告",
    "coverage.py": "还没有指标数值",
}


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_shows_an_empty_state_on_an_empty_build(empty_warehouse, page):
    at = run_page(empty_warehouse, page)
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    if page in EMPTY_STATES:
        assert EMPTY_STATES[page] in shown_text(at)


def test_app_explains_a_missing_warehouse(tmp_path):
    at = run_page(tmp_path / "not-built.duckdb")
    assert not at.exception
    assert "make build" in at.warning[0].value


def test_a_file_the_build_did_not_make_is_explained_not_a_traceback(tmp_path):
    import duckdb

    stranger = tmp_path / "stranger.duckdb"
    duckdb.connect(str(stranger)).close()  # a DuckDB file with no marts at all
    at = run_page(stranger, "profile.py")
    assert not at.exception
    assert "xianzhi build" in at.error[0].value and "dim_places" in at.error[0].value


def test_language_switch_relabels_the_app(warehouse):
    at = run_page(warehouse, query_params={"place": "330381"})
    assert at.subheader[0].value == "最新实际值"
    at.radio(key="lang_choice").set_value("en").run()
    assert at.subheader[0].value == "Latest actuals"
    # AppTest drops entry-script sidebar widgets from the tree after switch_page (the choice persists).
    at.switch_page("views/benchmark.py").run()
    assert at.title[0].value == "Peer comparison"


@pytest.mark.parametrize("page", ["profile.py", "benchmark.py", "targets.py", "cascade.py", "attention.py", "reader.py"])
def test_place_pages_link_to_the_other_pages_for_the_same_place(warehouse, page):
    at = run_page(warehouse, page, query_params={"place": "330381"})
    text = shown_text(at)
    # The profile is the default page, at the app's root.
    assert "[地区概况](./?place=330381" in text and "[关注度](attention?place=330381" in text


def test_a_shell_holding_the_file_read_write_gets_a_clear_message(warehouse_copy):
    import subprocess
    import sys

    code = ("import duckdb, sys, time; connection = duckdb.connect(sys.argv[1]); "
            "print('holding', flush=True); time.sleep(120)")
    shell = subprocess.Popen([sys.executable, "-c", code, str(warehouse_copy)], stdout=subprocess.PIPE, text=True)
    try:
        assert shell.stdout.readline().strip() == "holding"
        at = run_page(warehouse_copy, "profile.py", query_params={"place": "330381"})
        assert not at.exception
        assert "-readonly" in " ".join(w.value for w in at.warning)
    finally:
        shell.kill()
        shell.wait()
