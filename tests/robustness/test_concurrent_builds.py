"""Two scheduled builds of one warehouse at once: the second is refused, says who holds the
warehouse, exits with its own code and changes nothing; the first finishes as if alone."""

import socket
import subprocess
import sys
import time

import duckdb
import pytest

from ingest import paths
from ingest.run import exit_codes
from ingest.run.lock import read_holder

pytestmark = pytest.mark.integration

XIANZHI = [sys.executable, "-m", "ingest.cli"]


def test_a_second_build_while_one_runs_is_refused_with_the_holders_name(small_corpus, tmp_path):
    warehouse = tmp_path / "data" / "warehouse.duckdb"
    first_command = [*XIANZHI, "build", "--documents", str(small_corpus), "--warehouse", str(warehouse)]
    first = subprocess.Popen(first_command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while read_holder(warehouse).get("pid") != first.pid:
            assert first.poll() is None and time.monotonic() < deadline, "the first build never took the lock"
            time.sleep(0.05)
        second = subprocess.run([*XIANZHI, "build", "--documents", str(small_corpus), "--warehouse", str(warehouse)],
                                capture_output=True, text=True, timeout=120)
        stats = subprocess.run([*XIANZHI, "stats", "load", str(paths.STATS_DIR / "county_statistics_panel.csv"),
                                "--warehouse", str(warehouse)], capture_output=True, text=True, timeout=120)
        still_running = first.poll() is None
        out, err = first.communicate(timeout=600)
    finally:
        if first.poll() is None:
            first.kill()
    assert still_running, "the first build ended before the second could meet its lock"

    assert second.returncode == exit_codes.LOCKED, second.stderr
    [line] = second.stderr.splitlines()
    assert line.startswith(f"error: {warehouse} is locked by another build: pid {first.pid} on {socket.gethostname()} since ")
    assert line.endswith(f"running `xianzhi build --documents {small_corpus} --warehouse {warehouse}`; try again when it finishes")
    assert second.stdout == ""
    assert stats.returncode == exit_codes.LOCKED and f"pid {first.pid}" in stats.stderr
    assert "statistics:" not in stats.stdout  # refused before it landed anything

    assert first.returncode == 0, err[-2000:]
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        runs = connection.execute("select command, is_this_warehouse from fct_build_runs").fetchall()
        statistics = connection.execute("select count(*) from staging.stg_landing__statistics").fetchone()[0]
    # A refused build is not a build: only the first is recorded, and no statistics slipped in.
    assert runs == [(f"xianzhi build --documents {small_corpus} --warehouse {warehouse}", True)]
    assert statistics == 0
    assert read_holder(warehouse) == {}  # released when it ended
