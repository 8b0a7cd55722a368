"""One build at a time per warehouse: an exclusive flock on the warehouse's lock file, naming its holder."""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from ingest import paths


class WarehouseLocked(Exception):
    """Another process holds the warehouse's lock; `holder` is what it wrote (pid, host, started_at, command)."""

    def __init__(self, warehouse: Path, holder: dict):
        self.warehouse, self.holder = Path(warehouse), holder
        super().__init__(describe_holder(self.warehouse, holder))


def describe_holder(warehouse: Path, holder: dict) -> str:
    """One line for the user: which warehouse, who holds it since when, and what it runs."""
    if not holder:  # it took the lock a moment ago and has not written its name yet
        return f"{warehouse} is locked by another build (it has not said who it is yet); try again when it finishes"
    return (f"{warehouse} is locked by another build: pid {holder.get('pid')} on {holder.get('host')} "
            f"since {holder.get('started_at')}, running `{holder.get('command')}`; try again when it finishes")


def read_holder(warehouse: Path) -> dict:
    """What the lock file says about its holder ({} when empty, unreadable or absent)."""
    try:
        return json.loads(paths.lock_file(warehouse).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


# Locks this process holds, by lock file: a statistics load that rebuilds the models takes the
# lock once around both steps, and the rebuild inside takes it again without locking itself out.
_held: dict[Path, list] = {}  # lock file → [file handle, depth]


@contextlib.contextmanager
def warehouse_lock(warehouse: Path, command: str) -> Iterator[None]:
    """Hold the warehouse's lock for the block, or raise WarehouseLocked at once (no waiting).

    flock belongs to the open file, so the kernel releases it when the process dies however it
    dies (a crash, SIGKILL, the machine rebooting): a stale lock file never blocks the next build.
    """
    file = paths.lock_file(warehouse)
    if file in _held:
        _held[file][1] += 1
        try:
            yield
        finally:
            _held[file][1] -= 1
        return
    file.parent.mkdir(parents=True, exist_ok=True)
    handle = open(file, "a+", encoding="utf-8")  # never truncates: the holder's name stays readable
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise WarehouseLocked(Path(warehouse), read_holder(warehouse)) from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({
            "pid": os.getpid(), "host": socket.gethostname(),
            "started_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "command": command,
        }, ensure_ascii=False))
        handle.flush()
        _held[file] = [handle, 1]
        yield
    finally:
        _held.pop(file, None)
        handle.seek(0)
        handle.truncate()  # an empty file: nobody holds it
        handle.close()  # releases the flock
