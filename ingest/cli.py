"""The `xianzhi` command: build the warehouse, serve the app, measure the extractor."""

from __future__ import annotations

import argparse
import inspect
import os
import shlex
import subprocess
import sys
import traceback
from pathlib import Path

from ingest import paths
from ingest.run import exit_codes


def _print_error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def command_build(args: argparse.Namespace) -> int:
    """Read every report under --documents (default: seeds/), land Parquet, run dbt build.

    One build at a time per warehouse (a lock in <warehouse>.landing/); every build is recorded
    in the warehouse's fct_build_runs. Exit codes, for cron and CI, below."""
    folders = [Path(folder) for folder in (args.documents or [paths.SEEDS_DIR])]
    missing = [str(folder) for folder in folders if not folder.exists()]
    if missing:
        _print_error(f"no such folder: {', '.join(missing)}")
        return exit_codes.USAGE
    from ingest.run import dbt_process

    # Started before the build's own imports: dbt's import and parse overlap them (the build ends it
    # if it is not incremental after all).
    dbt = dbt_process.start_for_build(Path(args.warehouse), args.full)
    from ingest.run.build import build_warehouse

    result, code = _guarded(args, lambda: build_warehouse(folders, Path(args.warehouse), strict=args.strict,
                                                          command=args.command_line, full=args.full, dbt=dbt))
    if result is None:
        return code
    changes = result.changes
    summary = (
        f"warehouse {result.warehouse}: {result.n_reports} reports ({len(result.uncertain)} uncertain), "
        f"documents {changes.added} added, {changes.changed} changed, {changes.removed} removed, "
        f"{changes.failed} failed; dbt {result.dbt.n_passed} ok, {len(result.dbt.failures)} failed"
    )
    print(summary)
    if result.exit_code == exit_codes.STRICT:
        _print_error(f"--strict: {len(result.errors)} documents failed")
    return result.exit_code


def _guarded(args: argparse.Namespace, work):
    """(work(), None), or (None, exit code) when the warehouse is locked, or work crashed or was
    interrupted (the build log has recorded that already)."""
    from ingest.run.lock import WarehouseLocked

    try:
        return work(), None
    except WarehouseLocked as locked:
        _print_error(str(locked))
        return None, exit_codes.LOCKED
    except KeyboardInterrupt:
        _print_error(f"interrupted: {args.warehouse} is as it was")
        return None, exit_codes.INTERRUPTED
    except Exception as error:  # noqa: BLE001 — reported with its traceback, and its own exit code
        traceback.print_exc()
        _print_error(f"{args.command_line} stopped on {type(error).__name__}: {error}; the previous warehouse is kept")
        return None, exit_codes.CRASHED


def command_ingest(args: argparse.Namespace) -> int:
    """Ingest one shard of the documents into a landing folder of its own (no warehouse, no dbt).

    --shard i/n takes the documents whose path relative to their --documents folder hashes to i
    (0 ≤ i < n): run 0/n … n-1/n anywhere (a batch array job, Dask or Ray tasks), then
    `xianzhi merge` their landings and build the models once. Each landing is plain Parquet."""
    from ingest.run.shards import ingest_shard, parse_shard

    folders = [Path(folder) for folder in (args.documents or [paths.SEEDS_DIR])]
    missing = [str(folder) for folder in folders if not folder.exists()]
    if missing:
        _print_error(f"no such folder: {', '.join(missing)}")
        return exit_codes.USAGE
    try:
        shard = parse_shard(args.shard) if args.shard else None
    except ValueError as error:
        _print_error(str(error))
        return exit_codes.USAGE
    ingest_shard(folders, shard, Path(args.landing))
    return exit_codes.OK


def command_merge(args: argparse.Namespace) -> int:
    """Merge shard landings (from `xianzhi ingest --shard`) into a warehouse's landing, then build its models.

    The merged landing holds the rows one `xianzhi build` over all the documents lands, so the
    models make the same warehouse; --no-models stops after landing (build them later with dbt
    or `xianzhi stats load`)."""
    from ingest.run.build import rebuild_models
    from ingest.run.lock import WarehouseLocked, warehouse_lock
    from ingest.run.shards import merge_landings

    shards = [Path(shard) for shard in args.shards]
    missing = [str(shard) for shard in shards if not shard.is_dir()]
    if missing:
        _print_error(f"no such folder: {', '.join(missing)}")
        return exit_codes.USAGE
    warehouse = Path(args.warehouse)
    try:
        with warehouse_lock(warehouse, args.command_line):
            counts = merge_landings(shards, paths.landing_dir(warehouse))
    except WarehouseLocked as locked:
        _print_error(str(locked))
        return exit_codes.LOCKED
    except FileNotFoundError as error:
        _print_error(str(error))
        return exit_codes.USAGE
    print(f"merged {len(shards)} shards into {paths.landing_dir(warehouse)}: {counts.get('reports', 0)} reports")
    if args.no_models:
        return exit_codes.OK
    rebuilt, code = _guarded(args, lambda: rebuild_models(warehouse, command=args.command_line))
    if rebuilt is None:
        return code
    outcome, run = rebuilt
    print(f"warehouse {warehouse}: dbt {outcome.n_passed} ok, {len(outcome.failures)} failed")
    return run.exit_code


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
    from ingest.tools.evaluation import run_evaluation

    report, ok = run_evaluation(Path(args.gold), Path(args.warehouse))
    print(report)
    return 0 if ok else 1


def command_stats_load(args: argparse.Namespace) -> int:
    """Load an official statistics panel (county × year, 万元) or census population file for reconciliation and baselines.

    Columns map to indicators through dbt_project/seeds/statistics_columns.csv; county names
    map to place codes through the gazetteer, with dbt_project/seeds/statistics_place_aliases.csv
    for names it cannot resolve. Every unmapped name is listed. A census file (the columns of
    seeds/statistics/census/census_population.csv) lands as resident_population. The file's rows
    replace those it landed before and stay across builds, beside the statistics a build reads
    from a documents folder's statistics/ (seeds/statistics by default). If the warehouse's
    reports are already landed, the models are rebuilt so the statistics show at once.
    """
    from ingest.run.lock import WarehouseLocked, warehouse_lock

    file, warehouse = Path(args.file), Path(args.warehouse)
    if not file.exists():
        _print_error(f"no such file: {file}")
        return exit_codes.USAGE
    try:
        # One lock around landing and the rebuild: a build running meanwhile would read half of it.
        with warehouse_lock(warehouse, args.command_line):
            return _load_statistics(args, file, warehouse)
    except WarehouseLocked as locked:
        _print_error(str(locked))
        return exit_codes.LOCKED


def _load_statistics(args: argparse.Namespace, file: Path, warehouse: Path) -> int:
    from ingest.run.build import rebuild_models
    from ingest.sources.statistics import (ALIASES_SEED, READ_ERRORS, land_statistics, read_error_reason,
                                           statistics_summary)

    try:
        load = land_statistics(file, warehouse)
    except READ_ERRORS as error:
        _print_error(f"{file}: {read_error_reason(file, error)}")
        return exit_codes.USAGE
    print(statistics_summary(load))
    unresolved = [(p, c, f"{n} rows") for p, c, n in load.unmapped] + [(p, c, f"ambiguous: {codes}") for p, c, codes in load.ambiguous]
    if unresolved:
        print(
            f"UNMAPPED: {len(unresolved)} county names were not matched to a place code "
            f"(add them to dbt_project/seeds/{ALIASES_SEED}):",
            file=sys.stderr,
        )
        for province, county, why in unresolved:
            print(f"  {province!r} {county!r}: {why}", file=sys.stderr)
    strict_failure = bool(args.strict and unresolved)
    if paths.landed_table_files(paths.landing_dir(warehouse), "reports"):
        rebuilt, code = _guarded(args, lambda: rebuild_models(warehouse, log=lambda message: print(message, file=sys.stderr),
                                                              strict_failure=strict_failure, command=args.command_line))
        if rebuilt is None:
            return code
        outcome, run = rebuilt
        print(f"warehouse {warehouse}: dbt {outcome.n_passed} ok, {len(outcome.failures)} failed")
        return run.exit_code
    return exit_codes.STRICT if strict_failure else exit_codes.OK


def command_audit(args: argparse.Namespace) -> int:
    """Audit extraction without gold: core indicators named beside a number that no value carries.

    For every work report, each sentence of last year's review and this year's targets is searched
    for a catalogue alias or a near variant (全县…, the place's own name, a head noun) followed in
    the same clause by a number; when no metric mention of the sentence carries that indicator it
    is a miss, explained by a reason code (rank, year, sub_area, multi_year, share, …) or left
    unexplained. Also lists stretched values (a subject matched only after scope or place words
    were stripped, where the warehouse has fct_metric_mentions.subject_stripped). Read-only.
    """
    from ingest.tools.audit import format_report, run_audit

    warehouse = Path(args.warehouse)
    if not warehouse.exists():
        _print_error(f"no such warehouse: {warehouse}")
        return 2
    print(format_report(run_audit(warehouse), show=args.show))
    return 0


def command_bench(args: argparse.Namespace) -> int:
    """Benchmark on synthetic corpora (data/bench/) and write BENCHMARKS.md.

    For each size: a cold full build (ingest MB/s and reports/s, dbt build time, peak memory of
    the build's processes, warehouse size), jieba's default segmentation of the same text as the
    baseline, the app's main queries (p50/p95), and a rebuild after adding one report.
    """
    from ingest.tools.bench import run_bench

    sizes = [100, 1000] if args.quick else [int(size) for size in args.sizes.split(",")]
    run_bench(sizes, Path(args.output) if args.output else paths.BENCHMARKS_FILE, quick=args.quick,
              log=lambda message: print(message, file=sys.stderr, flush=True))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xianzhi", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help=command_build.__doc__.splitlines()[0], description=inspect.cleandoc(command_build.__doc__),
                                epilog=exit_codes.help_text(), formatter_class=argparse.RawDescriptionHelpFormatter)
    build.add_argument("--documents", action="append", metavar="DIR", help="a folder of reports (repeatable; default: seeds/)")
    build.add_argument("--warehouse", default=str(paths.DEFAULT_WAREHOUSE), metavar="FILE", help="DuckDB file to build (default: data/warehouse.duckdb)")
    build.add_argument("--strict", action="store_true", help="fail the run if any document fails")
    build.add_argument("--full", action="store_true",
                       help="rebuild every model from the landing, not only the changed reports' rows")
    build.set_defaults(handler=command_build)

    ingest = commands.add_parser("ingest", help=command_ingest.__doc__.splitlines()[0], description=inspect.cleandoc(command_ingest.__doc__),
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ingest.add_argument("--documents", action="append", metavar="DIR", help="a folder of reports (repeatable; default: seeds/)")
    ingest.add_argument("--shard", metavar="I/N", help="ingest only shard I of N (0-based), e.g. 0/3")
    ingest.add_argument("--landing", required=True, metavar="DIR", help="folder to land this shard's Parquet in")
    ingest.set_defaults(handler=command_ingest)

    merge = commands.add_parser("merge", help=command_merge.__doc__.splitlines()[0], description=inspect.cleandoc(command_merge.__doc__),
                                epilog=exit_codes.help_text(), formatter_class=argparse.RawDescriptionHelpFormatter)
    merge.add_argument("shards", nargs="+", metavar="DIR", help="shard landings written by `xianzhi ingest --shard`")
    merge.add_argument("--warehouse", default=str(paths.DEFAULT_WAREHOUSE), metavar="FILE", help="warehouse whose landing receives them (default: data/warehouse.duckdb)")
    merge.add_argument("--no-models", action="store_true", help="land only; do not run dbt")
    merge.set_defaults(handler=command_merge)

    app = commands.add_parser("app", help=command_app.__doc__, description=command_app.__doc__)
    app.add_argument("--warehouse", default=str(paths.DEFAULT_WAREHOUSE), metavar="FILE")
    app.add_argument("--port", type=int, default=8501)
    app.add_argument("--address", default="localhost")
    app.set_defaults(handler=command_app)

    stats = commands.add_parser("stats", help="official statistics").add_subparsers(dest="stats_command", required=True)
    stats_load = stats.add_parser("load", help=command_stats_load.__doc__.splitlines()[0], description=inspect.cleandoc(command_stats_load.__doc__),
                                  epilog=exit_codes.help_text(), formatter_class=argparse.RawDescriptionHelpFormatter)
    stats_load.add_argument("file", metavar="FILE", help="a panel CSV such as ../shared/stats/county_statistics_panel.csv")
    stats_load.add_argument("--warehouse", default=str(paths.DEFAULT_WAREHOUSE), metavar="FILE")
    stats_load.add_argument("--strict", action="store_true", help="fail if any county name is unmapped")
    stats_load.set_defaults(handler=command_stats_load)

    bench = commands.add_parser("bench", help=command_bench.__doc__.splitlines()[0], description=command_bench.__doc__)
    bench.add_argument("--sizes", default="1000,10000,32000", metavar="N,N", help="reports per corpus (default: 1000,10000,32000)")
    bench.add_argument("--quick", action="store_true", help="sizes 100 and 1000 only (a few minutes)")
    bench.add_argument("--output", metavar="FILE", help="where to write the report (default: BENCHMARKS.md)")
    bench.set_defaults(handler=command_bench)

    audit = commands.add_parser("audit", help=command_audit.__doc__.splitlines()[0], description=command_audit.__doc__)
    audit.add_argument("--warehouse", default=str(paths.DEFAULT_WAREHOUSE), metavar="FILE", help="DuckDB file to audit (default: data/warehouse.duckdb)")
    audit.add_argument("--show", type=int, default=20, metavar="N", help="list up to N unexplained misses with their sentence (default: 20)")
    audit.set_defaults(handler=command_audit)

    evaluate = commands.add_parser("eval", help=command_eval.__doc__, description=command_eval.__doc__)
    evaluate.add_argument("--gold", required=True, metavar="DIR", help="folder of gold CSVs (e.g. ../shared/gold)")
    evaluate.add_argument("--warehouse", default=str(paths.EVAL_WAREHOUSE), metavar="FILE")
    evaluate.set_defaults(handler=command_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # As typed, for the lock's holder and the build log.
    args.command_line = shlex.join(["xianzhi", *(sys.argv[1:] if argv is None else argv)])
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
