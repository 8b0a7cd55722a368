"""Ingest as shards: 0/3, 1/3 and 2/3 landed separately and merged equal one ingest of the whole folder."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from ingest import paths
from ingest.cli import main
from ingest.land.schemas import SORT_KEYS
from ingest.run.shards import Shard, ingest_shard, landing_files, merge_landings, parse_shard, shard_of
from ingest.tools import synthetic


def _rows(landing, name: str, columns=None) -> list[dict]:
    return [row for file in paths.landed_table_files(landing, name) for row in pq.read_table(file, columns=columns).to_pylist()]


def _count(landing, name: str) -> int:
    return sum(pq.ParquetFile(file).metadata.num_rows for file in paths.landed_table_files(landing, name))


def _sorted_rows(files) -> list[dict]:
    """A table's rows from all its files, in one order whatever the files' (equal tables compare equal)."""
    rows = [row for file in files for row in pq.read_table(file).to_pylist()]
    return sorted(rows, key=lambda row: tuple((v is None, str(v)) for v in row.values()))


@pytest.fixture(scope="module")
def landings(tmp_path_factory):
    """One folder of synthetic reports (a duplicate and broken files among them) plus seeds/ (its
    statistics/), landed whole and as three shards."""
    root = tmp_path_factory.mktemp("shards")
    documents = root / "documents"
    synthetic.generate_corpus(documents, 5, 3, seed=11)
    # The same report once more, under a name whose shard is not the original's: a duplicate
    # that only the merge can see.
    original = next(p for p in sorted(documents.rglob("*.txt")) if "duplicates" not in p.parts and "broken" not in p.parts)
    home = shard_of(str(original.relative_to(documents)), 3)
    name = next(f"copies/{k}_{original.name}" for k in range(100) if shard_of(f"copies/{k}_{original.name}", 3) != home)
    (documents / name).parent.mkdir()
    (documents / name).write_bytes(original.read_bytes())
    folders = [documents, paths.SEEDS_DIR]
    single = root / "single"
    ingest_shard(folders, None, single, log=lambda message: None)
    shards = [root / f"shard_{i}" for i in range(3)]
    for i, landing in enumerate(shards):
        ingest_shard(folders, Shard(i, 3), landing, log=lambda message: None)
    merged = root / "merged"
    merge_landings(shards, merged)
    return single, shards, merged


def test_three_shards_merged_equal_one_ingest_table_by_table(landings):
    single, shards, merged = landings
    whole, combined = landing_files(single), landing_files(merged)
    assert set(combined) == set(whole)
    for name, files in whole.items():
        assert _sorted_rows(combined[name]) == _sorted_rows(files), name


def test_every_shard_holds_part_of_the_reports_and_none_holds_them_all(landings):
    single, shards, _ = landings
    total = _count(single, "reports")
    sizes = [_count(shard, "reports") for shard in shards]
    assert all(0 < size < total for size in sizes)
    assert sum(sizes) >= total  # a report read from two files in two shards is counted in both


def test_a_report_read_from_two_files_is_one_report_listing_both(landings):
    single, shards, merged = landings
    copied = [row for shard in shards for row in _rows(shard, "reports")
              if "copies/" in row["source_files"]]
    assert copied and not copied[0]["is_duplicate_source"]  # alone in its shard: only the merge sees both
    duplicates = [row for row in _rows(merged, "reports") if row["is_duplicate_source"]]
    assert duplicates and all(", " in row["source_files"] for row in duplicates)
    assert len({row["report_id"] for row in _rows(merged, "reports")}) == \
        _count(merged, "reports")


def test_merged_landing_is_sorted_by_the_tables_keys(landings):
    single, _, merged = landings
    for name in ("reports", "sentences", "metric_mentions"):
        keys = SORT_KEYS[name]
        merged_keys = [tuple(row[k] for k in keys) for row in _rows(merged, name, list(keys))]
        single_keys = [tuple(row[k] for k in keys) for row in _rows(single, name, list(keys))]
        # A single run sorts each part file; the merge writes one file, sorted whole.
        assert merged_keys == sorted(single_keys, key=lambda k: tuple((v is None, v if v is not None else 0) for v in k))


def test_shard_of_is_a_stable_hash_of_the_relative_path():
    assert shard_of("2015/330381_瑞安市.txt", 3) == shard_of("2015/330381_瑞安市.txt", 3)
    # sha256, not Python's salted hash(): the same on every machine and run.
    assert [shard_of(f"report_{i}.txt", 4) for i in range(8)] == [shard_of(f"report_{i}.txt", 4) for i in range(8)]
    assert {shard_of(f"report_{i}.txt", 4) for i in range(200)} == {0, 1, 2, 3}
    assert shard_of("a\\b.txt", 5) == shard_of("a/b.txt", 5)  # a Windows path lands in the same shard


@pytest.mark.parametrize("text", ["3/3", "-1/3", "1", "a/b", "1/0"])
def test_a_shard_outside_0_to_n_is_refused(text):
    with pytest.raises(ValueError, match="a shard is i/n"):
        parse_shard(text)


def test_cli_refuses_a_bad_shard(tmp_path, capsys):
    assert main(["ingest", "--documents", str(paths.SEEDS_DIR), "--shard", "3/3", "--landing", str(tmp_path / "l")]) == 2
    assert "a shard is i/n" in capsys.readouterr().err


def test_merge_refuses_a_folder_that_is_not_a_shard_landing(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code = main(["merge", str(tmp_path / "empty"), "--warehouse", str(tmp_path / "w.duckdb"), "--no-models"])
    assert code == 2
    assert "not a shard landing" in capsys.readouterr().err


def test_cli_shards_of_seeds_merge_into_a_warehouse_landing_even_when_one_shard_is_empty(tmp_path, capsys):
    """seeds/ holds one report: of two shards one lands nothing, and the merge still lands it once."""
    for i in range(2):
        assert main(["ingest", "--documents", str(paths.SEEDS_DIR), "--shard", f"{i}/2",
                     "--landing", str(tmp_path / f"shard_{i}")]) == 0
    sizes = [_count(tmp_path / f"shard_{i}", "reports") for i in range(2)]
    assert sorted(sizes) == [0, 1]
    warehouse = tmp_path / "w.duckdb"
    assert main(["merge", str(tmp_path / "shard_0"), str(tmp_path / "shard_1"), "--warehouse", str(warehouse), "--no-models"]) == 0
    landing = paths.landing_dir(warehouse)
    assert _count(landing, "reports") == 1
    assert _count(landing, "statistics") > 0  # seeds/statistics, from shard 0
    assert f"merged 2 shards into {landing}: 1 reports" in capsys.readouterr().out
