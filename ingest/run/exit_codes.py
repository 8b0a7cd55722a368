"""The exit codes of `xianzhi build` and `xianzhi stats load`, for cron, systemd and CI schedulers."""

from __future__ import annotations

import textwrap

OK = 0
DBT_FAILED = 1
USAGE = 2
STRICT = 3
CRASHED = 70  # sysexits.h EX_SOFTWARE
INTERRUPTED = 130  # the shell's code for Ctrl-C (128 + SIGINT)
LOCKED = 75  # sysexits.h EX_TEMPFAIL: nothing is wrong, try again later

MEANINGS: dict[int, str] = {
    OK: "the warehouse was built and every dbt test passed",
    DBT_FAILED: "a dbt test failed (or dbt could not run): the previous warehouse is kept, the failed one is in .failed/ of its landing folder",
    USAGE: "bad arguments, or a --documents folder or statistics file that does not exist",
    STRICT: "--strict, and a document could not be read (build) or a county name was not mapped (stats load); the warehouse was updated all the same",
    CRASHED: "the build stopped on an unexpected error (printed with its traceback); the previous warehouse is kept",
    LOCKED: "another build of the same warehouse is running (its pid, host, start time and command are printed); nothing was done",
    INTERRUPTED: "interrupted (Ctrl-C); the previous warehouse is kept",
}


def help_text() -> str:
    """The exit-code table as `--help` shows it."""
    lines = ["exit codes:"]
    for code, meaning in MEANINGS.items():
        lines += textwrap.wrap(meaning, 96, initial_indent=f"  {code:<5}", subsequent_indent=" " * 7)
    return "\n".join(lines)
