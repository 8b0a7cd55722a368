"""Ingest as independent shards (`--shard i/n`) and merge their landings into one, as a single run lands it.

A document belongs to shard `sha256(path relative to its documents folder) mod n`: stable across
machines, runs and the order files are listed in, so n jobs anywhere (a batch array, Dask or Ray
tasks) each ingest their own part of one folder into a landing of their own. `merge_landings`
then writes the one landing `xianzhi build`'s dbt step reads. Each landing is plain Parquet, one
table per file (or per folder of part files), readable by DuckDB, Polars or Spark as it is.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ingest import paths

from ingest.land.atomic import atomic_path
from ingest.land.schemas import DOCUMENT_TABLES, SCHEMAS, SORT_KEYS

_SHARD = re.compile(r"(\d+)/(\d+)")
# Tables every shard lands whole from packages (the gazetteer): identical in each, one copy kept.
REFERENCE_TABLES = ("places", "place_changes")


@dataclass(frozen=True)
class Shard:
    index: int  # 0-based
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def holds(self, source: str) -> bool:
        """Whether the document named `source` (its path relative to the documents folder) is this shard's."""
        return shard_of(source, self.count) == self.index


def parse_shard(text: str) -> Shard:
    """'1/3' → Shard(1, 3); the index counts from 0, so 0/3, 1/3 and 2/3 cover a folder."""
    match = _SHARD.fullmatch(text.strip())
    if not match or not 0 <= int(match.group(1)) < int(match.group(2)):
        raise ValueError(f"a shard is i/n with 0 ≤ i < n (0/3, 1/3, 2/3), not {text!r}")
    return Shard(int(match.group(1)), int(match.group(2)))


def shard_of(source: str, count: int) -> int:
    """The shard of a document by a stable hash of its relative path (never Python's salted hash())."""
    digest = hashlib.sha256(source.replace("\\", "/").encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count


def landing_files(landing: Path) -> dict[str, list[Path]]:
    """Every landed table of a landing and its Parquet files: <name>.parquet, or the part files of a
    <name>/ folder. The one place that knows the layout, so merge follows a change of it."""
    landing = Path(landing)
    tables: dict[str, list[Path]] = {}
    for path in sorted(landing.glob("*.parquet")):
        tables.setdefault(path.stem, []).append(path)
    for folder in sorted(p for p in landing.iterdir() if p.is_dir() and not p.name.startswith(".")):
        parts = sorted(folder.glob("*.parquet"))
        if parts:
            tables.setdefault(folder.name, []).extend(parts)
    return tables


def _sql_list(paths: list[Path]) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


def _write_query(connection: duckdb.DuckDBPyConnection, sql: str, target: Path, schema: pa.Schema) -> None:
    """A query's rows as <target>, streamed in batches, with the landed table's own schema."""
    reader = connection.execute(sql).fetch_record_batch(50_000)
    with atomic_path(target) as temporary:
        with pq.ParquetWriter(temporary, schema, compression="zstd") as writer:
            for batch in reader:
                writer.write_table(pa.Table.from_batches([batch]).select(schema.names).cast(schema))


def merge_landings(shards: list[Path], landing: Path, memory_limit: str = "1GB") -> dict[str, int]:
    """Combine shard landings into `landing`: rows per table as one run over all documents lands them.

    A report read from documents in two shards (the same text under two names) is one report:
    its rows come from the copy whose first source sorts first, as a single run keeps the first
    source's, and its source_files lists every source. Returns the rows landed per table."""
    landing = Path(landing)
    landing.mkdir(parents=True, exist_ok=True)
    per_shard = [landing_files(shard) for shard in shards]
    missing = [str(shard) for shard, files in zip(shards, per_shard) if "reports" not in files]
    if missing:
        raise FileNotFoundError(f"not a shard landing (no reports table): {', '.join(missing)}")
    counts: dict[str, int] = {}
    with duckdb.connect() as connection:
        connection.execute(f"set memory_limit = '{memory_limit}'")
        connection.execute("create temp table file_shard (file varchar, shard integer)")
        for index, files in enumerate(per_shard):
            for table_files in files.values():
                connection.executemany("insert into file_shard values (?, ?)", [(str(f), index) for f in table_files])

        def files_of(name: str) -> list[Path]:
            return [f for files in per_shard for f in files.get(name, [])]

        # One winning shard per report_id, and every source it was read from.
        connection.execute(f"""
            create temp table winners as
            select report_id,
                   arg_min(fs.shard, list_min(string_split(source_files, ', '))) as shard,
                   array_to_string(list_sort(list_distinct(flatten(list(string_split(source_files, ', '))))), ', ')
                       as source_files,
                   count(*) > 1 or bool_or(is_duplicate_source) as is_duplicate_source
            from read_parquet({_sql_list(files_of('reports'))}, filename = true) r
            join file_shard fs on fs.file = r.filename
            group by report_id
        """)
        for name in DOCUMENT_TABLES:
            files = files_of(name)
            if not files:
                continue
            replace = (" replace (w.source_files as source_files, w.is_duplicate_source as is_duplicate_source)"
                       if name == "reports" else "")
            order = ", ".join(f"t.{key}" for key in SORT_KEYS[name])
            _write_query(connection, f"""
                select t.* exclude (filename){replace}
                from read_parquet({_sql_list(files)}, filename = true) t
                join file_shard fs on fs.file = t.filename
                join winners w on w.report_id = t.report_id and w.shard = fs.shard
                order by {order}
            """, _merged_part(landing, name), SCHEMAS[name])
        for name in ("ingest_errors", "statistics"):
            files = files_of(name)
            order = ", ".join(f"{key} nulls last" for key in SORT_KEYS[name])
            sql = (f"select * from read_parquet({_sql_list(files)}) order by {order}" if files
                   else "select * from (select 1) where false")
            if name == "statistics":
                # Statistics a `stats load` put in this landing stay: shards land only a folder's statistics/.
                from ingest.sources.statistics import FROM_DOCUMENTS, replace_landed

                rows = connection.execute(sql).fetch_arrow_table().to_pylist() if files else []
                replace_landed(landing, rows, lambda row: row["origin"] == FROM_DOCUMENTS)
                continue
            if files:
                _write_query(connection, sql, landing / f"{name}.parquet", SCHEMAS[name])
            else:
                pq.write_table(SCHEMAS[name].empty_table(), landing / f"{name}.parquet", compression="zstd")
        for name in REFERENCE_TABLES:
            source = next((files[name] for files in per_shard if name in files), None)
            if source:
                for file in source:
                    shutil.copyfile(file, landing / file.name)
        for name in (*DOCUMENT_TABLES, "ingest_errors", "statistics", *REFERENCE_TABLES):
            files = paths.landed_table_files(landing, name)
            if files:
                counts[name] = sum(pq.ParquetFile(file).metadata.num_rows for file in files)
    return counts


def _merged_part(landing: Path, name: str) -> Path:
    """A partitioned table's merged rows as one file of its folder, in place of its parts (the next
    build's landing writes its own parts again, since the merge leaves no record of them)."""
    folder = landing / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("*.parquet"), landing / f"{name}.parquet"]:
        old.unlink(missing_ok=True)
    paths.landed_parts_file(landing).unlink(missing_ok=True)
    return folder / "merged.parquet"


def ingest_shard(folders: list[Path], shard: Shard | None, landing: Path, log=print) -> int:
    """`xianzhi ingest`: one shard's documents read, processed and landed into `landing` (its
    cache in landing/.cache, so a rerun of the shard processes only what changed). Only shard 0
    lands the folders' statistics/, so a merge counts them once. Returns the reports landed."""
    from ingest.run import pipeline
    from ingest.run.build import reference_tables
    from ingest.sources.statistics import land_statistics_folders

    landing = Path(landing)
    result = pipeline.ingest(folders, cache_dir=landing / ".cache", shard=shard)
    if shard is None or shard.index == 0:
        _, errors = land_statistics_folders(folders, landing)
        result.errors += errors
    pipeline.land(result, landing, reference_tables())
    log(f"shard {shard or '0/1'}: {result.report_count} reports landed in {landing} ({len(result.errors)} documents "
        f"with errors; {result.n_processed} processed, {result.n_reused} reused)")
    return result.report_count
