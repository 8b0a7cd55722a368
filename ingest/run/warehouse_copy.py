"""A copy of the warehouse in place, made in the background while documents are ingested.

An incremental build's models start from a copy of the warehouse (the file in place stays
readable until the new one is whole); at 10,000 reports the file is about 1 GB and copying it
takes seconds, which the ingest and landing of a few documents can hide: the copy is the
kernel's work, not Python's. (dbt is imported meanwhile too, in a process of its own:
dbt_process.py.)
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from ingest import paths


class WarehouseCopy:
    def __init__(self, warehouse: Path):
        self.folder = paths.warehouse_copy_dir(warehouse)
        shutil.rmtree(self.folder, ignore_errors=True)  # a killed build's
        self.folder.mkdir(parents=True)
        self.file = self.folder / warehouse.name
        self.error: OSError | None = None
        self._thread = threading.Thread(target=self._copy, args=(warehouse,), name="warehouse-copy", daemon=True)
        self._thread.start()

    def _copy(self, warehouse: Path) -> None:
        try:
            shutil.copyfile(warehouse, self.file)
        except OSError as error:
            self.error = error

    def move_to(self, destination: Path) -> bool:
        """Wait for the copy and move it to `destination`; False if it could not be made."""
        self._thread.join()
        moved = self.error is None
        if moved:
            self.file.replace(destination)
        shutil.rmtree(self.folder, ignore_errors=True)
        return moved

    def discard(self) -> None:
        self._thread.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def start(warehouse: Path, wanted: bool) -> WarehouseCopy | None:
    """A copy of the warehouse when the build may be incremental; otherwise none, and none a killed
    build left behind."""
    if wanted:
        return WarehouseCopy(warehouse)
    shutil.rmtree(paths.warehouse_copy_dir(warehouse), ignore_errors=True)
    return None
