"""`xianzhi build`: ingest documents, land Parquet, dbt build a fresh warehouse, swap it in."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from ingest import paths
from ingest.run import build_log, dbt_process, document_changes, exit_codes, increments, pipeline, quarantine, warehouse_copy
from ingest.run.dbt import DbtOutcome, run_dbt
from ingest.run.dbt_process import DbtProcess
from ingest.run.document_changes import DocumentChanges
from ingest.run.lock import warehouse_lock
from ingest.run.warehouse_copy import WarehouseCopy
from ingest.sources import gazetteer
from ingest.sources.statistics import land_statistics_folders, statistics_summary


@dataclass
class BuildResult:
    warehouse: Path
    n_reports: int
    errors: list[dict]
    dbt: DbtOutcome
    n_processed: int = 0  # documents processed in this build
    n_reused: int = 0  # documents whose stored results were reused unchanged
    timings: dict[str, float] = field(default_factory=dict)
    # Reports whose place or year rests on weak evidence, or a functional area without a code:
    # one line each, for the user to check (their values stay out of fct_indicator_values).
    uncertain: list[str] = field(default_factory=list)
    changes: DocumentChanges = field(default_factory=DocumentChanges)  # against the previous build
    exit_code: int = exit_codes.OK  # as recorded in the build log (ingest/run/build_log.py)

    @property
    def success(self) -> bool:
        return self.dbt.success


def reference_tables() -> dict[str, list[dict]]:
    """Tables landed from packages rather than documents (the gazetteer)."""
    return {"places": gazetteer.places_rows(), "place_changes": gazetteer.place_changes_rows()}


def build_outcome(dbt_success: bool, strict_failure: bool) -> tuple[str, int]:
    """(outcome, exit code) of a build that ran to the end; strict_failure: --strict was given and
    a document (or a statistics county name) failed."""
    if not dbt_success:
        return "dbt_failed", exit_codes.DBT_FAILED
    if strict_failure:
        return "strict_failed", exit_codes.STRICT
    return "ok", exit_codes.OK


def build_warehouse(folders: list[Path], warehouse: Path, log=print, *, strict: bool = False,
                    command: str | None = None, full: bool = False,
                    dbt: DbtProcess | None = None) -> BuildResult:
    """Build the warehouse from documents; the old file stays readable until the new one is whole.

    Holds the warehouse's lock throughout (WarehouseLocked if another build has it) and records
    the build in its log, however it ends. The models are rebuilt only for the reports that changed
    (ingest/run/increments.py) unless `full` or the warehouse in place cannot tell. `dbt`: a dbt
    process the caller started for this warehouse before its own imports
    (dbt_process.start_for_build, which the build calls otherwise); it is used if the build is
    incremental and ended either way."""
    warehouse = Path(warehouse).resolve()
    command = command or build_log.current_command()
    legacy = paths.legacy_landing_dir(warehouse)
    if legacy.is_dir() and not paths.landing_dir(warehouse).exists():
        log(f"note: {legacy} is the landing every warehouse of this folder used to share; it is no longer "
            f"read ({warehouse.name} now has {paths.landing_dir(warehouse).name}/): load statistics again")
    dbt = dbt or dbt_process.start_for_build(warehouse, full)
    try:
        with warehouse_lock(warehouse, command), build_log.recorded(warehouse, command) as run:
            result = _ingest_land_and_model(folders, warehouse, log, run, full, dbt)
            outcome, result.exit_code = build_outcome(result.success, strict and bool(result.errors))
            run.finish(outcome, result.exit_code, result.dbt)
    finally:
        if dbt is not None:
            dbt.discard()
    return result


def rebuild_models(warehouse: Path, log=print, *, strict_failure: bool = False,
                   command: str | None = None) -> tuple[DbtOutcome, build_log.BuildRun]:
    """dbt build over what is already landed (after a statistics load), locked and recorded like
    a build (no documents are read, so its document counts are null)."""
    warehouse = Path(warehouse).resolve()
    command = command or build_log.current_command()
    with warehouse_lock(warehouse, command), build_log.recorded(warehouse, command) as run:
        run.reports_landed = landed_report_count(paths.landing_dir(warehouse))
        build_log.append(warehouse, run.line("landed"))
        outcome = run_models(warehouse, log, increments.plan(warehouse, paths.landing_dir(warehouse)))
        run.finish(*build_outcome(outcome.success, strict_failure), outcome)
    return outcome, run


def landed_report_count(landing_dir: Path) -> int:
    return sum(pq.ParquetFile(file).metadata.num_rows for file in paths.landed_table_files(landing_dir, "reports"))


def _ingest_land_and_model(folders: list[Path], warehouse: Path, log, run: build_log.BuildRun,
                           full: bool = False, dbt: DbtProcess | None = None) -> BuildResult:
    before = None if full else increments.recorded(warehouse)
    # Made ready while the documents are read: the copy an incremental build's models start from,
    # and dbt imported in a process of its own.
    incremental = increments.built_by_these_models(before)
    copy = warehouse_copy.start(warehouse, wanted=incremental)
    if dbt is not None and not incremental:
        dbt.discard()  # at once: it would only take the other core from the workers
        dbt = None
    try:
        return _build_from_documents(folders, warehouse, log, run, full, copy, before, dbt)
    except BaseException:
        if copy is not None:
            copy.discard()  # not left beside the warehouse for the next build to find
        raise


def _build_from_documents(folders: list[Path], warehouse: Path, log, run: build_log.BuildRun, full: bool,
                          copy: WarehouseCopy | None, before: tuple | None,
                          dbt: DbtProcess | None = None) -> BuildResult:
    landing_dir = paths.landing_dir(warehouse)
    timings: dict[str, float] = {}

    started = time.perf_counter()
    # Per-document results are kept in the warehouse's landing: a rebuild processes only what changed.
    result = pipeline.ingest(folders, cache_dir=paths.cache_dir(warehouse))
    timings["ingest_s"] = time.perf_counter() - started
    log(
        f"ingested {result.report_count} reports ({len(result.errors)} documents with errors; "
        f"{result.n_processed} documents processed, {result.n_reused} reused unchanged)"
    )

    started = time.perf_counter()
    # A documents folder's statistics/ (seeds/statistics: the shipped panel and census) lands
    # as official statistics; a file that cannot be read is an ingest error like any document's.
    loads, statistics_errors = land_statistics_folders(folders, landing_dir)
    for error in statistics_errors:
        log(f"error: {error['reason']}")
    result.errors += statistics_errors
    for load in loads:
        log(statistics_summary(load))
    timings["statistics_s"] = time.perf_counter() - started

    started = time.perf_counter()
    pipeline.land(result, landing_dir, reference_tables())
    timings["land_s"] = time.perf_counter() - started
    documents = paths.documents_file(warehouse)
    changes = document_changes.compare(document_changes.read_documents(documents), result.documents)
    document_changes.write_documents(documents, result.documents)  # after landing: what is landed now
    log(f"documents: {changes.added} added, {changes.changed} changed, {changes.removed} removed, "
        f"{changes.unchanged} unchanged, {changes.failed} failed")
    uncertain = uncertain_reports(landing_dir)
    for line in uncertain:
        log(f"uncertain: {line}")

    run.changes, run.reports_landed = changes, result.report_count
    build_log.append(warehouse, run.line("landed"))  # before dbt: the new warehouse holds its own build
    started = time.perf_counter()
    increment = None if full else increments.plan(warehouse, landing_dir, before)
    outcome = run_models(warehouse, log, increment, copy, dbt)
    timings["dbt_build_s"] = time.perf_counter() - started
    return BuildResult(warehouse, result.report_count, result.errors, outcome,
                       result.n_processed, result.n_reused, timings, uncertain, changes)


def uncertain_reports(landing_dir: Path) -> list[str]:
    """One line per landed report whose identity is uncertain: where it came from, what was
    decided and on what evidence."""
    if not paths.landed_table_files(landing_dir, "reports"):
        return []
    with duckdb.connect() as connection:
        rows = connection.execute(
            """
            select source_files, coalesce(place_name, '?'), coalesce(place_code, 'no code'),
                   coalesce(cast(report_year as varchar), '?'), place_confidence, year_confidence,
                   functional_area, identity_evidence
            from read_parquet(?)
            where place_confidence = 'low' or year_confidence = 'low' or functional_area is not null
            order by source_files
            """,
            [paths.landed_table_glob(landing_dir, "reports")],
        ).fetchall()
    lines = []
    for source, name, code, year, place_confidence, year_confidence, area, evidence in rows:
        what = f"functional area {area} (no administrative code)" if area else f"{name} ({code})"
        doubts = [f"place {place_confidence}"] if place_confidence == "low" and not area else []
        doubts += [f"year {year_confidence}"] if year_confidence == "low" else []
        lines.append(f"{source}: {what}, {year}" + (f" — {', '.join(doubts)}" if doubts else "") + f" [{evidence}]")
    return lines


def run_models(warehouse: Path, log=print, increment: increments.Increment | None = None,
               copy: WarehouseCopy | None = None, dbt: DbtProcess | None = None) -> DbtOutcome:
    """dbt build over what is landed beside the warehouse, into a new file swapped in on success.

    With an increment, the new file starts as a copy of the warehouse in place and the models that
    grow with the corpus delete and insert only the changed reports' rows (`copy`: one made
    already, warehouse_copy.py); without, it starts empty. `dbt`: a process that has imported
    dbt already (dbt_process.py), for an incremental build; otherwise dbt runs in this one."""
    warehouse = Path(warehouse).resolve()
    staging_dir = paths.building_dir(warehouse)
    shutil.rmtree(staging_dir, ignore_errors=True)
    staging_dir.mkdir(parents=True)
    building = paths.building_file(warehouse)
    landing_dir = paths.landing_dir(warehouse)
    if increment is not None:
        log(f"models: incremental, {len(increment.changed_reports)} of {increment.n_reports} reports changed "
            f"(`xianzhi build --full` rebuilds every model)")
        if copy is None or not copy.move_to(building):
            shutil.copyfile(warehouse, building)
    else:
        if copy is not None:
            copy.discard()
        log("models: full build")
    run = dbt.run if dbt is not None and increment is not None else run_dbt
    outcome = run(["build"] + (increment.dbt_selection() if increment is not None else []),
                  building, landing_dir, paths.dbt_work_dir(warehouse),
                  changed_reports=increment.changed_reports if increment is not None else None,
                  changed_references=increment.changed_references if increment is not None else (),
                  write_manifest=increment is None)  # the project's manifest is the last full build's
    for failure in outcome.failures:
        log(f"dbt: {failure}")
    if building.exists():
        with duckdb.connect(str(building)) as connection:
            if outcome.success:
                increments.record(connection, landing_dir, increment)  # in the file: swapped in with it
            connection.execute("checkpoint")
        if outcome.success:
            building.replace(warehouse)  # atomic: readers see the old file or the new one
            for line in quarantine.quarantine_warnings(warehouse):
                log(line)
        else:
            # Keep a failed build for inspection, never in place of a good warehouse.
            failed_dir = paths.failed_dir(warehouse)
            failed_dir.mkdir(exist_ok=True)
            building.replace(failed_dir / warehouse.name)
            log(f"dbt build failed: the previous warehouse is kept; the failed one is in {failed_dir}")
    shutil.rmtree(staging_dir, ignore_errors=True)
    return outcome
