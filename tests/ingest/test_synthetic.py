"""The synthetic corpus generator: deterministic, realistic enough to attribute, with bad files."""

import subprocess
import sys
from pathlib import Path

from ingest.readers import find_documents, read_document
from ingest.run.process import process_document
from ingest.tools import bench, synthetic


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_seed_writes_the_same_corpus_byte_for_byte(tmp_path):
    synthetic.generate_corpus(tmp_path / "a", 3, 2, seed=5)
    synthetic.generate_corpus(tmp_path / "b", 3, 2, seed=5)
    synthetic.generate_corpus(tmp_path / "c", 3, 2, seed=6)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_a_corpus_holds_every_report_plus_a_duplicate_and_broken_files(tmp_path):
    truth = synthetic.generate_corpus(tmp_path, 5, 3, seed=5)
    assert len(truth) == 15
    assert {r.year for r in truth} == {2015, 2016, 2017}
    assert sorted(p.name for p in (tmp_path / "broken").iterdir()) == [
        "corrupt.pdf", "empty.txt", "junk.txt", "notice.txt", "truncated.xlsx"]
    assert len(list((tmp_path / "duplicates").iterdir())) == 1


def test_generated_reports_are_attributed_to_the_place_and_year_they_were_written_for(tmp_path):
    truth = {(r.file, r.row): r for r in synthetic.generate_corpus(tmp_path, 4, 2, seed=3)}
    hits = 0
    for path, source in find_documents([tmp_path]):
        if source.startswith(("broken", "duplicates")):
            continue
        for document in read_document(path, source):
            expected = truth[(document.source_file, document.source_row)]
            report = process_document(document).report
            hits += (report["place_code"], report["report_year"]) == (expected.place_code, expected.year)
    assert hits >= 0.8 * len(truth)


def test_reports_have_the_review_and_targets_sections_and_numbers_in_several_forms():
    place = synthetic.choose_places(1, seed=1)[0]
    texts = [synthetic.report_text(place, year, 1, [place]) for year in range(2010, 2030)]
    joined = "\n".join(texts)
    assert all("年工作回顾" in t and "主要预期目标" in t for t in texts)
    assert "百分之" in joined and "％" in joined and "亿元" in joined and "以上" in joined and "左右" in joined


def test_peak_memory_follows_a_child_process():
    child = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(200_000_000); time.sleep(1.5)"])
    with bench.PeakMemory(child.pid) as memory:
        child.wait()
    assert memory.peak_kb > 150_000


def test_percentiles():
    values = [float(v) for v in range(1, 101)]
    assert bench._percentile(values, 0.5) in (50.0, 51.0)
    assert bench._percentile(values, 0.95) in (95.0, 96.0)
