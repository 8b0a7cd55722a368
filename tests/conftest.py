"""Shared fixtures: the warehouse built once per session from the real corpus plus seeds/."""

from __future__ import annotations

import csv

import pytest

from ingest import paths


@pytest.fixture(scope="session")
def corpus_manifest() -> list[dict]:
    manifest = paths.CORPUS_DIR / "MANIFEST.csv"
    if not manifest.exists():
        pytest.fail(f"{manifest} is missing: the tests read ../shared/corpus beside the clone")
    with open(manifest, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory, corpus_manifest):
    """Build ../shared/corpus and seeds/ into a temporary warehouse (once per test session)."""
    from ingest.build import build_warehouse
    from ingest.statistics import land_statistics

    messages: list[str] = []
    warehouse = tmp_path_factory.mktemp("corpus") / "warehouse.duckdb"
    # Statistics first: the build keeps what is landed, so reconciliation and peers see them.
    land_statistics(paths.STATS_DIR / "county_statistics_panel.csv", warehouse)
    result = build_warehouse([paths.CORPUS_DIR, paths.SEEDS_DIR], warehouse, log=messages.append)
    result.messages = messages
    return result


@pytest.fixture(scope="session")
def corpus_warehouse(corpus_build):
    """Path to the warehouse built from the real corpus."""
    assert corpus_build.success, "\n".join(corpus_build.messages)
    return corpus_build.warehouse
