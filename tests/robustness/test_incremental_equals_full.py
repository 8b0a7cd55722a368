"""An incremental build gives the same warehouse as a full one, table by table: after a report is
added, after one is changed, after one is removed (and a duplicate of another is added), after
official statistics arrive (no report changes, but values, per-capita figures and peer ranks do),
the warehouse updated in place holds exactly the rows of a full build of the same folder."""

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from ingest import paths
from ingest.run import increments
from ingest.run.build import build_warehouse
from ingest.tools import synthetic
from tests.snapshot import build_digest, differences

pytestmark = pytest.mark.integration

ADDED_SENTENCE = "全年新增城镇就业12345人。"


def _change_review(file: Path) -> None:
    lines = file.read_text(encoding="utf-8").split("\n")
    review = next(i for i, line in enumerate(lines) if line.endswith("工作回顾"))
    lines.insert(review + 2, ADDED_SENTENCE)
    file.write_text("\n".join(lines), encoding="utf-8")


def _full_build(folder: Path, root: Path, name: str) -> Path:
    warehouse = root / name / "warehouse.duckdb"
    lines: list[str] = []
    result = build_warehouse([folder], warehouse, log=lines.append, full=True)
    assert result.success and "models: full build" in lines
    return warehouse


def _warehouse_digest(warehouse: Path) -> dict:
    # The landing of both is the same by construction (one folder): compare what dbt made.
    return {k: v for k, v in build_digest(warehouse).items() if not k.startswith("landing.")}


# A test of a model whose rows are one report's each, and one of a model that compares places.
PER_REPORT_TEST = "unique_stg_landing__sentences_sentence_id"
CROSS_PLACE_TEST = "row_checks_int_comparable_values"


def _reads_only_changed_reports(warehouse: Path, test_name: str) -> bool:
    """Whether the SQL dbt last ran for the test filters on the changed reports."""
    results = json.loads((paths.dbt_work_dir(warehouse) / "target" / "run_results.json").read_text(encoding="utf-8"))
    [compiled] = [r["compiled_code"] for r in results["results"] if r["unique_id"].split(".")[2] == test_name]
    return "report_id in (" in compiled


# Models rebuilt by place (macros/changed_places.sql): an incremental build inserts only the rows
# of the places it keeps in xianzhi_build.to_rebuild__<model>.
BY_PLACE_MODELS = ("int_indicator_values_deduplicated", "fct_indicator_values", "int_comparable_values",
                   "fct_target_attainment", "fct_target_outcomes", "fct_target_records", "fct_target_cascade",
                   "fct_place_year_coverage", "fct_restatements")


def _inserts_only_places_to_rebuild(warehouse: Path, model: str) -> bool:
    """Whether the model's select, as dbt last compiled it, reads only the places to rebuild."""
    [compiled] = (paths.dbt_work_dir(warehouse) / "target" / "compiled").glob(f"*/models/*/{model}.sql")
    return f"{increments.SCHEMA}.to_rebuild__{model}" in compiled.read_text(encoding="utf-8")


def _models_built(warehouse: Path) -> set[str]:
    """The models dbt built in the warehouse's last build."""
    results = json.loads((paths.dbt_work_dir(warehouse) / "target" / "run_results.json").read_text(encoding="utf-8"))
    return {r["unique_id"].split(".")[-1] for r in results["results"] if r["unique_id"].startswith("model.")}


def _tables_of_the_build_record(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return sorted(name for (name,) in connection.execute(
            "select table_name from duckdb_tables() where schema_name = ?", [increments.SCHEMA]).fetchall())


def _record(warehouse: Path) -> list[tuple]:
    """What the next incremental build compares with."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return sorted(connection.execute(
            f"select report_id, fingerprint from {increments.SCHEMA}.report_fingerprints").fetchall())


@pytest.fixture(scope="module")
def steps(tmp_path_factory, small_corpus):
    root = tmp_path_factory.mktemp("incremental")
    docs = shutil.copytree(small_corpus, root / "docs")
    shutil.copy(paths.SEEDS_DIR / "000_339ce46e4364fe7c.txt", docs / "seed.txt")
    warehouse = root / "live" / "warehouse.duckdb"
    assert build_warehouse([docs], warehouse, log=lambda _: None).success
    # Reports in the generator's place folders (not its duplicates, broken files or tables).
    singles = sorted(f for f in docs.glob("*/*.txt") if f.parts[-2] not in ("duplicates", "broken", "added"))
    assert len(singles) >= 2

    def step(name: str, edit) -> dict:
        edit()
        lines: list[str] = []
        result = build_warehouse([docs], warehouse, log=lines.append)
        models_line = next(line for line in lines if line.startswith("models:"))
        full = _full_build(docs, root, f"full_{name}")
        return {"success": result.success, "models": models_line,
                "build_record_tables": (_tables_of_the_build_record(warehouse), _tables_of_the_build_record(full)),
                "incremental": _warehouse_digest(warehouse), "full": _warehouse_digest(full),
                "records": (_record(warehouse), _record(full)),
                "models_built": _models_built(warehouse),
                "copy_left": paths.warehouse_copy_dir(warehouse).exists(),
                "scoped": {test: (_reads_only_changed_reports(warehouse, test), _reads_only_changed_reports(full, test))
                           for test in (PER_REPORT_TEST, CROSS_PLACE_TEST)},
                "by_place": {model: (_inserts_only_places_to_rebuild(warehouse, model),
                                     _inserts_only_places_to_rebuild(full, model)) for model in BY_PLACE_MODELS}}

    return {
        "added": step("added", lambda: synthetic.extra_report(docs, seed=7)),
        "changed": step("changed", lambda: _change_review(docs / "seed.txt")),
        "removed": step("removed", lambda: (singles[0].unlink(), shutil.copy(singles[1], docs / "copy_of_one.txt"))),
        "statistics": step("statistics", lambda: shutil.copytree(paths.SEEDS_DIR / "statistics", docs / "statistics")),
        "nothing": step("nothing", lambda: None),
    }


@pytest.mark.parametrize("name,n_changed", [("added", 1), ("changed", 2), ("removed", 2), ("statistics", 0), ("nothing", 0)])
def test_an_incremental_build_touches_only_the_changed_reports(steps, name, n_changed):
    step = steps[name]
    assert step["success"]
    # A changed report is a new report_id and an old one gone; a removal is the removed report and
    # the one that gained a second source.
    assert step["models"].startswith(f"models: incremental, {n_changed} of ")
    assert not step["copy_left"]  # the copy it started from was moved into place


@pytest.mark.parametrize("name", ["added", "changed", "removed", "statistics", "nothing"])
def test_the_incremental_warehouse_is_the_full_build(steps, name):
    step = steps[name]
    assert set(step["incremental"]) == set(step["full"])
    assert differences(step["full"], step["incremental"]) == []
    incremental_record, full_record = step["records"]
    assert incremental_record == full_record
    # The list of changed reports dbt read is not left in the warehouse swapped in.
    incremental_tables, full_tables = step["build_record_tables"]
    assert incremental_tables == full_tables


@pytest.mark.parametrize("name", ["added", "changed", "removed"])
def test_an_incremental_build_tests_only_the_changed_reports_rows_of_per_report_models(steps, name):
    # (incremental build, full build): the rows of the other reports passed the same tests before.
    assert steps[name]["scoped"] == {PER_REPORT_TEST: (True, False), CROSS_PLACE_TEST: (False, False)}


@pytest.mark.parametrize("name", ["added", "changed", "removed", "statistics"])
def test_models_by_place_insert_only_the_places_the_change_touches(steps, name):
    # (incremental build, full build) of each: a full build inserts every place.
    assert steps[name]["by_place"] == {model: (True, False) for model in BY_PLACE_MODELS}


def test_models_that_read_only_unchanged_reference_tables_are_not_built_again(steps):
    # The statistics arrived in one build (and changed the values places are compared on) and
    # were the same in the next.
    compared = "intermediate.int_comparable_values"
    assert steps["statistics"]["incremental"][compared] != steps["removed"]["incremental"][compared]
    assert {"stg_landing__statistics", "int_statistics_values"} <= steps["statistics"]["models_built"]
    assert not {"stg_landing__statistics", "int_statistics_values", "stg_landing__places", "dim_indicators"} & steps["nothing"]["models_built"]
    # What reads the reports or compares places is built in every build.
    assert {"fct_indicator_values", "fct_peer_benchmarks", "fct_statistics", "dim_places"} <= steps["nothing"]["models_built"]


def test_other_models_or_code_mean_a_full_build(tmp_path, monkeypatch, small_corpus):
    warehouse = tmp_path / "warehouse.duckdb"
    leftover = paths.warehouse_copy_dir(warehouse) / warehouse.name  # as a killed build leaves it
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"half a copy")
    assert build_warehouse([small_corpus], warehouse, log=lambda _: None).success
    assert not leftover.parent.exists()  # a full build has no use for it
    landing = paths.landing_dir(warehouse)
    assert increments.plan(warehouse, landing).changed_reports == ()  # the same code: nothing to rebuild
    monkeypatch.setattr(increments, "models_version", lambda: "another")
    assert increments.plan(warehouse, landing) is None
