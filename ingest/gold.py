"""`xianzhi eval`: builds the documents a gold folder names and scores the warehouse against it."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb

from ingest import evaluation, paths
from ingest.build import build_warehouse


def read_gold(gold_dir: Path) -> list[dict]:
    rows: list[dict] = []
    for file in sorted(Path(gold_dir).glob("*.csv")):
        with open(file, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                row["gold_file"] = file.name
                rows.append(row)
    return rows


def document_path(doc: str) -> Path:
    """Where a gold `doc` lives: seeds/ for the seed, else ../shared/corpus (a container row's
    '#label' suffix names a row of the file; the whole file is built)."""
    relative = doc.split("#", 1)[0]
    if relative.startswith("seeds/"):
        return paths.PROJECT_ROOT / relative
    return paths.CORPUS_DIR / relative


def warehouse_values(warehouse: Path) -> list[dict]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        cursor = connection.execute(
            "select place_code, place_name, indicator_id, reference_year, value_kind, value, "
            "value_upper, bound, unit, report_id, quote, report_year from fct_indicator_values"
        )
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


def run_gold_evaluation(gold_dir: Path, warehouse: Path) -> tuple[str, bool]:
    """(printed report, whether the build itself succeeded)."""
    gold_rows = read_gold(gold_dir)
    if not gold_rows:
        return f"no gold rows under {gold_dir}", False
    files = sorted({document_path(row["doc"]) for row in gold_rows})
    missing = [str(file) for file in files if not file.exists()]
    if missing:
        return f"gold documents not found: {', '.join(missing)}", False
    # Link each document into one folder so a single build sees exactly these files.
    documents_dir = Path(warehouse).resolve().parent / "documents"
    shutil.rmtree(documents_dir, ignore_errors=True)
    documents_dir.mkdir(parents=True)
    for number, file in enumerate(files):
        (documents_dir / f"{number:02d}_{file.name}").symlink_to(file)
    build = build_warehouse([documents_dir], Path(warehouse), log=lambda message: None)
    if not build.success:
        return "build failed: " + "; ".join(build.dbt.failures[:5]), False
    result = evaluation.evaluate(warehouse_values(Path(warehouse)), gold_rows)
    return evaluation.format_report(result), True
