"""Landing: schemas enforced, writes atomic and deterministic."""

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ingest.land import parquet as landing


def _error_rows():
    return [{"source": "b.txt", "reason": "b.txt: empty file"}, {"source": "a.txt", "reason": "a.txt: binary"}]


def test_write_table_sorts_rows_and_applies_the_schema(tmp_path: Path):
    path = landing.write_table(tmp_path, "ingest_errors", _error_rows())
    table = pq.read_table(path)
    assert table.schema.names == ["source", "reason"]
    assert table.column("source").to_pylist() == ["a.txt", "b.txt"]


def test_building_twice_gives_identical_files(tmp_path: Path):
    first = landing.write_table(tmp_path / "one", "ingest_errors", _error_rows()).read_bytes()
    second = landing.write_table(tmp_path / "two", "ingest_errors", list(reversed(_error_rows()))).read_bytes()
    assert first == second


def test_a_failed_write_leaves_the_previous_file_whole(tmp_path: Path):
    landing.write_table(tmp_path, "ingest_errors", _error_rows())
    before = (tmp_path / "ingest_errors.parquet").read_bytes()
    with pytest.raises(pa.ArrowTypeError, match="Expected bytes, got a 'complex' object"):
        landing.write_table(tmp_path, "ingest_errors", [{"source": 1.5j, "reason": None}])
    assert (tmp_path / "ingest_errors.parquet").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["ingest_errors.parquet"]
