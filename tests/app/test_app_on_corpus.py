"""Every page runs over a warehouse built from the real corpus (fixture `corpus_warehouse` in tests/conftest.py)."""

import pytest
from conftest import PAGE_FILES, run_page


@pytest.mark.integration
@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_runs_on_the_corpus_warehouse(corpus_warehouse, page):
    at = run_page(corpus_warehouse, page, timeout=120)
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


@pytest.mark.integration
def test_ruian_benchmark_on_the_corpus(corpus_warehouse):
    at = run_page(corpus_warehouse, "benchmark.py", query_params={"place": "330381", "indicator": "gdp"},
                  timeout=120)
    assert not at.exception
    assert at.selectbox(key="bench_place").value == "330381"
