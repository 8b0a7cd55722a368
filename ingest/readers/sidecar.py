"""Reads the optional <name>.meta.yml beside a document: curated title, url, date, place and year."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from ingest.records import Document, ReaderError

SIDECAR_SUFFIX = ".meta.yml"
KNOWN_KEYS = ("title", "url", "date", "place", "year")


def sidecar_path(document_path: Path) -> Path | None:
    """report.pdf → report.meta.yml (or report.pdf.meta.yml), whichever exists."""
    # os.path on strings: a build asks this of every file in the folders (10,000 and more), and
    # pathlib's objects were most of the time a build with one new report spent finding it.
    path = os.fspath(document_path)
    for candidate in (os.path.splitext(path)[0] + SIDECAR_SUFFIX, path + SIDECAR_SUFFIX):
        if os.path.isfile(candidate):
            return Path(candidate)
    return None


def read_mapping(sidecar: Path, keys: tuple[str, ...]) -> dict:
    """A .meta.yml file as a mapping; ReaderError naming the file when it is not valid YAML or not a mapping."""
    import yaml

    try:
        data = yaml.safe_load(Path(sidecar).read_text(encoding="utf-8-sig")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ReaderError(f"{Path(sidecar).name}: invalid YAML ({type(error).__name__})") from error
    if not isinstance(data, dict):
        raise ReaderError(f"{Path(sidecar).name}: expected a mapping of {', '.join(keys)}")
    return data


def read_sidecar(path: Path) -> dict:
    """The sidecar's fields (title, url, date as text, place, year as int); {} when there is none.

    ``path`` is the sidecar itself or the document it sits beside.
    """
    path = Path(path)
    sidecar = path if path.name.endswith(SIDECAR_SUFFIX) else sidecar_path(path)
    if sidecar is None or not sidecar.is_file():
        return {}
    data = read_mapping(sidecar, KNOWN_KEYS)
    meta = {key: data[key] for key in KNOWN_KEYS if data.get(key) not in (None, "")}
    if "date" in meta:
        meta["date"] = str(meta["date"])  # YAML turns 2023-02-12 into a date object
    if "year" in meta:
        try:
            meta["year"] = int(meta["year"])
        except (TypeError, ValueError):
            raise ReaderError(f"{sidecar.name}: year must be a number, not {meta['year']!r}") from None
    for key in ("title", "url", "place"):
        if key in meta:
            meta[key] = str(meta[key]).strip()
    return meta


def apply_sidecar(documents: list[Document], meta: dict) -> list[Document]:
    """Documents with the sidecar's fields as their labels; its place and year are curated (they win)."""
    if not meta:
        return documents
    return [
        dataclasses.replace(
            document,
            labelled_title=meta.get("title", document.labelled_title),
            labelled_date=meta.get("date", document.labelled_date),
            labelled_place=meta.get("place", document.labelled_place),
            labelled_year=meta.get("year", document.labelled_year),
            source_url=meta.get("url", document.source_url),
            curated_place=meta.get("place"),
            curated_year=meta.get("year"),
        )
        for document in documents
    ]
