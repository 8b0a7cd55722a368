"""A build killed at any stage leaves readable Parquet and the previous warehouse; readers keep
reading while a rebuild swaps a new warehouse in."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from ingest import paths
from ingest.land.store import ResultStore
from ingest.run import build_log
from ingest.tools import synthetic

pytestmark = pytest.mark.integration

XIANZHI = [sys.executable, "-m", "ingest.cli"]


def _build(folders: list[Path], warehouse: Path) -> subprocess.CompletedProcess:
    command = [*XIANZHI, "build", "--warehouse", str(warehouse)]
    for folder in folders:
        command += ["--documents", str(folder)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def _snapshot(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = [row[0] for row in connection.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by 1").fetchall()]
        return {table: connection.execute(f'select count(*) from "{table}"').fetchone()[0] for table in tables}


@pytest.fixture(scope="module")
def built(tmp_path_factory, small_corpus):
    """A good warehouse from the small corpus, and a larger corpus to rebuild from."""
    root = tmp_path_factory.mktemp("kill")
    warehouse = root / "warehouse.duckdb"
    done = _build([small_corpus], warehouse)
    assert done.returncode == 0, done.stderr[-2000:]
    larger = root / "larger"
    synthetic.generate_corpus(larger, 12, 2, seed=8)
    return warehouse, larger


def _wait_for(condition, process: subprocess.Popen, timeout: float = 300) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if condition():
            return True
        time.sleep(0.01)
    return False


STAGES = {
    # stage → what shows the build is in it
    "ingest": lambda w: any(paths.cache_dir(w).rglob("*.entry")) and not paths.building_dir(w).exists(),
    "land": lambda w: any(paths.landing_dir(w).glob(".*.parquet.tmp")),
    "dbt": lambda w: paths.building_dir(w).exists(),
}


@pytest.mark.parametrize("stage", list(STAGES))
def test_a_build_killed_mid_run_leaves_readable_parquet_and_the_old_warehouse(built, stage):
    warehouse, larger = built
    before = _snapshot(warehouse)
    landing = paths.landing_dir(warehouse)
    # A fresh cache each time, so the killed build has real work to do in every stage.
    for entry in paths.cache_dir(warehouse).rglob("*.entry"):
        entry.unlink()
    process = subprocess.Popen([*XIANZHI, "build", "--documents", str(larger), "--warehouse", str(warehouse)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        caught = _wait_for(lambda: STAGES[stage](warehouse), process)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the build and its worker processes
        process.wait()
    if not caught:
        pytest.skip(f"the build went past the {stage} stage before it could be caught")
    for file in landing.rglob("*.parquet"):
        if ".cache" not in file.parts:
            pq.read_table(file)  # every landed file is whole
    assert _snapshot(warehouse) == before  # the previous warehouse, untouched
    store = ResultStore(paths.cache_dir(warehouse))
    for entry in store.folder.rglob("*.entry"):
        assert store.summary(entry.stem) is not None  # no half-written cache entry either
    killed = [line for line in build_log.read_log(warehouse) if line["pid"] == process.pid]  # every line whole
    assert killed and killed[0]["record"] == "started" and "finished" not in {line["record"] for line in killed}


def test_after_kills_a_build_completes_and_matches_a_clean_one(built, tmp_path):
    warehouse, larger = built
    assert _build([larger], warehouse).returncode == 0
    clean = tmp_path / "clean.duckdb"
    assert _build([larger], clean).returncode == 0
    for name in ("reports", "sentences", "metric_mentions", "report_terms", "named_projects"):
        a = [pq.read_table(f) for f in paths.landed_table_files(paths.landing_dir(warehouse), name)]
        b = [pq.read_table(f) for f in paths.landed_table_files(paths.landing_dir(clean), name)]
        assert len(a) == len(b) and all(x.equals(y) for x, y in zip(a, b)), name
    # Alike but for the build log: the killed builds are there, each seen as interrupted.
    assert {**_snapshot(warehouse), "fct_build_runs": None} == {**_snapshot(clean), "fct_build_runs": None}
    lines = build_log.read_log(warehouse)
    unfinished = {line["run_id"] for line in lines} - {line["run_id"] for line in lines if line["record"] == "finished"}
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        runs = dict(connection.execute("select run_id, outcome from fct_build_runs where not is_this_warehouse").fetchall())
    assert {run for run, outcome in runs.items() if outcome == "interrupted"} == unfinished


def test_readers_keep_reading_while_a_rebuild_swaps_the_warehouse(built, small_corpus, tmp_path):
    warehouse, _ = built
    assert _build([small_corpus], warehouse).returncode == 0
    before = _snapshot(warehouse)["dim_reports"]
    added = tmp_path / "added"
    synthetic.extra_report(added, seed=7)

    reader = duckdb.connect(str(warehouse), read_only=True)  # held open across the swap
    errors: list[BaseException] = []
    counts: list[int] = []
    stop = threading.Event()

    def keep_reading():
        while not stop.is_set():
            try:
                counts.append(reader.execute("select count(*) from dim_reports").fetchone()[0])
            except BaseException as error:  # noqa: BLE001 — any failure is what this test looks for
                errors.append(error)
            time.sleep(0.02)

    thread = threading.Thread(target=keep_reading)
    thread.start()
    shell_reads = []
    process = subprocess.Popen([*XIANZHI, "build", "--documents", str(small_corpus), "--documents", str(added),
                                "--warehouse", str(warehouse)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while process.poll() is None:  # a DuckDB shell opening the file read-only meanwhile
        shell = subprocess.run([str(Path(sys.executable).parent / "duckdb"), "-readonly", "-csv", "-noheader",
                                str(warehouse), "-c", "select count(*) from dim_reports"], capture_output=True, text=True)
        shell_reads.append((shell.returncode, shell.stdout.strip(), shell.stderr.strip()))
        time.sleep(0.2)
    stop.set()
    thread.join()
    assert process.returncode == 0, process.stderr[-2000:]
    assert not errors
    assert counts and set(counts) == {before}  # the open connection reads the old file throughout
    assert shell_reads and all(code == 0 and out in (str(before), str(before + 1)) for code, out, _ in shell_reads), shell_reads
    reader.close()
    assert _snapshot(warehouse)["dim_reports"] == before + 1
