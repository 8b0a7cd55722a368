"""dbt docs generate works on a built warehouse, and every public model is documented."""

from __future__ import annotations

import json
import shutil

import pytest

from ingest import paths
from ingest.run.dbt import run_dbt

pytestmark = pytest.mark.integration


def test_dbt_docs_generate_documents_every_mart(corpus_warehouse, tmp_path):
    # A copy: docs generate opens the file for writing, and the session's warehouse is shared.
    copy = tmp_path / corpus_warehouse.name
    shutil.copy(corpus_warehouse, copy)
    outcome = run_dbt(["docs", "generate"], copy, paths.landing_dir(corpus_warehouse), tmp_path / ".dbt")
    assert outcome.success, outcome.failures
    catalog = json.loads((tmp_path / ".dbt" / "target" / "catalog.json").read_text(encoding="utf-8"))
    manifest = json.loads((tmp_path / ".dbt" / "target" / "manifest.json").read_text(encoding="utf-8"))
    marts = {node["name"]: node for node in manifest["nodes"].values()
             if node["resource_type"] == "model" and "marts" in node["fqn"]}
    assert {"fct_indicator_values", "fct_peer_benchmarks", "fct_target_attainment", "dim_places"} <= set(marts)
    for name, node in marts.items():
        assert node["description"].strip(), f"{name} has no description"
    documented = {node["metadata"]["name"] for node in catalog["nodes"].values()}
    assert set(marts) <= documented
