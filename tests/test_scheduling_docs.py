"""The README's scheduling section says only what is true: every `xianzhi` command line it shows
parses with the CLI's own argparse, every path it names is one ingest/paths.py gives, and its
exit codes are the ones the build returns and `--help` lists."""

from __future__ import annotations

import re
import shlex

import pytest

from ingest import paths
from ingest.cli import build_parser
from ingest.run import exit_codes

README = (paths.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("\n## Scheduled builds\n", 1)[1].split("\n## ", 1)[0]
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", SECTION, flags=re.S)
SHELL_BREAKS = {"&&", "||", ";", "|", ">", ">>", "2>&1"}


def _xianzhi_commands() -> list[list[str]]:
    """The arguments of every `xianzhi` invocation in the section's code blocks (cron, unit files, shell)."""
    found = []
    for _, block in BLOCKS:
        for line in block.splitlines():
            line = line.split("=", 1)[1] if line.startswith("ExecStart=") else line
            if line.lstrip().startswith("#") or "xianzhi " not in line or line.startswith("error:"):
                continue
            words = shlex.split(line, comments=True)
            for start, word in enumerate(words):
                if word.endswith("bin/xianzhi") or word == "xianzhi":  # the command, not /opt/xianzhi
                    rest = words[start + 1:]
                    stop = next((i for i, w in enumerate(rest) if w in SHELL_BREAKS), len(rest))
                    found.append(rest[:stop])
    return found


COMMANDS = _xianzhi_commands()


def test_the_section_shows_a_cron_line_and_a_systemd_service_and_timer():
    kinds = [kind for kind, _ in BLOCKS]
    assert "cron" in kinds and kinds.count("ini") == 2
    units = "\n".join(block for kind, block in BLOCKS if kind == "ini")
    assert "Type=oneshot" in units and "OnCalendar=" in units and "ExecStart=" in units
    assert len(COMMANDS) >= 2 and all(command[0] == "build" for command in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_line_parses_with_the_cli(command):
    args = build_parser().parse_args(command)  # an unknown command or flag exits here
    assert args.handler.__name__ == "command_build"
    assert paths.PROJECT_ROOT / args.warehouse == paths.DEFAULT_WAREHOUSE  # run from the clone: the default warehouse


def test_every_path_the_section_names_is_one_paths_py_gives():
    warehouse = paths.DEFAULT_WAREHOUSE
    documented = {warehouse, paths.landing_dir(warehouse), paths.lock_file(warehouse), paths.build_log_file(warehouse),
                  paths.failed_dir(warehouse), paths.cache_dir(warehouse)}
    named = set(re.findall(r"(?<![\w/])data/[^\s`\"')]+", SECTION))
    assert named, "the section names no path"
    unknown = {name for name in named if paths.PROJECT_ROOT / name.rstrip("/") not in documented}
    assert unknown == set()


def test_the_exit_codes_are_the_builds_own():
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", SECTION, flags=re.M)
    assert {int(code): meaning.replace("`", "") for code, meaning in rows} == exit_codes.MEANINGS
    unit = next(block for kind, block in BLOCKS if kind == "ini" and "ExecStart" in block)
    assert re.search(r"^SuccessExitStatus=(\d+)$", unit, flags=re.M).group(1) == str(exit_codes.LOCKED)


@pytest.mark.parametrize("command", [["build"], ["stats", "load"]], ids=" ".join)
def test_help_lists_every_exit_code(command, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args([*command, "--help"])
    shown = capsys.readouterr().out
    listed = re.findall(r"^  (\d+) +\S", shown.split("exit codes:\n", 1)[1], flags=re.M)
    assert [int(code) for code in listed] == list(exit_codes.MEANINGS)
