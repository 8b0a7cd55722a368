"""Which files are unchanged since the last build, told by their stat, so a rebuild reads and
hashes only the new and changed ones (at 10,000 reports, reading and hashing every file took most
of a one-report rebuild).

The index lives in the result store's version folder: entries of another code version go with
it. A file is trusted unchanged when its size, mtime (to the nanosecond) and its sidecar's are as
recorded, it was last modified well before the index was written (an edit in the same clock tick
as the last build is not missed), and every entry it led to is still in the store. Anything else
reads the file as before; the store stays the truth about content.

A file that could not be read at all is remembered too, with its reason, for as long as the
readers' code and packages are those that failed on it (READER_PACKAGES): a broken PDF or
workbook cost every scheduled build a reader's import and a failed parse (0.2-0.4 s each).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingest import paths
from ingest.land import parquet
from ingest.land.atomic import atomic_path
from ingest.land.store import ResultStore, code_files, version_hash
from ingest.readers.sidecar import sidecar_path

FILE_NAME = "files.parquet"
# A file modified this close to the index's writing may have changed within one mtime tick.
RACY_NS = 2_000_000_000
# Packages the readers parse with: a new version may read a file an older one could not.
READER_PACKAGES = ("openpyxl", "pypdf", "python-docx", "lxml", "pyyaml")
# The key of a file that could not be read (it has no document, so no entry in the store).
_UNREADABLE = "unreadable:"

_SCHEMA = pa.schema([
    ("path", pa.string()), ("source", pa.string()), ("signature", pa.string()),
    ("source_ref", pa.string()), ("content_hash", pa.string()), ("key", pa.string()),
    ("report_id", pa.string()), ("error", pa.string()), ("written_ns", pa.int64()),
])


@dataclass(frozen=True)
class KnownDocument:
    """A document of an unchanged file: what the last build found, without reading it."""

    source_ref: str
    content_hash: str
    key: str
    report_id: str | None
    error: str | None  # the stored reason (without a file name), as in the store's summary

    @property
    def summary(self) -> dict:
        return {"error": self.error, "report_id": self.report_id}


def signature(path: Path) -> tuple[str, int]:
    """(size:mtime of the file and of its sidecar, the file's mtime)."""
    stat = os.stat(path)
    parts = [f"{stat.st_size}:{stat.st_mtime_ns}"]
    sidecar = sidecar_path(path)
    if sidecar is not None:
        side = os.stat(sidecar)
        parts.append(f"{sidecar.name}:{side.st_size}:{side.st_mtime_ns}")
        latest = max(stat.st_mtime_ns, side.st_mtime_ns)
    else:
        latest = stat.st_mtime_ns
    return "|".join(parts), latest


@lru_cache(maxsize=1)
def reader_version() -> str:
    """Hash of the readers' code (every reader module, which ingest.readers imports by name, and
    what they import) and packages: a remembered read failure holds only under it."""
    readers = [f"ingest.readers.{file.stem}" for file in sorted((paths.PROJECT_ROOT / "ingest" / "readers").glob("*.py"))]
    return _UNREADABLE + version_hash(code_files(readers), READER_PACKAGES)


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class FileIndex:
    def __init__(self, store: ResultStore):
        self.store = store
        self.file = store.folder / FILE_NAME
        self._previous: dict[str, list[dict]] = {}
        try:
            for row in parquet.read_rows(self.file, _SCHEMA):
                self._previous.setdefault(row["path"], []).append(row)
        except (OSError, pa.ArrowException):
            pass
        self._rows: list[dict] = []
        self._files: dict[str, tuple[str, str]] = {}  # source → (path, signature) read this build

    def known(self, path: Path, source: str) -> list[KnownDocument] | str | None:
        """What the last build found in the file, if it is unchanged since: its documents, or why
        it could not be read (only while the readers are the same; the reason is kept for the next
        build as well); else None: read it."""
        rows = self._previous.get(str(path))
        if not rows or rows[0]["source"] != source:
            return None
        try:
            sig, latest = signature(path)
        except OSError:
            return None
        if sig != rows[0]["signature"] or latest >= rows[0]["written_ns"] - RACY_NS:
            return None
        unreadable = rows[0]["key"].startswith(_UNREADABLE)
        if not (rows[0]["key"] == reader_version() if unreadable else all(self.store.has(row["key"]) for row in rows)):
            return None
        self._files[source] = (str(path), sig)
        if unreadable:
            self.unreadable(source, rows[0]["error"])
            return rows[0]["error"]
        return [KnownDocument(r["source_ref"], r["content_hash"], r["key"], r["report_id"], r["error"]) for r in rows]

    def reading(self, path: Path, source: str) -> None:
        """Called before a file is read: its stat as of now (an edit during the build shows next time)."""
        try:
            self._files[source] = (str(path), signature(path)[0])
        except OSError:
            pass

    def unreadable(self, source: str, reason: str) -> None:
        """A file that could not be read (called after `reading`), and the one-line reason."""
        self._remember(source, source, "", reader_version(), None, reason)

    def add(self, source: str, source_ref: str, content_hash: str | None, key: str, summary: dict) -> None:
        """One document's outcome, for the next build."""
        if content_hash:
            self._remember(source, source_ref, content_hash, key, summary.get("report_id"), summary.get("error"))

    def _remember(self, source: str, source_ref: str, content_hash: str, key: str, report_id: str | None,
                  error: str | None) -> None:
        if source in self._files:
            path, sig = self._files[source]
            if not (_utf8(path) and _utf8(source_ref) and (error is None or _utf8(error))):
                return  # a name that is not UTF-8 (os.fsdecode's surrogates): read again next time
            self._rows.append({"path": path, "source": source, "signature": sig, "source_ref": source_ref,
                               "content_hash": content_hash, "key": key, "report_id": report_id, "error": error})

    def write(self) -> None:
        written = time.time_ns()
        rows = [{**row, "written_ns": written} for row in self._rows]
        with atomic_path(self.file) as temporary:
            pq.write_table(pa.Table.from_pylist(rows, schema=_SCHEMA), temporary, compression="zstd")
