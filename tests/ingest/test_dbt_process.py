"""dbt made ready in a process of its own (ingest/run/dbt_process.py): it ends when it is not
needed, and a process that dies says so as a failed dbt run instead of hanging the build."""

import time

from ingest import paths
from ingest.run import dbt_process


def test_a_process_not_needed_ends_at_once(tmp_path):
    process = dbt_process.start(tmp_path / "warehouse.duckdb", wanted=True)
    started = time.monotonic()
    process.discard()  # while it imports dbt: a full build does not wait for that
    assert process._child.returncode is not None
    assert time.monotonic() - started < 1


def test_a_build_starts_none_without_a_warehouse_or_with_full(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    assert dbt_process.start_for_build(warehouse) is None  # a first build is a full one
    warehouse.touch()
    assert dbt_process.start_for_build(warehouse, full=True) is None
    process = dbt_process.start_for_build(warehouse)
    assert process is not None
    process.discard()


def test_a_process_that_died_is_a_failed_run_naming_its_exit_code(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    process = dbt_process.start(warehouse, wanted=True)
    process._child.kill()
    outcome = process.run(["build"], paths.building_file(warehouse), paths.landing_dir(warehouse),
                          paths.dbt_work_dir(warehouse))
    assert not outcome.success
    assert outcome.failures == ["dbt: its process ended with exit code -9 and no outcome"]


def test_it_runs_the_call_it_is_given(tmp_path):
    # `dbt parse` needs neither a warehouse nor a landing: the outcome comes back from the process.
    warehouse = tmp_path / "warehouse.duckdb"
    process = dbt_process.start(warehouse, wanted=True)
    outcome = process.run(["parse"], paths.building_file(warehouse), paths.landing_dir(warehouse),
                          paths.dbt_work_dir(warehouse))
    assert outcome.success, outcome.failures
    process.discard()
    assert process._child.returncode == 0


def test_its_exit_leaves_no_semaphores_for_the_tracker_to_warn_about(tmp_path, capfd):
    """dbt's spawn-context locks are named semaphores; exiting without teardown must still remove
    them, or multiprocessing's resource tracker warns about leaks in every build's output."""
    warehouse = tmp_path / "warehouse.duckdb"
    process = dbt_process.start(warehouse, wanted=True)
    outcome = process.run(["parse"], paths.building_file(warehouse), paths.landing_dir(warehouse),
                          paths.dbt_work_dir(warehouse))
    process.discard()
    assert outcome.success, outcome.failures
    time.sleep(2)  # the tracker (the process's child) writes its warning once the process is gone
    assert "leaked semaphore" not in capfd.readouterr().err
