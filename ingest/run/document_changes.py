"""What changed in the folders since the last build: documents added, changed, removed, unchanged, failed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingest.land import parquet
from ingest.land.atomic import atomic_path

_SCHEMA = pa.schema([("source_ref", pa.string()), ("content_hash", pa.string()), ("failed", pa.bool_())])


@dataclass(frozen=True)
class DocumentSeen:
    """One document a build read: its source as named now, its content hash (None when it could
    not be read at all) and whether it failed."""

    source_ref: str
    content_hash: str | None
    failed: bool = False


@dataclass(frozen=True)
class DocumentChanges:
    """added + changed + unchanged = the documents this build read; removed = last build's that
    are gone; failed = this build's that could not be read or attributed (counted in the others too)."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: int = 0


def compare(previous: list[DocumentSeen], current: list[DocumentSeen]) -> DocumentChanges:
    """Documents are matched by source (a renamed file is one removed and one added); the same
    content under the same source is unchanged. Two folders may hold the same relative name, so
    sources are counted, not assumed unique."""
    before = Counter((d.source_ref, d.content_hash) for d in previous)
    now = Counter((d.source_ref, d.content_hash) for d in current)
    same = before & now
    gone, new = Counter(s for s, _ in (before - same).elements()), Counter(s for s, _ in (now - same).elements())
    changed = sum((gone & new).values())
    return DocumentChanges(
        added=sum(new.values()) - changed,
        changed=changed,
        removed=sum(gone.values()) - changed,
        unchanged=sum(same.values()),
        failed=sum(d.failed for d in current),
    )


def read_documents(file: Path) -> list[DocumentSeen]:
    """The documents a build recorded ([] before the first build, or when the record is unreadable)."""
    try:
        rows = parquet.read_rows(file, _SCHEMA)
    except (OSError, pa.ArrowException):
        return []
    return [DocumentSeen(row["source_ref"], row["content_hash"], bool(row["failed"])) for row in rows]


def write_documents(file: Path, documents: list[DocumentSeen]) -> None:
    rows = sorted(({"source_ref": d.source_ref, "content_hash": d.content_hash, "failed": d.failed}
                   for d in documents), key=lambda row: (row["source_ref"], row["content_hash"] or ""))
    with atomic_path(Path(file)) as temporary:
        pq.write_table(pa.Table.from_pylist(rows, schema=_SCHEMA), temporary, compression="zstd")
