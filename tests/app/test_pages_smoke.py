"""Every page opens without an exception or error over full, single-place, empty and table-less warehouses."""

import pytest
from conftest import PAGE_FILES, run_page, shown_text


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_runs_on_the_fixture_warehouse(warehouse, page):
    at = run_page(warehouse, page)
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_runs_in_english(warehouse, page):
    at = run_page(warehouse, page, lang="en")
    assert not at.exception
    assert not at.error


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_runs_on_a_single_place_warehouse(single_place_warehouse, page):
    at = run_page(single_place_warehouse, page)
    assert not at.exception
    assert not at.error


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_shows_an_empty_state_on_an_empty_warehouse(empty_warehouse, page):
    at = run_page(empty_warehouse, page)
    assert not at.exception
    assert not at.error


@pytest.mark.parametrize("page", [p for p in PAGE_FILES if p != "sql.py"])
def test_page_explains_missing_tables(bare_warehouse, page):
    at = run_page(bare_warehouse, page)
    assert not at.exception
    text = shown_text(at)
    assert "此页需要数据表" in text and "xianzhi build" in text
    assert any(table in text for table in ("fct_indicator_values", "dim_reports", "fct_term_attention"))


def test_app_explains_a_missing_warehouse(tmp_path):
    at = run_page(tmp_path / "not-built.duckdb")
    assert not at.exception
    assert "make build" in at.warning[0].value


def test_language_switch_relabels_the_app(warehouse):
    at = run_page(warehouse)
    assert at.subheader[0].value == "最新实际值"
    at.radio(key="lang_choice").set_value("en").run()
    assert at.subheader[0].value == "Latest actuals"
    # AppTest drops entry-script sidebar widgets from the tree after switch_page (the choice persists).
    at.switch_page("views/benchmark.py").run()
    assert at.title[0].value == "Peer comparison"


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_runs_over_a_warehouse_with_every_mart(full_warehouse, page):
    at = run_page(full_warehouse, page, query_params={"place": "330381"})
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", ["profile.py", "benchmark.py", "targets.py", "attention.py", "reader.py"])
def test_place_pages_link_to_the_other_pages_for_the_same_place(full_warehouse, page):
    at = run_page(full_warehouse, page, query_params={"place": "330381"})
    text = shown_text(at)
    # The profile is the default page, at the app's root.
    assert "[地区概况](./?place=330381" in text and "[关注度](attention?place=330381" in text


def test_a_shell_holding_the_file_read_write_gets_a_clear_message(warehouse):
    import subprocess
    import sys

    code = ("import duckdb, sys, time; connection = duckdb.connect(sys.argv[1]); "
            "print('holding', flush=True); time.sleep(120)")
    shell = subprocess.Popen([sys.executable, "-c", code, str(warehouse)], stdout=subprocess.PIPE, text=True)
    try:
        assert shell.stdout.readline().strip() == "holding"
        at = run_page(warehouse, "profile.py", query_params={"place": "330381"})
        assert not at.exception
        assert "-readonly" in " ".join(w.value for w in at.warning)
    finally:
        shell.kill()
        shell.wait()
