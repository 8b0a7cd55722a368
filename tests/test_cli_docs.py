"""Every `xianzhi` command documents itself (--help) and is documented in the README."""

from __future__ import annotations

import argparse
import re

import pytest

from ingest import paths
from ingest.cli import build_parser


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every runnable command path, e.g. ('build',), ('stats', 'load')."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = _commands(sub, (*prefix, name))
                found += nested or [(*prefix, name)]
    return found


COMMANDS = _commands(build_parser())


def test_there_are_commands():
    assert ("build",) in COMMANDS and ("stats", "load") in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args([*command, "--help"])
    assert exited.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"usage: xianzhi {' '.join(command)}")
    # A description, not just the usage line: the docstring is the help text.
    assert len(shown.split("\n\n", 1)[-1].strip()) > 40, shown


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_readme(command):
    readme = (paths.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"xianzhi {re.escape(' '.join(command))}\b", readme), f"README never shows `xianzhi {' '.join(command)}`"
