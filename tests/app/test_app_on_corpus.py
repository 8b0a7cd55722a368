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


# Each page with the parameters an analyst arrives with (the attention page also looks up a typed word).
SPEED_PARAMS = {
    "profile.py": {"place": "330381"},
    "benchmark.py": {"place": "330381", "indicator": "gdp"},
    "targets.py": {"place": "330381"},
    "cascade.py": {"place": "330381", "indicator": "gdp_growth"},
    "map.py": {"place": "330381", "indicator": "gdp"},
    "attention.py": {"place": "330381", "term": "光伏", "word": "光伏"},
    "reader.py": {"place": "330381"},
    "coverage.py": {},
    "sql.py": {},
}
PAGE_BUDGET_SECONDS = 1.0


@pytest.mark.integration
@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_renders_under_a_second_after_warm_up(corpus_warehouse, page):
    import statistics
    import time

    at = run_page(corpus_warehouse, page, query_params=SPEED_PARAMS[page], timeout=120)
    at.run()  # warm-up: queries cached, charts' modules imported
    assert not at.exception
    seconds = []
    for _ in range(3):
        started = time.perf_counter()
        at.run()
        seconds.append(time.perf_counter() - started)
    assert not at.exception
    print(f"{page}: " + ", ".join(f"{s:.3f} s" for s in seconds))  # shown with -rA or -s
    # The median of three runs, so one hiccup of the machine does not decide.
    assert statistics.median(seconds) < PAGE_BUDGET_SECONDS, f"{page}: {[f'{s:.3f}' for s in seconds]}"
