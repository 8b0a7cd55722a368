"""The build log: every build leaves a finished line however it ends, and the log dbt reads stays whole."""

import json
from pathlib import Path

import pytest
import yaml

from ingest import paths
from ingest.run import build, build_log, exit_codes
from ingest.run.lock import read_holder, warehouse_lock


def _disk_full(*args, **kwargs):
    raise OSError("disk full")


def test_a_build_that_crashes_is_recorded_with_its_exit_code_and_frees_the_lock(tmp_path, monkeypatch):
    warehouse = tmp_path / "warehouse.duckdb"
    monkeypatch.setattr(build.pipeline, "ingest", _disk_full)
    with pytest.raises(OSError, match="^disk full$"):
        build.build_warehouse([tmp_path], warehouse, log=lambda message: None, command="xianzhi build")
    started, line = build_log.read_log(warehouse)
    assert (started["record"], started["outcome"], started["run_id"]) == ("started", "running", line["run_id"])
    assert (line["record"], line["outcome"], line["exit_code"]) == ("finished", "crashed", exit_codes.CRASHED)
    assert line["command"] == "xianzhi build" and line["documents_added"] is None
    assert line["seconds"] >= 0 and line["finished_at"] >= line["started_at"]
    assert not warehouse.exists()
    with warehouse_lock(warehouse, "the next build"):  # nobody holds it any more
        assert read_holder(warehouse)["command"] == "the next build"


def test_ctrl_c_is_recorded_as_interrupted(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    with pytest.raises(KeyboardInterrupt), build_log.recorded(warehouse, "xianzhi build") as run:
        build_log.append(warehouse, run.line("landed"))
        raise KeyboardInterrupt
    started, landed, finished = build_log.read_log(warehouse)
    assert [line["record"] for line in (started, landed, finished)] == list(build_log.RECORDS)
    assert landed["outcome"] == "running" and landed["finished_at"] is None
    assert (finished["outcome"], finished["exit_code"]) == ("interrupted", exit_codes.INTERRUPTED)
    assert started["run_id"] == finished["run_id"]


def test_a_block_that_never_says_how_it_ended_is_not_recorded_as_a_success(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    with build_log.recorded(warehouse, "xianzhi build"):
        pass
    assert build_log.read_log(warehouse)[-1]["outcome"] == "crashed"


def test_lines_are_appended_and_the_file_is_replaced_whole(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    for outcome, code in (("ok", 0), ("dbt_failed", 1)):
        with build_log.recorded(warehouse, "xianzhi build") as run:
            run.finish(outcome, code)
    lines = paths.build_log_file(warehouse).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["outcome"] for line in lines] == ["running", "ok", "running", "dbt_failed"]
    assert all(tuple(json.loads(line)) == build_log.FIELDS for line in lines)
    assert not list(paths.landing_dir(warehouse).glob(".*.tmp"))


def _source_columns() -> list[str]:
    sources = yaml.safe_load((paths.DBT_PROJECT_DIR / "models" / "staging" / "_landing__sources.yml").read_text())
    [table] = [t for t in sources["sources"][0]["tables"] if t["name"] == "build_runs"]
    location = table["meta"]["external_location"]
    return [part.split("'")[1] for part in location.split("columns = {", 1)[1].split(",") if ":" in part]


def test_dbt_reads_every_field_the_log_writes():
    assert _source_columns() == list(build_log.FIELDS)


def test_the_outcomes_dbt_accepts_are_the_ones_the_build_writes():
    marts = yaml.safe_load((paths.DBT_PROJECT_DIR / "models" / "marts" / "_fct_build_runs.yml").read_text())
    [checks] = [t["row_checks"]["arguments"] for t in marts["models"][0]["data_tests"] if "row_checks" in t]
    assert tuple(checks["accepted_values"]["outcome"]) == build_log.OUTCOMES


def test_the_current_command_reads_as_typed(monkeypatch):
    monkeypatch.setattr("sys.argv", [str(Path("/opt/x/.venv/bin/xianzhi")), "build", "--documents", "我的 报告"])
    assert build_log.current_command() == "xianzhi build --documents '我的 报告'"


def test_a_folder_with_the_old_shared_landing_is_told_it_is_no_longer_read(tmp_path, monkeypatch):
    (tmp_path / "landing").mkdir()  # what every warehouse of this folder used to share
    monkeypatch.setattr(build.pipeline, "ingest", _disk_full)
    messages: list[str] = []
    with pytest.raises(OSError):
        build.build_warehouse([tmp_path], tmp_path / "warehouse.duckdb", log=messages.append, command="xianzhi build")
    assert messages == [f"note: {tmp_path / 'landing'} is the landing every warehouse of this folder used to share; "
                        "it is no longer read (warehouse.duckdb now has warehouse.landing/): load statistics again"]
