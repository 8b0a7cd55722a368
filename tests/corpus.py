"""Which part of ../shared/corpus the integration tests build and check, read from its MANIFEST."""

from __future__ import annotations

import csv
from pathlib import Path

from ingest import paths

MANIFEST = paths.CORPUS_DIR / "MANIFEST.csv"
CORPUS_FOLDERS = ("baoding_counties", "baoding_hebei_series", "provincial_2026", "shenzhen_chain")


def in_corpus_folders(row: dict) -> bool:
    return row["file"].split("/", 1)[0] in CORPUS_FOLDERS


def manifest_rows() -> list[dict]:
    """MANIFEST rows of the tested folders. No skip when the corpus is missing: CI always has
    ../shared beside the clone, and a missing corpus must fail loudly."""
    with MANIFEST.open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if in_corpus_folders(row)]


def corpus_view(folder: Path) -> Path:
    """A folder that holds links to the tested corpus folders, so their documents keep the names
    they have under ../shared/corpus (provincial_2026/…) when it is built."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in CORPUS_FOLDERS:
        link = folder / name
        if not link.exists():
            link.symlink_to(paths.CORPUS_DIR / name, target_is_directory=True)
    return folder
