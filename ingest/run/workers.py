"""Runs the processing function over documents on a pool of worker processes, through the result store."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from ingest.land.store import ResultStore, content_hash, document_key
from ingest.records import Document, ProcessedReport
from ingest.run.file_index import KnownDocument

Process = Callable[[Document], "ProcessedReport | str"]


@dataclass
class Counts:
    processed: int = 0
    reused: int = 0


@dataclass(frozen=True)
class Outcome:
    """What happened to one document: the report it became, or why it failed (named by its current source)."""

    source_ref: str
    key: str
    report_id: str | None
    error: str | None
    content: str | None = None  # content_hash: what the next build compares with
    reason: str | None = None  # the stored reason it failed, without the file's name


def _process_into(version_folder: str, key: str, document: Document, process: Process) -> dict:
    """In a worker: run ``process`` on one document and store its entry; only the small summary goes back."""
    return ResultStore.at(Path(version_folder)).save(key, process(document))


def process_all(documents: Iterable[Document | KnownDocument], store: ResultStore, process: Process, workers: int,
                counts: Counts) -> Iterator[Outcome]:
    """An Outcome for every document, in order; documents already in the store are not processed again.
    At most a few documents per worker are in flight, so memory does not grow with the corpus.
    A KnownDocument (of a file unchanged since the last build) is reused without being read."""
    pending: deque = deque()
    pool = None
    window = 4 * workers
    try:
        for document in documents:
            if isinstance(document, KnownDocument):
                counts.reused += 1
                pending.append((document.source_ref, document.key, document.content_hash, document.summary))
                continue
            content = content_hash(document)
            key = document_key(document, content)
            summary = store.summary(key)
            if summary is not None:
                counts.reused += 1
                pending.append((document.source_ref, key, content, summary))
            else:
                counts.processed += 1
                if workers > 1:
                    pool = pool or ProcessPoolExecutor(max_workers=workers)
                    arguments = (_process_into, str(store.folder), key, document, process)
                    try:
                        future = pool.submit(*arguments)
                    except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = ProcessPoolExecutor(max_workers=workers)
                        future = pool.submit(*arguments)
                    pending.append((document.source_ref, key, content, future))
                else:
                    pending.append((document.source_ref, key, content,
                                    _process_into(str(store.folder), key, document, process)))
            while len(pending) > window or (pending and not hasattr(pending[0][3], "result")):
                yield _resolve(*pending.popleft())
        while pending:
            yield _resolve(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _resolve(source_ref: str, key: str, content: str, summary) -> Outcome:
    if hasattr(summary, "result"):
        try:
            summary = summary.result()
        except Exception as error:  # a worker that died (killed, out of memory): that document's error
            summary = {"error": f"failed to process ({type(error).__name__}: {error})"}
    if summary["error"]:
        # The stored reason never names a file: a renamed document's error names it as it is now.
        return Outcome(source_ref, key, None, f"{source_ref}: {summary['error']}", content, summary["error"])
    return Outcome(source_ref, key, summary["report_id"], None, content)
