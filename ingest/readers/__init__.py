"""Finds report documents in folders and reads each with the reader for its kind of file."""

from __future__ import annotations

import dataclasses
import importlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ingest import paths
from ingest.readers.sidecar import apply_sidecar, read_sidecar
from ingest.records import Document, ReaderError

# suffix → (module, function); modules are imported on first use so a missing optional
# reader never breaks the others.
READERS = {
    ".txt": ("ingest.readers.txt", "read_txt"),
    ".csv": ("ingest.readers.tables", "read_csv"),
    ".xlsx": ("ingest.readers.tables", "read_xlsx"),
    ".html": ("ingest.readers.html", "read_html"),
    ".htm": ("ingest.readers.html", "read_html"),
    ".pdf": ("ingest.readers.pdf", "read_pdf"),
    ".docx": ("ingest.readers.docx", "read_docx"),
}

# Files beside reports that are never reports themselves.
IGNORED_NAMES = {"README.md", "MANIFEST.csv", ".DS_Store"}

# The longest real report is about 0.2 MB of text; a single-report file 50 times that is not one
# report, and would hold a worker for minutes.
MAX_REPORT_FILE_BYTES = 10_000_000
_SINGLE_REPORT_SUFFIXES = {".txt", ".html", ".htm"}

# Characters that show nothing but split words (地区\u200b生产总值 hides 地区生产总值): zero-width
# space, non-joiner and joiner, word joiner, a BOM inside the text, the soft hyphen, and the
# left-to-right and right-to-left marks that pasted web text carries. Removed from every
# document as it is read, so the stored text and every offset into it are of the cleaned text.
INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")  # re.sub: 20 times faster than str.translate


def display_name(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 are shown as \\xNN escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def find_documents(folders: list[Path]) -> Iterator[tuple[Path, str]]:
    """Every readable file under the folders (recursively), with the name users will see."""
    for folder in folders:
        folder = Path(folder)
        if folder.is_file():
            yield folder, display_name(folder.name)
            continue
        # Strings, not pathlib objects, until a file is yielded: a build lists every file of the
        # folders (10,000 and more). Sorted by parts, as paths sort.
        prefix = os.path.join(os.fspath(folder), "")
        for path in sorted(_files_under(folder), key=lambda file: file.split(os.sep)):
            name = os.path.basename(path)
            if name in IGNORED_NAMES or name.startswith("."):
                continue
            relative = path[len(prefix):]
            if _is_statistics(relative):
                continue
            if os.path.splitext(name)[1].lower() in READERS:
                yield Path(path), display_name(relative)


def _is_statistics(relative: str) -> bool:
    """A file under the folder's statistics/ subfolder: official statistics, read by
    ingest/sources/statistics.py, never as reports."""
    parts = relative.split(os.sep)
    return len(parts) > 1 and parts[0] == paths.STATISTICS_SUBFOLDER


def _files_under(folder: Path) -> Iterator[str]:
    """Every file under the folder, following symlinked folders (each real folder once)."""
    seen: set[str] = set()
    for root, folders, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back up the tree
            folders[:] = []
            continue
        seen.add(real)
        for name in files:
            path = os.path.join(root, name)
            if os.path.isfile(path):
                yield path


def read_document(path: Path, source: str) -> list[Document]:
    """All reports in one file; raises ReaderError with a one-line reason."""
    try:
        module_name, function_name = READERS[path.suffix.lower()]
    except KeyError:
        raise ReaderError(f"{source}: unsupported file type {path.suffix!r}") from None
    if path.suffix.lower() in _SINGLE_REPORT_SUFFIXES and path.stat().st_size > MAX_REPORT_FILE_BYTES:
        raise ReaderError(
            f"{source}: too large for one report ({path.stat().st_size / 1e6:.0f} MB; the limit is "
            f"{MAX_REPORT_FILE_BYTES / 1e6:.0f} MB)"
        )
    reader = getattr(importlib.import_module(module_name), function_name)
    try:
        documents = reader(path, source)
        # A <name>.meta.yml beside the file overrides what the file claims about itself.
        return [without_invisible_characters(d) for d in apply_sidecar(documents, read_sidecar(path))]
    except ReaderError:
        raise
    except Exception as error:  # any reader failure is one document's problem, not the run's
        raise ReaderError(f"{source}: unreadable ({type(error).__name__}: {error})") from error


def without_invisible_characters(document: Document) -> Document:
    """The document with INVISIBLE_CHARACTERS removed from its text and from what it claims."""
    def clean(value):
        return _INVISIBLE.sub("", value) if isinstance(value, str) else value

    return dataclasses.replace(
        document,
        text=clean(document.text),
        labelled_place=clean(document.labelled_place),
        labelled_title=clean(document.labelled_title),
        labelled_date=clean(document.labelled_date),
        labelled_code=clean(document.labelled_code),
        source_url=clean(document.source_url),
        curated_place=clean(document.curated_place),
    )
