"""One odd report never blocks the build: a value that breaks a value rule is quarantined (kept in
fct_quarantined_values with its rule and provenance, warned about), the build goes on and swaps in;
the report's other values land as usual. (Keys, relationships and units stay errors that keep the
old warehouse: tests/robustness/test_warehouses_side_by_side.py breaks one.)"""

import duckdb
import pytest

from ingest import paths
from ingest.run import exit_codes

pytestmark = pytest.mark.integration

SEED = paths.SEEDS_DIR / "000_339ce46e4364fe7c.txt"
TARGETS = "2023年经济社会发展主要预期目标是："
# Misread or mistyped growth: no retail market grows fifteenfold in a year.
ODD = "社会消费品零售总额增长1500%；"


@pytest.fixture(scope="module")
def odd_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("quarantine")
    docs = root / "docs"
    docs.mkdir()
    text = SEED.read_text(encoding="utf-8")
    assert TARGETS in text
    (docs / "odd.txt").write_text(text.replace(TARGETS, TARGETS + ODD, 1), encoding="utf-8")
    warehouse = root / "data" / "warehouse.duckdb"
    lines: list[str] = []
    from ingest.run.build import build_warehouse

    result = build_warehouse([docs], warehouse, log=lines.append)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        quarantined = connection.execute(
            "select failed_value_rule, indicator_id, value, value_kind, surface, quote, char_start, char_end, "
            "report_id from fct_quarantined_values").fetchall()
        kept = connection.execute(
            "select value from fct_indicator_values where indicator_id = 'retail_sales_growth' "
            "and value_kind = 'target'").fetchall()
        text_of = dict(connection.execute("select report_id, report_text from dim_report_texts").fetchall())
        n_values = connection.execute("select count(*) from fct_indicator_values").fetchone()[0]
    return {"result": result, "lines": lines, "quarantined": quarantined, "kept": kept, "text_of": text_of,
            "n_values": n_values}


def test_the_build_succeeds_and_warns(odd_build):
    assert odd_build["result"].exit_code == exit_codes.OK
    warnings = [line for line in odd_build["lines"] if line.startswith("warning:")]
    assert warnings == [
        "warning: 1 extracted values from 1 reports quarantined by rule growth_rate_plausible "
        "(kept out of fct_indicator_values; see fct_quarantined_values or the coverage page)"]


def test_the_odd_value_is_quarantined_with_its_provenance(odd_build):
    [(rule, indicator, value, kind, surface, quote, start, end, report_id)] = odd_build["quarantined"]
    assert (rule, indicator, value, kind, surface) == ("growth_rate_plausible", "retail_sales_growth", 1500.0,
                                                       "target", "1500%")
    assert ODD.rstrip("；") in quote
    assert odd_build["text_of"][report_id][start:end] == surface


def test_the_report_keeps_its_other_values(odd_build):
    # The seed's own retail target (增长7%) is the value now; the rest of the report lands as usual.
    assert odd_build["kept"] == [(7.0,)]
    assert odd_build["n_values"] > 20

