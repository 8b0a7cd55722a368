"""The background copy an incremental build starts from: the same bytes, moved into place or
discarded, never left beside the warehouse."""

from ingest import paths
from ingest.run.warehouse_copy import WarehouseCopy


def _warehouse(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    warehouse.write_bytes(bytes(range(256)) * 4096)  # 1 MB: any file; the copy reads no format
    return warehouse


def test_the_copy_moves_into_place_with_the_warehouses_bytes(tmp_path):
    warehouse = _warehouse(tmp_path)
    building = tmp_path / "building.duckdb"
    assert WarehouseCopy(warehouse).move_to(building)
    assert building.read_bytes() == warehouse.read_bytes()
    assert not paths.warehouse_copy_dir(warehouse).exists()


def test_a_discarded_copy_leaves_nothing(tmp_path):
    warehouse = _warehouse(tmp_path)
    copy = WarehouseCopy(warehouse)
    copy.discard()
    assert not paths.warehouse_copy_dir(warehouse).exists()


def test_a_copy_that_cannot_be_made_says_so_and_leaves_nothing(tmp_path):
    warehouse = tmp_path / "gone.duckdb"  # removed after the build decided to copy it
    building = tmp_path / "building.duckdb"
    assert not WarehouseCopy(warehouse).move_to(building)
    assert not building.exists() and not paths.warehouse_copy_dir(warehouse).exists()


def test_a_killed_builds_copy_is_replaced(tmp_path):
    warehouse = _warehouse(tmp_path)
    leftover = paths.warehouse_copy_dir(warehouse) / warehouse.name
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"half a copy")
    building = tmp_path / "building.duckdb"
    assert WarehouseCopy(warehouse).move_to(building)
    assert building.read_bytes() == warehouse.read_bytes()
