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


def test_uncertain_reports_are_listed_and_a_functional_area_lands_without_a_code(tmp_path: Path):
    from ingest.run.build import reference_tables, uncertain_reports
    from ingest.run.pipeline import land

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "000_seed.txt").write_bytes(SEED.read_bytes())
    zone = "各位代表：\n现在，我代表新区管委会向大会报告工作。\n" + "大鹏新区生态保护持续加强，全新区旅游收入增长8%。" * 10
    (folder / "大鹏新区2022年管委会工作报告_2022.txt").write_text(zone, encoding="utf-8")
    body_only = "各位代表：\n" + "坪山区经济平稳增长，坪山区民生持续改善。" * 8
    (folder / "report.txt").write_text(body_only, encoding="utf-8")
    result = ingest([folder], workers=1, warn=lambda message: None)
    by_source = {r["source_files"]: r for r in result.reports}
    assert by_source["000_seed.txt"]["place_confidence"] == "high"
    zone_row = by_source["大鹏新区2022年管委会工作报告_2022.txt"]
    assert (zone_row["place_code"], zone_row["functional_area"], zone_row["place_confidence"]) == (None, "大鹏新区", "low")
    land(result, tmp_path / "landing", reference_tables())
    lines = uncertain_reports(tmp_path / "landing")
    assert [line.split(":")[0] for line in lines] == ["report.txt", "大鹏新区2022年管委会工作报告_2022.txt"]
    assert "functional area 大鹏新区 (no administrative code)" in lines[1]
    assert "place low" in lines[0]
