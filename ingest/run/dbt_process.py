"""dbt in a process of its own, made ready while an incremental build reads its documents.

Importing dbt and parsing the project take about 2 s, a fifth of an incremental build at 10,000
reports. In a thread the import gained nothing (it needs the interpreter the ingest holds); a
second process imports dbt and parses the project on the other core, then waits for the build's
command and runs it on the parsed manifest. Full builds run dbt in-process as before: they
gain nothing measurable, and a second interpreter would add to their peak memory.

Run as `python -m ingest.run.dbt_process WAREHOUSE`: parses, reads one pickled run_dbt call on
stdin, runs it, writes the pickled DbtOutcome on stdout and exits (dbt's printing goes to stderr).
"""

from __future__ import annotations

import multiprocessing.util
import os
import pickle
import subprocess
import sys
from pathlib import Path

from ingest import paths
from ingest.run.dbt import DbtOutcome


class DbtProcess:
    def __init__(self, warehouse: Path):
        self.warehouse = Path(warehouse).resolve()
        self._ran = False
        self._child = subprocess.Popen([sys.executable, "-m", "ingest.run.dbt_process", str(self.warehouse)],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=paths.PROJECT_ROOT)

    def run(self, command: list[str], database: Path, landing: Path, work_dir: Path, **options) -> DbtOutcome:
        """run_dbt's call, in the waiting process (once). The outcome is read as soon as it is
        sent: the process's own exit (a third of a second) overlaps what the build does next."""
        self._ran = True
        call = {"command": command, "database": database, "landing": landing, "work_dir": work_dir,
                "options": options}
        try:
            pickle.dump(call, self._child.stdin)
            self._child.stdin.close()
        except OSError:
            pass  # it ended early: its exit code says so below
        try:
            return pickle.load(self._child.stdout)
        except (EOFError, pickle.UnpicklingError):
            code = self._child.wait()
            return DbtOutcome(success=False, failures=[f"dbt: its process ended with exit code {code} and no outcome"])

    def discard(self) -> None:
        """End it unused (at once: it may be importing still), or collect it after run."""
        if not self._ran:
            self._child.kill()
        self._child.stdin.close()
        try:
            self._child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._child.kill()
            self._child.wait()
        self._child.stdout.close()


def start(warehouse: Path, wanted: bool) -> DbtProcess | None:
    return DbtProcess(warehouse) if wanted else None


def start_for_build(warehouse: Path, full: bool = False) -> DbtProcess | None:
    """The process a build starts before it can tell whether it is incremental (that needs the
    warehouse's record): when there is a warehouse and no --full. The build ends it if not."""
    return start(warehouse, wanted=not full and Path(warehouse).exists())


def _die_with_parent() -> None:
    """A build killed mid-way takes its dbt with it (Linux), as it did when dbt ran in-process."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _serve(warehouse: Path) -> int:
    # The outcome goes to the parent on the stdout it was given; dbt's own printing to stderr.
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    from ingest.run.dbt import parse_project, run_dbt

    _die_with_parent()
    # The settings run_models will give: its building file, the warehouse's landing and dbt folder.
    expected = (paths.building_file(warehouse), paths.landing_dir(warehouse), paths.dbt_work_dir(warehouse))
    parsed = parse_project(*expected)
    try:
        call = pickle.load(sys.stdin.buffer)
    except EOFError:
        return 0  # discarded unused
    given = (call["database"], call["landing"], call["work_dir"])
    outcome = run_dbt(call["command"], *given, **call["options"],
                      parsed=parsed if tuple(map(Path, given)) == expected else None)
    pickle.dump(outcome, results)
    results.flush()
    # Nothing is left to write (run_dbt closed the warehouse and wrote run_results.json): skip
    # the interpreter's teardown of dbt's objects, which the build waits for (0.2-0.6 s). Only the
    # exit-time finalizers of multiprocessing run: they unlink dbt's named semaphores (spawn-context
    # locks), which the resource tracker would otherwise report as leaked in the build's output.
    multiprocessing.util._run_finalizers(0)
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(_serve(Path(sys.argv[1])))
