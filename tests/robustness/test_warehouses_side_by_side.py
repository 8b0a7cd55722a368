"""Two warehouses in one folder, as a user following the README builds them: each owns its landing,
so building, rebuilding or loading statistics into one never changes the other. On the way, a
removed document leaves, a changed one replaces its rows, a failed build keeps the old warehouse,
and fct_build_runs records every build."""

import hashlib
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from ingest import paths
from ingest.cli import main
from ingest.land import parquet
from ingest.run import build_log, exit_codes
from ingest.sources.statistics import FROM_STATS_LOAD
from ingest.tools import synthetic

pytestmark = pytest.mark.integration

ADDED_SENTENCE = "全年新增城镇就业12345人。"


def _state(warehouse: Path) -> dict:
    """Everything a build of this warehouse may write: the file (as a file: a swap is a new inode)
    and every file under its landing folder, cache and logs included."""
    stat = warehouse.stat()
    landing = paths.landing_dir(warehouse)
    files = {str(f.relative_to(landing)): hashlib.sha256(f.read_bytes()).hexdigest()
             for f in sorted(landing.rglob("*")) if f.is_file()}
    return {"warehouse": (stat.st_ino, stat.st_mtime_ns, stat.st_size), "landing": files}


def _read(warehouse: Path, sql: str, params=()) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql, list(params)).fetchall()


def _build(folder: Path, warehouse: Path) -> int:
    return main(["build", "--documents", str(folder), "--warehouse", str(warehouse)])


def _change_review(file: Path) -> None:
    """Add a sentence to the report's review of last year: new body, new report_id, one more sentence."""
    lines = file.read_text(encoding="utf-8").split("\n")
    review = next(i for i, line in enumerate(lines) if line.endswith("年工作回顾"))
    lines.insert(review + 2, ADDED_SENTENCE)
    file.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def side_by_side(tmp_path_factory, small_corpus):
    root = tmp_path_factory.mktemp("side_by_side")
    docs_a = shutil.copytree(small_corpus, root / "docs_a")
    docs_b = root / "docs_b"
    synthetic.generate_corpus(docs_b, 2, 1, seed=21)
    a, b = root / "data" / "corpus.duckdb", root / "data" / "warehouse.duckdb"  # one folder, as in the README
    states: dict[str, dict] = {}
    codes: dict[str, int] = {}

    codes["a1"] = _build(docs_a, a)
    states["a1"] = _state(a)
    reports_a1 = dict(_read(a, "select source_files, report_id from dim_reports"))
    codes["b1"] = _build(docs_b, b)
    states["b1"], states["a_after_b1"] = _state(b), _state(a)

    # Edit A's folder: one report removed, one changed, one added; then rebuild A.
    single = sorted(s for s in reports_a1 if "," not in s and s.endswith(".txt") and not s.startswith("duplicates/"))
    removed, changed = single[0], single[1]
    (docs_a / removed).unlink()
    _change_review(docs_a / changed)
    synthetic.extra_report(docs_a, seed=7)
    codes["a2"] = _build(docs_a, a)
    states["a2"], states["b_after_a2"] = _state(a), _state(b)

    # B's statistics broken by hand (a value twice, as if an earlier load of the panel had landed
    # it so): dbt fails, B's old warehouse stays; loading the panel again replaces those rows.
    panel = paths.STATS_DIR / "county_statistics_panel.csv"
    row = {"place_code": "330381", "indicator_id": "gdp", "reference_year": 2022, "value": 1.0, "unit": "CNY",
           "source_county": "瑞安市", "source_province": "浙江省", "source_column": "gdp",
           "source_file": panel.name, "source_name": "panel", "vintage": "2022", "origin": FROM_STATS_LOAD}
    parquet.write_table(paths.landing_dir(b), "statistics", [row, row])
    codes["b2"] = _build(docs_b, b)
    states["b2"] = _state(b)
    states["b2_rows"] = _read(b, "select outcome from fct_build_runs")
    # Then a real statistics load on B, which rebuilds B's models.
    codes["b_stats"] = main(["stats", "load", str(panel), "--warehouse", str(b)])
    states["a_after_b_stats"] = _state(a)
    return {"a": a, "b": b, "docs_a": docs_a, "docs_b": docs_b, "codes": codes, "states": states,
            "reports_a1": reports_a1, "removed": removed, "changed": changed}


def test_every_build_exits_as_documented(side_by_side):
    assert side_by_side["codes"] == {"a1": 0, "b1": 0, "a2": 0, "b2": exit_codes.DBT_FAILED, "b_stats": 0}


def test_each_warehouse_lands_in_its_own_folder_and_holds_only_its_documents(side_by_side):
    a, b = side_by_side["a"], side_by_side["b"]
    assert paths.landing_dir(a) == a.parent / "corpus.landing"
    assert paths.landing_dir(b) == b.parent / "warehouse.landing"
    assert not paths.legacy_landing_dir(a).exists()  # nobody lands in the old shared folder
    places_a = {code for (code,) in _read(a, "select place_code from dim_reports")}
    places_b = {code for (code,) in _read(b, "select place_code from dim_reports")}
    assert places_a and places_b and not places_a & places_b
    sources_b = [s for (s,) in _read(b, "select source_files from dim_reports")]
    assert all((side_by_side["docs_b"] / s.split(", ")[0].split("#")[0]).exists() for s in sources_b)
    statistics = {w: pq.read_metadata(paths.landing_dir(w) / "statistics.parquet").num_rows for w in (a, b)}
    assert statistics[a] == 0 and statistics[b] > 0  # B's statistics stayed B's


def test_building_one_warehouse_never_changes_the_other(side_by_side):
    states = side_by_side["states"]
    assert states["a_after_b1"] == states["a1"]  # building B left A alone
    assert states["b_after_a2"] == states["b1"]  # rebuilding A left B alone
    assert states["a_after_b_stats"] == states["a2"]  # a failed build and a statistics load of B too


def test_a_failed_build_keeps_the_previous_warehouse(side_by_side):
    b = side_by_side["b"]
    assert side_by_side["states"]["b2"]["warehouse"] == side_by_side["states"]["b1"]["warehouse"]
    assert (paths.failed_dir(b) / b.name).exists()
    # …whole: not a row of the failed build in it (dbt run in-process once wrote into the live file).
    assert side_by_side["states"]["b2_rows"] == [("running",)]


def test_a_removed_document_leaves_and_a_changed_one_replaces_its_rows(side_by_side):
    a, before = side_by_side["a"], side_by_side["reports_a1"]
    gone, old_changed = before[side_by_side["removed"]], before[side_by_side["changed"]]
    now = dict(_read(a, "select source_files, report_id from dim_reports"))
    assert side_by_side["removed"] not in now
    new_changed = now[side_by_side["changed"]]
    assert new_changed != old_changed
    for table in ("dim_reports", "dim_report_texts", "fct_report_sentences", "fct_metric_mentions",
                  "fct_indicator_values", "fct_report_terms"):
        left = _read(a, f"select count(*) from {table} where report_id in (?, ?)", [gone, old_changed])
        assert left == [(0,)], f"{table} keeps rows of a removed or replaced report"
    added = _read(a, "select count(*) from fct_report_sentences where report_id = ? and sentence_text = ?",
                  [new_changed, ADDED_SENTENCE])
    assert added == [(1,)]
    assert _read(a, "select count(*) from fct_metric_mentions where report_id = ?", [new_changed])[0][0] > 0
    assert len(now) == len(before)  # one removed, one added


def _runs(warehouse: Path) -> list[dict]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        frame = connection.execute("select * from fct_build_runs order by started_at").df()
    return frame.to_dict("records")


def test_fct_build_runs_counts_what_each_build_found(side_by_side):
    a = side_by_side["a"]
    first, second = _runs(a)
    n_documents = first["documents_added"]
    assert first["outcome"] == "ok" and first["exit_code"] == 0 and not first["is_this_warehouse"]
    assert first["dbt_tests_passed"] > 100 and first["dbt_tests_failed"] == 0
    assert first["documents_failed"] > 0 and first["reports_landed"] == len(side_by_side["reports_a1"])
    assert first["seconds"] > 0 and first["command"].startswith("xianzhi build --documents ")
    # The build that made this warehouse: recorded before its dbt run, its counts from ingest.
    assert second["outcome"] == "running" and second["is_this_warehouse"]
    assert (second["documents_added"], second["documents_changed"], second["documents_removed"],
            second["documents_unchanged"]) == (1, 1, 1, n_documents - 2)
    assert pd.isna(second["dbt_tests_passed"]) and pd.isna(second["exit_code"])
    # …and its finished line is in the log at once.
    assert build_log.read_log(a)[-1]["outcome"] == "ok"


def test_a_failed_build_and_a_statistics_load_are_recorded(side_by_side):
    b = side_by_side["b"]
    built, failed, stats = _runs(b)
    assert built["outcome"] == "ok"
    assert failed["outcome"] == "dbt_failed" and failed["exit_code"] == exit_codes.DBT_FAILED
    assert failed["dbt_tests_failed"] >= 1 and failed["documents_unchanged"] == built["documents_added"]
    assert stats["is_this_warehouse"] and stats["command"].startswith("xianzhi stats load ")
    assert pd.isna(stats["documents_added"])  # a statistics load reads no documents
    assert stats["reports_landed"] == built["reports_landed"]
