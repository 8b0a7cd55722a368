"""The ingest pipeline on small folders: duplicates merged, bad files reported, sidecars honoured."""

from pathlib import Path

from ingest import paths
from ingest.run.pipeline import ingest

SEED = paths.SEEDS_DIR / "000_339ce46e4364fe7c.txt"


def test_one_report_under_two_names_is_one_report_with_both_sources(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes().decode("utf-8").encode("gb18030"))
    result = ingest([tmp_path], workers=1, warn=lambda message: None)
    assert len(result.reports) == 1
    assert result.reports[0]["source_files"] == "a.txt, b.txt"
    assert result.reports[0]["is_duplicate_source"] is True
    assert {s["report_id"] for s in result.sentences} == {result.reports[0]["report_id"]}


def test_a_bad_document_is_named_and_the_run_goes_on(tmp_path: Path):
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 4)
    warnings: list[str] = []
    result = ingest([tmp_path], workers=1, warn=warnings.append)
    assert [r["place_code"] for r in result.reports] == ["330381"]
    assert sorted(e["source"] for e in result.errors) == ["empty.txt", "junk.txt"]
    assert all("\n" not in w and w.split(":")[0] in ("empty.txt", "junk.txt") for w in warnings)


def test_mentions_point_into_the_stored_text(tmp_path: Path):
    (tmp_path / "r.txt").write_bytes(SEED.read_bytes())
    result = ingest([tmp_path], workers=1)
    text = result.reports[0]["report_text"]
    assert result.mentions
    for mention in result.mentions:
        assert text[mention["char_start"] : mention["char_end"]] == mention["surface"]


def test_a_sidecar_overrides_the_year_the_text_gives(tmp_path: Path):
    (tmp_path / "r.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "r.meta.yml").write_text("year: 2024\ntitle: 测试标题\n", encoding="utf-8")
    result = ingest([tmp_path], workers=1)
    [report] = result.reports
    assert report["report_year"] == 2024
    assert report["labelled_year"] == 2024
