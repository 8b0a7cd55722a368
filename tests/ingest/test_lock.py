"""One build at a time per warehouse: the lock names its holder and is released when the holder dies."""

import os
import signal
import socket
import subprocess
import sys
import textwrap

import pytest

from ingest import paths
from ingest.run.lock import WarehouseLocked, describe_holder, read_holder, warehouse_lock

_HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from ingest.run.lock import warehouse_lock
    with warehouse_lock(Path(sys.argv[1]), "xianzhi build --documents reports"):
        print("held", flush=True)
        time.sleep(600)
""")


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock of tmp_path/warehouse.duckdb."""
    warehouse = tmp_path / "warehouse.duckdb"
    process = subprocess.Popen([sys.executable, "-c", _HOLD, str(warehouse)], stdout=subprocess.PIPE, text=True,
                               env=dict(os.environ, PYTHONPATH=str(paths.PROJECT_ROOT)))
    assert process.stdout.readline().strip() == "held"
    yield warehouse, process
    if process.poll() is None:
        process.kill()
    process.wait()


def test_a_second_taker_is_refused_at_once_and_told_who_holds_it(holder):
    warehouse, process = holder
    with pytest.raises(WarehouseLocked) as refused, warehouse_lock(warehouse, "xianzhi stats load panel.csv"):
        pass
    assert refused.value.holder["pid"] == process.pid
    assert refused.value.holder["host"] == socket.gethostname()
    assert refused.value.holder["command"] == "xianzhi build --documents reports"
    message = str(refused.value)
    assert message.startswith(f"{warehouse} is locked by another build: pid {process.pid} on {socket.gethostname()} since ")
    assert message.endswith("running `xianzhi build --documents reports`; try again when it finishes")


def test_a_killed_holder_leaves_no_stale_lock(holder):
    warehouse, process = holder
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert read_holder(warehouse)["pid"] == process.pid  # its name is still written…
    with warehouse_lock(warehouse, "xianzhi build"):  # …but the kernel has released its flock
        assert read_holder(warehouse)["pid"] == os.getpid()
    assert read_holder(warehouse) == {}  # released: nobody named


def test_the_lock_is_reentrant_within_one_process_and_per_warehouse(tmp_path):
    one, other = tmp_path / "one.duckdb", tmp_path / "other.duckdb"
    with warehouse_lock(one, "xianzhi stats load panel.csv"), warehouse_lock(one, "rebuild"):
        assert read_holder(one)["command"] == "xianzhi stats load panel.csv"
        with warehouse_lock(other, "xianzhi build"):
            assert paths.lock_file(other) != paths.lock_file(one)
        assert read_holder(one)["command"] == "xianzhi stats load panel.csv"  # the inner exit kept it
    assert read_holder(one) == {}


def test_a_holder_that_has_not_written_its_name_yet_is_still_reported():
    assert "has not said who it is yet" in describe_holder(paths.DEFAULT_WAREHOUSE, {})
