"""Rebuilds: one added or changed report is the only one processed again, and landing twice
gives the same tables byte for byte; a crash while landing leaves the old files whole."""

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ingest import paths
from ingest.land import parquet
from ingest.run.build import reference_tables
from ingest.run.pipeline import ingest, land
from ingest.tools import synthetic


def _land(folder: Path, landing: Path, cache_dir: Path):
    result = ingest([folder], workers=2, warn=lambda message: None, cache_dir=cache_dir)
    land(result, landing, reference_tables())
    return result


def test_a_rebuild_after_adding_one_report_processes_only_that_report(small_corpus, tmp_path):
    corpus = shutil.copytree(small_corpus, tmp_path / "corpus")
    store = tmp_path / "cache"
    first = ingest([corpus], workers=2, warn=lambda message: None, cache_dir=store)
    assert first.n_processed > 8 and first.n_reused == 0

    synthetic.extra_report(corpus, seed=7)
    second = ingest([corpus], workers=2, warn=lambda message: None, cache_dir=store)
    assert second.n_processed == 1
    assert second.n_reused == first.n_processed + first.n_reused
    assert second.report_count == first.report_count + 1


def test_a_changed_or_renamed_report_is_processed_again_and_a_moved_one_is_not(small_corpus, tmp_path):
    corpus = shutil.copytree(small_corpus, tmp_path / "corpus")
    store = tmp_path / "cache"
    first = ingest([corpus], workers=1, warn=lambda message: None, cache_dir=store)
    changed, renamed, moved = [p for p in sorted(corpus.glob("*/*.txt")) if p.parent.name not in ("broken", "duplicates")][:3]
    changed.write_bytes(changed.read_bytes() + "附件：名词解释\n".encode("utf-8"))
    # The name is evidence of the place and year (identification reads it); the folder is not.
    renamed.rename(renamed.with_name("renamed.txt"))
    (corpus / "elsewhere").mkdir()
    moved.rename(corpus / "elsewhere" / moved.name)
    second = ingest([corpus], workers=1, warn=lambda message: None, cache_dir=store)
    assert second.n_processed == 2
    assert second.n_processed + second.n_reused == first.n_processed + first.n_reused
    sources = {source for report in second.reports for source in report["source_files"].split(", ")}
    assert any(source.endswith("renamed.txt") for source in sources)
    assert f"elsewhere/{moved.name}" in sources


def test_a_report_is_identified_the_same_whichever_of_its_copies_was_read_first(small_corpus, tmp_path):
    # A named report first, then a copy under a name that says nothing: the copy sorts first, so
    # its rows are the report's, as in a build that read both at once. When the cache ignored
    # names, the copy reused the named file's entry and kept its file-name evidence.
    [named] = [p for p in sorted(small_corpus.glob("*/*.txt")) if p.parent.name not in ("broken", "duplicates")][:1]
    alone, both = tmp_path / "alone", tmp_path / "both"
    (alone / named.parent.name).mkdir(parents=True)
    shutil.copy(named, alone / named.parent.name / named.name)
    store = tmp_path / "cache"
    ingest([alone], workers=1, warn=lambda message: None, cache_dir=store)
    shutil.copy(named, alone / "copy.txt")
    later = ingest([alone], workers=1, warn=lambda message: None, cache_dir=store)
    shutil.copytree(alone, both)
    fresh = ingest([both], workers=1, warn=lambda message: None, cache_dir=tmp_path / "fresh_cache")
    identity = lambda result: [(r["place_code"], r["report_year"], r["identity_evidence"], r["source_files"]) for r in result.reports]  # noqa: E731
    assert len(later.reports) == 1 and later.reports[0]["is_duplicate_source"]
    assert identity(later) == identity(fresh)


def test_landing_twice_gives_identical_tables(small_corpus, tmp_path):
    _land(small_corpus, tmp_path / "a", tmp_path / "cache_a")
    _land(small_corpus, tmp_path / "b", tmp_path / "cache_b")  # processed afresh
    _land(small_corpus, tmp_path / "c", tmp_path / "cache_a")  # every document from the cache
    names = sorted(str(p.relative_to(tmp_path / "a")) for p in (tmp_path / "a").rglob("*.parquet")
                   if ".state" not in p.parts)
    assert "sentences/part-00.parquet" in names and "report_terms/part-31.parquet" in names
    for name in names:
        a = (tmp_path / "a" / name).read_bytes()
        assert a == (tmp_path / "b" / name).read_bytes() == (tmp_path / "c" / name).read_bytes(), name


def test_landed_rows_are_the_rows_ingest_found(small_corpus, tmp_path):
    result = _land(small_corpus, tmp_path / "landing", tmp_path / "cache")
    landing = tmp_path / "landing"
    reports = [row for f in paths.landed_table_files(landing, "reports") for row in pq.read_table(f).to_pylist()]
    assert sorted(reports, key=lambda r: r["report_id"]) == sorted(result.reports, key=lambda r: r["report_id"])
    for file in paths.landed_table_files(landing, "reports"):  # each report in the part its id hashes to
        assert {parquet.part_of(r) for r in pq.read_table(file).column("report_id").to_pylist()} <= {int(file.stem[-2:])}
    parts = [pq.read_table(f) for f in paths.landed_table_files(landing, "sentences")]
    assert sum(part.num_rows for part in parts) == len(result.sentences)
    for part in parts:  # sorted within a part
        assert part.column("sentence_id").to_pylist() == sorted(part.column("sentence_id").to_pylist())


def test_a_crash_while_landing_leaves_the_previous_files_whole(small_corpus, tmp_path, monkeypatch):
    landing = tmp_path / "landing"
    _land(small_corpus, landing, tmp_path / "cache")
    before = {str(p): p.read_bytes() for p in landing.rglob("*.parquet") if ".state" not in p.parts}
    result = ingest([small_corpus], workers=1, warn=lambda message: None, cache_dir=tmp_path / "cache")

    calls = {"n": 0}
    original = pq.ParquetWriter.write_table

    def crash_on_third_batch(self, table, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return original(self, table, *args, **kwargs)

    paths.landed_parts_file(landing).unlink()  # as if every part had changed: all are rewritten
    monkeypatch.setattr(pq.ParquetWriter, "write_table", crash_on_third_batch)
    with pytest.raises(OSError, match="^disk full$"):
        parquet.land_reports(result.reports_found, result.store, landing)
    assert {str(p): p.read_bytes() for p in landing.rglob("*.parquet") if ".state" not in p.parts} == before
    assert not list(landing.rglob(".*.tmp"))


def test_a_cached_error_names_the_document_by_its_current_path(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "old").mkdir(parents=True)
    (folder / "old" / "notice.txt").write_text("关于做好春节期间安全生产工作的通知\n各单位：请认真做好值班值守工作。\n",
                                               encoding="utf-8")
    first = ingest([folder], workers=1, warn=lambda message: None, cache_dir=tmp_path / "cache")
    assert first.errors == [{"source": "old/notice.txt", "reason": "old/notice.txt: no report text found"}]
    (folder / "old").rename(folder / "moved")
    second = ingest([folder], workers=1, warn=lambda message: None, cache_dir=tmp_path / "cache")
    assert (second.n_processed, second.n_reused) == (0, 1)  # the stored failure was reused, and names the file as it is now
    assert second.errors == [{"source": "moved/notice.txt", "reason": "moved/notice.txt: no report text found"}]


def test_landing_again_rewrites_only_the_parts_whose_reports_changed(small_corpus, tmp_path):
    folder = shutil.copytree(small_corpus, tmp_path / "corpus")
    landing = tmp_path / "landing"
    _land(folder, landing, tmp_path / "cache")
    before = {str(p): p.stat().st_mtime_ns for p in landing.rglob("part-*.parquet")}
    result = ingest([folder], workers=1, warn=lambda message: None, cache_dir=tmp_path / "cache")
    assert parquet.land_reports(result.reports_found, result.store, landing) == 0  # nothing changed
    added = synthetic.extra_report(folder, seed=3)
    result = ingest([folder], workers=1, warn=lambda message: None, cache_dir=tmp_path / "cache")
    assert parquet.land_reports(result.reports_found, result.store, landing) == 1
    new_id = next(r.report_id for r in result.reports_found if any(s.endswith(added.name) for s in r.sources))
    part = f"part-{parquet.part_of(new_id):02d}.parquet"
    rewritten = {p for p, mtime in before.items() if Path(p).stat().st_mtime_ns != mtime}
    assert rewritten == {str(landing / name / part) for name in paths.PARTITIONED_TABLES}
