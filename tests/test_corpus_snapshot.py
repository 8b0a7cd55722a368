"""A change that should not change behaviour does not: the corpus build is the same, table by table.

tests/fixtures/corpus_snapshot.json holds a digest (rows, columns, a hash of the sorted rows) of
every landed table and every staging, intermediate and mart relation built from the tested corpus
folders, seeds/ and the statistics panel. When a change is meant to change results, regenerate it
with `XIANZHI_UPDATE_SNAPSHOT=1 .venv/bin/pytest tests/test_corpus_snapshot.py` and say in the
commit which tables changed and why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.snapshot import build_digest, differences, read_digest, write_digest

pytestmark = pytest.mark.integration

SNAPSHOT = Path(__file__).resolve().parent / "fixtures" / "corpus_snapshot.json"


def test_the_corpus_build_is_the_snapshot_row_for_row(corpus_warehouse):
    digest = build_digest(corpus_warehouse)
    if os.environ.get("XIANZHI_UPDATE_SNAPSHOT"):
        write_digest(SNAPSHOT, digest)
    assert differences(read_digest(SNAPSHOT), digest) == []
