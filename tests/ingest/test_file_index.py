"""A rebuild does not read files unchanged since the last build (their stat says so), and reads
every file that changed, even when the change keeps its size. A file that could not be read is
not read again either, while it and the readers stay the same: its error is repeated."""

import os
import shutil

import pytest

from ingest import paths
from ingest.run import file_index, pipeline

SEED = paths.SEEDS_DIR / "000_339ce46e4364fe7c.txt"
HOUR_NS = 3600 * 10**9


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (docs / name).write_text(text + name, encoding="utf-8")  # two reports: their texts differ
    (docs / "empty.txt").write_text("", encoding="utf-8")
    _age(docs)
    return docs


def _age(docs):
    """Files last modified an hour ago (a fresh file is re-read: it may change within one mtime tick)."""
    for file in docs.iterdir():
        stat = file.stat()
        os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns - HOUR_NS))


def _read_files(monkeypatch):
    read: list[str] = []
    original = pipeline.read_document

    def spy(path, source):
        read.append(source)
        return original(path, source)

    monkeypatch.setattr(pipeline, "read_document", spy)
    return read


def test_unchanged_files_are_not_read_again(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    read = _read_files(monkeypatch)
    second = pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    assert read == []
    assert (second.n_processed, second.n_reused) == (0, 2)
    assert [r.report_id for r in second.reports_found] == [r.report_id for r in first.reports_found]
    assert second.errors == first.errors == [{"source": "empty.txt", "reason": "empty.txt: empty file"}]
    assert [d.source_ref for d in second.documents if d.failed] == ["empty.txt"]


def test_an_unreadable_file_stays_remembered_build_after_build(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    for _ in range(2):
        pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    read = _read_files(monkeypatch)
    warnings: list[str] = []
    third = pipeline.ingest([folder], workers=1, cache_dir=cache, warn=warnings.append)
    assert read == [] and warnings == ["empty.txt: empty file"]
    assert third.errors == [{"source": "empty.txt", "reason": "empty.txt: empty file"}]


def test_an_unreadable_file_is_read_again_once_it_changes(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    (folder / "empty.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    read = _read_files(monkeypatch)
    again = pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    assert read == ["empty.txt"]
    assert again.errors == [] and again.n_processed == 1


def test_an_unreadable_file_is_read_again_by_other_readers(folder, tmp_path, monkeypatch):
    """New reader code or a new version of a parsing package may read what the old could not."""
    cache = tmp_path / "cache"
    pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    monkeypatch.setattr(file_index, "reader_version", lambda: "unreadable:other readers")
    read = _read_files(monkeypatch)
    again = pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    assert read == ["empty.txt"]
    assert again.errors == [{"source": "empty.txt", "reason": "empty.txt: empty file"}]


def test_the_readers_version_follows_their_code(tmp_path, monkeypatch):
    readers = tmp_path / "ingest" / "readers"
    readers.mkdir(parents=True)
    (readers / "txt.py").write_text("A = 1\n")
    monkeypatch.setattr(file_index.paths, "PROJECT_ROOT", tmp_path)
    file_index.reader_version.cache_clear()
    first = file_index.reader_version()
    (readers / "txt.py").write_text("A = 2\n")
    file_index.reader_version.cache_clear()
    assert file_index.reader_version() != first
    file_index.reader_version.cache_clear()


def test_the_readers_version_follows_what_they_import(tmp_path, monkeypatch):
    (tmp_path / "ingest" / "readers").mkdir(parents=True)
    (tmp_path / "ingest" / "readers" / "txt.py").write_text("from ingest import encodings\n")
    (tmp_path / "ingest" / "encodings.py").write_text("ORDER = ['utf-8']\n")
    monkeypatch.setattr(file_index.paths, "PROJECT_ROOT", tmp_path)
    file_index.reader_version.cache_clear()
    first = file_index.reader_version()
    (tmp_path / "ingest" / "encodings.py").write_text("ORDER = ['utf-8', 'gb18030']\n")
    file_index.reader_version.cache_clear()
    assert file_index.reader_version() != first
    file_index.reader_version.cache_clear()


def test_a_changed_file_is_read_even_at_the_same_size(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    file = folder / "a.txt"
    text = file.read_text(encoding="utf-8")
    file.write_text(text[:-5] + "x.txt", encoding="utf-8")  # same length, new content
    read = _read_files(monkeypatch)
    again = pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    assert read == ["a.txt"]
    assert (again.n_processed, again.n_reused) == (1, 1)


def test_a_new_sidecar_makes_its_file_read_again(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    (folder / "b.meta.yml").write_text("place: 瑞安市\nyear: 2023\n", encoding="utf-8")
    read = _read_files(monkeypatch)
    pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    assert read == ["b.txt"]


def test_a_file_moved_to_another_name_is_read_under_its_new_name(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    shutil.move(folder / "b.txt", folder / "c.txt")
    read = _read_files(monkeypatch)
    again = pipeline.ingest([folder], workers=1, cache_dir=cache, warn=lambda _: None)
    assert read == ["c.txt"]
    assert again.n_processed == 1  # read and processed again: identification reads its name
    assert sorted(d.source_ref for d in again.documents) == ["a.txt", "c.txt", "empty.txt"]
