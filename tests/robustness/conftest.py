"""Small corpora for the robustness tests: synthetic reports and hostile files."""

from pathlib import Path

import pytest

from ingest import paths
from ingest.tools import synthetic

SEED = paths.SEEDS_DIR / "000_339ce46e4364fe7c.txt"


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    """4 places × 2 years of synthetic reports (plus the generator's duplicate and broken files)."""
    folder = tmp_path_factory.mktemp("synthetic") / "corpus"
    synthetic.generate_corpus(folder, 4, 2, seed=7)
    return folder


def copy_tree(source: Path, target: Path) -> Path:
    """A private copy a test may add to (os.fsencode keeps names that are not UTF-8)."""
    import shutil

    shutil.copytree(source, target)
    return target
