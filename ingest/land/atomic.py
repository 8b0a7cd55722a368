"""The one way anything under landing/ is written: to a temporary file beside the target, renamed over it when whole."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A fresh temporary path beside ``target`` (``.<stem>.<random><suffix>.tmp``); when the block
    ends without an error it replaces ``target`` in one rename, otherwise it is removed. A killed
    process leaves at most a temporary file, never half a target."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f"{target.suffix}{TEMPORARY_SUFFIX}",
                                         dir=target.parent)
    os.close(handle)
    try:
        yield Path(temporary)
        os.replace(temporary, target)  # atomic on one file system
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files a killed process left in ``folder``."""
    for stale in Path(folder).glob(f".*{TEMPORARY_SUFFIX}"):
        stale.unlink(missing_ok=True)
