"""Shared fixtures: the warehouse built once per session from the real corpus plus seeds/."""

from __future__ import annotations

import pytest

from ingest import paths
from tests.corpus import MANIFEST, corpus_view, manifest_rows


@pytest.fixture(scope="session")
def corpus_manifest() -> list[dict]:
    if not MANIFEST.exists():
        pytest.fail(f"{MANIFEST} is missing: the tests read ../shared/corpus beside the clone")
    return manifest_rows()


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory, corpus_manifest):
    """Build the corpus folders and seeds/ into a temporary warehouse (once per test session)."""
    from ingest.run.build import build_warehouse
    from ingest.sources.statistics import land_statistics

    messages: list[str] = []
    root = tmp_path_factory.mktemp("corpus")
    warehouse = root / "warehouse.duckdb"
    # Statistics first: the build keeps what is landed, so reconciliation and peers see them.
    land_statistics(paths.STATS_DIR / "county_statistics_panel.csv", warehouse)
    folders = [corpus_view(root / "corpus"), paths.SEEDS_DIR]
    result = build_warehouse(folders, warehouse, log=messages.append)
    result.messages = messages
    return result


@pytest.fixture(scope="session")
def corpus_warehouse(corpus_build):
    """Path to the warehouse built from the real corpus."""
    assert corpus_build.success, "\n".join(corpus_build.messages)
    return corpus_build.warehouse
