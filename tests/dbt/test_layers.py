"""The dbt project's layers run one way and every layer documents itself, read from a parsed manifest.

staging → intermediate → marts: a staging or intermediate model never reads a mart; every staging
and intermediate model states its grain ("one row per …") and tests its key; a unit test sits in
the YAML of its model's folder.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

import pytest

from ingest.run.dbt import run_dbt

LAYERS = ("staging", "intermediate", "marts")


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> dict:
    # dbt parse reads only the project: the warehouse and landing folder need not exist.
    work = tmp_path_factory.mktemp("dbt_parse")
    outcome = run_dbt(["parse"], work / "warehouse.duckdb", work / "landing", work / ".dbt")
    assert outcome.success, outcome.failures
    return json.loads((work / ".dbt" / "target" / "manifest.json").read_text(encoding="utf-8"))


def _models(manifest: dict) -> dict[str, dict]:
    return {node["unique_id"]: node for node in manifest["nodes"].values() if node["resource_type"] == "model"}


def _layer(node: dict) -> str:
    return node["fqn"][1]


def test_every_model_lives_in_a_layer_folder(manifest):
    assert {_layer(node) for node in _models(manifest).values()} == set(LAYERS)


def test_no_model_reads_a_later_layer(manifest):
    models = _models(manifest)
    backwards = [
        f"{node['name']} ({_layer(node)}) reads {models[parent]['name']} ({_layer(models[parent])})"
        for node in models.values()
        for parent in node["depends_on"]["nodes"]
        if parent in models and LAYERS.index(_layer(models[parent])) > LAYERS.index(_layer(node))
    ]
    assert backwards == []


@pytest.mark.parametrize("layer", ["staging", "intermediate"])
def test_every_model_states_its_grain_and_tests_its_key(manifest, layer):
    tests_of: dict[str, list[dict]] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] == "test" and node.get("attached_node"):
            tests_of.setdefault(node["attached_node"], []).append(node)
    problems = []
    for unique_id, node in _models(manifest).items():
        if _layer(node) != layer:
            continue
        if not node["description"].lower().startswith("one row per"):
            problems.append(f"{node['name']}: description does not start with its grain ('One row per …')")
        tests = [(test["test_metadata"]["name"], test.get("column_name")) for test in tests_of.get(unique_id, [])]
        unique_columns = {column for name, column in tests if name == "unique"}
        not_null_columns = {column for name, column in tests if name == "not_null"} | {
            column for test in tests_of.get(unique_id, []) if test["test_metadata"]["name"] == "row_checks"
            for column in test["test_metadata"]["kwargs"].get("not_null", [])}
        has_key = bool(unique_columns & not_null_columns) or any(
            name == "unique_combination_of_columns" for name, _ in tests)
        if not has_key:
            problems.append(f"{node['name']}: no key test (unique + not_null, or unique_combination_of_columns)")
    assert problems == []


def test_unit_tests_sit_in_their_models_folder(manifest):
    models = {node["name"]: node for node in _models(manifest).values()}
    misplaced = [
        f"{test['name']} ({test['original_file_path']}) tests {test['model']} ({models[test['model']]['original_file_path']})"
        for test in manifest["unit_tests"].values()
        if PurePosixPath(test["original_file_path"]).parent
        != PurePosixPath(models[test["model"]]["original_file_path"]).parent
    ]
    assert misplaced == []
    tested = {test["model"] for test in manifest["unit_tests"].values()}
    assert "int_indicator_values_deduplicated" in tested
