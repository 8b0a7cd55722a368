"""The `xianzhi` command: build the warehouse, serve the app, measure the extractor."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from ingest import paths


def _print_error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def command_build(args: argparse.Namespace) -> int:
    """Read every report under --documents (default: seeds/), land Parquet, run dbt build."""
    from ingest.build import build_warehouse

    folders = [Path(folder) for folder in (args.documents or [paths.SEEDS_DIR])]
    missing = [str(folder) for folder in folders if not folder.exists()]
    if missing:
        _print_error(f"no such folder: {', '.join(missing)}")
        return 2
    result = build_warehouse(folders, Path(args.warehouse))
    summary = (
        f"warehouse {result.warehouse}: {result.n_reports} reports, "
        f"dbt {result.dbt.n_passed} ok, {len(result.dbt.failures)} failed"
    )
    print(summary)
    if not result.success:
        return 1
    if args.strict and result.errors:
        _print_error(f"--strict: {len(result.errors)} documents failed")
        return 1
    return 0


def command_app(args: argparse.Namespace) -> int:
    """Serve the Streamlit app on localhost (read-only over the warehouse)."""
    env = dict(os.environ, XIANZHI_WAREHOUSE=str(Path(args.warehouse).resolve()))
    command = [
        sys.executable, "-m", "streamlit", "run", str(paths.APP_ENTRY),
        "--server.port", str(args.port),
        "--server.address", args.address,
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]
    return subprocess.call(command, env=env)


def command_eval(args: argparse.Namespace) -> int:
    """Build the reports the gold files name and score fct_indicator_values against the gold."""
    from ingest.gold import run_gold_evaluation

    report, ok = run_gold_evaluation(Path(args.gold), Path(args.warehouse))
    print(report)
    return 0 if ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xianzhi", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help=command_build.__doc__, description=command_build.__doc__)
    build.add_argument("--documents", action="append", metavar="DIR", help="a folder of reports (repeatable; default: seeds/)")
    build.add_argument("--warehouse", default=str(paths.DEFAULT_WAREHOUSE), metavar="FILE", help="DuckDB file to build (default: data/warehouse.duckdb)")
    build.add_argument("--strict", action="store_true", help="fail the run if any document fails")
    build.set_defaults(handler=command_build)

    app = commands.add_parser("app", help=command_app.__doc__, description=command_app.__doc__)
    app.add_argument("--warehouse", default=str(paths.DEFAULT_WAREHOUSE), metavar="FILE")
    app.add_argument("--port", type=int, default=8501)
    app.add_argument("--address", default="localhost")
    app.set_defaults(handler=command_app)

    evaluate = commands.add_parser("eval", help=command_eval.__doc__, description=command_eval.__doc__)
    evaluate.add_argument("--gold", required=True, metavar="DIR", help="folder of gold CSVs (e.g. ../shared/gold)")
    evaluate.add_argument("--warehouse", default=str(paths.DATA_DIR / "eval" / "warehouse.duckdb"), metavar="FILE")
    evaluate.set_defaults(handler=command_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
